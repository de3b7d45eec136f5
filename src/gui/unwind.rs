//! A window the window system destroys outright ends in a panic inside winit, not in this
//! crate (winit 0.30's X11 backend unwraps `XTranslateCoordinates` on the next repaint of a
//! window that no longer exists). It is caught here, after the app has been dropped — which
//! keeps its unsaved changes for the next start (see `App`'s `Drop`) — so the process ends with
//! a line saying what happened, never the panic's exit 101.

use std::panic::{AssertUnwindSafe, PanicHookInfo, catch_unwind};
use std::sync::{Mutex, PoisonError};

/// The message of the last panic on the window's thread.
static LAST: Mutex<Option<String>> = Mutex::new(None);

/// How the window ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ended<T> {
    /// It returned.
    Returned(T),
    /// The window system took the window away.
    Destroyed,
    /// Something else panicked; the message and where.
    Failed(String),
}

/// Runs `window` (the event loop), catching a panic on this thread. Panics on other threads
/// are reported as before.
pub fn run<T>(window: impl FnOnce() -> T) -> Ended<T> {
    let previous = std::panic::take_hook();
    let this = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() == this {
            *LAST.lock().unwrap_or_else(PoisonError::into_inner) = Some(describe(info));
        } else {
            previous(info);
        }
    }));
    let result = catch_unwind(AssertUnwindSafe(window));
    // Back to the default hook: the window is gone, what follows is the CLI's.
    drop(std::panic::take_hook());
    match result {
        Ok(value) => Ended::Returned(value),
        Err(_) => {
            let message = LAST
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take()
                .unwrap_or_default();
            if window_gone(&message) {
                Ended::Destroyed
            } else {
                Ended::Failed(message)
            }
        }
    }
}

fn describe(info: &PanicHookInfo<'_>) -> String {
    let payload = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_default();
    match info.location() {
        Some(at) => format!("{payload} (at {}:{})", at.file(), at.line()),
        None => payload,
    }
}

/// True for the panics winit and eframe raise about a window that no longer exists.
fn window_gone(message: &str) -> bool {
    [
        "error_kind: Window",
        "BadWindow",
        "winit window doesn't exist",
        "viewport doesn't exist",
    ]
    .iter()
    .any(|m| message.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_returning_window_returns() {
        assert_eq!(run(|| 7), Ended::Returned(7));
    }

    #[test]
    fn a_destroyed_window_is_told_from_a_bug() {
        let winit = "called `Result::unwrap()` on an `Err` value: X11(X11Error { error_kind: Window, error_code: 3 })";
        assert!(window_gone(winit));
        assert!(!window_gone("index out of bounds"));
        let ended = run(|| -> () { panic!("index out of bounds") });
        let Ended::Failed(message) = ended else {
            panic!("{ended:?}")
        };
        assert!(message.contains("index out of bounds"), "{message}");
        assert!(message.contains("unwind.rs"), "{message}");
    }
}
