//! Lays the brief out off the UI thread, so typing never waits for genpdf. The window sends
//! each new composed brief; the worker lays out only the newest one it has been sent, answers
//! with the pages, and asks egui for a repaint. The preview shows the newest pages it has.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::Duration;

use crate::compose::Composed;
use crate::layout::{self, Laid};

/// A composed brief to lay out.
struct Request {
    revision: u64,
    composed: Arc<Composed>,
    /// Woken when the pages are ready; `None` in benchmarks, which have no window.
    ctx: Option<egui::Context>,
}

/// The worker's answer to one request.
struct Done {
    revision: u64,
    result: Result<Arc<Laid>, String>,
}

/// The newest layout the worker has finished.
#[derive(Debug, Clone)]
pub struct Finished {
    /// The revision of the composed brief it was made from ([`super::session::Session::revision`]).
    pub revision: u64,
    /// The pages, or why there are none.
    pub result: Result<Arc<Laid>, String>,
}

/// The thread that lays the brief out, and what it last answered.
pub struct LayoutWorker {
    requests: Sender<Request>,
    results: Receiver<Done>,
    /// The revision last sent.
    sent: Option<u64>,
    /// The newest answer.
    finished: Option<Finished>,
    /// The newest pages that laid out, kept while a later revision fails or is pending.
    pages: Option<Arc<Laid>>,
}

impl LayoutWorker {
    /// Starts the thread; it ends when the worker is dropped.
    pub fn start() -> LayoutWorker {
        let (requests, inbox) = channel::<Request>();
        let (outbox, results) = channel::<Done>();
        let spawned = thread::Builder::new()
            .name("briefing-layout".into())
            .spawn(move || serve(&inbox, &outbox));
        if let Err(e) = spawned {
            // Without the thread every request stays pending; the preview says so and export
            // still lays out on its own.
            eprintln!("briefing: cannot start the layout thread: {e}");
        }
        LayoutWorker {
            requests,
            results,
            sent: None,
            finished: None,
            pages: None,
        }
    }

    /// Sends the composed brief to be laid out, unless this revision was sent already.
    pub fn request(
        &mut self,
        ctx: Option<&egui::Context>,
        revision: u64,
        composed: &Arc<Composed>,
    ) {
        if self.sent == Some(revision) {
            return;
        }
        let request = Request {
            revision,
            composed: Arc::clone(composed),
            ctx: ctx.cloned(),
        };
        if self.requests.send(request).is_ok() {
            self.sent = Some(revision);
        }
    }

    /// Takes the worker's answers; true when there was one.
    pub fn poll(&mut self) -> bool {
        let mut any = false;
        while let Ok(done) = self.results.try_recv() {
            self.accept(done);
            any = true;
        }
        any
    }

    fn accept(&mut self, done: Done) {
        if let Ok(laid) = &done.result {
            self.pages = Some(Arc::clone(laid));
        }
        self.finished = Some(Finished {
            revision: done.revision,
            result: done.result,
        });
    }

    /// True while the newest revision sent has not come back.
    pub fn pending(&self) -> bool {
        self.sent.is_some() && self.sent != self.finished.as_ref().map(|f| f.revision)
    }

    /// Waits until the newest revision sent has come back, or `timeout` has passed; false then.
    /// Tests use it so what they assert on is laid out; the window never waits.
    pub fn settle(&mut self, timeout: Duration) -> bool {
        let deadline = std::time::Instant::now() + timeout;
        self.poll();
        while self.pending() {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.results.recv_timeout(left) {
                Ok(done) => self.accept(done),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return false,
            }
        }
        true
    }

    /// The newest pages that laid out.
    pub fn laid(&self) -> Option<&Arc<Laid>> {
        self.pages.as_ref()
    }

    /// The newest answer, pages or error.
    pub fn finished(&self) -> Option<&Finished> {
        self.finished.as_ref()
    }

    /// The pages of `revision`, if they are the newest answer.
    pub fn laid_for(&self, revision: u64) -> Option<&Arc<Laid>> {
        match &self.finished {
            Some(Finished {
                revision: r,
                result: Ok(laid),
            }) if *r == revision => Some(laid),
            _ => None,
        }
    }
}

/// The thread: take the newest request, lay it out, answer, repeat.
fn serve(inbox: &Receiver<Request>, outbox: &Sender<Done>) {
    while let Ok(mut request) = inbox.recv() {
        // Requests that arrived while the last layout ran are stale but for the newest.
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        let result = catch_unwind(AssertUnwindSafe(|| layout::lay_out(&request.composed)))
            .map_err(|_| "the layout engine failed on this brief".to_owned())
            .and_then(|r| r.map(Arc::new).map_err(|e| e.to_string()));
        let done = Done {
            revision: request.revision,
            result,
        };
        if outbox.send(done).is_err() {
            return;
        }
        if let Some(ctx) = &request.ctx {
            ctx.request_repaint();
        }
    }
}
