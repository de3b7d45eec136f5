//! Pages built by hand with real glyph ids, written, and read back: with lopdf for the
//! structure, links and metadata, with pdf-extract for the text a reader would copy.

use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::{Document as Lopdf, Object};

use super::*;
use crate::layout::pages::{
    Anchor, AnchorId, Artifact, Face, Glyph, GlyphRun, Item, Meta, NodeId, OutlineEntry, Page,
    Point, Rect, Rgb, Role, Structure, Tag, Target,
};

const A4: (f32, f32) = (595.0, 842.0);

const WHEN: Timestamp = Timestamp {
    year: 2025,
    month: 6,
    day: 30,
    hour: 13,
    minute: 45,
    second: 7,
};

fn options() -> Options {
    Options {
        pdfa: false,
        created: Some(WHEN),
    }
}

/// A run of `text` in `face` as the layout would make it: one glyph per character, advances
/// from the face.
fn run(face: Face, size_pt: f32, x: f32, y: f32, text: &str, role: Role) -> GlyphRun {
    let registered = face.registered().unwrap();
    let parsed = ttf_parser::Face::parse(registered.data(), 0).unwrap();
    let units = f32::from(parsed.units_per_em());
    let glyphs = text
        .char_indices()
        .map(|(i, c)| {
            let id = parsed.glyph_index(c).map_or(0, |g| g.0);
            let advance = parsed
                .glyph_hor_advance(ttf_parser::GlyphId(id))
                .unwrap_or(0);
            Glyph {
                id,
                advance_em: f32::from(advance) / units,
                offset_em: (0.0, 0.0),
                text: i..i + c.len_utf8(),
            }
        })
        .collect();
    GlyphRun {
        face,
        size_pt,
        color: Rgb(0x20, 0x20, 0x20),
        origin: Point { x, y },
        glyphs,
        text: text.to_owned(),
        role,
    }
}

fn text(face: Face, x: f32, y: f32, s: &str, role: Role) -> Item {
    Item::Text(run(face, 11.0, x, y, s, role))
}

fn content(node: NodeId) -> Role {
    Role::Content(node)
}

fn page(items: Vec<Item>) -> Page {
    Page {
        width_pt: A4.0,
        height_pt: A4.1,
        items,
    }
}

fn meta() -> Meta {
    Meta {
        title: "Talks with Ruritania".to_owned(),
        author: "Policy Unit".to_owned(),
        subject: "Ruritania dossier".to_owned(),
        language: "en-GB".to_owned(),
    }
}

