//! Export time (and the layout's share of it), PDF size, pages and embedded font bytes for each sample brief and for a
//! generated 2,000-event dossier. Run with `cargo bench --bench export`.

use std::time::Instant;

use briefing::{compose, layout, synthetic};

fn font_bytes(pdf_bytes: &[u8]) -> usize {
    let Ok(doc) = lopdf::Document::load_mem(pdf_bytes) else {
        return 0;
    };
    // Every font program a font descriptor points at (krilla embeds CFF as FontFile3).
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has_type(b"FontDescriptor"))
        .flat_map(|d| {
            [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .into_iter()
                .filter_map(|key| d.get(key).ok()?.as_reference().ok())
        })
        .filter_map(|id| doc.get_object(id).ok()?.as_stream().ok())
        .map(|s| s.content.len())
        .sum()
}

fn report(name: &str, composed: &briefing::Composed, runs: usize) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let rendered = match briefing::export::render(composed, &Default::default()) {
            Ok(r) => r,
            Err(e) => panic!("{name}: {e}"),
        };
        times.push(start.elapsed());
        last = Some(rendered);
    }
    times.sort();
    let Some(rendered) = last else { return };
    let median = times[times.len() / 2];
    let mut layout_times: Vec<_> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let laid = layout::lay_out(composed);
            let t = start.elapsed();
            drop(laid);
            t
        })
        .collect();
    layout_times.sort();
    println!(
        "{name:<36} median {:>8.1} ms (layout {:>6.1} ms)  {:>7} bytes  {:>3} pages  {:>6} bytes of fonts  ({runs} runs)",
        median.as_secs_f64() * 1000.0,
        layout_times[layout_times.len() / 2].as_secs_f64() * 1000.0,
        rendered.bytes.len(),
        rendered.pages.count(),
        font_bytes(&rendered.bytes),
    );
}

/// The process's peak resident memory so far, in MB (Linux), from /proc.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    for name in [
        "principal-premeeting.brief.yaml",
        "background-pack.brief.yaml",
    ] {
        let path = briefing::store::briefs_dir_sample(name);
        let opened = match briefing::Opened::open(&path) {
            Ok(o) => o,
            Err(e) => panic!("{e}"),
        };
        report(name, &compose(&opened.dossier.doc, &opened.brief.doc), 21);
    }
    // Largest first, so the peak below is the 2,000-event export's.
    for events in [2000, 1000, 500] {
        let dossier = synthetic::dossier_with_events(events);
        let composed = compose(&dossier, &synthetic::full_brief());
        report(&format!("generated, {events} events"), &composed, 3);
        if events == 2000
            && let Some(mb) = peak_mb()
        {
            println!("peak resident memory after the 2,000-event exports: {mb:.0} MB");
        }
    }
}
