//! The words and the clock a composed text is written in: how the core's composition rules (the
//! grab sheet, the police's questions) ask for a Fluent message or a local time without
//! depending on Fluent or a time zone. The shell and the UI each give one.

use chrono::{DateTime, Utc};

use crate::episode::Elapsed;

/// A value for a message's variable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word {
    Text(String),
    Number(i64),
}

impl From<&str> for Word {
    fn from(s: &str) -> Self {
        Word::Text(s.to_owned())
    }
}

impl From<String> for Word {
    fn from(s: String) -> Self {
        Word::Text(s)
    }
}

/// The language and the clock the sheet is written in.
pub trait Words {
    fn tr_with(&self, id: &str, args: &[(&str, Word)]) -> String;
    fn tr(&self, id: &str) -> String {
        self.tr_with(id, &[])
    }
    /// A time as the reader's local clock shows it (`25/11/2026 14:05`).
    fn time(&self, t: DateTime<Utc>) -> String;
    /// "2 d 3 h 5 min".
    fn elapsed(&self, e: Elapsed) -> String {
        self.tr_with(
            "elapsed-short",
            &[
                ("days", Word::Number(e.days)),
                ("hours", Word::Number(e.hours)),
                ("minutes", Word::Number(e.minutes)),
            ],
        )
    }
}
