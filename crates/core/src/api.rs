//! The shapes that cross the IPC boundary between the Tauri shell and the UI. Both sides compile
//! these same types, so a renamed field breaks the build rather than a carer's screen.

use serde::{Deserialize, Serialize};

use crate::child::{Child, FieldError};
use crate::episode::MissingEpisode;

/// Every failed command returns this: a stable code, the Fluent message for the carer, and any
/// field-level problems to show next to their fields. Never a raw error text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: String,
    pub message_id: String,
    #[serde(default)]
    pub fields: Vec<FieldError>,
}

impl ApiError {
    /// For failures the UI cannot map to anything better (the IPC itself failed).
    pub fn backend() -> Self {
        Self {
            code: "backend".into(),
            message_id: "error-backend".into(),
            fields: Vec::new(),
        }
    }
}

/// One row of the home screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildEntry {
    pub child: Child,
    pub open_episode: Option<MissingEpisode>,
}

/// The answer to "Child missing".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reported {
    pub episode: MissingEpisode,
    /// The child was already missing; these are the steps of the episode already open.
    pub already_open: bool,
}
