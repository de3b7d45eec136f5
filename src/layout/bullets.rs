//! A list item: its bullet, then its content indented beside it. The bullet is drawn first,
//! so that a reader meets it before the item, and only when the item starts on this page.

use super::blocks::next_page;
use genpdf::render::Area;
use genpdf::style::Style;
use genpdf::{Context, Element, Mm, Position, RenderResult, Size};

/// Indent of an item's content from its bullet.
const INDENT_MM: f64 = 4.0;

/// One bulleted item.
pub struct Bullet {
    bullet: String,
    style: Style,
    body: Box<dyn Element>,
    started: bool,
}

impl Bullet {
    /// `body` after `bullet`, the bullet set in `style` (its mark included).
    pub fn new(bullet: &str, style: Style, body: Box<dyn Element>) -> Bullet {
        Bullet {
            bullet: bullet.to_owned(),
            style,
            body,
            started: false,
        }
    }
}

impl Element for Bullet {
    fn render(
        &mut self,
        context: &Context,
        mut area: Area<'_>,
        style: Style,
    ) -> Result<RenderResult, genpdf::error::Error> {
        let bullet_style = style.and(self.style);
        if !self.started {
            // Room for two lines, or the item starts on the next page.
            if area.size().height < bullet_style.line_height(&context.font_cache) * 2.0 {
                return Ok(next_page());
            }
            area.print_str(
                &context.font_cache,
                Position::default(),
                bullet_style,
                &self.bullet,
            )?;
            self.started = true;
        }
        area.add_offset(Position::new(Mm::from(INDENT_MM), 0));
        let result = self.body.render(context, area, style)?;
        Ok(RenderResult {
            size: Size::new(result.size.width + Mm::from(INDENT_MM), result.size.height),
            has_more: result.has_more,
        })
    }
}
