//! Ids made for the staffer: a slug from an item's title or name, unique across the dossier.
//! Made once, when the item is created; a later edit of the title never changes it.

use std::collections::HashSet;

/// Longest slug made from a title, in characters, before the part's prefix.
const MAX_SLUG: usize = 48;

/// `"Vladimir Putin"` -> `"vladimir-putin"`: lowercase ASCII letters and digits, words joined
/// by single hyphens; common accented letters lose their accents, other characters go.
pub fn slugify(title: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'a'..='z' | '0'..='9' => Some(c),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => Some('a'),
            'ç' | 'ć' | 'č' => Some('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => Some('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => Some('i'),
            'ñ' | 'ń' | 'ň' => Some('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => Some('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => Some('u'),
            'ý' | 'ÿ' => Some('y'),
            'ś' | 'š' | 'ß' => Some('s'),
            'ź' | 'ż' | 'ž' => Some('z'),
            'ł' => Some('l'),
            'ř' => Some('r'),
            'ť' => Some('t'),
            'ď' => Some('d'),
            '\'' | '\u{2019}' => None, // "Putin's" -> "putins"
            _ => {
                gap = !out.is_empty();
                continue;
            }
        };
        if let Some(c) = plain {
            if gap {
                out.push('-');
                gap = false;
            }
            out.push(c);
        }
    }
    if out.chars().count() > MAX_SLUG {
        let cut: String = out.chars().take(MAX_SLUG).collect();
        out = match cut.rfind('-') {
            Some(i) if i > MAX_SLUG / 2 => cut[..i].to_owned(),
            _ => cut,
        };
    }
    out
}

/// `prefix` + the slug of `title`, made unique against `taken` by a number: `ev-talks`,
/// `ev-talks-2`, ... A title with no letters or digits gives `prefix` + `item`.
pub fn unique_id(prefix: &str, title: &str, taken: &HashSet<&str>) -> String {
    let slug = slugify(title);
    let base = if slug.is_empty() {
        format!("{prefix}item")
    } else if slug.starts_with(prefix.trim_end_matches('-')) && !prefix.is_empty() {
        slug
    } else {
        format!("{prefix}{slug}")
    };
    if !taken.contains(base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_hyphens() {
        assert_eq!(slugify("Vladimir Putin"), "vladimir-putin");
        assert_eq!(
            slugify("  Zelenskyy's \"peace\" plan — 2025!"),
            "zelenskyys-peace-plan-2025"
        );
        assert_eq!(slugify("Sikorski, Radosław"), "sikorski-radoslaw");
        assert_eq!(slugify("中文"), "");
        assert!(slugify(&"word ".repeat(40)).chars().count() <= MAX_SLUG);
    }

    #[test]
    fn ids_are_unique_and_carry_the_parts_prefix() {
        let taken: HashSet<&str> = ["ev-talks", "ev-talks-2"].into_iter().collect();
        assert_eq!(unique_id("ev-", "Talks", &taken), "ev-talks-3");
        assert_eq!(unique_id("ev-", "New talks", &taken), "ev-new-talks");
        assert_eq!(unique_id("", "Keith Kellogg", &taken), "keith-kellogg");
        assert_eq!(unique_id("src-", "", &taken), "src-item");
        assert_eq!(unique_id("ev-", "ev 2025 talks", &taken), "ev-2025-talks");
    }
}
