//! Everything the user can do, as values. Panels push these; `App` applies them in one place
//! after the frame is drawn. [`Edit`]s change the brief and are undoable; [`Command`]s are the
//! menu and shortcut commands, and share one label and one shortcut between both.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::history::EditKind;
use super::panels::preview::ScrollTarget;
use super::widths::Side;
pub use crate::edit::brief::{Edit, ListField, TextField, list_of, text_of};

/// A user action.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// An undoable change to the brief.
    Edit(Edit),
    /// An undoable change to the dossier, and to the brief where it refers to what changed.
    /// `typing` names the field typed in, so a run of keystrokes is one undo step.
    DossierEdit {
        /// The change.
        edit: crate::edit::Edit,
        /// The field typed in, e.g. "ev-talks title"; `None` for a step of its own.
        typing: Option<String>,
    },
    /// Open one dossier item's form in the dossier editor (`None` closes it).
    OpenItem(Option<String>),
    /// A menu or shortcut command.
    Command(Command),
    /// Show the brief details or one section in the editor, and scroll the preview to it.
    Select(Selection),
    /// Scroll the preview, e.g. to where a link in it goes.
    ScrollPreview(ScrollTarget),
    /// Zoom the preview (Ctrl+scroll), keeping a point of a page where it is in the view.
    ZoomPreview {
        /// The new zoom, as a multiple of "fit width".
        zoom: f32,
        /// What to keep in place.
        keep: ScrollTarget,
    },
    /// Show where an item prints: its section in the editor, the item in the preview.
    ShowItem {
        /// The section that prints it, by index.
        section: usize,
        /// The item's id.
        id: String,
    },
    /// Open a web address from a link in the preview.
    OpenLink(String),
    /// Open a file (the PDF just written) in the system's viewer.
    OpenFile(PathBuf),
    /// Show the folder a file is in.
    ShowFolder(PathBuf),
    /// Put text on the clipboard.
    Copy(String),
    /// Dismiss the message at the foot of the window.
    DismissToast,
    /// An answer to a question the app asked (a crash copy, a file changed on disk).
    Answer(Answer),
    /// Go to where a problem is: select its section or the details, focus its field.
    GoTo(super::locations::Target),
    /// A side panel dragged to a new width.
    ResizePanel { side: Side, width: f32 },
}

/// The staffer's answer to a question the app asked. Applied with every other action, after
/// the frame is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Restore the crash copy offered: over its file if that is as it was, else ask again.
    Restore,
    /// Restore the crash copy offered over its file, though the file changed since.
    RestoreOver,
    /// Restore the crash copy offered as a new, untitled brief, to be saved elsewhere.
    RestoreUntitled,
    /// Not now: keep the crash copy offered, to be offered again next time.
    KeepRecovered,
    /// Delete the crash copy offered.
    DiscardRecovered,
    /// Write the brief to this file, over what it holds now.
    Overwrite(PathBuf),
    /// Read this file again, discarding the changes in the window.
    Reload(PathBuf),
    /// Open the brief picked in the Open dialog; unsaved changes were asked about before.
    OpenChosen(PathBuf),
    /// Start an empty dossier at this path, and a brief on it; unsaved changes were asked
    /// about before.
    NewDossierAt(PathBuf),
}

/// A field the next frame gives the keyboard focus to: the one a button just created, or
/// where the staffer's typing goes next. Runtime state, set by the app after an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The first field of the editor (Tab from nowhere lands here, not in the menu bar).
    First,
    /// One entry of a list of the details.
    Line(ListField, usize),
    /// A section's heading.
    Heading,
    /// A text field of the details.
    Text(TextField),
    /// A note on the section shown, by index.
    SectionNote(usize),
    /// A note on an item, by index in the brief's annotations.
    ItemNote(usize),
    /// A field of the dossier's own, by its name in the file ("title", "overview").
    HeadField(&'static str),
    /// A field of the dossier item whose form is open, by its name in the file ("title");
    /// the first field of the form for "".
    ItemField(&'static str),
}

/// What the editor shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Selection {
    /// Title, meeting, marking and the rest.
    #[default]
    Details,
    /// One section, by index.
    Section(usize),
    /// The dossier editor: its own fields (`None`) or one list of items.
    Dossier(Option<crate::edit::Part>),
}

/// A menu or shortcut command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Start a new brief over the built-in dossier.
    New,
    /// Start a new brief from a template, over the open brief's dossier.
    NewFromTemplate(super::templates::Template),
    /// Start a new brief from the open one: same sections and notes, no meeting.
    NewFromThis,
    /// Ask for a brief to open.
    Open,
    /// Open this brief.
    OpenPath(PathBuf),
    /// Save to the brief's file, or ask where.
    Save,
    /// Ask where to save.
    SaveAs,
    /// Save to this path.
    SaveTo(PathBuf),
    /// Export the PDF beside the brief, or to the last export path.
    ExportPdf,
    /// Ask where to export.
    ExportAs,
    /// Export to this path.
    ExportTo(PathBuf),
    /// Ask where to write a press copy, and what it keeps.
    PressCopy,
    /// Write the press copy to this path; the brief is not changed.
    ExportPressTo {
        path: PathBuf,
        keep_bottom_line: bool,
        keep_prepared_for: bool,
    },
    /// Start an empty dossier: ask where to save it, then a new brief on it.
    NewDossier,
    /// Ask for a story page (a new dossier) or a spreadsheet of events (into this one).
    Import,
    /// Import this file: a story page asks where to save the new dossier; events go into
    /// the open dossier.
    ImportFrom(PathBuf),
    /// Write the imported story page's dossier to `to`, and start a brief on it.
    ImportStoryTo { from: PathBuf, to: PathBuf },
    /// Ask where to save a copy of the dossier (the built-in one cannot be changed).
    SaveDossierCopy,
    /// Write the dossier to `path` and point the brief at it.
    SaveDossierCopyTo(PathBuf),
    /// A new event dated today in the last category used, its title focused.
    QuickAdd,
    /// Ask before deleting a dossier item, saying where the brief uses it.
    AskDelete(String),
    /// Ask for a new id for an item.
    AskChangeId(String),
    /// Ask for a new name for an event category, to rename it everywhere.
    AskRenameCategory(String),
    /// Take back the last edit.
    Undo,
    /// Redo what undo took back.
    Redo,
    /// Show or hide the preview.
    TogglePreview,
    /// Make the preview's pages larger.
    ZoomIn,
    /// Make the preview's pages smaller.
    ZoomOut,
    /// Fit the preview's pages to the panel's width.
    FitWidth,
    /// Show or hide the list of problems.
    ToggleProblems,
    /// Show or hide the pages each section takes.
    ToggleBudget,
    /// Close the window.
    Quit,
}

