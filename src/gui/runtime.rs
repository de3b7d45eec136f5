//! What the window holds only while it runs, apart from the document (which undo covers)
//! and the preferences (which persist): the open dialog, the latest message, which side
//! windows are open, where the keyboard goes next, and commands waiting on an answer.

use std::sync::mpsc::Receiver;

use super::action::{Command, Focus};
use super::app::{Dialog, Toast};

/// The app's runtime state, in one place.
#[derive(Default)]
pub struct Runtime {
    /// A field to give the keyboard focus to in the next frame.
    pub focus: Option<Focus>,
    /// The open modal, if any.
    pub dialog: Option<Dialog>,
    /// The latest message.
    pub toast: Option<Toast>,
    /// Whether the problems list is shown.
    pub show_problems: bool,
    /// Whether the pages-by-section window is shown.
    pub show_budget: bool,
    /// Files and addresses handed to the opener, until it says how it went.
    pub opening: Vec<(String, Receiver<Result<(), String>>)>,
    /// Text to put on the clipboard at the end of the frame.
    pub to_clipboard: Option<String>,
    /// What to do once a Save As started from the unsaved-changes question has saved.
    pub after_save: Option<Command>,
    /// The category of the event last edited, for quick add.
    pub last_category: Option<String>,
    /// The story page being imported, while the app asks where to save its dossier.
    pub importing: Option<std::path::PathBuf>,
}
