//! Finishing what genpdf writes, so the file is as small and as readable as a typesetter's.
//!
//! genpdf (through printpdf) embeds every face whole with a width for every glyph and a
//! ToUnicode map that writes characters beyond U+FFFF as bare hex, which text extractors
//! reject. This pass, over the finished file with lopdf:
//! - subsets each face to the glyphs the pages use (subsetter, from the typst project). The
//!   page content keeps its glyph ids as CIDs; a CIDToGIDMap sends each to its glyph in the
//!   subset, so nothing in the content streams has to be rewritten;
//! - writes widths and a correct ToUnicode map for just those glyphs, so copy, search and
//!   `pdftotext` give back every word;
//! - sets the document's title, author and subject, adds one bookmark per section, and
//!   compresses every stream.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use lopdf::{Bookmark, Dictionary, Document, Object, ObjectId, Stream, StringFormat};

/// What the finishing pass needs to know about the brief.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// Document title.
    pub title: String,
    /// Document author.
    pub author: String,
    /// Document subject.
    pub subject: String,
    /// One bookmark per section: its title and the page (from 1) it starts on.
    pub outline: Vec<(String, usize)>,
}

/// What went wrong finishing the file.
#[derive(Debug, thiserror::Error)]
pub enum FinishError {
    /// The PDF genpdf wrote could not be read back.
    #[error("cannot read back the PDF: {0}")]
    Pdf(#[from] lopdf::Error),
    /// A face could not be subset.
    #[error("cannot subset an embedded font: {0:?}")]
    Subset(subsetter::Error),
    /// The PDF has a shape this pass does not expect.
    #[error("unexpected PDF structure: {0}")]
    Shape(&'static str),
    /// Writing the file failed.
    #[error("cannot write the PDF: {0}")]
    Io(#[from] std::io::Error),
}

/// Subsets, maps, labels and compresses a PDF written by genpdf.
pub fn finish(pdf: &[u8], meta: &Meta) -> Result<Vec<u8>, FinishError> {
    let mut doc = Document::load_mem(pdf)?;
    let used = glyphs_in_use(&doc)?;
    for (font_id, glyphs) in &used {
        subset_font(&mut doc, *font_id, glyphs)?;
    }
    drop_unused_fonts(&mut doc, &used);
    set_info(&mut doc, meta);
    add_outline(&mut doc, &meta.outline)?;
    doc.prune_objects();
    compress(&mut doc);
    let mut out = Vec::new();
    doc.save_to(&mut out)?;
    Ok(out)
}

/// Deflates every stream not yet filtered, at zlib's default level: lopdf's own `compress`
/// uses the best level, several times slower for a file a few percent smaller.
fn compress(doc: &mut Document) {
    use std::io::Write as _;
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.has(b"Filter") || stream.content.len() < 64 {
            continue;
        }
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let Ok(deflated) = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.finish())
        else {
            continue;
        };
        if deflated.len() < stream.content.len() {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(deflated);
        }
    }
}

/// The glyph ids each Type0 font prints, over every page.
fn glyphs_in_use(doc: &Document) -> Result<HashMap<ObjectId, BTreeSet<u16>>, FinishError> {
    let mut used: HashMap<ObjectId, BTreeSet<u16>> = HashMap::new();
    for page_id in doc.get_pages().into_values() {
        let fonts = page_font_ids(doc, page_id)?;
        let content = doc.get_page_content(page_id)?;
        for (font, gids) in shown_glyphs(&content) {
            if let Some(id) = fonts.get(&font) {
                used.entry(*id).or_default().extend(gids);
            }
        }
    }
    Ok(used)
}

/// The glyph ids shown with each font resource name in a content stream written by printpdf:
/// `/F0 10 Tf` selects a font, `<00480045> Tj` shows two-byte glyph ids. A scanner for exactly
/// that is far cheaper than a general content parser, and anything else is skipped.
fn shown_glyphs(content: &[u8]) -> HashMap<Vec<u8>, BTreeSet<u16>> {
    let mut shown: HashMap<Vec<u8>, BTreeSet<u16>> = HashMap::new();
    let mut last_name: Option<&[u8]> = None;
    let mut font: Option<&[u8]> = None;
    let mut strings: Vec<&[u8]> = Vec::new();
    let mut i = 0;
    while i < content.len() {
        match content[i] {
            b'/' => {
                let end = content[i + 1..]
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || b"/<>[]()".contains(b))
                    .map_or(content.len(), |p| i + 1 + p);
                last_name = Some(&content[i + 1..end]);
                i = end;
            }
            b'<' if content.get(i + 1) != Some(&b'<') => {
                let end = content[i..]
                    .iter()
                    .position(|b| *b == b'>')
                    .map_or(content.len(), |p| i + p);
                strings.push(&content[i + 1..end]);
                i = end + 1;
            }
            b'(' => {
                // Literal strings are not glyph ids; skip them, minding escapes and nesting.
                let mut depth = 0;
                while i < content.len() {
                    match content[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            c if c.is_ascii_alphabetic() || c == b'\'' || c == b'"' => {
                let end = content[i..]
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || b"*'\"".contains(b)))
                    .map_or(content.len(), |p| i + p);
                match &content[i..end] {
                    b"Tf" => font = last_name,
                    b"Tj" | b"TJ" | b"'" | b"\"" => {
                        if let Some(f) = font {
                            let set = shown.entry(f.to_vec()).or_default();
                            for hex in &strings {
                                set.extend(hex_glyphs(hex));
                            }
                        }
                    }
                    _ => {}
                }
                strings.clear();
                i = end;
            }
            _ => i += 1,
        }
    }
    shown
}

/// Two-byte glyph ids from the digits of a hex string, whitespace ignored.
fn hex_glyphs(hex: &[u8]) -> Vec<u16> {
    let digits: Vec<u8> = hex
        .iter()
        .filter_map(|b| (*b as char).to_digit(16))
        .map(|d| d as u8)
        .collect();
    digits
        .chunks_exact(4)
        .map(|q| q.iter().fold(0u16, |acc, d| (acc << 4) | u16::from(*d)))
        .collect()
}

/// Removes faces no page prints from the pages' resources, so pruning drops them whole.
fn drop_unused_fonts(doc: &mut Document, used: &HashMap<ObjectId, BTreeSet<u16>>) {
    let keep = |obj: &Object| obj.as_reference().map_or(true, |id| used.contains_key(&id));
    let prune = |dict: &mut Dictionary| {
        let unused: Vec<Vec<u8>> = dict
            .iter()
            .filter(|(_, obj)| !keep(obj))
            .map(|(name, _)| name.clone())
            .collect();
        for name in unused {
            dict.remove(&name);
        }
    };
    // genpdf writes each page's resources inline or by reference, and the font table too.
    let mut font_tables: Vec<ObjectId> = Vec::new();
    let mut resource_dicts: Vec<ObjectId> = Vec::new();
    for page_id in doc.get_pages().into_values() {
        let Ok(page) = doc.get_object_mut(page_id).and_then(Object::as_dict_mut) else {
            continue;
        };
        match page.get_mut(b"Resources") {
            Ok(Object::Reference(id)) => resource_dicts.push(*id),
            Ok(Object::Dictionary(res)) => match res.get_mut(b"Font") {
                Ok(Object::Reference(id)) => font_tables.push(*id),
                Ok(Object::Dictionary(fonts)) => prune(fonts),
                _ => {}
            },
            _ => {}
        }
    }
    for id in resource_dicts {
        let Ok(res) = doc.get_object_mut(id).and_then(Object::as_dict_mut) else {
            continue;
        };
        match res.get_mut(b"Font") {
            Ok(Object::Reference(table)) => font_tables.push(*table),
            Ok(Object::Dictionary(fonts)) => prune(fonts),
            _ => {}
        }
    }
    for id in font_tables {
        if let Ok(fonts) = doc.get_object_mut(id).and_then(Object::as_dict_mut) {
            prune(fonts);
        }
    }
}

/// Font resource names of a page, to the object ids of the font dictionaries.
fn page_font_ids(
    doc: &Document,
    page_id: ObjectId,
) -> Result<HashMap<Vec<u8>, ObjectId>, FinishError> {
    let page = doc.get_dictionary(page_id)?;
    let resources = match page.get(b"Resources") {
        Ok(r) => doc.dereference(r)?.1.as_dict()?,
        Err(_) => return Ok(HashMap::new()),
    };
    let fonts = match resources.get(b"Font") {
        Ok(f) => doc.dereference(f)?.1.as_dict()?,
        Err(_) => return Ok(HashMap::new()),
    };
    Ok(fonts
        .iter()
        .filter_map(|(name, obj)| obj.as_reference().ok().map(|id| (name.clone(), id)))
        .collect())
}

fn subset_font(
    doc: &mut Document,
    font_id: ObjectId,
    used: &BTreeSet<u16>,
) -> Result<(), FinishError> {
    let shape = FinishError::Shape;
    let type0 = doc.get_dictionary(font_id)?.clone();
    if type0.get(b"Subtype")?.as_name()? != b"Type0" {
        return Ok(());
    }
    let descendants = doc
        .dereference(type0.get(b"DescendantFonts")?)?
        .1
        .as_array()?
        .clone();
    let descendant = descendants
        .first()
        .ok_or(shape("Type0 font without a descendant"))?;
    let (cid_ref, cid_font) = doc.dereference(descendant)?;
    let mut cid_font = cid_font.as_dict()?.clone();
    let descriptor_id = cid_font.get(b"FontDescriptor")?.as_reference()?;
    let mut descriptor = doc.get_dictionary(descriptor_id)?.clone();
    let file_id = descriptor.get(b"FontFile2")?.as_reference()?;
    let file = doc.get_object(file_id)?.as_stream()?;
    let data = file
        .decompressed_content()
        .unwrap_or_else(|_| file.content.clone());

    let face =
        ttf_parser::Face::parse(&data, 0).map_err(|_| shape("an embedded font does not parse"))?;
    let chars = chars_of_glyphs(&face, used);
    let units = f32::from(face.units_per_em());
    let name = face
        .names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .and_then(|n| n.to_string())
        .unwrap_or_else(|| "Font".into());

    let mut remapper = subsetter::GlyphRemapper::new();
    for gid in used {
        remapper.remap(*gid);
    }
    let subset = subsetter::subset(&data, 0, &remapper).map_err(FinishError::Subset)?;

    // CID (the old glyph id in the content) -> glyph id in the subset.
    let max_cid = used.iter().copied().max().unwrap_or(0);
    let mut cid_to_gid = vec![0u8; (usize::from(max_cid) + 1) * 2];
    for cid in used {
        let gid = remapper.get(*cid).unwrap_or(0);
        let at = usize::from(*cid) * 2;
        cid_to_gid[at..at + 2].copy_from_slice(&gid.to_be_bytes());
    }

    let mut widths = Vec::new();
    for cid in used {
        let advance = face
            .glyph_hor_advance(ttf_parser::GlyphId(*cid))
            .unwrap_or(0);
        let width = (f32::from(advance) * 1000.0 / units).round() as i64;
        widths.push(Object::Integer(i64::from(*cid)));
        widths.push(Object::Array(vec![Object::Integer(width)]));
    }

    let tagged = format!("{}+{name}", subset_tag(used));
    let mut file_dict = Dictionary::new();
    file_dict.set("Length1", Object::Integer(subset.len() as i64));
    let file_id = doc.add_object(Stream::new(file_dict, subset));
    let map_id = doc.add_object(Stream::new(Dictionary::new(), cid_to_gid));
    let to_unicode_id = doc.add_object(Stream::new(
        Dictionary::new(),
        to_unicode_cmap(&chars).into_bytes(),
    ));

    descriptor.set("FontFile2", Object::Reference(file_id));
    descriptor.set("FontName", Object::Name(tagged.clone().into_bytes()));
    doc.objects
        .insert(descriptor_id, Object::Dictionary(descriptor));

    cid_font.set("BaseFont", Object::Name(tagged.clone().into_bytes()));
    cid_font.set("W", Object::Array(widths));
    cid_font.set("CIDToGIDMap", Object::Reference(map_id));
    let cid_font = Object::Dictionary(cid_font);
    let descendants = match cid_ref {
        Some(id) => {
            doc.objects.insert(id, cid_font);
            Object::Array(vec![Object::Reference(id)])
        }
        None => Object::Array(vec![Object::Reference(doc.add_object(cid_font))]),
    };
    let mut type0 = type0;
    type0.set("BaseFont", Object::Name(tagged.into_bytes()));
    type0.set("DescendantFonts", descendants);
    type0.set("ToUnicode", Object::Reference(to_unicode_id));
    doc.objects.insert(font_id, Object::Dictionary(type0));
    Ok(())
}

/// For each glyph, the character it stands for: the lowest code point that maps to it, so a
/// glyph shared by "-" and U+2011 reads back as the plain hyphen a search would type.
fn chars_of_glyphs(face: &ttf_parser::Face<'_>, used: &BTreeSet<u16>) -> BTreeMap<u16, char> {
    let mut chars = BTreeMap::new();
    let Some(cmap) = face.tables().cmap else {
        return chars;
    };
    for table in cmap.subtables.into_iter().filter(|t| t.is_unicode()) {
        table.codepoints(|cp| {
            let (Some(c), Some(g)) = (char::from_u32(cp), table.glyph_index(cp)) else {
                return;
            };
            if used.contains(&g.0) {
                chars
                    .entry(g.0)
                    .and_modify(|old: &mut char| *old = (*old).min(c))
                    .or_insert(c);
            }
        });
    }
    chars
}

/// A ToUnicode CMap with one entry per glyph, in UTF-16BE as the PDF format requires.
fn to_unicode_cmap(chars: &BTreeMap<u16, char>) -> String {
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &char)> = chars.iter().collect();
    for block in entries.chunks(100) {
        let _ = writeln!(out, "{} beginbfchar", block.len());
        for (gid, c) in block {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            let _ = writeln!(out, "<{gid:04X}> <{hex}>");
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out
}

/// Six capital letters derived from the glyph set, as the PDF format asks of subset fonts.
fn subset_tag(used: &BTreeSet<u16>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for g in used {
        hash = (hash ^ u64::from(*g)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 5)) % 26) as u8))
        .collect()
}