impl Command {
    /// The commands with a keyboard shortcut, in the order they are checked: Shift variants
    /// first, since Ctrl+Z would also match Ctrl+Shift+Z.
    pub const SHORTCUTS: [Command; 13] = [
        Command::Redo,
        Command::QuickAdd,
        Command::SaveAs,
        Command::Undo,
        Command::New,
        Command::Open,
        Command::Save,
        Command::ExportPdf,
        Command::TogglePreview,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::FitWidth,
        Command::Quit,
    ];

    /// The menu label.
    pub fn label(&self) -> &'static str {
        match self {
            Command::New => "New",
            Command::NewFromTemplate(t) => t.label(),
            Command::NewFromThis => "New brief from this one",
            Command::Open | Command::OpenPath(_) => "Open…",
            Command::Save | Command::SaveTo(_) => "Save",
            Command::SaveAs => "Save As…",
            Command::ExportPdf | Command::ExportTo(_) => "Export PDF",
            Command::ExportAs => "Export PDF to…",
            Command::PressCopy | Command::ExportPressTo { .. } => "Press copy…",
            Command::NewDossier => "New dossier\u{2026}",
            Command::Import | Command::ImportFrom(_) | Command::ImportStoryTo { .. } => {
                "Import\u{2026}"
            }
            Command::SaveDossierCopy | Command::SaveDossierCopyTo(_) => {
                "Save a copy of the dossier as\u{2026}"
            }
            Command::QuickAdd => "Quick add event",
            Command::AskDelete(_) => "Delete\u{2026}",
            Command::AskChangeId(_) => "Change id\u{2026}",
            Command::AskRenameCategory(_) => "Rename this category everywhere\u{2026}",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::TogglePreview => "Preview",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::FitWidth => "Fit width",
            Command::ToggleProblems => "Problems",
            Command::ToggleBudget => "Pages by section",
            Command::Quit => "Quit",
        }
    }

    /// What the command does, for a tooltip.
    pub fn hint(&self) -> &'static str {
        match self {
            Command::ExportPdf | Command::ExportTo(_) => "Write the PDF beside the brief",
            Command::Undo => "Take back the last change",
            Command::QuickAdd => "A new event dated today, in the last category used",
            Command::NewDossier => "Start a dossier on a topic of your own, and a brief on it",
            Command::Import => {
                "A story page becomes a new dossier; a CSV or TSV of events is added to this one"
            }
            Command::Redo => "Put back what Undo took back",
            _ => self.label(),
        }
    }

    /// A second shortcut: Ctrl+= zooms in too, as in browsers, since + needs Shift on many
    /// keyboards; Ctrl+Y redoes, as in Word.
    pub fn other_shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            Command::ZoomIn => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals)),
            Command::Redo => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)),
            _ => None,
        }
    }

    /// True for the commands that act on the preview, which do nothing while it is hidden.
    pub fn is_zoom(&self) -> bool {
        matches!(self, Command::ZoomIn | Command::ZoomOut | Command::FitWidth)
    }

    /// The keyboard shortcut, if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let (modifiers, key) = match self {
            Command::New => (cmd, Key::N),
            Command::Open => (cmd, Key::O),
            Command::Save => (cmd, Key::S),
            Command::SaveAs => (cmd_shift, Key::S),
            Command::ExportPdf => (cmd, Key::E),
            Command::Undo => (cmd, Key::Z),
            Command::Redo => (cmd_shift, Key::Z),
            Command::TogglePreview => (cmd, Key::P),
            Command::ZoomIn => (cmd, Key::Plus),
            Command::ZoomOut => (cmd, Key::Minus),
            Command::FitWidth => (cmd, Key::Num0),
            Command::Quit => (cmd, Key::Q),
            Command::QuickAdd => (cmd_shift, Key::E),
            _ => return None,
        };
        Some(KeyboardShortcut::new(modifiers, key))
    }
}

/// Whether a brief edit merges with the one before in undo: typing in one field does.
pub fn undo_kind(edit: &Edit) -> EditKind {
    match edit {
        Edit::SetText { field, .. } => EditKind::Typing(format!("{field:?}")),
        Edit::SetLine { list, index, .. } => EditKind::Typing(format!("{list:?} {index}")),
        Edit::SetHeading { section, .. } => EditKind::Typing(format!("heading {section}")),
        Edit::SetSectionAnnotation { section, index, .. } => {
            EditKind::Typing(format!("section note {section} {index}"))
        }
        Edit::SetItemAnnotation { index, .. } => EditKind::Typing(format!("item note {index}")),
        _ => EditKind::Other,
    }
}
