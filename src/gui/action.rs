//! Everything the user can do, as values. Panels push these; `App` applies them in one place
//! after the frame is drawn. [`Edit`]s change the brief and are undoable; [`Command`]s are the
//! menu and shortcut commands, and share one label and one shortcut between both.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::history::EditKind;
use super::panels::preview::ScrollTarget;
use super::widths::Side;
use crate::model::{
    Annotation, AnnotationKind, Brief, Date, ItemAnnotation, Order, PageSize, Section, SectionKind,
};

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

/// The brief's text fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// Title.
    Title,
    /// Subtitle.
    Subtitle,
    /// Meeting purpose.
    Purpose,
    /// Meeting time.
    Time,
    /// Meeting place.
    Location,
    /// Who the brief is for.
    PreparedFor,
    /// Who prepared it.
    PreparedBy,
    /// Handling marking.
    Marking,
    /// The press copy's marking; empty for none.
    PressMarking,
}

/// The brief's lists of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListField {
    /// Bottom line up front, a point per entry.
    BottomLine,
    /// Participants not in the dossier.
    OtherParticipants,
}

/// An undoable change to the brief.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Tick or untick a section.
    SetIncluded { section: usize, included: bool },
    /// Move a section to another place in the order.
    MoveSection { from: usize, to: usize },
    /// Add a section at the end.
    AddSection { kind: SectionKind },
    /// Remove a section.
    RemoveSection { section: usize },
    /// A section's heading; empty for the default.
    SetHeading { section: usize, heading: String },
    /// Tick or untick one item; `all` is every id the section can show, in order.
    SetItem {
        section: usize,
        id: String,
        included: bool,
        all: Vec<String>,
    },
    /// Take an id out of a section's item list (one the dossier lacks, say).
    RemoveItemId { section: usize, id: String },
    /// Put `to` in place of `from` in a section's item list: the did-you-mean.
    ReplaceItemId {
        section: usize,
        from: String,
        to: String,
    },
    /// Put `to` in place of the participant id `from`.
    ReplaceParticipant { from: String, to: String },
    /// Show every item (`true`) or none.
    SetAllItems { section: usize, all: bool },
    /// A timeline slice's first day.
    SetFrom { section: usize, date: Option<Date> },
    /// A timeline slice's last day.
    SetTo { section: usize, date: Option<Date> },
    /// Tick or untick a category; `all` is every category of the dossier.
    SetCategory {
        section: usize,
        category: String,
        on: bool,
        all: Vec<String>,
    },
    /// Oldest or newest first.
    SetOrder { section: usize, order: Order },
    /// At most this many events.
    SetLimit {
        section: usize,
        limit: Option<usize>,
    },
    /// Add an empty annotation to a section.
    AddSectionAnnotation {
        section: usize,
        kind: AnnotationKind,
    },
    /// Change a section annotation.
    SetSectionAnnotation {
        section: usize,
        index: usize,
        annotation: Annotation,
    },
    /// Remove a section annotation.
    RemoveSectionAnnotation { section: usize, index: usize },
    /// Add an empty annotation to an item.
    AddItemAnnotation { item: String, kind: AnnotationKind },
    /// Change an item annotation.
    SetItemAnnotation {
        index: usize,
        annotation: ItemAnnotation,
    },
    /// Remove an item annotation.
    RemoveItemAnnotation { index: usize },
    /// A text field of the brief.
    SetText { field: TextField, text: String },
    /// One entry of a list.
    SetLine {
        list: ListField,
        index: usize,
        text: String,
    },
    /// Add an empty entry to a list.
    AddLine { list: ListField },
    /// Insert an empty entry into a list at `index` (Enter in the entry before).
    InsertLine { list: ListField, index: usize },
    /// Remove an entry from a list.
    RemoveLine { list: ListField, index: usize },
    /// The meeting day.
    SetMeetingDate { date: Option<Date> },
    /// Tick or untick a dossier person as participant.
    SetParticipant { id: String, on: bool },
    /// Paper size.
    SetPageSize { size: PageSize },
    /// Print staff annotations or not.
    SetIncludeAnnotations { on: bool },
}

