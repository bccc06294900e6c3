//! The audit record for managers and administrators: read on screen, filtered by child and by
//! days of this computer's calendar, and exported as CSV through "Save a copy…" (recorded
//! before the file is written).

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};
use harbour_core::api::{ApiError, AuditFilter, AuditLine, AuditView};
use harbour_core::words::Words;
use harbour_store::AuditRange;
use tauri::{AppHandle, Runtime};

use super::{api_error, blocking, on_store, with_store};

/// The start of `day` on this computer's clock.
fn start_of(day: NaiveDate) -> Option<DateTime<Utc>> {
    Local
        .from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// The days asked for as times: from the start of `from` to the end of `to`.
fn range(filter: &AuditFilter) -> Result<AuditRange, ApiError> {
    if let (Some(from), Some(to)) = (filter.from, filter.to) {
        if from > to {
            return Err(ApiError {
                code: "invalid".into(),
                message_id: "error-audit-range".into(),
                ..ApiError::backend()
            });
        }
    }
    Ok(AuditRange {
        child: filter.child,
        since: filter.from.and_then(start_of),
        before: filter.to.and_then(|d| d.succ_opt()).and_then(start_of),
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn audit_view<R: Runtime>(
    app: AppHandle<R>,
    filter: AuditFilter,
) -> Result<AuditView, ApiError> {
    let range = range(&filter)?;
    on_store(app, move |store| store.audit_view(range)).await
}

/// Saves the entries the filter matches as CSV where the person chooses; `None` if they
/// cancelled (nothing is written, nothing recorded).
#[tauri::command(rename_all = "snake_case")]
pub async fn export_audit<R: Runtime>(
    app: AppHandle<R>,
    filter: AuditFilter,
) -> Result<Option<String>, ApiError> {
    let range = range(&filter)?;
    let dialog = app.clone();
    blocking(app, move |state| {
        // Refused before the dialog opens if the role may not read the record.
        with_store(&state, |store| {
            store.require(harbour_core::Action::ViewAudit)
        })?;
        let asked = crate::files::SaveAs {
            title: "audit-dialog-title",
            file_name: "harbour-audit-record.csv",
            kind: ("CSV", "csv"),
        };
        let saved = asked.save(
            &dialog,
            || {
                let lines = with_store(&state, |store| store.export_audit(range))?;
                Ok(to_csv(&lines, &crate::sheet::police_words()).into_bytes())
            },
            |e| api_error(harbour_store::StoreError::Io(e)),
        )?;
        Ok(saved.map(|path| path.display().to_string()))
    })
    .await
}

/// One cell: quoted, and never read as a formula by a spreadsheet (a name typed as `=…`).
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The entries as CSV: a heading row, then one row each, times in this computer's time.
pub fn to_csv(lines: &[AuditLine], words: &impl Words) -> String {
    let mut out = [
        "audit-col-when",
        "audit-col-who",
        "audit-col-what",
        "audit-col-about",
    ]
    .iter()
    .fold(cell("#"), |row, id| row + "," + &cell(&words.tr(id)));
    out.push_str("\r\n");
    for line in lines {
        let row = [
            line.seq.to_string(),
            line.at
                .with_timezone(&Local)
                .format("%d/%m/%Y %H:%M:%S")
                .to_string(),
            line.who_words(words),
            line.event_words(words),
            line.about.words(words),
        ];
        let row: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use harbour_core::api::AuditAbout;

    #[test]
    fn the_csv_has_a_row_an_entry_words_for_each_and_no_formulas() {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap();
        let id = "01936b6e-7c00-7000-8000-000000000001".parse().unwrap();
        let lines = [
            AuditLine {
                seq: 7,
                at,
                event: "grab_sheet_saved".into(),
                who: "Sam \"Admin\"".into(),
                about: AuditAbout::Child {
                    id,
                    name: "=HYPERLINK(\"x\")".into(),
                },
            },
            AuditLine {
                seq: 8,
                at,
                event: "locked".into(),
                who: String::new(),
                about: AuditAbout::Nothing,
            },
        ];
        let csv = to_csv(&lines, &crate::sheet::police_words());
        let rows: Vec<_> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
        assert_eq!(rows.len(), 3, "{csv}");
        assert_eq!(rows[0], r##""#","When","Who","What","About""##);
        assert!(
            rows[1].starts_with(r#""7","#)
                && rows[1].contains(r#""Sam ""Admin""""#)
                && rows[1].contains(r#""Saved a copy of the grab sheet""#)
                && rows[1].ends_with(r#""'=HYPERLINK(""x"")""#),
            "{}",
            rows[1]
        );
        assert!(rows[2].contains(r#""Harbour","Locked","""#), "{}", rows[2]);
    }

    #[test]
    fn days_are_whole_days_and_a_backwards_range_is_refused() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        let r = range(&AuditFilter {
            child: None,
            from: Some(day(3)),
            to: Some(day(3)),
        })
        .unwrap();
        let (since, before) = (r.since.unwrap(), r.before.unwrap());
        assert_eq!(before - since, chrono::Duration::days(1));
        assert_eq!(since.with_timezone(&Local).date_naive(), day(3));
        let backwards = range(&AuditFilter {
            child: None,
            from: Some(day(4)),
            to: Some(day(3)),
        })
        .unwrap_err();
        assert_eq!(backwards.message_id, "error-audit-range");
    }
}
