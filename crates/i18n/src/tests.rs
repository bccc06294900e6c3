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
    for l in LOCALES {
        let names: Vec<_> = l.files.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, FILES, "{}", l.tag);
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
}

/// Every message of a locale, across its files (an id in two files is an error).
fn messages_of_locale(l: &Locale) -> Messages {
    let mut out = Messages::new();
    for (name, text) in l.files {
        for (id, vars) in messages_of(&format!("{}/{name}", l.tag), text) {
            assert!(!out.contains_key(&id), "{}: {id} is in two files", l.tag);
            out.insert(id, vars);
        }
    }
    out
}

#[test]
fn every_locale_has_every_message_with_the_same_variables() {
    let source = messages_of_locale(locale(SOURCE_TAG).unwrap());
    assert!(source.len() > 50, "the source locale looks truncated");
    for l in LOCALES {
        let msgs = messages_of_locale(l);
        let missing: Vec<_> = source.keys().filter(|k| !msgs.contains_key(*k)).collect();
        let extra: Vec<_> = msgs.keys().filter(|k| !source.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{}: missing {missing:?}", l.tag);
        assert!(extra.is_empty(), "{}: unknown {extra:?}", l.tag);
        for (id, vars) in &msgs {
            assert_eq!(vars, &source[id], "{}: {id} has different variables", l.tag);
        }
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
    for grade in harbour_core::workflow::PoliceGrade::ALL {
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
    for step in harbour_core::workflow::ReturnStep::ALL {
        assert!(en.has_message(step.message_id()), "{step:?}");
    }
    for contact in harbour_core::workflow::Contact::ALL {
        assert!(en.has_message(contact.message_id()), "{contact:?}");
    }
    for s in Step::ALL {
        assert!(en.has_message(s.message_id()), "{s:?}");
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
        }
    }
    for f in harbour_core::workflow::PART2 {
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
