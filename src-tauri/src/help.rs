//! Help for the child: the printed help card (the child's language beside English, with the
//! home's numbers) and the full-screen "Show to child" window. The card holds no child's data,
//! only the help, so it is not audited and may be saved in the clear.

use harbour_core::help::HelpNumbers;
use harbour_i18n::{text_args, Localizer, SOURCE_TAG};
use harbour_print::{help_card_pdf, CardEntry, CardSide, HelpCard, PrintError};
use std::io::Write;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime, State};

use crate::commands::sheets::sheet_error;
use crate::commands::{blocking, gate, refused};
use crate::sheet::SheetError;
use crate::AppState;
use harbour_core::api::ApiError;

/// One side of the card, in one locale. The English side, for an adult, ends with the child's
/// request for an interpreter in English.
fn side(l: &Localizer, help: &HelpNumbers, interpreter_for: Option<&str>) -> CardSide {
    let entries = help
        .helplines()
        .into_iter()
        .map(|line| {
            let mut what = l.tr_with(&format!("child-{}-what", line.id), &text_args(&line.args));
            if line.id == "runaway" {
                if let Some((id, vars)) = help.hours_message() {
                    what.push(' ');
                    what.push_str(&l.tr_with(id, &text_args(&vars)));
                }
            }
            CardEntry {
                name: l.tr(&format!("child-{}-name", line.id)),
                number: line.number,
                what,
            }
        })
        .collect();
    let mut notes = vec![
        l.tr("child-right-not-crime"),
        l.tr("child-runaway-language"),
        l.tr("child-help-card-keep"),
    ];
    notes.push(match interpreter_for {
        Some(language) => l.tr_with("help-ask-interpreter", &[("language", language.into())]),
        None => l.tr("child-right-interpreter"),
    });
    CardSide {
        title: l.tr("child-help-title"),
        intro: l.tr("child-help-intro"),
        entries,
        notes,
    }
}

/// The card for a child who reads `tag` (English alone when `tag` is English or unknown).
pub fn card(tag: &str, help: &HelpNumbers) -> HelpCard {
    let plain = |tag: &str| {
        let mut l = Localizer::new(tag);
        // The PDF is laid out by Typst's own bidi; numbers keep their order by `dialled`.
        l.set_use_isolating(false);
        l
    };
    let own = plain(tag);
    let locale = own.locale();
    let english = (locale.tag != SOURCE_TAG)
        .then(|| side(&plain(SOURCE_TAG), help, Some(locale.english_name)));
    HelpCard {
        lang: locale.tag.split('-').next().unwrap_or("en").to_owned(),
        rtl: locale.dir == harbour_i18n::Direction::Rtl,
        child: side(&own, help, None),
        english,
    }
}

/// Makes the card and writes it to `path`.
pub fn save(tag: &str, help: &HelpNumbers, path: &Path) -> Result<(), SheetError> {
    let pdf = help_card_pdf(&card(tag, help)).map_err(SheetError::Print)?;
    harbour_store::write_atomically(path, |f| f.write_all(&pdf)).map_err(SheetError::Io)
}

/// Makes the card and saves it in `folder`, named by its language.
pub fn save_in(tag: &str, help: &HelpNumbers, folder: &Path) -> Result<PathBuf, SheetError> {
    let english_name = Localizer::new(tag).locale().english_name;
    crate::files::make_folder(folder).map_err(SheetError::Io)?;
    let path = folder.join(format!("Help card - {english_name}.pdf"));
    save(tag, help, &path)?;
    Ok(path)
}

/// What went wrong with the card, in the card's own words: the grab sheet's messages name the
/// grab sheet and tell the carer to send it to the police.
fn card_error(e: SheetError) -> ApiError {
    let message_id = match &e {
        SheetError::Print(PrintError::NotCovered { .. }) => "error-card-not-covered",
        SheetError::Print(_) => "error-card-failed",
        SheetError::NoPrinter => "error-card-no-printer",
        SheetError::PrinterTimeout => "error-card-printer-timeout",
        SheetError::NoViewer => "error-card-failed",
        SheetError::Io(_) => "error-card-save-failed",
        SheetError::Store(_) => return sheet_error(e),
    };
    ApiError {
        message_id: message_id.into(),
        ..sheet_error(e)
    }
}

