//! A child as a carer first records them, and the rules for what may be saved.
//!
//! The UI validates with these same functions before sending, and the store validates again
//! before writing: bad input is reported field by field and never half-saved.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::ids::ChildId;

/// Longest name we accept, in characters. Long enough for any real name in any script.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest single language name, in characters.
pub const MAX_LANGUAGE_CHARS: usize = 60;
/// Most languages recorded for one child.
pub const MAX_LANGUAGES: usize = 12;
/// Children in care and care leavers are supported up to 25; an older birth date is a typo.
pub const MAX_AGE_YEARS: i32 = 25;

/// What the "add a child" form sends, exactly as typed.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildInput {
    pub name_latin: String,
    pub name_own_script: String,
    /// `YYYY-MM-DD`, as an HTML date input gives it.
    pub date_of_birth: String,
    /// Comma-separated, e.g. "Tigrinya, Arabic".
    pub languages: String,
    pub unaccompanied: bool,
    pub suspected_trafficked: bool,
}

/// A child's details after validation: the only shape the store will write.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildDetails {
    pub name_latin: String,
    pub name_own_script: Option<String>,
    pub date_of_birth: NaiveDate,
    pub languages: Vec<String>,
    pub unaccompanied: bool,
    pub suspected_trafficked: bool,
}

/// A saved child.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Child {
    pub id: ChildId,
    #[serde(flatten)]
    pub details: ChildDetails,
    pub has_photo: bool,
    pub created_at: DateTime<Utc>,
    /// Whether this is the child's record to keep up here, or one left behind read-only.
    #[serde(default)]
    pub record: RecordState,
}

/// Where a child's record is kept up. A record left behind is read-only: what was written in
/// it stays, and is shown, but nothing more is added to it here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum RecordState {
    /// Kept up here.
    #[default]
    Here,
    /// The child moved to another team on the same hub; this team keeps what it recorded.
    MovedTo {
        team: crate::TeamId,
        team_name: String,
        at: DateTime<Utc>,
    },
    /// A second record of the same child, merged into `child`'s: shown as part of it.
    MergedInto { child: ChildId, at: DateTime<Utc> },
}

impl RecordState {
    /// Whether nothing more may be added to the record here.
    pub fn read_only(&self) -> bool {
        *self != RecordState::Here
    }
}

/// Which form field a problem belongs to; the UI shows the message next to that field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    NameLatin,
    NameOwnScript,
    DateOfBirth,
    Languages,
    Photo,
    LastSeen,
    /// A staff member's name (users, not children).
    UserName,
    Pin,
    /// The PIN typed a second time, to catch a slip.
    PinAgain,
    /// Minutes of inactivity before the app locks.
    AutoLock,
    /// The missing episode as a whole (closed, child not back yet).
    Episode,
    PoliceReference,
    Officer,
    UpdateText,
    FoundAt,
    FoundBy,
    WhereFound,
    HowReturned,
    /// Why a decision was made (e.g. whether to notify the regulator).
    Reason,
    /// A risk checklist assessment as a whole (signed off already).
    Assessment,
    /// What was seen or said, recorded with a checklist answer or a sign-off.
    Evidence,
    /// Who saw or heard it.
    ObservedBy,
    /// When the child was back at the placement (if later than found).
    BackAt,
    /// When the return interview took place, was offered or declined.
    InterviewAt,
    /// Who held the return interview.
    InterviewBy,
    /// The service that offered the return interview.
    Service,
    /// Who the carer spoke to (asking police to review a grade).
    SpokeTo,
    /// Who the grab sheet was given to.
    SharedWith,
    /// The lawful basis for sharing it.
    Basis,
    /// When the child was reported to police.
    ReportedAt,
    /// Where the child is known to be (away from placement without authorisation).
    Whereabouts,
    /// Why an escalation flag is cleared.
    FlagReason,
    /// Which home or household a child belongs to.
    Team,
    /// A home's or household's name.
    TeamName,
    /// The organisation's recovery key, as typed to restore a backup.
    RecoveryKey,
    /// A daily log entry's words.
    LogText,
    /// When what the entry records happened.
    HappenedAt,
    /// What the entry is about (health, education, ...).
    Themes,
    /// Who said what the entry reports.
    ReportedBy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldProblem {
    Required,
    TooLong,
    TooMany,
    NotADate,
    InFuture,
    TooOld,
    Unreadable,
    TooLarge,
    TooShort,
    /// A PIN anyone would guess first (one digit repeated, a plain run like 123456).
    TooSimple,
    /// The two entries of a PIN differ.
    Mismatch,
    /// Another user already has this name.
    Taken,
    OutOfRange,
    /// The episode is closed: nothing more is added to it.
    Closed,
    /// Already recorded (the child was found once already).
    AlreadyDone,
    /// Needs the child to be back first (return interview, close).
    NotBackYet,
    /// A time before the child was last seen.
    BeforeLastSeen,
    /// A time before the child was found or back.
    BeforeReturn,
}

