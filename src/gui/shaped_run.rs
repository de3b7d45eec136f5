//! A run of shaped glyphs painted from the glyphs themselves: each glyph's outline (skrifa)
//! where layout put it, filled by vello_cpu — the rasteriser egui's own text uses — into one
//! small texture per run. The preview paints a run this way when egui could not set its text
//! the same: right-to-left text (egui has no bidi) and faces egui does not hold. Textures
//! are kept while the run stays the same at the same zoom.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use egui::{Color32, ColorImage, Context, Painter, Pos2, Rect, TextureHandle, TextureOptions};
use skrifa::MetadataProvider as _;
use skrifa::raw::TableProvider as _;
use vello_cpu::{color, kurbo};

use crate::layout::pages::{GlyphRun, Rgb};

/// Runs kept at most; past it the cache starts afresh (a zoom or a new layout).
const KEPT: usize = 512;

/// The textures of runs painted lately.
#[derive(Clone, Default)]
struct Kept(HashMap<u64, Option<(TextureHandle, Rect)>>);

/// Paints `run` with its top-left at `page` (screen points), `scale` screen points per PDF
/// point, `pixels` physical pixels per screen point. False when no glyph could be drawn.
pub fn paint(painter: &Painter, run: &GlyphRun, page: Pos2, scale: f32, pixels: f32) -> bool {
    let key = key(run, scale * pixels);
    let ctx = painter.ctx();
    let id = egui::Id::unique("briefing-shaped-runs");
    let kept = ctx.data_mut(|d| d.get_temp::<Kept>(id).and_then(|k| k.0.get(&key).cloned()));
    let entry = match kept {
        Some(entry) => entry,
        None => {
            let entry = raster(ctx, run, scale * pixels, key);
            ctx.data_mut(|d| {
                let kept = d.get_temp_mut_or_default::<Kept>(id);
                if kept.0.len() >= KEPT {
                    kept.0.clear();
                }
                kept.0.insert(key, entry.clone());
            });
            entry
        }
    };
    let Some((texture, bounds)) = entry else {
        return false;
    };
    // `bounds` is in pixels from the run's origin; place it in screen points.
    let origin = page + egui::vec2(run.origin.x, run.origin.y) * scale;
    let rect = Rect::from_min_size(
        origin + bounds.min.to_vec2() / pixels,
        bounds.size() / pixels,
    );
    let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
    painter.image(texture.id(), rect, uv, Color32::WHITE);
    true
}

fn key(run: &GlyphRun, px_per_pt: f32) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    run.face.hash(&mut h);
    run.size_pt.to_bits().hash(&mut h);
    px_per_pt.to_bits().hash(&mut h);
    (run.color.0, run.color.1, run.color.2).hash(&mut h);
    for g in &run.glyphs {
        g.id.hash(&mut h);
        g.advance_em.to_bits().hash(&mut h);
        g.offset_em.0.to_bits().hash(&mut h);
        g.offset_em.1.to_bits().hash(&mut h);
    }
    h.finish()
}

/// The run's glyphs as one path, in pixels from the run's origin (its pen on the baseline).
fn outline(run: &GlyphRun, px_per_pt: f32) -> Option<kurbo::BezPath> {
    let face = run.face.registered()?;
    let font = skrifa::FontRef::from_index(face.data(), face.index).ok()?;
    let upem = f32::from(font.head().ok()?.units_per_em()).max(1.0);
    let outlines = font.outline_glyphs();
    let size = run.size_pt * px_per_pt;
    let mut path = kurbo::BezPath::new();
    let mut pen_x = 0.0f32;
    for g in &run.glyphs {
        if let Some(glyph) = outlines.get(skrifa::GlyphId::new(u32::from(g.id))) {
            let mut pen = Pen {
                path: &mut path,
                x: f64::from(pen_x + g.offset_em.0 * size),
                y: f64::from(-g.offset_em.1 * size),
                k: f64::from(size / upem),
            };
            let settings = skrifa::outline::DrawSettings::unhinted(
                skrifa::instance::Size::unscaled(),
                skrifa::instance::LocationRef::default(),
            );
            let _ = glyph.draw(settings, &mut pen);
        }
        pen_x += g.advance_em * size;
    }
    Some(path)
}