/// Two pages with every kind of node, furniture, rules, an internal and an external link.
fn sample() -> Pages {
    let mut s = Structure::default();
    let sect1 = s.add(Tag::Section, None);
    let h1 = s.add(
        Tag::Heading {
            level: 1,
            title: "1 Situation".to_owned(),
        },
        Some(sect1),
    );
    let p1 = s.add(Tag::Paragraph, Some(sect1));
    let link1 = s.add(Tag::Link, Some(p1));
    let list = s.add(Tag::List, Some(sect1));
    let li = s.add(Tag::ListItem, Some(list));
    let lbl = s.add(Tag::Label, Some(li));
    let lbody = s.add(Tag::ListBody, Some(li));
    let table = s.add(Tag::Table, Some(sect1));
    let row1 = s.add(Tag::Row, Some(table));
    let th1 = s.add(Tag::HeaderCell, Some(row1));
    let th2 = s.add(Tag::HeaderCell, Some(row1));
    let row2 = s.add(Tag::Row, Some(table));
    let td1 = s.add(Tag::Cell, Some(row2));
    let td2 = s.add(Tag::Cell, Some(row2));
    let aside = s.add(Tag::Aside, Some(sect1));
    let aside_p = s.add(Tag::Paragraph, Some(aside));
    let sect2 = s.add(Tag::Section, None);
    let h2 = s.add(
        Tag::Heading {
            level: 1,
            title: "2 Outlook".to_owned(),
        },
        Some(sect2),
    );
    let p2 = s.add(Tag::Paragraph, Some(sect2));
    let link2 = s.add(Tag::Link, Some(p2));
    let note = s.add(Tag::Note, Some(sect2));
    let facts = s.add(Tag::Table, Some(sect2));
    let facts_row = s.add(Tag::Row, Some(facts));
    let facts_th = s.add(Tag::HeaderCell, Some(facts_row));
    let facts_td = s.add(Tag::Cell, Some(facts_row));
    let steps = s.add(Tag::List, Some(sect2));
    let step = s.add(Tag::ListItem, Some(steps));
    let step_lbl = s.add(Tag::Label, Some(step));
    let step_body = s.add(Tag::ListBody, Some(step));

    let header = Role::Artifact(Artifact::Header);
    let footer = Role::Artifact(Artifact::Footer);
    const BOLD: Face = Face::BOLD;
    const ITALIC: Face = Face::ITALIC;
    const REGULAR: Face = Face::REGULAR;
    // Runs placed one after another on a line, as the layout would.
    let see = run(
        REGULAR,
        11.0,
        56.0,
        110.0,
        "The talks resume on Monday. See ",
        content(p1),
    );
    let outlook_x = 56.0 + see.width_pt();
    let outlook = run(REGULAR, 11.0, outlook_x, 110.0, "Outlook", content(link1));
    let stop_x = outlook_x + outlook.width_pt();
    let outlook_width = outlook.width_pt();
    let details = run(REGULAR, 11.0, 56.0, 110.0, "Details at ", content(p2));
    let site_x = 56.0 + details.width_pt();
    let site = run(REGULAR, 11.0, site_x, 110.0, "example.org", content(link2));
    let site_width = site.width_pt();
    let page1 = page(vec![
        text(
            REGULAR,
            56.0,
            30.0,
            "Talks with Ruritania \u{2014} restricted",
            header,
        ),
        Item::Text(run(BOLD, 16.0, 56.0, 80.0, "1 Situation", content(h1))),
        Item::Line {
            from: Point { x: 56.0, y: 86.0 },
            to: Point { x: 539.0, y: 86.0 },
            width_pt: 0.5,
            color: Rgb(0x80, 0x80, 0x80),
            role: content(sect1),
        },
        Item::Text(see),
        Item::Text(outlook),
        Item::Link {
            rect: Rect {
                x: outlook_x,
                y: 100.0,
                width: outlook_width,
                height: 13.0,
            },
            target: Target::Anchor(AnchorId(1)),
            node: link1,
            alt: "Go to 2 Outlook".to_owned(),
        },
        text(REGULAR, stop_x, 110.0, ".", content(p1)),
        text(REGULAR, 56.0, 140.0, "\u{2022}", content(lbl)),
        text(
            REGULAR,
            68.0,
            140.0,
            "Ceasefire holds \u{2248} 3 weeks",
            content(lbody),
        ),
        Item::Rect {
            rect: Rect {
                x: 56.0,
                y: 160.0,
                width: 483.0,
                height: 16.0,
            },
            fill: Rgb(0xe8, 0xe8, 0xe8),
            role: content(table),
        },
        Item::Text(run(BOLD, 11.0, 60.0, 172.0, "Item", content(th1))),
        Item::Text(run(BOLD, 11.0, 300.0, 172.0, "Status", content(th2))),
        text(REGULAR, 60.0, 190.0, "Talks", content(td1)),
        text(REGULAR, 300.0, 190.0, "Open", content(td2)),
        Item::Rect {
            rect: Rect {
                x: 56.0,
                y: 210.0,
                width: 4.0,
                height: 30.0,
            },
            fill: Rgb(0x1f, 0x4e, 0x79),
            role: content(aside),
        },
        Item::Text(run(
            ITALIC,
            10.0,
            66.0,
            225.0,
            "Staff note: press the \u{00a3} figure.",
            content(aside_p),
        )),
        text(REGULAR, 280.0, 820.0, "1 of 2", footer),
    ]);
    let page2 = page(vec![
        text(
            REGULAR,
            56.0,
            30.0,
            "Talks with Ruritania \u{2014} restricted",
            header,
        ),
        Item::Text(run(BOLD, 16.0, 56.0, 80.0, "2 Outlook", content(h2))),
        Item::Text(details),
        Item::Link {
            rect: Rect {
                x: site_x,
                y: 100.0,
                width: site_width,
                height: 13.0,
            },
            target: Target::Url("https://example.org/talks".to_owned()),
            node: link2,
            alt: "example.org/talks".to_owned(),
        },
        Item::Text(site),
        text(
            REGULAR,
            56.0,
            140.0,
            "1 Source: the ministry.",
            content(note),
        ),
        text(REGULAR, 280.0, 820.0, "2 of 2", footer),
        // After the footer in drawing order, so the indices above stay put for the edits in
        // `awkward_pages_never_panic`.
        Item::Text(run(
            BOLD,
            11.0,
            56.0,
            170.0,
            "Prepared for",
            content(facts_th),
        )),
        text(REGULAR, 160.0, 170.0, "Principals", content(facts_td)),
        text(REGULAR, 56.0, 200.0, "1.", content(step_lbl)),
        text(
            REGULAR,
            68.0,
            200.0,
            "Agree the monitors",
            content(step_body),
        ),
    ]);
    Pages {
        pages: vec![page1, page2],
        structure: s,
        anchors: vec![
            Anchor {
                page: 0,
                at: Point { x: 56.0, y: 64.0 },
            },
            Anchor {
                page: 1,
                at: Point { x: 56.0, y: 64.0 },
            },
        ],
        outline: vec![
            OutlineEntry {
                title: "1 Situation".to_owned(),
                anchor: AnchorId(0),
                children: vec![],
            },
            OutlineEntry {
                title: "2 Outlook".to_owned(),
                anchor: AnchorId(1),
                children: vec![OutlineEntry {
                    title: "2.1 Next round".to_owned(),
                    anchor: AnchorId(1),
                    children: vec![],
                }],
            },
        ],
        sections: vec![],
        meta: meta(),
        items: Vec::new(),
    }
}

