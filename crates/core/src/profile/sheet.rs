//! What the grab sheet prints of the profile, block by block.

use super::*;

/// What the sheet prints of the profile, block by block, in the order police need it (each
/// block titled after its section; a key may come from another section, e.g. gender under the
/// description). Fields marked sensitive (immigration details) are never printed.
pub const SHEET_BLOCKS: [(Section, &[&str]); 11] = [
    // Police search every spelling: traffickers rename children.
    (
        Section::Identity,
        &["aliases", "nationality", "ethnicity", "age_assessment"],
    ),
    (
        Section::Description,
        &[
            "gender",
            "height",
            "build",
            "hair",
            "facial_hair",
            "eyes",
            "glasses",
            "skin",
            "marks",
            "accent",
            "clothing_style",
            "interpreter",
        ],
    ),
    (
        Section::Health,
        &[
            "medication",
            "conditions",
            "allergies",
            "mental_health",
            "self_harm_risk",
            "communication_needs",
            "gp",
        ],
    ),
    (
        Section::Phones,
        &[
            "mobile_numbers",
            "handset",
            "network",
            "other_sims",
            "email",
            "accounts",
        ],
    ),
    (
        Section::People,
        &[
            "associates",
            "persons_of_concern",
            "family",
            "friends",
            "do_not_disclose",
        ],
    ),
    (Section::Places, &["locations", "found_before", "venues"]),
    // Police trace card and travel activity.
    (
        Section::MoneyTravel,
        &["bank_cards", "travel_cards", "transport", "routes"],
    ),
    (
        Section::Risks,
        &[
            "risk_cse",
            "risk_cce",
            "risk_debt_bondage",
            "risk_radicalisation",
            "risk_gangs",
            "risk_weapons",
            "risk_to_others",
            "warning_markers",
        ],
    ),
    (
        Section::Legal,
        &[
            "placing_authority",
            "social_worker",
            "social_worker_phone",
            "edt_phone",
            "guardian",
            "legal_status",
            "trafficking_identified",
            "nrm_reasonable_grounds",
            "nrm_conclusive_grounds",
            "nrm_status",
        ],
    ),
    (Section::Education, &["school"]),
    (Section::History, &["earlier_episodes", "patterns"]),
];

/// The profile as the grab sheet (PDF and print view) shows it: `SHEET_BLOCKS` with their
/// filled-in fields as `(label, value)`, flags as "yes", critical medication marked, the
/// home's carer contact with who is responsible; empty blocks left out. `tr` turns a Fluent
/// message id into text.
pub fn sheet_blocks(
    p: &ProfileView,
    org: &crate::organisation::Organisation,
    tr: impl Fn(&str) -> String,
) -> Vec<(String, Vec<(String, String)>)> {
    SHEET_BLOCKS
        .iter()
        .map(|(section, keys)| {
            let mut entries: Vec<(String, String)> = keys
                .iter()
                .filter_map(|key| {
                    let def = field_def(key).filter(|d| !d.sensitive)?;
                    let mut value = match def.kind {
                        Kind::Flag => p.flag(key).then(|| tr("profile-yes")),
                        Kind::Choice(_) => p.text(key).map(|v| tr(&option_id(key, v))),
                        _ => p.text(key).map(str::to_owned),
                    }?;
                    if *key == "medication" && p.flag("critical_medication") {
                        value = format!("{} {value}", tr("sheet-critical-medication"));
                    }
                    Some((tr(&label_id(key)), value))
                })
                .collect();
            if *section == Section::Legal && !org.carer_contact.is_empty() {
                entries.insert(0, (tr("org-carer-contact"), org.carer_contact.clone()));
            }
            (tr(&section.title_id()), entries)
        })
        .filter(|(_, entries)| !entries.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sheet_prints_real_fields_and_nothing_sensitive() {
        for (_, keys) in SHEET_BLOCKS {
            for key in keys {
                let def = field_def(key).unwrap_or_else(|| panic!("{key} is no profile field"));
                assert!(!def.sensitive, "{key} is sensitive");
            }
        }
    }
}
