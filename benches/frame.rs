//! CPU time per frame of the real app, for the default brief and for a brief over a generated
//! 2,000-event dossier: idle frames (nothing changed) and frames that each tick a section on
//! or off (compose, validate and preview redone). Run with `cargo bench --bench frame`.

use std::time::Duration;

use briefing::gui::App;
use briefing::gui::action::{Action, Edit, Selection};
use briefing::gui::prefs::Prefs;
use briefing::gui::session::Session;
use briefing::store::{self, Loaded};
use briefing::synthetic;
use cpu_time::ProcessTime;
use eframe::App as _;

const FRAMES: u32 = 120;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut App, frame: &mut eframe::Frame) {
    let out = ctx.run_ui(input(), |ui| app.ui(ui, frame));
    // Tessellation is CPU work every frame costs before the GPU draws.
    let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
}

fn per_frame(mut run: impl FnMut()) -> Duration {
    for _ in 0..10 {
        run();
    }
    let start = ProcessTime::now();
    for _ in 0..FRAMES {
        run();
    }
    start.elapsed() / FRAMES
}

fn measure(name: &str, session: Session, timeline_section: usize) {
    let ctx = egui::Context::default();
    briefing::gui::install_fonts(&ctx);
    let mut app = App::with_prefs(Prefs {
        preview: true,
        ..Prefs::default()
    });
    app.session = session;
    app.selection = Selection::Section(timeline_section);
    let mut eframe_frame = eframe::Frame::_new_kittest();
    let idle = per_frame(|| frame(&ctx, &mut app, &mut eframe_frame));
    let mut on = false;
    let editing = per_frame(|| {
        on = !on;
        app.apply(Action::Edit(Edit::SetIncluded {
            section: 0,
            included: on,
        }));
        frame(&ctx, &mut app, &mut eframe_frame);
    });
    println!(
        "{name:<34} idle {:>7.2} ms/frame   editing {:>7.2} ms/frame",
        idle.as_secs_f64() * 1000.0,
        editing.as_secs_f64() * 1000.0
    );
}

fn main() {
    let sample = store::briefs_dir_sample("principal-premeeting.brief.yaml");
    let opened = match briefing::Opened::open(&sample) {
        Ok(o) => o,
        Err(e) => panic!("{e}"),
    };
    let timeline = opened
        .brief
        .doc
        .sections
        .iter()
        .position(|s| s.kind == briefing::model::SectionKind::Timeline)
        .unwrap_or(0);
    measure(
        "default brief (premeeting sample)",
        Session::from_parts(opened.brief.doc, Some(sample), opened.dossier),
        timeline,
    );

    let dossier = synthetic::dossier_with_events(2000);
    let brief = synthetic::full_brief();
    let timeline = brief
        .sections
        .iter()
        .position(|s| s.kind == briefing::model::SectionKind::Timeline)
        .unwrap_or(0);
    let loaded = Loaded {
        doc: dossier,
        name: "generated".into(),
        text: String::new(),
    };
    measure(
        "2,000-event dossier, every section",
        Session::from_parts(brief, None, loaded),
        timeline,
    );
}
