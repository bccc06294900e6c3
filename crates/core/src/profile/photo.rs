//! The child's two photos and what is wrong with one for a police sheet.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A photo older than this many months is flagged: children change fast.
pub const PHOTO_MAX_AGE_MONTHS: u32 = 3;

/// Which of the child's two photos (domain.md §1.1 item 4: a recent face photo and a
/// full-length one, each with the date taken).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhotoKind {
    #[default]
    Face,
    FullLength,
}

impl PhotoKind {
    pub const ALL: [PhotoKind; 2] = [PhotoKind::Face, PhotoKind::FullLength];

    /// The profile field that holds the date this photo was taken.
    pub fn date_key(self) -> &'static str {
        match self {
            PhotoKind::Face => "photo_taken_on",
            PhotoKind::FullLength => "full_photo_taken_on",
        }
    }

    /// The child's register that holds the photo itself (a prepared JPEG, base64).
    pub fn register(self) -> &'static str {
        match self {
            PhotoKind::Face => "photo_jpeg",
            PhotoKind::FullLength => "photo_full_jpeg",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            PhotoKind::Face => "face",
            PhotoKind::FullLength => "full-length",
        }
    }
}

/// What is wrong with the child's photo for a police sheet, if anything.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum PhotoWarning {
    NoPhoto,
    /// A photo, but nobody recorded when it was taken.
    NoDate,
    /// Taken more than three months ago.
    Old {
        taken_on: NaiveDate,
    },
}

pub fn photo_warning(
    has_photo: bool,
    taken_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<PhotoWarning> {
    match (has_photo, taken_on) {
        (false, _) => Some(PhotoWarning::NoPhoto),
        (true, None) => Some(PhotoWarning::NoDate),
        (true, Some(d)) => (d
            .checked_add_months(Months::new(PHOTO_MAX_AGE_MONTHS))
            .is_some_and(|limit| limit < today))
        .then_some(PhotoWarning::Old { taken_on: d }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::today;

    #[test]
    fn photos_older_than_three_months_are_flagged() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(
            photo_warning(false, None, today()),
            Some(PhotoWarning::NoPhoto)
        );
        assert_eq!(
            photo_warning(true, None, today()),
            Some(PhotoWarning::NoDate)
        );
        assert_eq!(photo_warning(true, Some(d(8, 25)), today()), None);
        assert_eq!(
            photo_warning(true, Some(d(8, 24)), today()),
            Some(PhotoWarning::Old { taken_on: d(8, 24) })
        );
    }
}