fn raster(
    ctx: &Context,
    run: &GlyphRun,
    px_per_pt: f32,
    key: u64,
) -> Option<(TextureHandle, Rect)> {
    let path = outline(run, px_per_pt)?;
    let bounds = kurbo::Shape::bounding_box(&path).expand();
    let width = u16::try_from(bounds.width() as i64 + 2).ok()?;
    let height = u16::try_from(bounds.height() as i64 + 2).ok()?;
    if bounds.width() <= 0.0 || bounds.height() <= 0.0 {
        return None;
    }
    let mut render = vello_cpu::RenderContext::new(width, height);
    render.set_transform(kurbo::Affine::translate((1.0 - bounds.x0, 1.0 - bounds.y0)));
    let Rgb(r, g, b) = run.color;
    render.set_paint(color::OpaqueColor::<color::Srgb>::from_rgb8(r, g, b));
    render.fill_path(&path);
    let mut pixmap = vello_cpu::Pixmap::new(width, height);
    render.render(&mut pixmap, &mut vello_cpu::Resources::new());
    let pixels = pixmap
        .data_as_u8_slice()
        .chunks_exact(4)
        .map(|p| Color32::from_rgba_premultiplied(p[0], p[1], p[2], p[3]))
        .collect();
    let image = ColorImage::new([usize::from(width), usize::from(height)], pixels);
    let texture = ctx.load_texture(format!("run-{key:x}"), image, TextureOptions::LINEAR);
    let min = Pos2::new((bounds.x0 - 1.0) as f32, (bounds.y0 - 1.0) as f32);
    Some((
        texture,
        Rect::from_min_size(min, egui::vec2(f32::from(width), f32::from(height))),
    ))
}

/// Builds a path from an outline in font units, y up, into pixels, y down.
struct Pen<'a> {
    path: &'a mut kurbo::BezPath,
    x: f64,
    y: f64,
    k: f64,
}

impl Pen<'_> {
    fn at(&self, x: f32, y: f32) -> kurbo::Point {
        kurbo::Point::new(
            self.x + f64::from(x) * self.k,
            self.y - f64::from(y) * self.k,
        )
    }
}

impl skrifa::outline::OutlinePen for Pen<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        let p = self.at(x, y);
        self.path.move_to(p);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let p = self.at(x, y);
        self.path.line_to(p);
    }

    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        let (c, p) = (self.at(cx0, cy0), self.at(x, y));
        self.path.quad_to(c, p);
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        let (c0, c1, p) = (self.at(cx0, cy0), self.at(cx1, cy1), self.at(x, y));
        self.path.curve_to(c0, c1, p);
    }

    fn close(&mut self) {
        self.path.close_path();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::pages::Item;

    #[test]
    fn an_arabic_run_is_outlined_as_wide_as_it_prints() {
        let mut dossier = crate::store::default_dossier().unwrap().doc;
        dossier.people[0].stance =
            "\u{645}\u{62d}\u{645}\u{62f} \u{628}\u{646} \u{633}\u{644}\u{645}\u{627}\u{646}"
                .into();
        let brief = crate::synthetic::full_brief();
        let laid = crate::layout::lay_out(&crate::compose(&dossier, &brief)).unwrap();
        let run = laid
            .pages
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .find_map(|i| match i {
                Item::Text(run) if run.text.contains('\u{645}') => Some(run.clone()),
                _ => None,
            })
            .expect("an Arabic run");
        let path = outline(&run, 2.0).expect("the face is registered");
        let bounds = kurbo::Shape::bounding_box(&path);
        // Two pixels a point: the ink spans most of the run's advance, above the baseline.
        let width = f64::from(run.width_pt() * 2.0);
        assert!(
            bounds.width() > width * 0.6 && bounds.width() < width * 1.2,
            "{bounds:?} vs {width}"
        );
        assert!(bounds.y0 < 0.0, "ink above the baseline: {bounds:?}");
    }
}