fn numbers(state: &State<'_, AppState>) -> Result<HelpNumbers, ApiError> {
    let mut gate = gate(state);
    let store = gate.store().map_err(refused)?;
    Ok(store
        .organisation()
        .map_err(crate::commands::api_error)?
        .help)
}

/// The numbers and kind of home for the child's help screen; works locked (the lock screen
/// offers the help too).
#[tauri::command(rename_all = "snake_case")]
pub async fn help_numbers<R: Runtime>(
    app: AppHandle<R>,
) -> Result<harbour_core::help::ChildHelpSettings, ApiError> {
    blocking(app, move |state| Ok(gate(&state).help_numbers())).await
}

/// Saves the help card in the child's language as a PDF in "Harbour help cards" (or
/// `HARBOUR_PRINT_DIR`) and returns where.
#[tauri::command(rename_all = "snake_case")]
pub async fn save_help_card<R: Runtime>(
    app: AppHandle<R>,
    tag: String,
) -> Result<String, ApiError> {
    blocking(app, move |state| {
        let help = numbers(&state)?;
        let folder = crate::settings::user_folder("HARBOUR_PRINT_DIR", "Harbour help cards")
            .ok_or_else(ApiError::backend)?;
        save_in(&tag, &help, &folder)
            .map(|p| p.display().to_string())
            .map_err(card_error)
    })
    .await
}

/// Sends the help card to the default printer.
#[tauri::command(rename_all = "snake_case")]
pub async fn print_help_card<R: Runtime>(app: AppHandle<R>, tag: String) -> Result<(), ApiError> {
    blocking(app, move |state| {
        let help = numbers(&state)?;
        let pdf =
            help_card_pdf(&card(&tag, &help)).map_err(|e| card_error(SheetError::Print(e)))?;
        crate::sheet::send_to_printer(&pdf).map_err(card_error)
    })
    .await
}

/// Fills the screen for the child's help, or gives the window back its frame. Only the window
/// changes: the help shown holds no child's data, and the UI locks before showing it.
#[tauri::command(rename_all = "snake_case")]
pub fn set_child_screen<R: tauri::Runtime>(
    window: tauri::WebviewWindow<R>,
    on: bool,
) -> Result<(), ApiError> {
    window.set_fullscreen(on).map_err(|_| ApiError::backend())
}

#[cfg(test)]
mod tests {
    use super::*;
    use harbour_core::help::RunawayHours;
    use harbour_i18n::Arg;

    fn text_of(pdf: &[u8]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("card.pdf");
        std::fs::write(&path, pdf).unwrap();
        let out = std::process::Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext");
        String::from_utf8(out.stdout)
            .unwrap()
            .replace(['\u{202b}', '\u{202c}', '\u{202a}', '\u{a0}'], " ")
    }

