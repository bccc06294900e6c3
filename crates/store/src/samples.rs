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

/// Profile sections for the sample children, in the same order: enough to show a filled
/// profile and grab sheet. Phone numbers are from Ofcom's range for drama (07700 900xxx);
/// places and people are invented.
pub(crate) fn sample_profiles() -> Vec<Vec<harbour_core::profile::SectionInput>> {
    use harbour_core::profile::{Section, SectionInput};
    use serde_json::json;
    let section = |section, values: serde_json::Value| SectionInput {
        section,
        values: serde_json::from_value(values).unwrap_or_default(),
    };
    vec![
        vec![
            section(
                Section::Identity,
                json!({"aliases": "Amani\nAmanuel S.", "age_disputed": true, "gender": "Male",
                       "nationality": "Eritrean", "interpreter": "Tigrinya (Eritrean)",
                       "religion": "Orthodox Christian"}),
            ),
            section(
                Section::Legal,
                json!({"legal_status": "Section 20", "placing_authority": "Sample County Council",
                       "social_worker": "Alex Sample, Children in Care Team 2",
                       "social_worker_phone": "07700 900101", "edt_phone": "07700 900102",
                       "guardian": "ICTG: Sam Sample", "nrm_status": "Referred, awaiting decision"}),
            ),
            section(
                Section::Description,
                json!({"height": "168 cm", "build": "Slim", "hair": "Black, short, curly",
                       "eyes": "Brown", "skin": "Dark brown",
                       "marks": "Scar across the back of the left hand",
                       "clothing_style": "Dark tracksuit, white trainers, black cap"}),
            ),
            section(
                Section::Health,
                json!({"conditions": "Latent TB, on treatment",
                       "medication": "TB tablets every morning",
                       "critical_medication": true, "allergies": "None known"}),
            ),
            section(
                Section::Phones,
                json!({"mobile_numbers": "07700 900123", "handset": "Black Samsung, cracked screen",
                       "accounts": "Facebook: Amani Sample\nTikTok: @amani.sample"}),
            ),
            section(
                Section::People,
                json!({"associates": "'Teddy' (older male), 07700 900555, silver car\nSample cousin in Coventry",
                       "persons_of_concern": "'Teddy': may be linked to the people who brought him to the UK",
                       "do_not_disclose": "'Teddy'"}),
            ),
            section(
                Section::Places,
                json!({"locations": "Sample Road car wash: worked there unpaid before placement\nCoach station, Sample City centre",
                       "found_before": "Sample City coach station"}),
            ),
            section(
                Section::Risks,
                json!({"risk_cce": true, "risk_debt_bondage": true,
                       "warning_markers": "Says he owes money for his journey"}),
            ),
            section(
                Section::Instructions,
                json!({"call_999_when": "At once: unaccompanied and suspected trafficked."}),
            ),
            section(
                Section::OwnWords,
                json!({"feel_safe": "Talking to his cousin on the phone; football on Saturdays",
                       "trusts": "His key worker and the ICTG",
                       "recorded_with_child": true}),
            ),
        ],
        vec![
            section(
                Section::Description,
                json!({"height": "172 cm", "build": "Medium", "hair": "Dark brown, short",
                       "eyes": "Green"}),
            ),
            section(
                Section::Phones,
                json!({"mobile_numbers": "07700 900234", "accounts": "WhatsApp on the same number"}),
            ),
        ],
        vec![
            section(
                Section::Education,
                json!({"school": "Sample Academy", "activities": "Swimming club on Tuesdays"}),
            ),
            section(
                Section::Instructions,
                json!({"reasonable_steps": "Ring Jamie's mobile\nRing Jamie's aunt\nCheck the swimming pool and the park next to it",
                       "call_999_when": "At once if Jamie has not taken the inhaler, or is with an adult we do not know."}),
            ),
        ],
    ]
}