fn load(bytes: &[u8]) -> Lopdf {
    Lopdf::load_mem(bytes).expect("lopdf reads what krilla wrote")
}

fn resolve<'a>(doc: &'a Lopdf, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).expect("reference resolves"),
        other => other,
    }
}

fn name(object: &Object) -> String {
    match object {
        Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
        other => format!("{other:?}"),
    }
}

fn string(doc: &Lopdf, object: &Object) -> String {
    match resolve(doc, object) {
        Object::String(bytes, _) => {
            if bytes.starts_with(&[0xfe, 0xff]) {
                let units: Vec<u16> = bytes[2..]
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
                    .collect();
                String::from_utf16_lossy(&units)
            } else {
                String::from_utf8_lossy(bytes).into_owned()
            }
        }
        other => format!("{other:?}"),
    }
}

fn catalog(doc: &Lopdf) -> &lopdf::Dictionary {
    doc.catalog().expect("catalog")
}

/// The structure tree as text: `Type[children]`, marked content as its MCID, annotations as
/// `annot`. Reading order is the order of the text.
fn structure(doc: &Lopdf) -> String {
    fn walk(doc: &Lopdf, object: &Object, out: &mut String) {
        match resolve(doc, object) {
            Object::Integer(mcid) => out.push_str(&mcid.to_string()),
            Object::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    walk(doc, item, out);
                }
            }
            Object::Dictionary(d) => {
                if let Ok(kind) = d.get(b"S") {
                    out.push_str(&name(kind));
                    // Table header scope and list numbering, as `TH(Row)` and `L(Disc)`.
                    let attributes = match d.get(b"A").map(|a| resolve(doc, a)) {
                        Ok(Object::Array(items)) => items.iter().collect(),
                        Ok(one) => vec![one],
                        Err(_) => vec![],
                    };
                    for a in attributes {
                        let Object::Dictionary(a) = resolve(doc, a) else {
                            continue;
                        };
                        for key in [&b"Scope"[..], b"ListNumbering"] {
                            if let Ok(value) = a.get(key) {
                                out.push_str(&format!("({})", name(value)));
                            }
                        }
                    }
                    out.push('[');
                    if let Ok(kids) = d.get(b"K") {
                        walk(doc, kids, out);
                    }
                    out.push(']');
                } else if d.get(b"Obj").is_ok() {
                    out.push_str("annot");
                } else if let Ok(mcid) = d.get(b"MCID") {
                    walk(doc, mcid, out);
                } else {
                    out.push('?');
                }
            }
            other => out.push_str(&format!("{other:?}")),
        }
    }
    let root = resolve(doc, catalog(doc).get(b"StructTreeRoot").expect("tagged"));
    let Object::Dictionary(root) = root else {
        panic!("struct tree root is a dictionary")
    };
    let mut out = String::new();
    walk(doc, root.get(b"K").expect("root has kids"), &mut out);
    out
}

