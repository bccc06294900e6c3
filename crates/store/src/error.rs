//! The store's typed errors, each with a stable code and the Fluent message a carer sees.

use harbour_core::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The input broke one or more rules; nothing was written.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    #[error("record not found")]
    NotFound,
    /// An op from another device is stamped more than a day ahead of this device's clock.
    #[error("an op is stamped too far in the future")]
    FromTheFuture,
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("could not prepare the data folder: {0}")]
    Io(#[from] std::io::Error),
    /// A stored value that cannot be read back (a bug or a damaged file), named by column.
    #[error("stored value cannot be read: {0}")]
    Corrupt(&'static str),
}

impl StoreError {
    /// Stable across releases; the UI and logs may match on it.
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Invalid(_) => "invalid",
            StoreError::NotFound => "not_found",
            StoreError::FromTheFuture => "from_the_future",
            StoreError::Db(_) | StoreError::Io(_) | StoreError::Corrupt(_) => "storage",
        }
    }

    /// The message shown to a carer when the error is not tied to one field.
    pub fn message_id(&self) -> &'static str {
        match self {
            StoreError::Invalid(errors) => errors
                .first()
                .map(FieldError::message_id)
                .unwrap_or("error-field-invalid"),
            StoreError::NotFound => "error-not-found",
            StoreError::Db(_)
            | StoreError::Io(_)
            | StoreError::Corrupt(_)
            | StoreError::FromTheFuture => "error-storage",
        }
    }
}
