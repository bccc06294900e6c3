//! Every locale parses, every locale has every message of the source with the same variables,
//! and every message id the core and the UI ask for exists.

use super::*;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Messages = BTreeMap<String, BTreeSet<String>>;

fn collect_vars_in_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            collect_vars_in_expr(expression, out);
        }
    }
}

fn collect_vars_in_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            collect_vars_in_inline(selector, out);
            assert!(
                variants.iter().any(|v| v.default),
                "a select expression has no default variant"
            );
            for v in variants {
                collect_vars_in_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => collect_vars_in_inline(i, out),
    }
}

fn collect_vars_in_inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => collect_vars_in_expr(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                collect_vars_in_inline(a, out);
            }
        }
        _ => {}
    }
}

fn messages_of(tag: &str, source: &str) -> Messages {
    let res = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errs)| panic!("{tag}: Fluent syntax errors: {errs:?}"));
    let mut out = Messages::new();
    for entry in &res.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                let value = m
                    .value
                    .as_ref()
                    .unwrap_or_else(|| panic!("{tag}: {} has no value", m.id.name));
                collect_vars_in_pattern(value, &mut vars);
                let text: String = value
                    .elements
                    .iter()
                    .map(|e| match e {
                        ast::PatternElement::TextElement { value } => value.trim(),
                        _ => "x",
                    })
                    .collect();
                assert!(!text.is_empty(), "{tag}: {} is empty", m.id.name);
                let fresh = out.insert(m.id.name.to_owned(), vars).is_none();
                assert!(fresh, "{tag}: {} is defined twice", m.id.name);
            }
            ast::Entry::Junk { content } => panic!("{tag}: unparsable text: {content}"),
            _ => {}
        }
    }
    out
}

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales")
}