#[test]
fn the_sample_meets_pdf_ua() {
    let bytes = write(&sample(), &options()).expect("writes");
    assert!(bytes.starts_with(b"%PDF-1.7"));
    let doc = load(&bytes);
    assert_eq!(doc.get_pages().len(), 2);

    let catalog = catalog(&doc);
    assert_eq!(string(&doc, catalog.get(b"Lang").unwrap()), "en-GB");
    let Object::Dictionary(mark) = resolve(&doc, catalog.get(b"MarkInfo").unwrap()) else {
        panic!("mark info")
    };
    assert_eq!(mark.get(b"Marked").unwrap(), &Object::Boolean(true));
    let Object::Dictionary(prefs) = resolve(&doc, catalog.get(b"ViewerPreferences").unwrap())
    else {
        panic!("viewer preferences")
    };
    assert_eq!(
        prefs.get(b"DisplayDocTitle").unwrap(),
        &Object::Boolean(true),
        "the window shows the title"
    );
    assert!(catalog.get(b"Outlines").is_ok());

    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("pdfuaid:part"), "XMP claims PDF/UA-1");
    assert!(!text.contains("pdfaid:part"), "no PDF/A claim unless asked");
}

#[test]
fn metadata_names_the_brief() {
    let bytes = write(&sample(), &options()).unwrap();
    let doc = load(&bytes);
    let info = doc.trailer.get(b"Info").unwrap();
    let Object::Dictionary(info) = resolve(&doc, info) else {
        panic!("info dictionary")
    };
    assert_eq!(
        string(&doc, info.get(b"Title").unwrap()),
        "Talks with Ruritania"
    );
    assert_eq!(string(&doc, info.get(b"Author").unwrap()), "Policy Unit");
    assert_eq!(
        string(&doc, info.get(b"Subject").unwrap()),
        "Ruritania dossier"
    );
    let program = format!("Briefing {}", env!("CARGO_PKG_VERSION"));
    assert_eq!(string(&doc, info.get(b"Creator").unwrap()), program);
    assert_eq!(string(&doc, info.get(b"Producer").unwrap()), program);
    assert!(string(&doc, info.get(b"CreationDate").unwrap()).starts_with("D:20250630134507"));
}

#[test]
fn without_a_date_none_is_written_unless_pdfa() {
    let plain = Options {
        pdfa: false,
        created: None,
    };
    let bytes = write(&sample(), &plain).unwrap();
    assert!(!String::from_utf8_lossy(&bytes).contains("/CreationDate"));
}

#[test]
fn pdfa_also_validates() {
    let pdfa = Options {
        pdfa: true,
        created: None,
    };
    let bytes = write(&sample(), &pdfa).expect("PDF/A-2b and PDF/UA-1 together");
    assert!(bytes.starts_with(b"%PDF-1.7"));
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("pdfaid:part"), "XMP claims PDF/A");
    assert!(text.contains("pdfuaid:part"), "and PDF/UA");
    assert!(
        text.contains("/CreationDate"),
        "PDF/A needs a date, so now is used"
    );
    assert!(text.contains("/OutputIntents"));
}

#[test]
fn the_same_pages_give_the_same_bytes() {
    let a = write(&sample(), &options()).unwrap();
    let b = write(&sample(), &options()).unwrap();
    assert!(a == b, "output depends only on the input");
}

#[test]
fn the_text_comes_back() {
    let bytes = write(&sample(), &options()).unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("extracts");
    // pdf-extract guesses spaces between runs; what matters is that every word is there.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in [
        "1 Situation",
        "The talks resume on Monday. See Outlook",
        "Ceasefire holds \u{2248} 3 weeks",
        "Status",
        "press the \u{00a3} figure",
        "Details at example.org",
        "1 of 2",
    ] {
        assert!(text.contains(words), "{words:?} missing from {text:?}");
    }
}

#[test]
fn reading_order_is_drawing_order() {
    let bytes = write(&sample(), &options()).unwrap();
    let doc = load(&bytes);
    // The header, footers, rule and boxes are artifacts and appear nowhere. The paragraph's
    // text is split around its link, and the link holds its text and its annotation.
    assert_eq!(
        structure(&doc),
        "Document[\
            Sect[H1[0] P[1 Link[2 annot] 3] L(Disc)[LI[Lbl[4] LBody[5]]] \
                Table[TR[TH(Column)[6] TH(Column)[7]] TR[TD[8] TD[9]]] Div[P[10]]] \
            Sect[H1[0] P[1 Link[annot 2]] Note[3] \
                Table[TR[TH(Row)[4] TD[5]]] L(Decimal)[LI[Lbl[6] LBody[7]]]]\
        ]"
    );
}

