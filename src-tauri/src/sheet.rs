//! The grab sheet for one child: gathered from the store, worded in en-GB (for the police),
//! times in local time, made into a PDF by `harbour-print`; then saved or handed to the system
//! print service. Every save and print is audited.

use chrono::{DateTime, Local, Utc};
use harbour_core::sheet::{
    compose, SheetContent, SheetInput, Word, Words, RISK_SUMMARY_CHECKLISTS,
};
use harbour_core::ChildId;
use harbour_i18n::{Arg, Localizer};
use harbour_print::{grab_sheet_pdf, GrabSheet, Labels, PrintError, SheetSection};
use harbour_store::{Store, StoreError};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Why a sheet could not be made or sent.
#[derive(Debug)]
pub enum SheetError {
    Store(StoreError),
    Print(PrintError),
    /// No printer, or the print service refused it.
    NoPrinter,
    /// The print service did not take the page in time.
    PrinterTimeout,
    /// No program on this computer would show the PDF.
    NoViewer,
    Io(std::io::Error),
}

impl SheetError {
    pub fn code(&self) -> &'static str {
        match self {
            SheetError::Store(e) => e.code(),
            SheetError::Print(PrintError::NotCovered { .. }) => "not_covered",
            SheetError::Print(_) => "print_failed",
            SheetError::NoPrinter => "no_printer",
            SheetError::PrinterTimeout => "printer_timeout",
            SheetError::NoViewer => "no_viewer",
            SheetError::Io(_) => "storage",
        }
    }

    pub fn message_id(&self) -> &'static str {
        match self {
            SheetError::Store(e) => e.message_id(),
            SheetError::Print(e) => e.message_id(),
            SheetError::NoPrinter => "error-print-no-printer",
            SheetError::PrinterTimeout => "error-print-timeout",
            SheetError::NoViewer => "error-sheet-no-viewer",
            SheetError::Io(_) => "error-print-save-failed",
        }
    }
}

impl From<StoreError> for SheetError {
    fn from(e: StoreError) -> Self {
        SheetError::Store(e)
    }
}

fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%d/%m/%Y %H:%M").to_string()
}