impl Edit {
    /// Whether the edit merges with the one before in undo.
    pub fn kind(&self) -> EditKind {
        match self {
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

    /// Applies the edit. Out-of-range indices change nothing.
    pub fn apply(&self, brief: &mut Brief) {
        match self.clone() {
            Edit::SetIncluded { section, included } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.included = included;
                }
            }
            Edit::MoveSection { from, to } => {
                if from < brief.sections.len() && to < brief.sections.len() {
                    let s = brief.sections.remove(from);
                    brief.sections.insert(to, s);
                }
            }
            Edit::AddSection { kind } => brief.sections.push(Section::new(kind)),
            Edit::RemoveSection { section } => {
                if section < brief.sections.len() {
                    brief.sections.remove(section);
                }
            }
            Edit::SetHeading { section, heading } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.heading = (!heading.is_empty()).then_some(heading);
                }
            }
            Edit::SetItem {
                section,
                id,
                included,
                all,
            } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    let mut chosen: Vec<String> = s.items.clone().unwrap_or_else(|| all.clone());
                    chosen.retain(|c| *c != id);
                    if included {
                        chosen.push(id);
                    }
                    // Keep the dossier's order, and write "all" as no list at all.
                    let ordered: Vec<String> =
                        all.iter().filter(|a| chosen.contains(a)).cloned().collect();
                    let unknown = chosen.iter().filter(|c| !all.contains(c)).cloned();
                    let ordered: Vec<String> = ordered.into_iter().chain(unknown).collect();
                    s.items = (ordered != all).then_some(ordered);
                }
            }
            Edit::RemoveItemId { section, id } => {
                if let Some(items) = brief
                    .sections
                    .get_mut(section)
                    .and_then(|s| s.items.as_mut())
                {
                    items.retain(|i| *i != id);
                }
            }
            Edit::ReplaceItemId { section, from, to } => {
                if let Some(items) = brief
                    .sections
                    .get_mut(section)
                    .and_then(|s| s.items.as_mut())
                {
                    replace_once(items, &from, to);
                }
            }
            Edit::ReplaceParticipant { from, to } => {
                replace_once(&mut brief.meeting.participants, &from, to);
            }
            Edit::SetAllItems { section, all } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.items = if all { None } else { Some(Vec::new()) };
                }
            }
            Edit::SetFrom { section, date } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.from = date;
                }
            }
            Edit::SetTo { section, date } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.to = date;
                }
            }
            Edit::SetCategory {
                section,
                category,
                on,
                all,
            } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    let mut chosen = if s.categories.is_empty() {
                        all.clone()
                    } else {
                        s.categories.clone()
                    };
                    chosen.retain(|c| *c != category);
                    if on {
                        chosen.push(category);
                    }
                    let ordered: Vec<String> =
                        all.iter().filter(|a| chosen.contains(a)).cloned().collect();
                    s.categories = if ordered == all { Vec::new() } else { ordered };
                }
            }
            Edit::SetOrder { section, order } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.order = order;
                }
            }
            Edit::SetLimit { section, limit } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.limit = limit;
                }
            }
            Edit::AddSectionAnnotation { section, kind } => {
                if let Some(s) = brief.sections.get_mut(section) {
                    s.annotations.push(Annotation {
                        kind,
                        text: String::new(),
                    });
                }
            }
            Edit::SetSectionAnnotation {
                section,
                index,
                annotation,
            } => {
                if let Some(a) = brief
                    .sections
                    .get_mut(section)
                    .and_then(|s| s.annotations.get_mut(index))
                {
                    *a = annotation;
                }
            }
            Edit::RemoveSectionAnnotation { section, index } => {
                if let Some(s) = brief.sections.get_mut(section)
                    && index < s.annotations.len()
                {
                    s.annotations.remove(index);
                }
            }
            Edit::AddItemAnnotation { item, kind } => {
                brief.annotations.push(ItemAnnotation {
                    item,
                    kind,
                    text: String::new(),
                    every_section: false,
                });
            }
            Edit::SetItemAnnotation { index, annotation } => {
                if let Some(a) = brief.annotations.get_mut(index) {
                    *a = annotation;
                }
            }
            Edit::RemoveItemAnnotation { index } => {
                if index < brief.annotations.len() {
                    brief.annotations.remove(index);
                }
            }
            Edit::SetText { field, text } => set_text(brief, field, text),
            Edit::SetLine { list, index, text } => {
                if let Some(line) = list_mut(brief, list).get_mut(index) {
                    *line = text;
                }
            }
            Edit::AddLine { list } => list_mut(brief, list).push(String::new()),
            Edit::InsertLine { list, index } => {
                let lines = list_mut(brief, list);
                lines.insert(index.min(lines.len()), String::new());
            }
            Edit::RemoveLine { list, index } => {
                let lines = list_mut(brief, list);
                if index < lines.len() {
                    lines.remove(index);
                }
            }
            Edit::SetMeetingDate { date } => brief.meeting.date = date,
            Edit::SetParticipant { id, on } => {
                brief.meeting.participants.retain(|p| *p != id);
                if on {
                    brief.meeting.participants.push(id);
                }
            }
            Edit::SetPageSize { size } => brief.page_size = size,
            Edit::SetIncludeAnnotations { on } => brief.include_annotations = on,
        }
    }
}

