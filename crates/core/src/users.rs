//! Staff who can unlock Harbour, their roles, and what each role may do.
//!
//! The store asks [`Role::may`] before every read and write, so a role's limits hold whatever
//! the UI shows. PINs are checked here for length and the guesses anyone would try first; the
//! store turns a PIN into a key-wrapping key (Argon2id) and never keeps it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::child::{Field, FieldError, FieldProblem};
use crate::ids::UserId;

/// Longest staff name, in characters.
pub const MAX_USER_NAME_CHARS: usize = 80;
/// Shortest PIN or passphrase, in characters. Six digits is the least a lost laptop's store can
/// rely on with a slow key derivation; a passphrase is better, and the UI says so.
pub const MIN_PIN_CHARS: usize = 6;
/// Longest PIN or passphrase, in characters.
pub const MAX_PIN_CHARS: usize = 128;

/// A member of staff's role. What each may do is [`Role::may`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    FosterCarer,
    ResidentialStaff,
    Manager,
    PlacementOfficer,
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::FosterCarer,
        Role::ResidentialStaff,
        Role::Manager,
        Role::PlacementOfficer,
        Role::Admin,
    ];

    /// The stable name used in ops, the command line and message ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::FosterCarer => "foster_carer",
            Role::ResidentialStaff => "residential_staff",
            Role::Manager => "manager",
            Role::PlacementOfficer => "placement_officer",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The Fluent message naming the role.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::FosterCarer => "role-foster-carer",
            Role::ResidentialStaff => "role-residential-staff",
            Role::Manager => "role-manager",
            Role::PlacementOfficer => "role-placement-officer",
            Role::Admin => "role-admin",
        }
    }

    /// Whether someone in this role may do `action`.
    ///
    /// Everyone who looks after a child may see the child's record, keep it up to date and act
    /// when the child goes missing. Exports (records leaving Harbour) are for managers,
    /// placement officers and admins; backups and the audit trail for managers and admins;
    /// adding and disabling staff for admins. The first user of an install is an admin, so a
    /// foster household of one can do everything.
    pub fn may(self, action: Action) -> bool {
        use Action::*;
        match action {
            ViewChildren | EditChildren | RecordMissing => true,
            ExportRecords | MoveRecords => {
                matches!(self, Role::Manager | Role::PlacementOfficer | Role::Admin)
            }
            MakeBackup | ViewAudit | ChangeSettings => matches!(self, Role::Manager | Role::Admin),
            ManageUsers => self == Role::Admin,
            SignOffAssessments | ClearFlags => matches!(self, Role::Manager | Role::Admin),
        }
    }
}

/// Something a user asks the store to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    ViewChildren,
    EditChildren,
    RecordMissing,
    ExportRecords,
    MakeBackup,
    ViewAudit,
    ChangeSettings,
    ManageUsers,
    /// Review a risk checklist assessment and sign it off.
    SignOffAssessments,
    /// Clear an escalation flag (unaccompanied, suspected trafficked), with a reason: from
    /// then on a missing report no longer puts 999 first.
    ClearFlags,
    /// Move a child's record to another team, bring one in from a transfer package, or merge
    /// two records of one child.
    MoveRecords,
}

/// A member of staff as stored. No PIN, no key: those never leave the key file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: UserId,
    pub name: String,
    pub role: Role,
    pub disabled: bool,
    pub created_at: DateTime<Utc>,
}

/// The new-user form, exactly as typed.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewUser {
    pub name: String,
    pub pin: String,
    pub pin_again: String,
}

impl fmt::Debug for NewUser {
    // PINs never reach a log or a panic message.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewUser")
            .field("name_chars", &self.name.chars().count())
            .finish_non_exhaustive()
    }
}

impl Drop for NewUser {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.pin);
        zeroize::Zeroize::zeroize(&mut self.pin_again);
    }
}

impl NewUser {
    /// Every problem at once; on success the trimmed name.
    pub fn validate(&self) -> Result<String, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = match validate_user_name(&self.name) {
            Ok(name) => name,
            Err(e) => {
                errors.push(e);
                String::new()
            }
        };
        errors.extend(validate_new_pin(&self.pin, &self.pin_again));
        if errors.is_empty() {
            Ok(name)
        } else {
            Err(errors)
        }
    }
}