#[test]
fn links_carry_their_description_and_target() {
    let bytes = write(&sample(), &options()).unwrap();
    let doc = load(&bytes);
    let mut found = Vec::new();
    for (number, page_id) in doc.get_pages() {
        let page = doc.get_dictionary(page_id).unwrap();
        assert!(
            page.get(b"StructParents").is_ok(),
            "page {number} is tagged"
        );
        let Ok(annots) = page.get(b"Annots") else {
            continue;
        };
        let Object::Array(annots) = resolve(&doc, annots) else {
            panic!("annotation array")
        };
        for annot in annots {
            let Object::Dictionary(a) = resolve(&doc, annot) else {
                panic!("annotation")
            };
            assert_eq!(name(a.get(b"Subtype").unwrap()), "Link");
            assert!(a.get(b"StructParent").is_ok(), "annotation is tagged");
            let alt = string(&doc, a.get(b"Contents").unwrap());
            let target = if let Ok(action) = a.get(b"A") {
                let Object::Dictionary(action) = resolve(&doc, action) else {
                    panic!("action")
                };
                string(&doc, action.get(b"URI").unwrap())
            } else {
                "internal".to_owned()
            };
            found.push((number, alt, target));
        }
    }
    assert_eq!(
        found,
        vec![
            (1, "Go to 2 Outlook".to_owned(), "internal".to_owned()),
            (
                2,
                "example.org/talks".to_owned(),
                "https://example.org/talks".to_owned()
            ),
        ]
    );
}

#[test]
fn the_outline_nests() {
    let bytes = write(&sample(), &options()).unwrap();
    let doc = load(&bytes);
    fn titles(doc: &Lopdf, first: Option<&Object>, depth: usize, out: &mut Vec<String>) {
        let mut next = first.cloned();
        while let Some(object) = next {
            let Object::Dictionary(item) = resolve(doc, &object) else {
                panic!("outline item")
            };
            out.push(format!(
                "{}{}",
                "  ".repeat(depth),
                string(doc, item.get(b"Title").unwrap())
            ));
            titles(doc, item.get(b"First").ok(), depth + 1, out);
            next = item.get(b"Next").ok().cloned();
        }
    }
    let Object::Dictionary(outlines) = resolve(&doc, catalog(&doc).get(b"Outlines").unwrap())
    else {
        panic!("outlines")
    };
    let mut out = Vec::new();
    titles(&doc, outlines.get(b"First").ok(), 0, &mut out);
    assert_eq!(out, ["1 Situation", "2 Outlook", "  2.1 Next round"]);
}

#[test]
fn no_outline_gets_the_title() {
    let mut pages = sample();
    pages.outline.clear();
    let bytes = write(&pages, &options()).expect("PDF/UA needs an outline; one is made");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("/Outlines"));
}

#[test]
fn an_empty_language_means_english() {
    let mut pages = sample();
    pages.meta.language.clear();
    let doc = load(&write(&pages, &options()).unwrap());
    assert_eq!(string(&doc, catalog(&doc).get(b"Lang").unwrap()), "en");
}

#[test]
fn a_missing_glyph_names_face_page_and_text() {
    let mut pages = sample();
    // Roboto has no glyph for this symbol, so the run carries .notdef, glyph 0.
    pages.pages[1].items.push(text(
        Face::BOLD,
        56.0,
        200.0,
        "Arrow \u{1f8a5}",
        content(NodeId(21)),
    ));
    let error = write(&pages, &options()).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with(
            "the PDF/UA-1 file cannot be made: the glyph for \"\u{1f8a5}\" is missing from face \
             Roboto Bold on page 2 in \"Arrow \u{1f8a5}\"\nhint: "
        ),
        "{message}"
    );
}

#[test]
fn no_title_says_to_give_one() {
    let mut pages = sample();
    pages.meta.title = "  ".to_owned();
    let message = write(&pages, &options()).unwrap_err().to_string();
    assert!(message.contains("the brief has no title"), "{message}");
    assert!(
        message.contains("hint: give the brief a title"),
        "{message}"
    );
}

#[test]
fn zero_pages_is_an_error() {
    let error = write(&Pages::default(), &options()).unwrap_err();
    assert_eq!(error, PdfError::NoPages);
}