#[test]
fn every_locale_on_disk_is_registered_and_embedded() {
    let mut on_disk: Vec<String> = std::fs::read_dir(locales_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut registered: Vec<String> = LOCALES.iter().map(|l| l.tag.to_owned()).collect();
    registered.sort();
    assert_eq!(on_disk, registered);
    assert_eq!(LOCALES.len(), 15, "the fifteen languages of issue 6");
    assert_eq!(LOCALES[0].tag, SOURCE_TAG);
    for l in LOCALES {
        let names: Vec<_> = l.files.iter().map(|(n, _)| *n).collect();
        assert!(names.contains(&CHILD_FILE), "{}: no child's help", l.tag);
        let mut on_disk: Vec<String> = std::fs::read_dir(locales_dir().join(l.tag))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut embedded: Vec<_> = names.iter().map(|n| n.to_string()).collect();
        embedded.sort();
        assert_eq!(
            on_disk, embedded,
            "{}: a file on disk is not embedded",
            l.tag
        );
        for (name, text) in l.files {
            let file = std::fs::read_to_string(locales_dir().join(l.tag).join(name)).unwrap();
            assert_eq!(&file, text, "{}/{name}: embedded text is stale", l.tag);
        }
    }
    let source = locale(SOURCE_TAG).unwrap();
    assert!(source.has_staff_ui());
    let names: Vec<_> = source.files.iter().map(|(n, _)| *n).collect();
    for f in STAFF_FILES {
        assert!(names.contains(&f), "{f}");
    }
}

#[test]
fn every_file_declares_how_far_it_is_reviewed() {
    for l in LOCALES {
        for (name, text) in l.files {
            let declared = declared_review(text)
                .unwrap_or_else(|| panic!("{}/{name} declares no `### review:`", l.tag));
            if l.tag == SOURCE_TAG {
                assert_eq!(declared, ReviewStatus::Source, "{name}");
            } else {
                assert_ne!(declared, ReviewStatus::Source, "{}/{name}", l.tag);
            }
        }
    }
    assert_eq!(locale("ps").unwrap().review(), ReviewStatus::Unreviewed);
    assert_eq!(
        declared_review("### x\n### review: reviewed\n\nm = M"),
        Some(ReviewStatus::Reviewed)
    );
    assert_eq!(
        declared_review("m = M\n### review: source"),
        None,
        "only in the header"
    );
    assert_eq!(declared_review("### review: perfect"), None);
}

/// Every message of one file of a locale.
fn messages_of_file(l: &Locale, name: &str) -> Option<Messages> {
    l.file(name)
        .map(|text| messages_of(&format!("{}/{name}", l.tag), text))
}

#[test]
fn every_locale_has_every_message_of_its_files_with_the_same_variables() {
    let source = locale(SOURCE_TAG).unwrap();
    let mut all = BTreeSet::new();
    for (name, _) in source.files {
        let ids = messages_of_file(source, name).unwrap();
        for id in ids.keys() {
            assert!(all.insert(id.clone()), "{id} is in two files");
        }
    }
    assert!(all.len() > 500, "the source locale looks truncated");
    for l in LOCALES {
        for (name, _) in l.files {
            let expected = messages_of_file(source, name)
                .unwrap_or_else(|| panic!("{}/{name} has no English source", l.tag));
            let msgs = messages_of_file(l, name).unwrap();
            let missing: Vec<_> = expected.keys().filter(|k| !msgs.contains_key(*k)).collect();
            let extra: Vec<_> = msgs.keys().filter(|k| !expected.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{}/{name}: missing {missing:?}", l.tag);
            assert!(extra.is_empty(), "{}/{name}: unknown {extra:?}", l.tag);
            for (id, vars) in &msgs {
                assert_eq!(
                    vars, &expected[id],
                    "{}: {id} has different variables",
                    l.tag
                );
            }
        }
    }
}

/// The script a locale is written in, as a test of whether a character belongs to it.
fn script_of(tag: &str) -> Option<fn(char) -> bool> {
    match tag {
        "ar" | "fa" | "prs" | "ps" | "ckb" | "ur" => {
            Some(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
        }
        "ti" | "am" => Some(|c| ('\u{1200}'..='\u{139F}').contains(&c)),
        _ => None,
    }
}

/// No message is left in English under another language's name: each differs from the English,
/// and in a language with its own script each has words in that script.
#[test]
fn no_message_is_left_in_english() {
    let mut english = Localizer::new(SOURCE_TAG);
    english.set_use_isolating(false);
    let source = locale(SOURCE_TAG).unwrap();
    let ids = message_ids(source.file(CHILD_FILE).unwrap());
    assert!(ids.len() > 30, "{ids:?}");
    let all: Vec<_> = messages_of_file(source, CHILD_FILE)
        .unwrap()
        .into_keys()
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(
        sorted, all,
        "every message, a multi-line one too, and no comment"
    );
    assert!(ids.iter().any(|id| id == "child-found-talk"));
    let args: Vec<(&str, Arg)> = ["number", "alt", "from", "to"]
        .into_iter()
        .map(|n| (n, Arg::from("0")))
        .chain([("hours", Arg::from(72))])
        .collect();
    for l in &LOCALES[1..] {
        assert_eq!(l.review(), ReviewStatus::Unreviewed, "{}", l.tag);
        let mut own = Localizer::new(l.tag);
        own.set_use_isolating(false);
        for id in &ids {
            let text = own
                .tr_own(id, &args)
                .unwrap_or_else(|| panic!("{}: {id} missing", l.tag));
            assert_ne!(
                text,
                english.tr_with(id, &args),
                "{}: {id} is in English",
                l.tag
            );
            // An English name kept in brackets for the child to recognise stays on one line:
            // wrapped inside right-to-left text, its brackets would show the wrong way round.
            for name in ["Runaway Helpline", "Modern Slavery", "Slavery Helpline"] {
                assert!(
                    !text.contains(name),
                    "{}: {id}: \"{name}\" can break across lines (join with {{\"\\u00A0\"}})",
                    l.tag
                );
            }
            if let Some(in_script) = script_of(l.tag) {
                assert!(
                    text.chars().any(in_script),
                    "{}: {id} has no {} letters: {text}",
                    l.tag,
                    l.tag
                );
            }
        }
    }
}

/// Arabic has six plural forms; the return talk's hours must pick the right one for each.
#[test]
fn arabic_plurals_select_all_six_forms() {
    let mut ar = Localizer::new("ar");
    ar.set_use_isolating(false);
    let form = |n: i64| {
        ar.tr_own("child-found-talk", &[("hours", Arg::from(n))])
            .unwrap()
            .replace(&n.to_string(), "#")
    };
    // zero, one, two, few (3-10), many (11-99), other (100-102)
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100].into_iter().map(form).collect();
    for (i, a) in forms.iter().enumerate() {
        for b in &forms[i + 1..] {
            assert_ne!(a, b, "two counts share a form");
        }
    }
    assert_eq!(form(101), form(100), "101 is `other`, like 100");
    assert_eq!(form(10), form(3), "3 and 10 are both `few`");
    assert_eq!(form(99), form(11), "11 and 99 are both `many`");
    assert_eq!(form(102), form(100));
    // English has two.
    let mut en = Localizer::new(SOURCE_TAG);
    en.set_use_isolating(false);
    assert!(en
        .tr_with("child-found-talk", &[("hours", Arg::from(1))])
        .contains("within 1 hour of"));
    assert!(en
        .tr_with("child-found-talk", &[("hours", Arg::from(72))])
        .contains("within 72 hours of"));
}

#[test]
fn a_childs_languages_find_their_help() {
    let langs = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let tag = |names: &[&str]| for_languages(&langs(names)).map(|l| l.tag);
    assert_eq!(tag(&["Tigrinya", "Arabic"]), Some("ti"));
    assert_eq!(
        tag(&["Bilen", "arabic"]),
        Some("ar"),
        "the first Harbour has"
    );
    assert_eq!(tag(&["Persian"]), Some("fa"));
    assert_eq!(tag(&["Dari"]), Some("prs"));
    assert_eq!(tag(&["Sorani"]), Some("ckb"));
    assert_eq!(tag(&["kurmanji"]), Some("kmr"));
    assert_eq!(tag(&["پښتو"]), Some("ps"));
    assert_eq!(tag(&["Kurdish"]), None, "ambiguous: staff choose");
    assert_eq!(tag(&[]), None);
    let mut tags: Vec<_> = LOCALES.iter().map(|l| l.tag).collect();
    tags.dedup();
    assert_eq!(tags.len(), LOCALES.len());
    for l in LOCALES {
        assert_eq!(
            l.dir == Direction::Rtl,
            script_of(l.tag).is_some_and(|s| s('\u{0627}')),
            "{}: direction",
            l.tag
        );
    }
}

#[test]
fn every_message_the_core_asks_for_exists() {
    use harbour_core::{Field, FieldError, FieldProblem, Role, Step};
    let en = Localizer::new(SOURCE_TAG);
    for f in Field::ALL {
        for p in FieldProblem::ALL {
            let id = FieldError::new(f, p).message_id();
            assert!(en.has_message(id), "{id} missing");
        }
    }
    for role in Role::ALL {
        assert!(en.has_message(role.message_id()), "{role:?}");
    }
    for grade in harbour_core::episode::PoliceGrade::ALL {
        assert!(en.has_message(grade.message_id()), "{grade:?}");
    }
    use harbour_core::organisation::{HomeKind, Nation, Organisation};
    for (key, _) in Organisation::default().texts() {
        let id = format!("org-{}", key.replace('_', "-"));
        assert!(en.has_message(&id), "{id}");
        assert!(en.has_message(&format!("{id}-hint")), "{id}-hint");
    }
    for n in Nation::ALL {
        assert!(en.has_message(n.message_id()), "{n:?}");
    }
    for k in HomeKind::ALL {
        assert!(en.has_message(k.message_id()), "{k:?}");
    }
    for step in harbour_core::episode::ReturnStep::ALL {
        assert!(en.has_message(step.message_id()), "{step:?}");
    }
    for contact in harbour_core::episode::Contact::ALL {
        assert!(en.has_message(contact.message_id()), "{contact:?}");
    }
    for s in Step::ALL {
        assert!(en.has_message(s.message_id()), "{s:?}");
    }
    use harbour_core::help::{HelpNumbers, RunawayHours};
    for line in HelpNumbers::default().helplines() {
        for part in ["name", "what"] {
            let id = format!("child-{}-{part}", line.id);
            assert!(en.has_message(&id), "{id}");
        }
    }
    for hours in [
        RunawayHours::DayAndNight,
        RunawayHours::Daily {
            from: "09:00".into(),
            to: "23:00".into(),
        },
    ] {
        let help = HelpNumbers {
            runaway_hours: hours,
            ..Default::default()
        };
        let (id, _) = help.hours_message().unwrap();
        assert!(en.has_message(id), "{id}");
    }
    use harbour_core::profile::{label_id, ProfileProblem, Section};
    for section in Section::ALL {
        let title = section.title_id();
        assert!(en.has_message(&title), "{title} missing");
        for f in section.fields() {
            assert!(
                en.has_message(&label_id(f.key)),
                "{} missing",
                label_id(f.key)
            );
            if let harbour_core::profile::Kind::Choice(options) = f.kind {
                for o in options {
                    let id = harbour_core::profile::option_id(f.key, o);
                    assert!(en.has_message(&id), "{id} missing");
                }
            }
        }
    }
    for f in harbour_core::episode::PART2 {
        assert!(
            en.has_message(&label_id(f.key)),
            "{} missing",
            label_id(f.key)
        );
    }
    for p in FieldProblem::ALL {
        let problem = ProfileProblem {
            key: "gp".into(),
            problem: p,
        };
        assert!(en.has_message(problem.message_id()), "{p:?}");
    }
    use harbour_core::arrivals::{kind_message_id, Problem};
    for p in Problem::ALL {
        assert!(en.has_message(p.message_id()), "{p:?}");
    }
    for kind in harbour_core::ops::KINDS
        .iter()
        .chain(&["from_a_newer_harbour"])
    {
        assert!(en.has_message(kind_message_id(kind)), "{kind}");
    }
    // The UI picks these by name.
    for id in [
        "arrivals-shown",
        "arrivals-held",
        "child-added-by-unknown",
        "child-corrected-by-unknown",
    ] {
        assert!(en.has_message(id), "{id}");
    }
}

/// Scans the UI sources for `tr("id"` and `tr_with("id"` so a typo in a component is caught
/// here rather than shown to a carer as `[id]`.
#[test]
fn every_message_the_ui_asks_for_exists() {
    let en = Localizer::new(SOURCE_TAG);
    let ui_src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src");
    let mut files = vec![ui_src];
    let mut seen = 0;
    while let Some(p) = files.pop() {
        if p.is_dir() {
            files.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for needle in ["tr(\"", "tr_with(\""] {
            for (at, _) in text.match_indices(needle) {
                let rest = &text[at + needle.len()..];
                let id = &rest[..rest.find('"').unwrap()];
                assert!(en.has_message(id), "{}: unknown message {id}", p.display());
                seen += 1;
            }
        }
    }
    assert!(seen > 20, "found only {seen} message uses in ui/src");
}

#[test]
fn names_are_isolated_and_plurals_select() {
    let en = Localizer::new(SOURCE_TAG);
    let s = en.tr_with("steps-heading", &[("name", "أمل".into())]);
    assert_eq!(s, "\u{2068}أمل\u{2069} is missing");

    let mut plain = Localizer::new(SOURCE_TAG);
    plain.set_use_isolating(false);
    let e = |d: i64, h: i64, m: i64| {
        plain.tr_with(
            "elapsed-short",
            &[
                ("days", d.into()),
                ("hours", h.into()),
                ("minutes", m.into()),
            ],
        )
    };
    assert_eq!(e(0, 0, 7), "7 min");
    assert_eq!(e(0, 3, 0), "3 h 0 min");
    assert_eq!(e(2, 1, 5), "2 d 1 h 5 min");
    let r = |reason: &str| {
        plain.tr_with(
            "step-call-999-now",
            &[("name", "Sam".into()), ("reason", reason.into())],
        )
    };
    assert!(r("trafficked").contains("Sam is suspected to have been trafficked,"));
    assert!(r("unaccompanied").contains("Sam is an unaccompanied child,"));
    assert!(r("both").contains("unaccompanied child suspected"));
}

#[test]
fn unknown_messages_and_locales_are_visible_not_empty() {
    let l = Localizer::new("xx-YY");
    assert_eq!(l.locale().tag, SOURCE_TAG);
    assert_eq!(l.tr("no-such-message"), "[no-such-message]");
}
