//! The grab sheet: one page, the child's fields in its text, Arabic-script and Ethiopic names,
//! markup printed literally, and characters no font has refused before rendering.

use super::*;
use std::process::Command;

fn labels() -> Labels {
    Labels {
        title: "MISSING CHILD".into(),
        no_photo: "No photo".into(),
        dob: "Date of birth".into(),
        age: "Age".into(),
        languages: "Languages".into(),
        flags: "Flags".into(),
        escalation: "Unaccompanied or suspected trafficked: high risk of harm".into(),
        episode_title: "This episode".into(),
        last_seen: "Last seen".into(),
        reported: "Reported".into(),
        missing_for: "Missing for".into(),
        police_reference: "Police reference".into(),
        officer: "Officer".into(),
        grade: "Police risk grade".into(),
        updates_title: "Log".into(),
        not_yet_title: "Not yet in Harbour".into(),
        not_yet: "Description, phones, associates and places are not recorded yet.".into(),
        footer_sensitive: "OFFICIAL-SENSITIVE".into(),
    }
}

pub(crate) fn sheet(own: &str) -> GrabSheet {
    GrabSheet {
        name_latin: "Amanuel Sample".into(),
        name_own_script: own.into(),
        dob: "04/03/2011".into(),
        age: "15".into(),
        languages: "Tigrinya, Arabic".into(),
        flags: "Unaccompanied · Suspected trafficked".into(),
        photo_dates: "Photo taken 01/11/2026".into(),
        last_seen: "25/11/2026 01:30".into(),
        reported: "25/11/2026 02:00".into(),
        missing_for: "2 h 10 min".into(),
        police_reference: "MP/2026/0042".into(),
        officer: "PC Sample".into(),
        grade: "High risk".into(),
        updates: vec!["02:40 Seen near the coach station".into()],
        sections: vec![
            SheetSection {
                title: "Description".into(),
                entries: vec![
                    ("Height".into(), "165 cm".into()),
                    ("Marks".into(), "Scar above the left eyebrow".into()),
                ],
            },
            SheetSection {
                title: "Phones".into(),
                entries: vec![("Mobile".into(), "07700 900123\n07700 900456".into())],
            },
            SheetSection {
                title: "Empty".into(),
                entries: vec![],
            },
        ],
        printed: "Printed 25/11/2026 03:40 · profile version 7".into(),
        photo_jpeg: None,
        full_photo_jpeg: None,
        labels: labels(),
    }
}

/// The PDF's text, as pdftotext reads it, without the marks it wraps right-to-left runs in.
fn text_of(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils; `cargo xtask setup` installs it)");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .replace(['\u{202b}', '\u{202c}', '\u{202a}'], "")
}

