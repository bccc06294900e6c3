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

fn png(img: &image::RgbImage) -> Vec<u8> {
    let mut out = Vec::new();
    // Encoding an in-memory RGB image as PNG cannot fail.
    let _ = img.write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png);
    out
}

/// A placeholder "photo" for a sample child: a plain silhouette on a tinted background, so the
/// demonstration shows where a real photo goes without showing anyone. PNG bytes.
pub(crate) fn sample_photo(tint: [u8; 3]) -> Vec<u8> {
    let (w, h) = (480u32, 600u32);
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let (x, y) = (x as f32, y as f32);
        let head = (x - 240.0).powi(2) + (y - 220.0).powi(2) < 95.0f32.powi(2);
        let shoulders =
            y > 340.0 && ((x - 240.0) / 210.0).powi(2) + ((y - 600.0) / 250.0).powi(2) < 1.0;
        if head || shoulders {
            image::Rgb([92, 98, 110])
        } else {
            image::Rgb(tint)
        }
    });
    png(&img)
}

/// A placeholder full-length "photo": a standing silhouette, head to feet. PNG bytes.
pub(crate) fn sample_full_length(tint: [u8; 3]) -> Vec<u8> {
    let (w, h) = (240u32, 600u32);
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let (x, y) = (x as f32, y as f32);
        let head = (x - 120.0).powi(2) + (y - 70.0).powi(2) < 38.0f32.powi(2);
        let body = (112.0..340.0).contains(&y) && (x - 120.0).abs() < 55.0 - (y - 112.0) * 0.04;
        let arms = (120.0..300.0).contains(&y) && (64.0..80.0).contains(&(x - 120.0).abs());
        let legs = (340.0..575.0).contains(&y) && (8.0..46.0).contains(&(x - 120.0).abs());
        if head || body || arms || legs {
            image::Rgb([92, 98, 110])
        } else {
            image::Rgb(tint)
        }
    });
    png(&img)
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
