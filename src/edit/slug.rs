//! Ids made for the staffer: a slug from an item's title or name, unique across the dossier.
//! Made once, when the item is created; a later edit of the title never changes it.

use std::collections::HashSet;

/// The one slug maker, shared with the importers.
pub use crate::import::slug::slugify;

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
    fn ids_are_unique_and_carry_the_parts_prefix() {
        let taken: HashSet<&str> = ["ev-talks", "ev-talks-2"].into_iter().collect();
        assert_eq!(unique_id("ev-", "Talks", &taken), "ev-talks-3");
        assert_eq!(unique_id("ev-", "New talks", &taken), "ev-new-talks");
        assert_eq!(unique_id("", "Keith Kellogg", &taken), "keith-kellogg");
        assert_eq!(unique_id("src-", "", &taken), "src-item");
        assert_eq!(unique_id("ev-", "ev 2025 talks", &taken), "ev-2025-talks");
    }
}