fn plain(text: String) -> String {
    // Fluent isolates variables with bidi marks; the page does its own bidi.
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// The sheet's words: en-GB for the police, times in this computer's local time, without
/// Fluent's isolation marks (the page and a spreadsheet's cells do their own bidi).
pub(crate) struct ForPolice(Localizer);

impl Words for ForPolice {
    fn tr_with(&self, id: &str, args: &[(&str, Word)]) -> String {
        let args: Vec<(&str, Arg)> = args
            .iter()
            .map(|(k, w)| {
                let arg = match w {
                    Word::Text(t) => Arg::from(t.as_str()),
                    Word::Number(n) => Arg::from(*n),
                };
                (*k, arg)
            })
            .collect();
        plain(self.0.tr_with(id, &args))
    }

    fn time(&self, t: DateTime<Utc>) -> String {
        local(t)
    }
}

fn labels(w: &ForPolice, content: &SheetContent) -> Labels {
    let t = |id: &str| w.tr(id);
    Labels {
        title: content.title.clone(),
        no_photo: t("child-no-photo"),
        dob: t("sheet-dob"),
        age: t("sheet-age"),
        languages: t("sheet-languages"),
        flags: t("sheet-flags"),
        escalation: content.escalation.clone(),
        episode_title: t("sheet-episode"),
        last_seen: t("sheet-last-seen"),
        reported: t("sheet-reported"),
        missing_for: t("sheet-missing-for"),
        police_reference: t("sheet-police-reference"),
        officer: t("sheet-officer"),
        grade: t("sheet-grade"),
        updates_title: t("log-title"),
        not_yet_title: t("sheet-not-yet-title"),
        not_yet: t("sheet-not-yet"),
        footer_sensitive: t("sheet-footer"),
    }
}

/// What the sheet says of `child` now, composed by the core's rules from the profile, the open
/// episode, the latest missing and trafficking checklists and the home's settings. The PDF and
/// the print view both show exactly this.
pub fn content(store: &Store, child: ChildId) -> Result<SheetContent, SheetError> {
    let profile = store.profile(child)?;
    let episode = match store
        .open_episodes()?
        .into_iter()
        .find(|e| e.child_id == child)
    {
        Some(ep) => Some(store.episode_view(ep.id)?),
        None => None,
    };
    let mut assessments = Vec::new();
    for status in store.checklist_statuses(child)? {
        if RISK_SUMMARY_CHECKLISTS.contains(&status.checklist.as_str()) {
            if let Some(latest) = status.assessments.first() {
                assessments.push(store.assessment(latest.id)?);
            }
        }
    }
    let input = SheetInput {
        profile: &profile,
        episode: episode.as_ref(),
        organisation: &store.organisation_for(child)?,
        assessments: &assessments,
        now: store.now(),
    };
    Ok(compose(&input, &police_words()))
}

pub(crate) fn police_words() -> ForPolice {
    ForPolice(Localizer::new(harbour_i18n::SOURCE_TAG))
}

/// The recovery key's page, for the key as shown (`ABCD-EFGH-…`) made at `made`: en-GB,
/// the time in this computer's local time.
pub fn recovery_key_pdf(key: &str, made: DateTime<Utc>) -> Result<Vec<u8>, SheetError> {
    let w = police_words();
    let t = |id: &str| w.tr(id);
    let sheet = harbour_print::RecoverySheet {
        title: t("recovery-sheet-title"),
        intro: t("recovery-sheet-intro"),
        groups: key.split('-').map(str::to_owned).collect(),
        made: w.tr_with("recovery-sheet-made", &[("when", Word::from(local(made)))]),
        notes: [
            "recovery-sheet-note-locked",
            "recovery-sheet-note-anyone",
            "recovery-sheet-note-type",
            "recovery-sheet-note-no-copy",
        ]
        .map(t)
        .to_vec(),
        kept_by: t("recovery-sheet-kept-by"),
        kept_where: t("recovery-sheet-kept-where"),
    };
    harbour_print::recovery_key_pdf(&sheet).map_err(SheetError::Print)
}

/// The sheet for `child` now, ready for the PDF.
pub fn gather(store: &Store, child: ChildId) -> Result<GrabSheet, SheetError> {
    let w = police_words();
    let now = store.now();
    let c = content(store, child)?;
    let ep = c.episode.clone().unwrap_or_default();
    let photo_dates = [c.photo_taken.as_str(), c.full_photo_taken.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    let sheet = GrabSheet {
        labels: labels(&w, &c),
        name_latin: c.name_latin.clone(),
        name_own_script: c.name_own_script,
        dob: c.dob,
        age: c.age,
        languages: c.languages,
        flags: c.flags,
        photo_dates,
        last_seen: ep.last_seen,
        reported: ep.reported,
        missing_for: ep.missing_for,
        police_reference: ep.police_reference,
        officer: ep.officer,
        grade: ep.grade,
        updates: ep.log,
        sections: c
            .blocks
            .into_iter()
            .map(|b| SheetSection {
                title: b.title,
                entries: b.entries,
            })
            .collect(),
        printed: w.tr_with(
            "sheet-printed",
            &[
                ("time", Word::Text(local(now))),
                ("version", Word::Number(store.version()?)),
            ],
        ),
        photo_jpeg: store.child_photo(child)?,
        full_photo_jpeg: store.child_full_photo(child)?,
    };
    Ok(sheet)
}

/// The sheet as a PDF.
pub fn pdf(sheet: &GrabSheet) -> Result<Vec<u8>, SheetError> {
    grab_sheet_pdf(sheet).map_err(SheetError::Print)
}

/// Makes the PDF, audits it, and writes it to `path` (owner-only, atomically).
pub fn save(store: &mut Store, child: ChildId, path: &Path) -> Result<(), SheetError> {
    let sheet = gather(store, child)?;
    let pdf = pdf(&sheet)?;
    // Recorded before the page leaves the store: if the chain cannot be written, nothing is.
    store.record_grab_sheet(child, harbour_store::SheetOut::Saved)?;
    harbour_store::write_atomically(path, |f| f.write_all(&pdf)).map_err(SheetError::Io)
}

/// How long the print service has to take a page before Harbour stops waiting and says so.
pub const PRINT_TIMEOUT: Duration = Duration::from_secs(30);

/// Hands a PDF to the system print service (`lp`, reading it from its standard input, so no
/// copy is left on disk), waiting at most [`PRINT_TIMEOUT`].
pub fn send_to_printer(pdf: &[u8]) -> Result<(), SheetError> {
    let mut lp = Command::new("lp");
    lp.arg("-");
    send_with(lp, pdf, PRINT_TIMEOUT)
}

/// Runs `command` with `pdf` on its standard input; a command still running after `timeout`
/// is killed (a hung print queue never hangs the app).
fn send_with(mut command: Command, pdf: &[u8], timeout: Duration) -> Result<(), SheetError> {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|_| SheetError::NoPrinter)?;
    // Written from a thread of its own: a service that does not read must not block the wait.
    let writer = child.stdin.take().map(|mut input| {
        let pdf = pdf.to_vec();
        std::thread::spawn(move || input.write_all(&pdf))
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait().map_err(|_| SheetError::NoPrinter)? {
            Some(status) => break status,
            None if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(SheetError::PrinterTimeout);
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    let written = writer.map(|w| w.join().map(|r| r.is_ok()).unwrap_or(false));
    if !status.success() || written == Some(false) {
        return Err(SheetError::NoPrinter);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use harbour_core::profile::{Section, SectionInput};
    use harbour_core::{ChildInput, FixedClock};
    use serde_json::json;

    #[test]
    fn a_print_service_that_hangs_is_stopped_and_one_that_fails_is_named() {
        let pdf = b"%PDF-1.7 not really".as_slice();
        let sh = |script: &str| {
            let mut c = Command::new("sh");
            c.args(["-c", script]);
            c
        };
        // Takes the page and succeeds.
        assert!(send_with(sh("cat > /dev/null"), pdf, Duration::from_secs(20)).is_ok());
        // Never finishes (and never reads): stopped when the time is up.
        assert!(matches!(
            send_with(sh("exec sleep 30"), pdf, Duration::from_millis(300)),
            Err(SheetError::PrinterTimeout)
        ));
        // Refuses it.
        assert!(matches!(
            send_with(sh("cat > /dev/null; exit 1"), pdf, Duration::from_secs(20)),
            Err(SheetError::NoPrinter)
        ));
        assert!(matches!(
            send_with(Command::new("/nonexistent/lp"), pdf, Duration::from_secs(1)),
            Err(SheetError::NoPrinter)
        ));
        assert_eq!(
            SheetError::PrinterTimeout.message_id(),
            "error-print-timeout"
        );
    }

    #[test]
    fn the_sheet_carries_the_profile_but_never_immigration_details() {
        let clock = FixedClock::at("2026-11-25T02:00:00Z".parse().unwrap());
        let mut store = Store::open_in_memory(clock).unwrap();
        let child = store
            .add_child(
                &ChildInput {
                    name_latin: "Sample Ruth".into(),
                    date_of_birth: "2011-03-04".into(),
                    ..Default::default()
                },
                None,
            )
            .unwrap();
        let save = |store: &mut Store, section, values: serde_json::Value| {
            let values = serde_json::from_value(values).unwrap();
            store
                .save_profile(child.id, &SectionInput { section, values })
                .unwrap();
        };
        save(
            &mut store,
            Section::Health,
            json!({"medication": "Insulin", "critical_medication": true}),
        );
        save(
            &mut store,
            Section::Legal,
            json!({"edt_phone": "0300 000 0000", "immigration_status": "Asylum claim",
                   "home_office_reference": "HO-123", "nrm_status": "Referred 20/11/2026"}),
        );
        save(
            &mut store,
            Section::Identity,
            json!({"age_disputed": true, "gender": "Female", "aliases": "Rutha\nRoot"}),
        );
        save(
            &mut store,
            Section::Risks,
            json!({"risk_cce": true, "risk_cse": false}),
        );
        store
            .save_organisation(&harbour_core::organisation::Organisation {
                carer_contact: "Sample House 07700 900400".into(),
                ..Default::default()
            })
            .unwrap();
        let sheet = gather(&store, child.id).unwrap();
        assert_eq!(sheet.age, "15 (age disputed)");
        let all: Vec<(String, String)> = sheet
            .sections
            .iter()
            .flat_map(|s| s.entries.clone())
            .collect();
        let find = |label: &str| {
            all.iter()
                .find(|(l, _)| l == label)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(find("Medication"), Some("CRITICAL IF MISSED: Insulin"));
        assert_eq!(
            find("Emergency Duty Team (out of hours) phone"),
            Some("0300 000 0000")
        );
        assert_eq!(find("Criminal exploitation or county lines"), Some("Yes"));
        assert_eq!(find("Gender"), Some("Female"), "from another section");
        assert_eq!(find("Carer contact"), Some("Sample House 07700 900400"));
        // Police search every spelling; the NRM is about risk, not immigration.
        assert_eq!(
            find("Other names, nicknames and spellings (also in the child's own script)"),
            Some("Rutha\nRoot")
        );
        assert_eq!(
            find("National Referral Mechanism (NRM) notes"),
            Some("Referred 20/11/2026")
        );
        assert_eq!(find("Child sexual exploitation"), None);
        let everything = format!("{all:?}");
        assert!(!everything.contains("Asylum"), "{everything}");
        assert!(!everything.contains("HO-123"));
        // And it still makes one page.
        assert!(grab_sheet_pdf(&sheet).unwrap().starts_with(b"%PDF"));

        // Once missing, Part 2 comes first: clothing and what they took on one line each.
        let ep = store.report_missing(child.id).unwrap().episode;
        let values = serde_json::from_value(json!({
            "where_last_seen": "Sample Road bus stop",
            "clothing_upper": "Red hoodie", "clothing_footwear": "White trainers",
            "took_phone": true, "took_cash": true, "took_other": "A blue rucksack",
        }))
        .unwrap();
        store
            .record_event(
                ep.id,
                &harbour_core::episode::EpisodeEvent::Details { values },
            )
            .unwrap();
        let sheet = gather(&store, child.id).unwrap();
        let first = &sheet.sections[0];
        assert_eq!(first.title, "What is known about this episode");
        assert_eq!(
            first.entries,
            [
                (
                    "Where they were last seen".into(),
                    "Sample Road bus stop".into()
                ),
                (
                    "What they were wearing".into(),
                    "Top: Red hoodie; Shoes: White trainers".into()
                ),
                (
                    "What they took with them".into(),
                    "Phone, Cash, A blue rucksack".into()
                ),
            ]
        );
    }
}
