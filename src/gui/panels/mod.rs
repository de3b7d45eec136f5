//! One file and one `*_ui` function per panel. A panel reads the brief and pushes actions; it
//! never changes the brief or touches a file itself.

pub mod changes;
pub mod details;
pub mod dossier;
pub mod dossier_modal;
pub mod editor;
pub mod menu;
pub mod modal;
pub mod preview;
pub mod sections;
pub mod status;
mod widgets;
