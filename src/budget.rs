//! The page budget: a brief may say how many pages it should take. Over it, the staffer is
//! told by how much and how many pages each section takes, so they know what to cut. Pure:
//! reads the laid-out pages.

use crate::layout::pages::Pages;
use crate::problem::{Doc, Finding, YamlPath};

/// A warning when `pages` takes more than `budget` pages; `None` within it.
pub fn over_budget(budget: Option<u32>, pages: &Pages) -> Option<Finding> {
    let budget = usize::try_from(budget?).ok()?;
    let count = pages.count();
    if count <= budget {
        return None;
    }
    let over = count - budget;
    let opening = pages.sections.first().and_then(|s| {
        let a = pages.anchor(s.anchor)?;
        let height = pages.pages.get(a.page)?.height_pt.max(1.0);
        Some(a.page as f32 + a.at.y / height)
    });
    let share: Vec<String> = opening
        .map(|p| format!("title and contents: {p:.1}"))
        .into_iter()
        .chain(
            pages
                .sections
                .iter()
                .map(|s| format!("{} {}: {:.1}", s.number, s.heading, s.pages)),
        )
        .collect();
    Some(
        Finding::warning(
            Doc::Brief,
            YamlPath::root().key("page_budget"),
            format!("the brief takes {count} pages, {over} over its budget of {budget}"),
        )
        .with_hint(format!("pages each section takes: {}", share.join("; "))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::pages::{AnchorId, Page, SectionSpan};

    fn pages(n: usize) -> Pages {
        Pages {
            pages: (0..n)
                .map(|_| Page {
                    width_pt: 595.0,
                    height_pt: 842.0,
                    items: Vec::new(),
                })
                .collect(),
            sections: vec![SectionSpan {
                index: 0,
                number: 1,
                heading: "Timeline".to_owned(),
                anchor: AnchorId(0),
                first_page: 0,
                last_page: n - 1,
                pages: 2.5,
            }],
            ..Pages::default()
        }
    }

    #[test]
    fn within_budget_says_nothing() {
        assert!(over_budget(Some(3), &pages(3)).is_none());
        assert!(over_budget(None, &pages(9)).is_none());
    }

    #[test]
    fn over_budget_says_by_how_much_and_what_each_section_takes() {
        let f = over_budget(Some(2), &pages(4)).unwrap();
        assert!(
            f.message.contains("4 pages, 2 over its budget of 2"),
            "{}",
            f.message
        );
        assert!(f.hint.unwrap().contains("1 Timeline: 2.5"));
    }
}