/// `to` in place of `from`, or `from` dropped if `to` is listed already.
fn replace_once(list: &mut Vec<String>, from: &str, to: String) {
    if list.contains(&to) {
        list.retain(|i| i != from);
    } else if let Some(slot) = list.iter_mut().find(|i| *i == from) {
        *slot = to;
    }
}

/// The text of a field.
pub fn text_of(brief: &Brief, field: TextField) -> &str {
    let m = &brief.meeting;
    match field {
        TextField::Title => &brief.title,
        TextField::Subtitle => &brief.subtitle,
        TextField::Purpose => &m.purpose,
        TextField::Time => &m.time,
        TextField::Location => &m.location,
        TextField::PreparedFor => &brief.prepared_for,
        TextField::PreparedBy => &brief.prepared_by,
        TextField::Marking => &brief.marking,
        TextField::PressMarking => brief.press_marking.as_deref().unwrap_or(""),
    }
}

/// The entries of a list.
pub fn list_of(brief: &Brief, list: ListField) -> &[String] {
    match list {
        ListField::BottomLine => &brief.meeting.bottom_line,
        ListField::OtherParticipants => &brief.meeting.other_participants,
    }
}

fn list_mut(brief: &mut Brief, list: ListField) -> &mut Vec<String> {
    match list {
        ListField::BottomLine => &mut brief.meeting.bottom_line,
        ListField::OtherParticipants => &mut brief.meeting.other_participants,
    }
}

fn set_text(brief: &mut Brief, field: TextField, text: String) {
    let m = &mut brief.meeting;
    match field {
        TextField::Title => brief.title = text,
        TextField::Subtitle => brief.subtitle = text,
        TextField::Purpose => m.purpose = text,
        TextField::Time => m.time = text,
        TextField::Location => m.location = text,
        TextField::PreparedFor => brief.prepared_for = text,
        TextField::PreparedBy => brief.prepared_by = text,
        TextField::Marking => brief.marking = text,
        TextField::PressMarking => brief.press_marking = (!text.is_empty()).then_some(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::parse_brief;

    fn brief() -> Brief {
        parse_brief(
            "version: 1\ntitle: T\nsections:\n  - kind: indicators\n  - kind: people\n  - kind: timeline\n",
            "t",
        )
        .unwrap()
    }

    #[test]
    fn unticking_one_item_lists_the_rest_and_ticking_it_back_lists_none() {
        let mut b = brief();
        let all: Vec<String> = ["a", "b", "c"].map(String::from).to_vec();
        Edit::SetItem {
            section: 0,
            id: "b".into(),
            included: false,
            all: all.clone(),
        }
        .apply(&mut b);
        assert_eq!(b.sections[0].items, Some(vec!["a".into(), "c".into()]));
        Edit::SetItem {
            section: 0,
            id: "b".into(),
            included: true,
            all,
        }
        .apply(&mut b);
        assert_eq!(b.sections[0].items, None);
    }

    #[test]
    fn sections_move_and_out_of_range_does_nothing() {
        let mut b = brief();
        Edit::MoveSection { from: 2, to: 0 }.apply(&mut b);
        let kinds: Vec<_> = b.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SectionKind::Timeline,
                SectionKind::Indicators,
                SectionKind::People
            ]
        );
        let before = b.clone();
        Edit::MoveSection { from: 7, to: 0 }.apply(&mut b);
        Edit::RemoveSection { section: 9 }.apply(&mut b);
        assert_eq!(b, before);
    }

    #[test]
    fn bottom_line_points_are_added_edited_and_removed() {
        let mut b = brief();
        let list = ListField::BottomLine;
        Edit::AddLine { list }.apply(&mut b);
        Edit::AddLine { list }.apply(&mut b);
        Edit::SetLine {
            list,
            index: 1,
            text: "Two".into(),
        }
        .apply(&mut b);
        Edit::RemoveLine { list, index: 0 }.apply(&mut b);
        assert_eq!(list_of(&b, list), ["Two"]);
    }

    #[test]
    fn categories_all_ticked_are_written_as_none() {
        let mut b = brief();
        let all: Vec<String> = ["Leak", "Summit"].map(String::from).to_vec();
        Edit::SetCategory {
            section: 2,
            category: "Leak".into(),
            on: false,
            all: all.clone(),
        }
        .apply(&mut b);
        assert_eq!(b.sections[2].categories, ["Summit"]);
        Edit::SetCategory {
            section: 2,
            category: "Leak".into(),
            on: true,
            all,
        }
        .apply(&mut b);
        assert!(b.sections[2].categories.is_empty());
    }
}