impl Field {
    pub const ALL: [Field; 39] = [
        Field::NameLatin,
        Field::NameOwnScript,
        Field::DateOfBirth,
        Field::Languages,
        Field::Photo,
        Field::LastSeen,
        Field::UserName,
        Field::Pin,
        Field::PinAgain,
        Field::AutoLock,
        Field::Episode,
        Field::PoliceReference,
        Field::Officer,
        Field::UpdateText,
        Field::FoundAt,
        Field::FoundBy,
        Field::WhereFound,
        Field::HowReturned,
        Field::Reason,
        Field::Assessment,
        Field::Evidence,
        Field::ObservedBy,
        Field::BackAt,
        Field::InterviewAt,
        Field::InterviewBy,
        Field::Service,
        Field::SpokeTo,
        Field::SharedWith,
        Field::Basis,
        Field::ReportedAt,
        Field::Whereabouts,
        Field::FlagReason,
        Field::Team,
        Field::TeamName,
        Field::RecoveryKey,
        Field::LogText,
        Field::HappenedAt,
        Field::Themes,
        Field::ReportedBy,
    ];
}

impl FieldProblem {
    pub const ALL: [FieldProblem; 18] = [
        FieldProblem::Required,
        FieldProblem::TooLong,
        FieldProblem::TooMany,
        FieldProblem::NotADate,
        FieldProblem::InFuture,
        FieldProblem::TooOld,
        FieldProblem::Unreadable,
        FieldProblem::TooLarge,
        FieldProblem::TooShort,
        FieldProblem::TooSimple,
        FieldProblem::Mismatch,
        FieldProblem::Taken,
        FieldProblem::OutOfRange,
        FieldProblem::Closed,
        FieldProblem::AlreadyDone,
        FieldProblem::NotBackYet,
        FieldProblem::BeforeLastSeen,
        FieldProblem::BeforeReturn,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: FieldProblem,
}

impl FieldError {
    pub const fn new(field: Field, problem: FieldProblem) -> Self {
        Self { field, problem }
    }

    /// The Fluent message that explains this problem to a carer.
    pub fn message_id(&self) -> &'static str {
        use Field::*;
        use FieldProblem::*;
        match (self.field, self.problem) {
            (NameLatin, Required) => "error-name-required",
            (NameLatin | NameOwnScript, TooLong) => "error-name-too-long",
            (DateOfBirth, Required) => "error-dob-required",
            (DateOfBirth, NotADate) => "error-dob-not-a-date",
            (DateOfBirth, InFuture) => "error-dob-in-future",
            (DateOfBirth, TooOld) => "error-dob-too-old",
            (Languages, TooLong) => "error-language-too-long",
            (Languages, TooMany) => "error-languages-too-many",
            (Photo, TooLarge) => "error-photo-too-large",
            (Photo, _) => "error-photo-unreadable",
            (LastSeen, InFuture) => "error-last-seen-in-future",
            (LastSeen, _) => "error-last-seen-not-a-time",
            (FoundAt | BackAt | InterviewAt | ReportedAt, NotADate) => "error-not-a-day-time",
            (UserName, Required) => "error-user-name-required",
            (UserName, TooLong) => "error-user-name-too-long",
            (UserName, Taken) => "error-user-name-taken",
            (Pin, TooShort) => "error-pin-too-short",
            (Pin, TooLong) => "error-pin-too-long",
            (Pin, TooSimple) => "error-pin-too-simple",
            (PinAgain, Mismatch) => "error-pin-mismatch",
            (AutoLock, _) => "error-auto-lock-range",
            (RecoveryKey, _) => "error-recovery-key-mistyped",
            (Episode, Closed) => "error-episode-closed",
            (Episode, AlreadyDone) => "error-already-found",
            (Episode, NotBackYet) => "error-not-back-yet",
            (PoliceReference, Required) => "error-police-reference-required",
            (UpdateText, Required) => "error-update-required",
            (Reason, Required) => "error-reason-required",
            (Reason, TooLong) => "error-text-too-long",
            (FoundAt, InFuture) => "error-found-in-future",
            (Assessment, Closed) => "error-assessment-signed-off",
            (Assessment, AlreadyDone) => "error-assessment-already-signed",
            (FoundAt, BeforeLastSeen) => "error-found-before-last-seen",
            (BackAt | InterviewAt | ReportedAt, InFuture) => "error-time-in-future",
            (ReportedAt, BeforeLastSeen) => "error-reported-before-last-seen",
            (BackAt, BeforeReturn) => "error-back-before-found",
            (InterviewAt, BeforeReturn) => "error-interview-before-return",
            (InterviewAt, AlreadyDone) => "error-interview-already-held",
            (InterviewBy, Required) => "error-interview-by-required",
            (SpokeTo, Required) => "error-spoke-to-required",
            (SharedWith, Required) => "error-shared-with-required",
            (Whereabouts, Required) => "error-whereabouts-required",
            (FlagReason, Required) => "error-flag-reason-required",
            (Whereabouts, AlreadyDone) => "error-already-away",
            (Whereabouts, NotBackYet) => "error-not-away",
            (Basis, Required) => "error-basis-required",
            (LogText, Required) => "error-log-text-required",
            (HappenedAt, InFuture) => "error-time-in-future",
            (Themes, Required) => "error-log-themes-required",
            (ReportedBy, Required) => "error-reported-by-required",
            (Team, _) => "error-team-required",
            (TeamName, TooLong) => "error-team-name-too-long",
            (
                PoliceReference | Officer | UpdateText | FoundBy | WhereFound | HowReturned
                | Evidence | ObservedBy | InterviewBy | Service | SpokeTo | SharedWith | Basis
                | Whereabouts | FlagReason | LogText | ReportedBy,
                TooLong,
            ) => "error-text-too-long",
            _ => "error-field-invalid",
        }
    }
}