fn pages(pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfinfo").arg(&path).output().unwrap();
    let info = String::from_utf8(out.stdout).unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

#[test]
fn one_page_with_the_child_s_fields() {
    let pdf = grab_sheet_pdf(&sheet("አማኑኤል")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(pages(&pdf), 1);
    let text = text_of(&pdf);
    for expected in [
        "MISSING CHILD",
        "Amanuel Sample",
        "አማኑኤል",
        "04/03/2011",
        "MP/2026/0042",
        "High risk",
        "coach station",
        "OFFICIAL-SENSITIVE",
        "profile version 7",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
}

#[test]
fn an_arabic_script_name_is_in_the_text_and_the_photo_is_embedded() {
    let mut s = sheet("امانوئل");
    let mut jpeg = Vec::new();
    image::RgbImage::from_pixel(40, 50, image::Rgb([90, 120, 200]))
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    s.photo_jpeg = Some(jpeg);
    let pdf = grab_sheet_pdf(&s).unwrap();
    assert_eq!(pages(&pdf), 1);
    let text = text_of(&pdf);
    assert!(text.contains("امانوئل"), "{text}");
    assert_eq!(images(&pdf), 1, "the photo is in the PDF");
    assert!(
        text.contains("Photo taken 01/11/2026"),
        "how old it is, under it"
    );
}

/// How many images the PDF's page shows (poppler's `pdfimages -list`, after its two header
/// lines).
fn images(pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(2)
        .count()
}

#[test]
fn a_full_length_photo_prints_beside_the_face_on_the_one_page() {
    let jpeg = |w, h, shade| {
        let mut out = Vec::new();
        image::RgbImage::from_pixel(w, h, image::Rgb([shade, 120, 200]))
            .write_to(
                &mut std::io::Cursor::new(&mut out),
                image::ImageFormat::Jpeg,
            )
            .unwrap();
        out
    };
    let mut s = sheet("ኣማኑኤል");
    // A tall face photo and a very tall full-length one still leave the page one page.
    s.photo_jpeg = Some(jpeg(300, 900, 90));
    s.full_photo_jpeg = Some(jpeg(100, 900, 30));
    let pdf = grab_sheet_pdf(&s).unwrap();
    assert_eq!(pages(&pdf), 1);
    assert_eq!(images(&pdf), 2, "both photos are in the PDF");
}

#[test]
fn text_that_looks_like_markup_is_printed_as_it_is() {
    let mut s = sheet("");
    s.name_latin = "#set page(width: 1cm) *Bold* $x$ [link] <label> // not a comment".into();
    s.updates = vec!["#pagebreak() ]".into(), "\\ backslash".into()];
    let pdf = grab_sheet_pdf(&s).unwrap();
    assert_eq!(pages(&pdf), 1, "no markup took effect");
    let text = text_of(&pdf);
    for literal in [
        "#set page(width: 1cm)",
        "*Bold*",
        "$x$",
        "#pagebreak()",
        "\\ backslash",
    ] {
        assert!(
            text.contains(literal),
            "{literal:?} not printed as typed:\n{text}"
        );
    }
}

#[test]
fn characters_no_font_has_are_refused_before_printing() {
    let err = grab_sheet_pdf(&sheet("名前")).unwrap_err();
    assert_eq!(
        err,
        PrintError::NotCovered {
            field: "name_own_script",
            code: '名' as u32
        }
    );
    assert_eq!(err.message_id(), "error-print-not-covered");
    let mut s = sheet("");
    s.updates = vec!["fine".into(), "smile 😀".into()];
    assert!(matches!(
        grab_sheet_pdf(&s),
        Err(PrintError::NotCovered {
            field: "updates",
            ..
        })
    ));
}

#[test]
fn the_profile_blocks_are_printed_and_empty_ones_left_out() {
    let text = text_of(&grab_sheet_pdf(&sheet("")).unwrap());
    for expected in [
        "Description",
        "Scar above the left eyebrow",
        "07700 900123",
        "07700 900456",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    assert!(!text.contains("Empty"));
    assert!(!text.contains("Not yet in Harbour"));
    let mut bare = sheet("");
    bare.sections.clear();
    assert!(text_of(&grab_sheet_pdf(&bare).unwrap()).contains("Not yet in Harbour"));
    // Printed before any episode, to keep with the profile: no empty episode part.
    assert!(text.contains("This episode"));
    let mut before = sheet("");
    before.last_seen.clear();
    assert!(!text_of(&grab_sheet_pdf(&before).unwrap()).contains("This episode"));
}

#[test]
fn a_very_full_profile_and_a_long_log_still_fit_one_page() {
    let mut s = sheet("ኣማኑኤል");
    let long = (1..=12)
        .map(|i| format!("Line {i} of a long answer that a carer typed in full detail"))
        .collect::<Vec<_>>()
        .join("\n");
    s.sections = (1..=9)
        .map(|n| SheetSection {
            title: format!("Block {n}"),
            entries: (1..=6)
                .map(|e| (format!("Field {e}"), long.clone()))
                .collect(),
        })
        .collect();
    s.updates = (1..=40)
        .map(|i| format!("{i:02}:00 Update number {i}"))
        .collect();
    let pdf = grab_sheet_pdf(&s).unwrap();
    assert_eq!(pages(&pdf), 1);
    let text = text_of(&pdf);
    assert!(
        text.contains("Update number 40"),
        "the newest update is kept"
    );
    assert!(!text.contains("Update number 1\n"), "the oldest give way");
    assert!(text.contains('…'), "cut values are marked");
    assert!(text.contains("OFFICIAL-SENSITIVE"));
}

#[test]
fn clipping_marks_what_it_cuts() {
    assert_eq!(clip("a\nb\nc", 2, 100), "a\nb…");
    assert_eq!(clip("abcdef", 3, 4), "abcd…");
    assert_eq!(clip("short", 3, 100), "short");
}

fn side(title: &str, what: &str) -> CardSide {
    CardSide {
        title: title.into(),
        intro: what.into(),
        entries: vec![
            CardEntry {
                name: title.into(),
                number: "116 000".into(),
                what: what.into(),
            },
            CardEntry {
                name: title.into(),
                number: "999".into(),
                what: what.into(),
            },
        ],
        notes: vec![what.into()],
    }
}

#[test]
fn a_help_card_is_one_small_page_in_both_languages_with_the_numbers_in_order() {
    let card = HelpCard {
        lang: "ps".into(),
        rtl: true,
        child: side("مرسته ستاسو لپاره", "تاسو په ستونزه کې نه یاست."),
        english: Some(side("Help for you", "You are not in trouble.")),
    };
    let pdf = help_card_pdf(&card).unwrap();
    assert_eq!(pages(&pdf), 1);
    let text = text_of(&pdf);
    assert!(text.contains("Help for you"), "{text}");
    assert!(text.contains("ستونزه"), "{text}");
    // The number reads as dialled inside right-to-left text, never "000 116".
    assert!(
        text.contains("116\u{a0}000") || text.contains("116 000"),
        "{text}"
    );
    assert!(
        !text.contains("000 116") && !text.contains("000\u{a0}116"),
        "{text}"
    );
    // A6 landscape: 148 × 105 mm is about 420 × 298 points.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("card.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let info =
        String::from_utf8(Command::new("pdfinfo").arg(&path).output().unwrap().stdout).unwrap();
    assert!(info.contains("419.528 x 297.638 pts"), "{info}");

    let ethiopic = HelpCard {
        lang: "ti".into(),
        rtl: false,
        child: side("ሓገዝ ንዓኻ", "ኣብ ጸገም ኣይኮንካን።"),
        english: None,
    };
    let text = text_of(&help_card_pdf(&ethiopic).unwrap());
    assert!(text.contains("ሓገዝ ንዓኻ"), "{text}");
}

#[test]
fn a_help_card_too_full_for_one_page_is_refused_and_uncovered_text_named() {
    let long = "word ".repeat(400);
    let card = HelpCard {
        lang: "en".into(),
        rtl: false,
        child: side("Help", &long),
        english: Some(side("Help", &long)),
    };
    assert!(matches!(help_card_pdf(&card), Err(PrintError::TooLong(_))));
    let boxes = HelpCard {
        child: side("Help \u{10900}", "x"),
        ..card
    };
    assert_eq!(
        help_card_pdf(&boxes),
        Err(PrintError::NotCovered {
            field: "help_card",
            code: 0x10900
        })
    );
}

#[test]
fn the_recovery_key_prints_on_one_page_in_its_groups() {
    let groups: Vec<String> = [
        "7K2M", "QX9D", "4HBT", "W0RZ", "EJ5N", "P3VA", "8CYS", "G6FM", "1TQ4",
    ]
    .map(String::from)
    .to_vec();
    let sheet = RecoverySheet {
        title: "Harbour recovery key".into(),
        intro: "This key opens Harbour's backups on any computer.".into(),
        groups: groups.clone(),
        made: "Made on 03/12/2026 13:05".into(),
        notes: vec![
            "Keep this page locked away.".into(),
            "Anyone with it and a backup can read the records.".into(),
        ],
        kept_by: "Kept by".into(),
        kept_where: "Where".into(),
    };
    let pdf = recovery_key_pdf(&sheet).unwrap();
    assert_eq!(pages(&pdf), 1);
    let text = text_of(&pdf);
    for g in &groups {
        assert!(text.contains(g.as_str()), "{g}: {text}");
    }
    assert!(
        text.contains("Made on 03/12/2026 13:05") && text.contains("locked away"),
        "{text}"
    );
    assert_eq!(format!("{sheet:?}"), "RecoverySheet(..)");
    let boxed = RecoverySheet {
        kept_by: "Kept by \u{10FFFF}".into(),
        ..sheet
    };
    assert!(matches!(
        recovery_key_pdf(&boxed),
        Err(PrintError::NotCovered { .. })
    ));
}
