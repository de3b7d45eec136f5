//! Ids for imported items: a slug from the title or name, unique across the dossier. Pure.

use std::collections::HashSet;

use crate::edit::item;
use crate::model::Dossier;

/// The most characters of text a slug keeps (after its prefix), cut at a word boundary.
const MAX_SLUG_CHARS: usize = 40;

/// `text` as a slug: lowercase ASCII letters and digits joined by single hyphens, accents
/// dropped ("Zelenskyy’s plan — 2025" -> "zelenskyys-plan-2025"), at most about 40 characters.
/// Empty when the text has no letter or digit that survives.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    let mut gap = false;
    let mut previous = ' ';
    for c in text.chars().flat_map(fold) {
        if c.is_ascii_alphanumeric() {
            if gap && !slug.is_empty() {
                slug.push('-');
            }
            gap = false;
            slug.push(c.to_ascii_lowercase());
        } else if matches!(c, '\'' | '\u{2019}' | '\u{2018}')
            || (c == '.' && previous.is_ascii_alphabetic())
        {
            // An apostrophe or an abbreviation's dot joins ("Zelenskyy's" -> "zelenskyys",
            // "U.S." -> "us"); anything else separates.
        } else {
            gap = true;
        }
        previous = c;
    }
    if slug.len() <= MAX_SLUG_CHARS {
        return slug;
    }
    // Cut at the last hyphen that keeps it within the limit, or hard if there is none, and
    // leave no small word dangling at the end ("push-to-end-the").
    let cut = slug[..=MAX_SLUG_CHARS].rfind('-').unwrap_or(MAX_SLUG_CHARS);
    slug.truncate(cut);
    const DANGLING: [&str; 10] = [
        "the", "a", "an", "of", "to", "and", "in", "on", "for", "with",
    ];
    while let Some((head, last)) = slug.rsplit_once('-')
        && DANGLING.contains(&last)
    {
        slug.truncate(head.len());
    }
    slug
}

/// A Latin letter with a diacritic as its base letter; other characters as they are.
fn fold(c: char) -> Vec<char> {
    let base = match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' => 'd',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È'..='Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'e',
        'ì'..='ï' | 'ī' | 'į' | 'ı' | 'Ì'..='Ï' | 'Ī' | 'Į' | 'İ' => 'i',
        'ł' | 'ľ' | 'ĺ' | 'Ł' | 'Ľ' | 'Ĺ' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' | 'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ő' => 'o',
        'ŕ' | 'ř' | 'Ŕ' | 'Ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => 's',
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => 't',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ù'..='Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => 'u',
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        'ß' => return vec!['s', 's'],
        'æ' | 'Æ' => return vec!['a', 'e'],
        'œ' | 'Œ' => return vec!['o', 'e'],
        other => other,
    };
    vec![base]
}

/// The ids in use in a dossier, handing out fresh ones.
#[derive(Debug, Clone, Default)]
pub struct Ids {
    used: HashSet<String>,
}

impl Ids {
    /// The ids of every item already in `dossier`, of every kind.
    pub fn of(dossier: &Dossier) -> Ids {
        let used = item::items(dossier)
            .into_iter()
            .map(|(_, _, x)| x.id().to_owned())
            .collect();
        Ids { used }
    }

    /// A new id `prefix` + the slug of `text` (`"ev-"`, `"Kremlin talks"` ->
    /// `ev-kremlin-talks`), with `-2`, `-3`, … added if it is taken; reserved from then on.
    /// `prefix` may be empty; a text without letters or digits gives `prefix` + `item`.
    pub fn fresh(&mut self, prefix: &str, text: &str) -> String {
        let slug = slugify(text);
        let slug = if slug.is_empty() { "item" } else { &slug };
        let base = format!("{prefix}{slug}");
        let mut id = base.clone();
        let mut n = 2;
        while self.used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.used.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_and_short() {
        assert_eq!(
            slugify("Zelenskyy’s plan — “constructive”, 2025!"),
            "zelenskyys-plan-constructive-2025"
        );
        assert_eq!(slugify("Škoda Ærø Straße"), "skoda-aero-strasse");
        assert_eq!(slugify("   "), "");
        assert_eq!(slugify("U.S. talks, Dec. 2"), "us-talks-dec-2");
        assert_eq!(
            slugify("Trump’s Contentious Push to End the Ukraine War"),
            "trumps-contentious-push-to-end"
        );
        let long = slugify("Witkoff and Kushner hold marathon Kremlin talks with Putin in Moscow");
        assert!(long.len() <= MAX_SLUG_CHARS, "{long}");
        assert!(!long.ends_with('-'), "{long}");
        assert!(long.starts_with("witkoff-and-kushner"), "{long}");
    }

    #[test]
    fn ids_are_unique_across_kinds() {
        let mut ids = Ids::default();
        assert_eq!(ids.fresh("", "Donald Trump"), "donald-trump");
        assert_eq!(ids.fresh("", "Donald Trump"), "donald-trump-2");
        assert_eq!(ids.fresh("ev-", "…"), "ev-item");
        assert_eq!(ids.fresh("ev-", "—"), "ev-item-2");
    }
}