/// One of the two flags that escalate a missing report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EscalationFlag {
    Unaccompanied,
    SuspectedTrafficked,
}

impl EscalationFlag {
    pub fn message_id(self) -> &'static str {
        match self {
            EscalationFlag::Unaccompanied => "child-flag-unaccompanied",
            EscalationFlag::SuspectedTrafficked => "child-flag-trafficked",
        }
    }

    fn of(self, d: &ChildDetails) -> bool {
        match self {
            EscalationFlag::Unaccompanied => d.unaccompanied,
            EscalationFlag::SuspectedTrafficked => d.suspected_trafficked,
        }
    }
}

impl EscalationFlag {
    pub const ALL: [EscalationFlag; 2] = [
        EscalationFlag::Unaccompanied,
        EscalationFlag::SuspectedTrafficked,
    ];

    /// The child's register that holds the flag.
    pub fn register(self) -> &'static str {
        match self {
            EscalationFlag::Unaccompanied => "unaccompanied",
            EscalationFlag::SuspectedTrafficked => "suspected_trafficked",
        }
    }

    pub fn set_in(self, d: &mut ChildDetails, on: bool) {
        match self {
            EscalationFlag::Unaccompanied => d.unaccompanied = on,
            EscalationFlag::SuspectedTrafficked => d.suspected_trafficked = on,
        }
    }
}

/// The core details that are plain fields, each its own register: everything but the two
/// flags, which change only through their own op.
pub const DETAIL_FIELDS: [&str; 4] = [
    "name_latin",
    "name_own_script",
    "date_of_birth",
    "languages",
];

/// The plain fields that differ between `before` and `after`, by register, with their new
/// values: what a correction writes, so that an edit on one device never undoes another
/// device's edit of a different field.
pub fn changed_fields(
    before: &ChildDetails,
    after: &ChildDetails,
) -> std::collections::BTreeMap<String, serde_json::Value> {
    let (b, a) = (
        serde_json::to_value(before).unwrap_or_default(),
        serde_json::to_value(after).unwrap_or_default(),
    );
    DETAIL_FIELDS
        .iter()
        .filter(|k| b.get(**k) != a.get(**k))
        .map(|k| ((*k).to_owned(), a.get(*k).cloned().unwrap_or_default()))
        .collect()
}

/// The flags that differ between `before` and `after`, with their new state.
pub fn changed_flags(before: &ChildDetails, after: &ChildDetails) -> Vec<(EscalationFlag, bool)> {
    EscalationFlag::ALL
        .into_iter()
        .filter(|f| f.of(before) != f.of(after))
        .map(|f| (f, f.of(after)))
        .collect()
}

