//! How wide the sections list and the preview are. The widths are the staffer's, kept in
//! [`crate::gui::prefs::Prefs`]; the panels are drawn at exactly these widths (never at the
//! width their contents last took, which is what let egui's own panels creep wider click by
//! click), and every width is clamped twice: when loaded, and against the window each frame.

use serde::{Deserialize, Serialize};

/// The sections list's bounds.
pub const SECTIONS_RANGE: (f32, f32) = (180.0, 360.0);
/// The preview's narrowest width: a page still readable beside its toolbar.
pub const PREVIEW_MIN: f32 = 300.0;
/// The preview's widest, as a share of the window.
pub const PREVIEW_MAX_SHARE: f32 = 0.6;
/// The preview's width until the staffer drags it, as a share of the window.
pub const PREVIEW_DEFAULT_SHARE: f32 = 0.36;
/// The editor's narrowest width the side panels leave it, window permitting.
pub const EDITOR_MIN: f32 = 380.0;

/// Which side panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The sections list, on the left.
    Sections,
    /// The preview, on the right.
    Preview,
}

/// The widths the staffer chose, in points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PanelWidths {
    /// The sections list.
    pub sections: f32,
    /// The preview; `None` until dragged: then a share of the window.
    pub preview: Option<f32>,
}

impl Default for PanelWidths {
    fn default() -> PanelWidths {
        PanelWidths {
            sections: 250.0,
            preview: None,
        }
    }
}

impl PanelWidths {
    /// The widths as loaded, made safe: a width saved by another build, on another screen, or
    /// broken in the file comes back inside its bounds, or as the default.
    pub fn clamped(self) -> PanelWidths {
        let sections = if self.sections.is_finite() {
            self.sections.clamp(SECTIONS_RANGE.0, SECTIONS_RANGE.1)
        } else {
            PanelWidths::default().sections
        };
        let preview = self
            .preview
            .filter(|w| w.is_finite())
            .map(|w| w.clamp(PREVIEW_MIN, 4000.0));
        PanelWidths { sections, preview }
    }

    /// The widths to draw at in a window `window` points wide: (sections, preview).
    pub fn resolve(&self, window: f32) -> (f32, f32) {
        let clean = self.clamped();
        let sections = clean.sections.min((window * 0.3).max(SECTIONS_RANGE.0));
        let widest = (window * PREVIEW_MAX_SHARE)
            .min(window - sections - EDITOR_MIN)
            .max(PREVIEW_MIN);
        let preview = clean
            .preview
            .unwrap_or(window * PREVIEW_DEFAULT_SHARE)
            .clamp(PREVIEW_MIN, widest);
        (sections, preview)
    }

    /// Sets one width, as dragged; clamped on the next frame against the window.
    pub fn set(&mut self, side: Side, width: f32) {
        if !width.is_finite() {
            return;
        }
        match side {
            Side::Sections => self.sections = width.clamp(SECTIONS_RANGE.0, SECTIONS_RANGE.1),
            Side::Preview => self.preview = Some(width.max(PREVIEW_MIN)),
        }
    }
}

/// A handle on a panel's inner edge at `x`, from `top` to `bottom`: the new width, if dragged.
pub fn resize_handle_ui(
    ui: &egui::Ui,
    side: Side,
    x: f32,
    y: egui::Rangef,
    width: f32,
) -> Option<f32> {
    let rect = egui::Rect::from_x_y_ranges(x - 4.0..=x + 4.0, y);
    let response = ui.interact(
        rect,
        egui::Id::unique(("panel-resize", side == Side::Sections)),
        egui::Sense::drag(),
    );
    if response.hovered() || response.dragged() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
        let stroke = ui.visuals().widgets.hovered.fg_stroke;
        ui.painter().vline(x, y, stroke);
    }
    let dx = response.drag_delta().x;
    if dx == 0.0 {
        return None;
    }
    Some(match side {
        Side::Sections => width + dx,
        Side::Preview => width - dx,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_or_far_out_widths_are_clamped_when_loaded() {
        let w = PanelWidths {
            sections: f32::NAN,
            preview: Some(90.0),
        }
        .clamped();
        assert_eq!(w.sections, PanelWidths::default().sections);
        assert_eq!(w.preview, Some(PREVIEW_MIN));
        let w = PanelWidths {
            sections: 5000.0,
            preview: Some(f32::INFINITY),
        }
        .clamped();
        assert_eq!(w.sections, SECTIONS_RANGE.1);
        assert_eq!(w.preview, None);
    }

    #[test]
    fn the_editor_keeps_its_room_at_1024_and_a_wide_preview_is_cut_back() {
        let w = PanelWidths {
            sections: 360.0,
            preview: Some(3000.0),
        };
        let (sections, preview) = w.resolve(1024.0);
        assert!(
            1024.0 - sections - preview >= EDITOR_MIN - 0.5,
            "{sections} {preview}"
        );
        let (_, preview) = PanelWidths::default().resolve(1920.0);
        assert!((preview - 1920.0 * PREVIEW_DEFAULT_SHARE).abs() < 0.5);
    }
}