#[test]
fn layout_mistakes_name_the_place() {
    let mut pages = sample();
    if let Item::Text(run) = &mut pages.pages[0].items[3] {
        run.glyphs[0].text = 0..99;
    }
    let message = write(&pages, &options()).unwrap_err().to_string();
    assert!(message.starts_with("page 1, item 4: glyph "), "{message}");
    assert!(message.contains("hint: this is a bug"), "{message}");
}

/// Awkward pages: each must give `Ok` or `Err`, never a panic (krilla panics on several of
/// them if they reach it unchecked).
#[test]
fn awkward_pages_never_panic() {
    type Edit = fn(&mut Pages);
    const WRITES: bool = true;
    const FAILS: bool = false;
    let cases: Vec<(&str, bool, Edit)> = vec![
        ("zero pages", FAILS, |p| p.pages.clear()),
        ("zero pages and no structure", FAILS, |p| {
            *p = Pages::default()
        }),
        ("artifacts only", WRITES, |p| {
            for page in &mut p.pages {
                page.items.retain(|i| match i {
                    Item::Text(r) => matches!(r.role, Role::Artifact(_)),
                    _ => false,
                });
            }
        }),
        ("pages with nothing on them", WRITES, |p| {
            for page in &mut p.pages {
                page.items.clear();
            }
        }),
        ("nodes with no content", WRITES, |p| {
            for _ in 0..5 {
                p.structure.add(Tag::Table, Some(NodeId(0)));
            }
            p.structure.add(Tag::Paragraph, None);
        }),
        ("content whose parent chain skips nodes", WRITES, |p| {
            // Deep chain of empty nodes; only the innermost draws, on page 2 first.
            let mut parent = NodeId(0);
            for _ in 0..10 {
                parent = p.structure.add(Tag::Section, Some(parent));
            }
            let leaf = p.structure.add(Tag::Paragraph, Some(parent));
            p.pages[1]
                .items
                .insert(0, text(Face::REGULAR, 56.0, 300.0, "deep", content(leaf)));
        }),
        ("a child drawn before its parent", WRITES, |p| {
            p.pages[0].items.swap(3, 4);
        }),
        ("a node's content split across pages", WRITES, |p| {
            p.pages[1]
                .items
                .push(text(Face::REGULAR, 56.0, 400.0, "more", content(NodeId(2))));
        }),
        ("a link whose node has no text", WRITES, |p| {
            p.pages[0].items.remove(4);
        }),
        ("a link alone on a page", WRITES, |p| {
            let link = p.structure.add(Tag::Link, None);
            p.pages[1].items = vec![Item::Link {
                rect: Rect {
                    x: 1.0,
                    y: 1.0,
                    width: 10.0,
                    height: 10.0,
                },
                target: Target::Anchor(AnchorId(0)),
                node: link,
                alt: String::new(),
            }];
        }),
        ("a link with no area", WRITES, |p| {
            if let Item::Link { rect, .. } = &mut p.pages[0].items[5] {
                rect.width = 0.0;
            }
        }),
        ("a link with no description", WRITES, |p| {
            if let Item::Link { alt, .. } = &mut p.pages[0].items[5] {
                alt.clear();
            }
        }),
        ("a link on a node that is not a link", FAILS, |p| {
            if let Item::Link { node, .. } = &mut p.pages[0].items[5] {
                *node = NodeId(2);
            }
        }),
        ("a link to an anchor that does not exist", FAILS, |p| {
            if let Item::Link { target, .. } = &mut p.pages[0].items[5] {
                *target = Target::Anchor(AnchorId(99));
            }
        }),
        ("an anchor on a page that does not exist", FAILS, |p| {
            p.anchors[1].page = 7;
        }),
        ("a bookmark to an anchor that does not exist", FAILS, |p| {
            p.outline[0].anchor = AnchorId(42);
        }),
        ("content of a node that does not exist", FAILS, |p| {
            p.pages[0]
                .items
                .push(text(Face::REGULAR, 5.0, 5.0, "x", content(NodeId(999))));
        }),
        ("a parent that does not exist", FAILS, |p| {
            p.structure.nodes[2].parent = Some(NodeId(1000));
        }),
        ("a node that is its own parent", FAILS, |p| {
            p.structure.nodes[2].parent = Some(NodeId(2));
        }),
        ("parents in a loop", FAILS, |p| {
            p.structure.nodes[0].parent = Some(NodeId(2));
        }),
        ("a chain 10,000 deep", FAILS, |p| {
            let mut parent = NodeId(0);
            for _ in 0..10_000 {
                parent = p.structure.add(Tag::Section, Some(parent));
            }
            p.pages[0]
                .items
                .push(text(Face::REGULAR, 5.0, 5.0, "x", content(parent)));
        }),
        ("an outline 10,000 deep", FAILS, |p| {
            let mut entry = OutlineEntry {
                title: "x".to_owned(),
                anchor: AnchorId(0),
                children: vec![],
            };
            for _ in 0..10_000 {
                entry = OutlineEntry {
                    title: "x".to_owned(),
                    anchor: AnchorId(0),
                    children: vec![entry],
                };
            }
            p.outline = vec![entry];
        }),
        ("a glyph the face does not have", FAILS, |p| {
            if let Item::Text(run) = &mut p.pages[0].items[3] {
                run.glyphs[0].id = u16::MAX;
            }
        }),
        ("glyph 0", FAILS, |p| {
            if let Item::Text(run) = &mut p.pages[0].items[3] {
                run.glyphs[0].id = 0;
            }
        }),
        ("a text range past the end", FAILS, |p| {
            if let Item::Text(run) = &mut p.pages[0].items[3] {
                run.glyphs[0].text = 5..500;
            }
        }),
        ("a text range inside a character", FAILS, |p| {
            if let Item::Text(run) = &mut p.pages[0].items[0] {
                // The em dash is three bytes from byte 21.
                run.glyphs[0].text = 0..22;
            }
        }),
        ("a text range backwards", FAILS, |p| {
            if let Item::Text(run) = &mut p.pages[0].items[3] {
                run.glyphs[0].text = std::ops::Range { start: 3, end: 1 };
            }
        }),
        ("an empty text range", WRITES, |p| {
            if let Item::Text(run) = &mut p.pages[0].items[3] {
                run.glyphs[0].text = 2..2;
            }
        }),
        ("a NUL in the text", WRITES, |p| {
            if let Item::Text(run) = &mut p.pages[0].items[3] {
                run.text.replace_range(0..1, "\0");
            }
        }),
        ("a run with no glyphs", WRITES, |p| {
            if let Item::Text(run) = &mut p.pages[0].items[3] {
                run.glyphs.clear();
            }
        }),
        ("a run with no glyphs is all a node has", WRITES, |p| {
            if let Item::Text(run) = &mut p.pages[1].items[5] {
                run.glyphs.clear();
                run.text.clear();
            }
        }),
        ("a coordinate that is not a number", FAILS, |p| {
            if let Item::Text(run) = &mut p.pages[0].items[3] {
                run.origin.x = f32::NAN;
            }
        }),
        ("an infinite advance", FAILS, |p| {
            if let Item::Text(run) = &mut p.pages[0].items[3] {
                run.glyphs[0].advance_em = f32::INFINITY;
            }
        }),
        ("huge coordinates", WRITES, |p| {
            if let Item::Text(run) = &mut p.pages[0].items[3] {
                run.origin.x = 1e30;
            }
        }),
        ("a zero-size page", FAILS, |p| {
            p.pages[0].width_pt = 0.0;
        }),
        ("a negative page", FAILS, |p| {
            p.pages[0].height_pt = -10.0;
        }),
        ("a zero-length line and an empty box", WRITES, |p| {
            p.pages[0].items.push(Item::Line {
                from: Point { x: 5.0, y: 5.0 },
                to: Point { x: 5.0, y: 5.0 },
                width_pt: 1.0,
                color: Rgb(0, 0, 0),
                role: content(NodeId(0)),
            });
            p.pages[0].items.push(Item::Rect {
                rect: Rect {
                    x: 5.0,
                    y: 5.0,
                    width: 0.0,
                    height: -3.0,
                },
                fill: Rgb(0, 0, 0),
                role: Role::Artifact(Artifact::Layout),
            });
        }),
        ("a negative line width", WRITES, |p| {
            if let Item::Line { width_pt, .. } = &mut p.pages[0].items[2] {
                *width_pt = -2.0;
            }
        }),
        ("a heading with no title", FAILS, |p| {
            p.structure.nodes[1].tag = Tag::Heading {
                level: 0,
                title: String::new(),
            };
        }),
        ("a heading at level 200", WRITES, |p| {
            p.structure.nodes[1].tag = Tag::Heading {
                level: 200,
                title: "deep".to_owned(),
            };
        }),
        ("no title", FAILS, |p| p.meta = Meta::default()),
        ("the same node interleaved with others", WRITES, |p| {
            let a = NodeId(2);
            let b = NodeId(1);
            for i in 0..20 {
                let node = if i % 2 == 0 { a } else { b };
                p.pages[0]
                    .items
                    .push(text(Face::REGULAR, 5.0, 300.0, "ab", content(node)));
            }
        }),
    ];
    let mut panicked = Vec::new();
    let mut surprises = Vec::new();
    for (label, writes, edit) in cases {
        let mut pages = sample();
        edit(&mut pages);
        for pdfa in [false, true] {
            let options = Options {
                pdfa,
                created: Some(WHEN),
            };
            match catch_unwind(AssertUnwindSafe(|| write(&pages, &options))) {
                Ok(Ok(bytes)) => {
                    assert!(bytes.starts_with(b"%PDF-"));
                    if !writes {
                        surprises.push(format!("{label} (pdfa: {pdfa}) wrote a file"));
                    }
                }
                Ok(Err(e)) => {
                    let message = e.to_string();
                    assert!(
                        message.chars().next().is_some_and(char::is_lowercase),
                        "{label}: {message}"
                    );
                    assert!(message.contains("\nhint: "), "{label}: {message}");
                    if writes {
                        surprises.push(format!("{label} (pdfa: {pdfa}) failed: {message}"));
                    }
                }
                Err(_) => panicked.push(format!("{label} (pdfa: {pdfa})")),
            }
        }
    }
    assert!(panicked.is_empty(), "write panicked on: {panicked:?}");
    assert!(surprises.is_empty(), "{surprises:#?}");
}