/// A flag set or cleared, and when: the dated fact the reports count a cohort by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagChange {
    pub flag: EscalationFlag,
    pub set: bool,
    pub at: DateTime<Utc>,
    /// Who set or cleared it (known for changes made through the flag's own op).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<crate::ids::UserId>,
    /// Their name as staff know it (filled by the store; empty if not known here).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by_name: String,
    /// Why it was cleared (or set), as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

/// One write to a child's flags, in the order written: a whole version of the details (the
/// child added, or a correction by an earlier version of Harbour), or one flag on its own.
#[derive(Debug)]
pub enum FlagWrite<'a> {
    /// The whole details (a child added, or a correction by an earlier version), and who
    /// wrote them where known.
    Details(&'a ChildDetails, Option<crate::ids::UserId>),
    Flag {
        flag: EscalationFlag,
        set: bool,
        by: crate::ids::UserId,
        reason: &'a str,
    },
}

/// Each time a flag changed (the first version sets whatever it has).
pub fn flag_changes<'a>(
    writes: impl IntoIterator<Item = (DateTime<Utc>, FlagWrite<'a>)>,
) -> Vec<FlagChange> {
    let mut out = Vec::new();
    let mut now = [false; 2];
    for (at, w) in writes {
        let (next, by, reason) = match w {
            FlagWrite::Details(d, by) => (EscalationFlag::ALL.map(|f| f.of(d)), by, ""),
            FlagWrite::Flag {
                flag,
                set,
                by,
                reason,
            } => {
                let mut next = now;
                next[flag as usize] = set;
                (next, Some(by), reason)
            }
        };
        for flag in EscalationFlag::ALL {
            let i = flag as usize;
            if next[i] != now[i] {
                out.push(FlagChange {
                    flag,
                    set: next[i],
                    at,
                    by,
                    by_name: String::new(),
                    reason: reason.to_owned(),
                });
            }
        }
        now = next;
    }
    out
}

impl fmt::Debug for ChildInput {
    // Names are sensitive: debug output (logs, panics) shows only their length.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChildInput")
            .field("name_latin_chars", &self.name_latin.chars().count())
            .field("date_of_birth", &"<redacted>")
            .field("unaccompanied", &self.unaccompanied)
            .field("suspected_trafficked", &self.suspected_trafficked)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for ChildDetails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChildDetails")
            .field("unaccompanied", &self.unaccompanied)
            .field("suspected_trafficked", &self.suspected_trafficked)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for Child {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Child")
            .field("id", &self.id)
            .field("details", &self.details)
            .finish_non_exhaustive()
    }
}

impl ChildInput {
    /// Checks every field and returns all problems at once, so the carer can fix them together.
    pub fn validate(&self, today: NaiveDate) -> Result<ChildDetails, Vec<FieldError>> {
        let mut errors = Vec::new();

        let name_latin = self.name_latin.trim();
        if name_latin.is_empty() {
            errors.push(FieldError::new(Field::NameLatin, FieldProblem::Required));
        } else if name_latin.chars().count() > MAX_NAME_CHARS {
            errors.push(FieldError::new(Field::NameLatin, FieldProblem::TooLong));
        }

        let own = self.name_own_script.trim();
        if own.chars().count() > MAX_NAME_CHARS {
            errors.push(FieldError::new(Field::NameOwnScript, FieldProblem::TooLong));
        }

        let date_of_birth = match parse_date_of_birth(&self.date_of_birth, today) {
            Ok(d) => Some(d),
            Err(problem) => {
                errors.push(FieldError::new(Field::DateOfBirth, problem));
                None
            }
        };

        let languages: Vec<String> = self
            .languages
            .split([',', '،', ';'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if languages.len() > MAX_LANGUAGES {
            errors.push(FieldError::new(Field::Languages, FieldProblem::TooMany));
        } else if languages
            .iter()
            .any(|l| l.chars().count() > MAX_LANGUAGE_CHARS)
        {
            errors.push(FieldError::new(Field::Languages, FieldProblem::TooLong));
        }

        match (errors.is_empty(), date_of_birth) {
            (true, Some(date_of_birth)) => Ok(ChildDetails {
                name_latin: name_latin.to_owned(),
                name_own_script: (!own.is_empty()).then(|| own.to_owned()),
                date_of_birth,
                languages,
                unaccompanied: self.unaccompanied,
                suspected_trafficked: self.suspected_trafficked,
            }),
            _ => Err(errors),
        }
    }
}

fn parse_date_of_birth(text: &str, today: NaiveDate) -> Result<NaiveDate, FieldProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(FieldProblem::Required);
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| FieldProblem::NotADate)?;
    if date > today {
        return Err(FieldProblem::InFuture);
    }
    if age_on(date, today) > MAX_AGE_YEARS {
        return Err(FieldProblem::TooOld);
    }
    Ok(date)
}

