//! Clearly fictional children for a first look at Harbour. Every name says "Sample".

use harbour_core::ChildInput;

pub(crate) fn sample_children() -> Vec<ChildInput> {
    vec![
        ChildInput {
            name_latin: "Amanuel Sample".into(),
            name_own_script: "ኣማኑኤል".into(),
            date_of_birth: "2010-05-14".into(),
            languages: "Tigrinya, Arabic".into(),
            unaccompanied: true,
            suspected_trafficked: true,
        },
        ChildInput {
            name_latin: "Gul Sample".into(),
            name_own_script: "ګل".into(),
            date_of_birth: "2009-09-01".into(),
            languages: "Pashto, Dari".into(),
            unaccompanied: true,
            suspected_trafficked: false,
        },
        ChildInput {
            name_latin: "Jamie Sample".into(),
            name_own_script: String::new(),
            date_of_birth: "2012-01-20".into(),
            languages: "English".into(),
            unaccompanied: false,
            suspected_trafficked: false,
        },
    ]
}