fn text(s: &str) -> Object {
    // PDF text strings are PDFDocEncoding or UTF-16BE with a byte order mark.
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            bytes.extend_from_slice(&u.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

fn set_info(doc: &mut Document, meta: &Meta) {
    let mut info = Dictionary::new();
    info.set("Title", text(&meta.title));
    if !meta.author.is_empty() {
        info.set("Author", text(&meta.author));
    }
    if !meta.subject.is_empty() {
        info.set("Subject", text(&meta.subject));
    }
    info.set("Creator", text("Briefing"));
    info.set("Producer", text("Briefing (genpdf, lopdf, subsetter)"));
    let id = doc.add_object(Object::Dictionary(info));
    doc.trailer.set("Info", Object::Reference(id));
}

fn add_outline(doc: &mut Document, outline: &[(String, usize)]) -> Result<(), FinishError> {
    if outline.is_empty() {
        return Ok(());
    }
    let pages = doc.get_pages();
    for (title, page) in outline {
        let Some(page_id) = pages.get(&(*page as u32)) else {
            continue;
        };
        doc.add_bookmark(
            Bookmark::new(title.clone(), [0.0, 0.0, 0.0], 0, *page_id),
            None,
        );
    }
    if let Some(outline_id) = doc.build_outline() {
        let catalog = doc.catalog_mut()?;
        catalog.set("Outlines", Object::Reference(outline_id));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_writes_astral_characters_as_surrogate_pairs() {
        let map = BTreeMap::from([(3, 'a'), (7, '\u{1F16A}'), (9, '\u{2011}')]);
        let cmap = to_unicode_cmap(&map);
        assert!(cmap.contains("<0003> <0061>"));
        assert!(cmap.contains("<0007> <D83CDD6A>"));
        assert!(cmap.contains("<0009> <2011>"));
        assert!(cmap.contains("3 beginbfchar"));
    }

    #[test]
    fn scanner_finds_glyphs_per_font() {
        let content = b"BT /F0 10 Tf 1 0 0 1 5 5 Tm <00480045> Tj /F1 7 Tf (lit\\)(x)) Tj [<0001> -20 <0002>] TJ ET";
        let shown = shown_glyphs(content);
        assert_eq!(shown[b"F0".as_slice()], BTreeSet::from([0x48, 0x45]));
        assert_eq!(shown[b"F1".as_slice()], BTreeSet::from([1, 2]));
    }

    #[test]
    fn subset_tags_are_six_capitals() {
        let tag = subset_tag(&BTreeSet::from([1, 2, 3]));
        assert_eq!(tag.len(), 6);
        assert!(tag.chars().all(|c| c.is_ascii_uppercase()));
    }
}
