//! CPU time per frame of the real app's UI thread, for the default brief and for a brief over
//! a generated 2,000-event dossier: idle frames (nothing changed, the preview painting the
//! timeline's first pages), idle frames zoomed out to a quarter (more pages in view), and
//! frames that each tick a section on or off (compose and validate redone, the brief sent to
//! the layout thread). The layout itself runs on its own thread, so its time is reported
//! apart, as wall time of one `lay_out`. The dossier editor on the 2,000-event timeline is
//! measured too: the list, an event's form open, and typing into it. Run with
//! `cargo bench --bench frame`.

use std::time::{Duration, Instant};

use briefing::edit::{Part, Value};
use briefing::gui::App;
use briefing::gui::action::{Action, Edit, Selection};
use briefing::gui::prefs::Prefs;
use briefing::gui::session::Session;
use briefing::store::{self, Loaded};
use briefing::{layout, synthetic};
use cpu_time::ThreadTime;
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

/// CPU time of this thread, the UI thread, per call of `run`.
fn per_frame(mut run: impl FnMut()) -> Duration {
    for _ in 0..10 {
        run();
    }
    let start = ThreadTime::now();
    for _ in 0..FRAMES {
        run();
    }
    start.elapsed() / FRAMES
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
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

    let start = Instant::now();
    let laid = layout::lay_out(app.session.composed());
    let layout_time = start.elapsed();
    let pages = laid.map_or(0, |l| l.pages.count());

    assert!(app.settle(), "the layout thread did not answer");
    // The preview at the timeline's first page, a dense table, as when the staffer picks it.
    app.apply(Action::Select(Selection::Section(timeline_section)));
    let idle = per_frame(|| frame(&ctx, &mut app, &mut eframe_frame));
    let shown = app.preview.visible.clone();
    app.preview.zoom = 0.25;
    let zoomed_out = per_frame(|| frame(&ctx, &mut app, &mut eframe_frame));
    app.preview.zoom = 1.0;
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
        "{name:<34} idle {:>6.2}   zoomed out {:>6.2}   editing {:>6.2} ms/frame   \
         layout {:>7.1} ms ({pages} pages, on its own thread; idle shows pages {}-{})",
        ms(idle),
        ms(zoomed_out),
        ms(editing),
        ms(layout_time),
        shown.start + 1,
        shown.end,
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
        Session::from_parts(brief.clone(), None, loaded.clone()),
        timeline,
    );
    let mut session = Session::from_parts(brief, None, loaded);
    // Not written: a path makes it editable, as a dossier of the staffer's own is.
    session.dossier_file = Some("generated.dossier.yaml".into());
    measure_dossier_editor("2,000-event dossier, editor", session);
}

/// The dossier editor on the timeline: idle with the list only, idle with an event's form
/// open, and typing into that event's summary (each keystroke an edit of the dossier: one
/// undo step, compose and validate redone).
fn measure_dossier_editor(name: &str, session: Session) {
    let ctx = egui::Context::default();
    briefing::gui::install_fonts(&ctx);
    let mut app = App::with_prefs(Prefs {
        preview: true,
        ..Prefs::default()
    });
    app.session = session;
    let mut eframe_frame = eframe::Frame::_new_kittest();
    assert!(app.settle(), "the layout thread did not answer");
    app.apply(Action::Select(Selection::Dossier(Some(Part::Timeline))));
    let list = per_frame(|| frame(&ctx, &mut app, &mut eframe_frame));
    let event = app.session.dossier.doc.timeline[1000].clone();
    app.apply(Action::OpenItem(Some(event.id.clone())));
    let open = per_frame(|| frame(&ctx, &mut app, &mut eframe_frame));
    let mut typed = event;
    let typing = per_frame(|| {
        typed.summary.push('x');
        app.apply(Action::DossierEdit {
            edit: briefing::edit::Edit::Set(Value::Event(typed.clone())),
            typing: Some(format!("{} summary", typed.id)),
        });
        frame(&ctx, &mut app, &mut eframe_frame);
    });
    println!(
        "{name:<34} list {:>6.2}   form open {:>6.2}   typing {:>6.2} ms/frame",
        ms(list),
        ms(open),
        ms(typing),
    );
}
