//! Part 2 of the Philomena form: what is known about this episode, filled in as it becomes known,
//! how its fields are grouped, and how it is printed.

use chrono::{DateTime, Utc};

use crate::profile::{flag, line, lines, FieldDef, Values};

/// Part 2 of the Philomena form (domain.md §1.1): what is known about this episode, filled in
/// as it becomes known. Labels are the Fluent messages `pf-<key>`, like the profile's.
pub const PART2: &[FieldDef] = &[
    line("where_last_seen"),
    line("seen_by"),
    lines("with_whom"),
    line("direction"),
    line("may_be_going"),
    line("clothing_head"),
    line("clothing_upper"),
    line("clothing_lower"),
    line("clothing_footwear"),
    line("clothing_outerwear"),
    line("clothing_jewellery"),
    line("clothing_bags"),
    flag("took_phone"),
    flag("took_cash"),
    flag("took_bank_card"),
    flag("took_id"),
    flag("took_medication"),
    flag("took_charger"),
    flag("took_clothes"),
    line("took_other"),
    lines("mood"),
    lines("trigger"),
    flag("out_of_character"),
    lines("steps_taken"),
];

/// How the Part 2 form groups its fields, by key (never by position, so a field added to
/// `PART2` cannot land in the wrong group): where and with whom, clothing, what they took, the
/// rest (mood, trigger, out of character, what was done).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part2Group {
    Seen,
    Clothing,
    Took,
    Rest,
}

impl Part2Group {
    pub const ALL: [Part2Group; 4] = [
        Part2Group::Seen,
        Part2Group::Clothing,
        Part2Group::Took,
        Part2Group::Rest,
    ];

    pub fn of(key: &str) -> Self {
        if key.starts_with("clothing_") {
            Part2Group::Clothing
        } else if key.starts_with("took_") {
            Part2Group::Took
        } else if ["mood", "trigger", "out_of_character", "steps_taken"].contains(&key) {
            Part2Group::Rest
        } else {
            Part2Group::Seen
        }
    }

    /// The group's title on the form and the sheet, if it has one.
    pub fn title_id(self) -> Option<&'static str> {
        match self {
            Part2Group::Clothing => Some("part2-clothing"),
            Part2Group::Took => Some("part2-took"),
            Part2Group::Seen | Part2Group::Rest => None,
        }
    }

    /// The fields of this group, in `PART2`'s order.
    pub fn fields(self) -> impl Iterator<Item = &'static FieldDef> {
        PART2.iter().filter(move |f| Part2Group::of(f.key) == self)
    }
}

/// Part 2 as printed: where and with whom, then clothing on one line and what they took on
/// another, then mood and trigger; empty fields left out. `tr` turns a Fluent message id into
/// text (labels are `pf-<key>`, the two group titles `part2-clothing` and `part2-took`).
pub fn part2_entries(values: &Values, tr: impl Fn(&str) -> String) -> Vec<(String, String)> {
    let text = |k: &str| {
        values
            .get(k)
            .and_then(|v| v.as_str())
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let label = |k: &str| tr(&crate::profile::label_id(k));
    let mut entries = Vec::new();
    let one_by_one = |group: Part2Group, entries: &mut Vec<(String, String)>| {
        for f in group.fields() {
            if let Some(v) = text(f.key) {
                entries.push((label(f.key), v));
            }
        }
    };
    one_by_one(Part2Group::Seen, &mut entries);
    let clothing: Vec<String> = Part2Group::Clothing
        .fields()
        .filter_map(|f| text(f.key).map(|v| format!("{}: {v}", label(f.key))))
        .collect();
    if !clothing.is_empty() {
        entries.push((tr("part2-clothing"), clothing.join("; ")));
    }
    let took: Vec<String> = Part2Group::Took
        .fields()
        .filter_map(|f| match values.get(f.key) {
            Some(serde_json::Value::Bool(true)) => Some(label(f.key)),
            Some(serde_json::Value::String(s)) if !s.is_empty() => Some(s.clone()),
            _ => None,
        })
        .collect();
    if !took.is_empty() {
        entries.push((tr("part2-took"), took.join(", ")));
    }
    // Mood, trigger, what was done (text; "out of character" is a flag the sheet words).
    one_by_one(Part2Group::Rest, &mut entries);
    entries
}

/// Checks the Part 2 form field by field (every problem at once, named by key); text trimmed,
/// blanks cleared.
pub fn validate_details(
    values: &Values,
    now: DateTime<Utc>,
) -> Result<Values, Vec<crate::profile::ProfileProblem>> {
    crate::profile::validate_fields(PART2, values, now.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_two_groups_its_fields_by_key_and_every_field_is_in_one_group() {
        let grouped: usize = Part2Group::ALL.iter().map(|g| g.fields().count()).sum();
        assert_eq!(grouped, PART2.len());
        assert_eq!(Part2Group::of("clothing_head"), Part2Group::Clothing);
        assert_eq!(Part2Group::of("took_phone"), Part2Group::Took);
        assert_eq!(Part2Group::of("out_of_character"), Part2Group::Rest);
        assert_eq!(Part2Group::of("where_last_seen"), Part2Group::Seen);
        assert!(Part2Group::Seen
            .fields()
            .all(|f| !f.key.contains("clothing")));
    }
}