/// About six A4 pages of body text, as the writer meets a real brief.
fn six_pages() -> Pages {
    // Eleven words a line, forty lines a page: about 2,600 words in all.
    let words = "the delegation will press for a verifiable ceasefire before sanctions relief";
    let mut structure = Structure::default();
    let mut pages = Vec::new();
    for p in 0..6 {
        let section = structure.add(Tag::Section, None);
        let heading = structure.add(
            Tag::Heading {
                level: 1,
                title: format!("Section {}", p + 1),
            },
            Some(section),
        );
        let mut items = vec![Item::Text(run(
            Face::BOLD,
            16.0,
            56.0,
            70.0,
            &format!("Section {}", p + 1),
            content(heading),
        ))];
        let mut y = 100.0;
        for _ in 0..10 {
            let paragraph = structure.add(Tag::Paragraph, Some(section));
            for _ in 0..4 {
                items.push(text(Face::REGULAR, 56.0, y, words, content(paragraph)));
                y += 15.0;
            }
            y += 10.0;
        }
        items.push(text(
            Face::REGULAR,
            280.0,
            820.0,
            &format!("{} of 6", p + 1),
            Role::Artifact(Artifact::Footer),
        ));
        pages.push(page(items));
    }
    Pages {
        pages,
        structure,
        anchors: vec![],
        outline: vec![],
        sections: vec![],
        meta: meta(),
        items: Vec::new(),
    }
}