    /// Every language's card fits one page with every bundled glyph, and carries the home's
    /// numbers and hours.
    #[test]
    fn every_language_s_card_is_one_page_with_the_home_s_numbers() {
        let help = HelpNumbers {
            childline: "0800 1111".into(),
            runaway_hours: RunawayHours::Daily {
                from: "09:00".into(),
                to: "23:00".into(),
            },
            ..Default::default()
        };
        for locale in harbour_i18n::LOCALES {
            let card = card(locale.tag, &help);
            assert_eq!(
                card.english.is_some(),
                locale.tag != SOURCE_TAG,
                "{}",
                locale.tag
            );
            let pdf = help_card_pdf(&card).unwrap_or_else(|e| panic!("{}: {e}", locale.tag));
            let text = text_of(&pdf);
            for number in ["116 000", "0800 1111", "999", "112", "101", "08000 121 700"] {
                assert!(
                    text.contains(number),
                    "{}: {number} missing:\n{text}",
                    locale.tag
                );
            }
            assert!(text.contains("23:00"), "{}: hours", locale.tag);
        }
        let ps = card("ps", &help);
        assert!(ps.rtl);
        assert_eq!(ps.lang, "ps");
        let en = ps.english.unwrap();
        assert_eq!(en.title, "Help for you");
        assert!(en
            .notes
            .iter()
            .any(|n| n == "I need an interpreter. My language is Pashto."));
        // The child's own side says, in Pashto, that they can ask for an interpreter.
        let mut pashto = Localizer::new("ps");
        pashto.set_use_isolating(false);
        assert!(ps
            .child
            .notes
            .contains(&pashto.tr("child-right-interpreter")));
        assert!(ps
            .child
            .title
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)));
    }

    /// Every word of the child's help, in every language, has a glyph in the bundled fonts (the
    /// app's web view loads the same files), so nothing shows as a box on screen or on paper.
    #[test]
    fn every_message_of_the_child_s_help_is_in_the_bundled_fonts() {
        let mut checked = 0;
        for locale in harbour_i18n::LOCALES {
            let text = locale.file(harbour_i18n::CHILD_FILE).unwrap();
            let mut l = Localizer::new(locale.tag);
            l.set_use_isolating(false);
            for id in harbour_i18n::message_ids(text) {
                for hours in [1, 72] {
                    let message = l.tr_with(
                        &id,
                        &[
                            ("number", "116 000".into()),
                            ("alt", "112".into()),
                            ("from", "09:00".into()),
                            ("to", "23:00".into()),
                            ("hours", Arg::from(hours)),
                        ],
                    );
                    if let Some(c) = harbour_print::first_uncovered(&message) {
                        panic!(
                            "{}: {id}: U+{:04X} has no glyph: {message}",
                            locale.tag, c as u32
                        );
                    }
                    checked += 1;
                }
            }
            assert!(harbour_print::first_uncovered(locale.native_name).is_none());
        }
        assert!(checked > 15 * 30 * 2, "{checked}");
    }

    #[test]
    fn unconfirmed_hours_are_not_printed() {
        let card = card("ti", &HelpNumbers::default());
        let english = card.english.unwrap();
        let all: String = english.entries.iter().map(|e| e.what.clone()).collect();
        assert!(!all.contains("Open"), "{all}");
        let always = super::card(
            "en-GB",
            &HelpNumbers {
                runaway_hours: RunawayHours::DayAndNight,
                ..Default::default()
            },
        );
        assert!(always.child.entries[0]
            .what
            .contains("Open day and night, every day."));
        assert_eq!(always.child.entries[0].number, "116\u{a0}000", "as dialled");
    }

    #[test]
    fn the_card_s_errors_speak_of_the_card() {
        let en = Localizer::new(SOURCE_TAG);
        let problems = [
            SheetError::Print(PrintError::NotCovered {
                field: "child",
                code: 0x540d,
            }),
            SheetError::Print(PrintError::TooLong(2)),
            SheetError::NoPrinter,
            SheetError::Io(std::io::Error::other("disk full")),
        ];
        let mut seen = std::collections::HashSet::new();
        for problem in problems {
            let code = problem.code();
            let error = card_error(problem);
            assert_eq!(error.code, code, "the code is the sheet's");
            let words = en.tr(&error.message_id);
            assert!(words.contains("help card"), "{}: {words}", error.message_id);
            assert!(
                !words.contains("grab sheet"),
                "{}: {words}",
                error.message_id
            );
            seen.insert(error.message_id);
        }
        assert_eq!(seen.len(), 4, "each problem its own words");
    }

    #[test]
    fn a_card_is_saved_by_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = save_in("ti", &HelpNumbers::default(), dir.path()).unwrap();
        assert_eq!(path.file_name().unwrap(), "Help card - Tigrinya.pdf");
        let text = text_of(&std::fs::read(&path).unwrap());
        assert!(
            text.contains("116 000") && text.contains("Help for you"),
            "{text}"
        );
    }
}