/// Whole years from `born` to `on`.
pub fn age_on(born: NaiveDate, on: NaiveDate) -> i32 {
    let mut years = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years
}

impl ChildDetails {
    /// Unaccompanied and suspected-trafficked children are escalated straight to 999 when missing
    /// (domain.md §2.3: a product default, not a legal rule; police still set the grade).
    pub fn escalate_when_missing(&self) -> bool {
        self.unaccompanied || self.suspected_trafficked
    }

    /// Why the plan escalates, as the selector the Fluent messages use to say so to the call
    /// handler: `unaccompanied`, `trafficked` or `both` (`both` also stands for neither; the
    /// message is only shown for escalated plans).
    pub fn escalation_reason(&self) -> &'static str {
        match (self.unaccompanied, self.suspected_trafficked) {
            (true, false) => "unaccompanied",
            (false, true) => "trafficked",
            _ => "both",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn input() -> ChildInput {
        ChildInput {
            name_latin: "  Sample Child  ".into(),
            name_own_script: "ኣማኒ".into(),
            date_of_birth: "2011-03-04".into(),
            languages: "Tigrinya, Arabic،  , English".into(),
            unaccompanied: true,
            suspected_trafficked: false,
        }
    }

    #[test]
    fn valid_input_is_trimmed_and_split() {
        let details = input().validate(today()).unwrap();
        assert_eq!(details.name_latin, "Sample Child");
        assert_eq!(details.name_own_script.as_deref(), Some("ኣማኒ"));
        assert_eq!(details.languages, ["Tigrinya", "Arabic", "English"]);
        assert_eq!(
            details.date_of_birth,
            NaiveDate::from_ymd_opt(2011, 3, 4).unwrap()
        );
        assert!(details.escalate_when_missing());
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = ChildInput {
            name_latin: "   ".into(),
            date_of_birth: "2026-11-26".into(),
            languages: "x".repeat(MAX_LANGUAGE_CHARS + 1),
            ..input()
        };
        let errors = bad.validate(today()).unwrap_err();
        assert_eq!(
            errors,
            [
                FieldError::new(Field::NameLatin, FieldProblem::Required),
                FieldError::new(Field::DateOfBirth, FieldProblem::InFuture),
                FieldError::new(Field::Languages, FieldProblem::TooLong),
            ]
        );
        assert_eq!(errors[1].message_id(), "error-dob-in-future");
    }

    #[test]
    fn date_of_birth_rules() {
        let check = |dob: &str| {
            ChildInput {
                date_of_birth: dob.into(),
                ..input()
            }
            .validate(today())
            .map(|_| ())
            .map_err(|e| e[0].problem)
        };
        assert_eq!(check("2026-11-25"), Ok(()), "born today is allowed");
        assert_eq!(check(""), Err(FieldProblem::Required));
        assert_eq!(check("25/11/2020"), Err(FieldProblem::NotADate));
        assert_eq!(check("2023-02-30"), Err(FieldProblem::NotADate));
        assert_eq!(check("2026-11-26"), Err(FieldProblem::InFuture));
        assert_eq!(check("2000-11-26"), Ok(()), "25 years old tomorrow");
        assert_eq!(check("2000-11-25"), Err(FieldProblem::TooOld));
    }

    #[test]
    fn each_flag_set_or_cleared_is_dated() {
        use chrono::TimeZone;
        let at = |d| Utc.with_ymd_and_hms(2026, 11, d, 9, 0, 0).unwrap();
        let first = input().validate(today()).unwrap();
        let mut flagged = first.clone();
        flagged.suspected_trafficked = true;
        let mut renamed = flagged.clone();
        renamed.name_latin = "Another Sample".into();
        let mut cleared = renamed.clone();
        cleared.suspected_trafficked = false;
        let changes = flag_changes([
            (at(1), FlagWrite::Details(&first, None)),
            (at(2), FlagWrite::Details(&flagged, None)),
            (at(3), FlagWrite::Details(&renamed, None)),
            (at(4), FlagWrite::Details(&cleared, None)),
        ]);
        let first_flags: Vec<_> = changes.iter().filter(|c| c.at == at(1)).collect();
        assert_eq!(first_flags.len(), usize::from(first.unaccompanied));
        let trafficked: Vec<_> = changes
            .iter()
            .filter(|c| c.flag == EscalationFlag::SuspectedTrafficked)
            .map(|c| (c.set, c.at))
            .collect();
        assert_eq!(
            trafficked,
            [(true, at(2)), (false, at(4))],
            "a rename changes nothing"
        );
    }

    #[test]
    fn a_flag_s_own_write_is_dated_with_who_and_why_after_old_whole_record_writes() {
        use chrono::TimeZone;
        let at = |d| Utc.with_ymd_and_hms(2026, 11, d, 9, 0, 0).unwrap();
        let by: crate::ids::UserId = "01936b6e-7c00-7000-8000-000000000009".parse().unwrap();
        let mut first = input().validate(today()).unwrap();
        first.unaccompanied = true;
        let changes = flag_changes([
            (at(1), FlagWrite::Details(&first, None)),
            (
                at(2),
                FlagWrite::Flag {
                    flag: EscalationFlag::SuspectedTrafficked,
                    set: true,
                    by,
                    reason: "",
                },
            ),
            // Set again: nothing changes.
            (
                at(3),
                FlagWrite::Flag {
                    flag: EscalationFlag::SuspectedTrafficked,
                    set: true,
                    by,
                    reason: "",
                },
            ),
            (
                at(4),
                FlagWrite::Flag {
                    flag: EscalationFlag::Unaccompanied,
                    set: false,
                    by,
                    reason: "Age assessed as 19",
                },
            ),
        ]);
        let seen: Vec<_> = changes
            .iter()
            .map(|c| (c.flag, c.set, c.at, c.by, c.reason.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                (EscalationFlag::Unaccompanied, true, at(1), None, ""),
                (
                    EscalationFlag::SuspectedTrafficked,
                    true,
                    at(2),
                    Some(by),
                    ""
                ),
                (
                    EscalationFlag::Unaccompanied,
                    false,
                    at(4),
                    Some(by),
                    "Age assessed as 19"
                ),
            ]
        );
    }

    #[test]
    fn a_correction_names_only_the_fields_that_changed_and_never_a_flag() {
        let before = input().validate(today()).unwrap();
        let mut after = before.clone();
        assert!(changed_fields(&before, &after).is_empty());
        after.name_latin = "Amani Sample-Tesfay".into();
        after.suspected_trafficked = !before.suspected_trafficked;
        let fields = changed_fields(&before, &after);
        assert_eq!(
            fields.into_iter().collect::<Vec<_>>(),
            [(
                "name_latin".to_owned(),
                serde_json::json!("Amani Sample-Tesfay")
            )]
        );
        assert_eq!(
            changed_flags(&before, &after),
            [(
                EscalationFlag::SuspectedTrafficked,
                after.suspected_trafficked
            )]
        );
        after.name_own_script = None;
        after.languages = vec!["Tigrinya".into()];
        let keys: Vec<_> = changed_fields(&before, &after).into_keys().collect();
        assert!(keys.contains(&"languages".to_owned()), "{keys:?}");
        assert!(keys.iter().all(|k| DETAIL_FIELDS.contains(&k.as_str())));
    }

    #[test]
    fn flags_decide_escalation() {
        let mut d = input().validate(today()).unwrap();
        assert_eq!(d.escalation_reason(), "unaccompanied");
        d.unaccompanied = false;
        assert!(!d.escalate_when_missing());
        d.suspected_trafficked = true;
        assert!(d.escalate_when_missing());
        assert_eq!(d.escalation_reason(), "trafficked");
        d.unaccompanied = true;
        assert_eq!(d.escalation_reason(), "both");
    }

    #[test]
    fn debug_output_never_shows_names() {
        let details = input().validate(today()).unwrap();
        let shown = format!("{:?} {:?}", input(), details);
        assert!(!shown.contains("Sample"), "{shown}");
        assert!(!shown.contains("ኣማኒ"), "{shown}");
    }

    #[test]
    fn ages() {
        let born = NaiveDate::from_ymd_opt(2010, 2, 28).unwrap();
        assert_eq!(
            age_on(born, NaiveDate::from_ymd_opt(2026, 2, 27).unwrap()),
            15
        );
        assert_eq!(
            age_on(born, NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()),
            16
        );
    }
}