/// `cargo test --release -- --ignored --nocapture write_speed`: prints how long a six-page
/// write takes, and leaves the sample PDFs in the temp folder for pdfinfo, qpdf and a look.
#[test]
#[ignore = "a measurement, not a check"]
fn write_speed() {
    let pages = six_pages();
    let words: usize = pages.text().split_whitespace().count();
    for pdfa in [false, true] {
        let options = Options {
            pdfa,
            created: Some(WHEN),
        };
        let mut best = std::time::Duration::MAX;
        let mut size = 0;
        for _ in 0..10 {
            let start = std::time::Instant::now();
            let bytes = write(&pages, &options).unwrap();
            best = best.min(start.elapsed());
            size = bytes.len();
        }
        println!(
            "{} pages, {words} words, pdfa {pdfa}: best of 10 {best:?}, {size} bytes",
            pages.count()
        );
    }
    let dir = std::env::temp_dir();
    std::fs::write(
        dir.join("briefing-six.pdf"),
        write(&pages, &options()).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("briefing-sample.pdf"),
        write(&sample(), &options()).unwrap(),
    )
    .unwrap();
    let pdfa = Options {
        pdfa: true,
        created: Some(WHEN),
    };
    std::fs::write(
        dir.join("briefing-sample-pdfa.pdf"),
        write(&sample(), &pdfa).unwrap(),
    )
    .unwrap();
    println!("wrote {}", dir.join("briefing-*.pdf").display());
}