/// A staff name: trimmed, not empty, not too long.
pub fn validate_user_name(name: &str) -> Result<String, FieldError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(FieldError::new(Field::UserName, FieldProblem::Required));
    }
    if name.chars().count() > MAX_USER_NAME_CHARS {
        return Err(FieldError::new(Field::UserName, FieldProblem::TooLong));
    }
    Ok(name.to_owned())
}

/// How a typed name is matched at unlock: trimmed, case and inner spacing ignored.
pub fn normalise_user_name(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks a new PIN or passphrase and its repeat. Spaces count: a passphrase may have them.
pub fn validate_new_pin(pin: &str, again: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let chars: Vec<char> = pin.chars().collect();
    if chars.len() < MIN_PIN_CHARS {
        errors.push(FieldError::new(Field::Pin, FieldProblem::TooShort));
    } else if chars.len() > MAX_PIN_CHARS {
        errors.push(FieldError::new(Field::Pin, FieldProblem::TooLong));
    } else if is_too_simple(&chars) {
        errors.push(FieldError::new(Field::Pin, FieldProblem::TooSimple));
    }
    if pin != again {
        errors.push(FieldError::new(Field::PinAgain, FieldProblem::Mismatch));
    }
    errors
}

/// One character repeated, or a run that steps by one each time (123456, 987654, abcdef).
fn is_too_simple(chars: &[char]) -> bool {
    let steps: Vec<i64> = chars
        .windows(2)
        .map(|w| i64::from(u32::from(w[1])) - i64::from(u32::from(w[0])))
        .collect();
    let first = steps.first().copied().unwrap_or(0);
    steps.iter().all(|&s| s == first) && matches!(first, -1..=1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_admins_manage_users_and_carers_cannot_export() {
        for role in Role::ALL {
            assert!(role.may(Action::ViewChildren));
            assert!(role.may(Action::RecordMissing));
            assert_eq!(role.may(Action::ManageUsers), role == Role::Admin);
            assert_eq!(
                role.may(Action::SignOffAssessments),
                matches!(role, Role::Manager | Role::Admin)
            );
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert!(!Role::FosterCarer.may(Action::ExportRecords));
        assert!(!Role::ResidentialStaff.may(Action::MakeBackup));
        assert!(Role::PlacementOfficer.may(Action::ExportRecords));
        assert!(!Role::PlacementOfficer.may(Action::MakeBackup));
        assert!(Role::Manager.may(Action::ViewAudit));
        assert_eq!(Role::parse("superuser"), None);
    }

    #[test]
    fn pins_that_anyone_would_guess_are_refused() {
        let problem = |pin: &str| {
            validate_new_pin(pin, pin)
                .first()
                .map(|e| (e.field, e.problem))
        };
        assert_eq!(problem("12345"), Some((Field::Pin, FieldProblem::TooShort)));
        for simple in ["000000", "123456", "987654", "abcdefg", "aaaaaaaa"] {
            assert_eq!(
                problem(simple),
                Some((Field::Pin, FieldProblem::TooSimple)),
                "{simple}"
            );
        }
        for fine in ["402719", "blue harbour at dawn", "ⴰⴱⴳⴷⴹⴻ9"] {
            assert_eq!(problem(fine), None, "{fine}");
        }
        assert_eq!(
            problem(&"7".repeat(129)),
            Some((Field::Pin, FieldProblem::TooLong))
        );
        let errors = validate_new_pin("402719", "402718");
        assert_eq!(
            errors,
            [FieldError::new(Field::PinAgain, FieldProblem::Mismatch)]
        );
    }

    #[test]
    fn a_new_user_reports_every_problem_at_once() {
        let errors = NewUser {
            name: "  ".into(),
            pin: "1111".into(),
            pin_again: "2222".into(),
        }
        .validate()
        .unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::UserName, Field::Pin, Field::PinAgain]);
        for e in &errors {
            assert_ne!(e.message_id(), "error-field-invalid");
        }
        let ok = NewUser {
            name: "  Sam  Okafor ".into(),
            pin: "402719".into(),
            pin_again: "402719".into(),
        };
        assert_eq!(ok.validate().unwrap(), "Sam  Okafor");
        assert_eq!(normalise_user_name(" Sam  OKAFOR "), "sam okafor");
        assert!(!format!("{ok:?}").contains("402719"));
    }
}
