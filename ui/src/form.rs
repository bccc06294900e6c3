//! The "add a child" form as a reducer: what was typed, which fields have problems, whether it
//! is being saved. What the carer typed is never cleared by an error.

use harbour_core::api::ApiError;
use harbour_core::{ChildInput, Field, FieldError};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickedPhoto {
    pub file_name: String,
    /// The file's bytes, base64, exactly as picked; the shell checks and downscales them.
    pub base64: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormState {
    pub input: ChildInput,
    pub photo: Option<PickedPhoto>,
    pub errors: Vec<FieldError>,
    /// A problem not tied to a field (e.g. the store could not write), as a message id.
    pub error: Option<String>,
    pub saving: bool,
    /// A picked file is still being read; saving waits for it, or the child would be saved
    /// without the photo the carer chose.
    pub reading_photo: bool,
    /// How many saves were refused: the screen moves focus to the first problem after each,
    /// and never while the carer is typing.
    pub refusals: u32,
}

#[derive(Debug)]
pub enum Edit {
    NameLatin(String),
    NameOwnScript(String),
    DateOfBirth(String),
    Languages(String),
    Unaccompanied(bool),
    SuspectedTrafficked(bool),
}

#[derive(Debug)]
pub enum FormAction {
    Edit(Edit),
    /// A file was picked and is being read.
    PhotoReading,
    PhotoPicked(Option<PickedPhoto>),
    /// The form's own check failed; nothing was sent.
    Invalid(Vec<FieldError>),
    Saving,
    /// The shell refused it; show why, keep everything typed.
    Rejected(ApiError),
}

impl FormState {
    /// The message to show next to `field`, if it has a problem.
    pub fn error_for(&self, field: Field) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(FieldError::message_id)
    }

    /// Whether the save button can be pressed now.
    pub fn can_save(&self) -> bool {
        !self.saving && !self.reading_photo
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.error.is_some()
    }
}

fn clear(errors: &mut Vec<FieldError>, field: Field) {
    errors.retain(|e| e.field != field);
}

impl Reducible for FormState {
    type Action = FormAction;

    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            // Editing a field clears that field's message: the carer is fixing it.
            FormAction::Edit(edit) => {
                let field = match edit {
                    Edit::NameLatin(v) => {
                        s.input.name_latin = v;
                        Field::NameLatin
                    }
                    Edit::NameOwnScript(v) => {
                        s.input.name_own_script = v;
                        Field::NameOwnScript
                    }
                    Edit::DateOfBirth(v) => {
                        s.input.date_of_birth = v;
                        Field::DateOfBirth
                    }
                    Edit::Languages(v) => {
                        s.input.languages = v;
                        Field::Languages
                    }
                    Edit::Unaccompanied(v) => {
                        s.input.unaccompanied = v;
                        return Rc::new(s);
                    }
                    Edit::SuspectedTrafficked(v) => {
                        s.input.suspected_trafficked = v;
                        return Rc::new(s);
                    }
                };
                clear(&mut s.errors, field);
            }
            FormAction::PhotoReading => {
                s.reading_photo = true;
                s.photo = None;
            }
            FormAction::PhotoPicked(photo) => {
                s.reading_photo = false;
                s.photo = photo;
                clear(&mut s.errors, Field::Photo);
            }
            FormAction::Invalid(errors) => {
                s.errors = errors;
                s.saving = false;
                s.refusals += 1;
            }
            FormAction::Saving => {
                s.errors.clear();
                s.error = None;
                s.saving = true;
            }
            FormAction::Rejected(e) => {
                s.saving = false;
                s.refusals += 1;
                if e.fields.is_empty() {
                    s.error = Some(e.message_id);
                } else {
                    s.errors = e.fields;
                }
            }
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use harbour_core::FieldProblem;

    fn typed() -> Rc<FormState> {
        Rc::new(FormState::default())
            .reduce(FormAction::Edit(Edit::NameLatin("Sample Ama".into())))
            .reduce(FormAction::Edit(Edit::DateOfBirth("2031-01-01".into())))
            .reduce(FormAction::Edit(Edit::SuspectedTrafficked(true)))
    }

    #[test]
    fn a_rejection_keeps_what_was_typed_and_marks_the_fields() {
        let s = typed()
            .reduce(FormAction::Saving)
            .reduce(FormAction::Rejected(ApiError {
                code: "invalid".into(),
                message_id: "error-dob-in-future".into(),
                fields: vec![FieldError::new(Field::DateOfBirth, FieldProblem::InFuture)],
                retry_after_seconds: None,
                profile_fields: Vec::new(),
            }));
        assert!(!s.saving);
        assert_eq!(s.input.name_latin, "Sample Ama");
        assert!(s.input.suspected_trafficked);
        assert_eq!(s.error_for(Field::DateOfBirth), Some("error-dob-in-future"));
        assert_eq!(s.error_for(Field::NameLatin), None);
    }

    #[test]
    fn editing_a_field_clears_only_its_own_message() {
        let s = typed().reduce(FormAction::Invalid(vec![
            FieldError::new(Field::NameLatin, FieldProblem::TooLong),
            FieldError::new(Field::DateOfBirth, FieldProblem::InFuture),
        ]));
        assert_eq!(s.refusals, 1);
        let s = s.reduce(FormAction::Edit(Edit::DateOfBirth("2012-01-01".into())));
        assert_eq!(s.error_for(Field::DateOfBirth), None);
        assert_eq!(s.refusals, 1, "typing is not a refusal");
        assert_eq!(s.error_for(Field::NameLatin), Some("error-name-too-long"));
    }

    #[test]
    fn saving_waits_for_a_photo_being_read() {
        let s = typed().reduce(FormAction::PhotoReading);
        assert!(!s.can_save());
        let s = s.reduce(FormAction::PhotoPicked(Some(PickedPhoto {
            file_name: "a.jpg".into(),
            base64: "AAAA".into(),
        })));
        assert!(s.can_save());
        assert!(s.photo.is_some());
        assert!(!s.reduce(FormAction::Saving).can_save());
    }

    #[test]
    fn a_storage_failure_is_a_form_level_message() {
        let s = typed()
            .reduce(FormAction::Saving)
            .reduce(FormAction::Rejected(ApiError {
                code: "storage".into(),
                message_id: "error-storage".into(),
                fields: vec![],
                retry_after_seconds: None,
                profile_fields: Vec::new(),
            }));
        assert_eq!(s.error.as_deref(), Some("error-storage"));
        assert!(s.has_errors());
        assert_eq!(s.input.name_latin, "Sample Ama");
    }
}
