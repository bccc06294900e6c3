//! Settings, for managers and administrators: the audit record — who opened, printed, saved,
//! exported or backed up records, changed a flag, and unlocked (or typed a wrong PIN) —
//! filtered by child and by days, whether the chain is whole, and an export after a warning.

use harbour_core::api::{ApiError, AuditChain, AuditFilter, AuditLine, AuditView};
use harbour_core::ChildId;
use harbour_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::outcome;
use crate::backend::use_backend;
use crate::components::fields::input_value;
use crate::components::warning::Warning;
use crate::i18n::{use_i18n, I18n};
use crate::time;

/// What is typed into the filter: the child chosen and two days as day/month/year.
#[derive(Clone, Default, PartialEq)]
struct Typed {
    child: Option<ChildId>,
    from: String,
    to: String,
}

/// A day field's problem, as a message id.
type DayError = Option<&'static str>;

/// `None` for an empty field; the day, or the message for a day that does not read as one.
fn day(text: &str) -> Result<Option<chrono::NaiveDate>, &'static str> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    harbour_core::when::parse_date(text)
        .map(Some)
        .ok_or("error-audit-date")
}

impl Typed {
    /// The filter, or each day field's problem; a "from" after the "to" is the "to"'s problem.
    fn filter(&self) -> Result<AuditFilter, (DayError, DayError)> {
        match (day(&self.from), day(&self.to)) {
            (Ok(from), Ok(to)) if from.zip(to).is_some_and(|(f, t)| f > t) => {
                Err((None, Some("error-audit-range")))
            }
            (Ok(from), Ok(to)) => Ok(AuditFilter {
                child: self.child,
                from,
                to,
            }),
            (from, to) => Err((from.err(), to.err())),
        }
    }
}

fn row(i18n: &I18n, line: &AuditLine) -> Html {
    html! {
        <tr data-seq={line.seq.to_string()} data-event={line.event.clone()}>
            <td>{ time::format_local(line.at) }</td>
            <td>{ line.who_words(i18n) }</td>
            <td>{ line.event_words(i18n) }</td>
            <td>{ line.about.words(i18n) }</td>
        </tr>
    }
}

#[derive(Properties, PartialEq)]
pub(crate) struct AuditTableProps {
    pub view: AuditView,
}

/// Whether the chain is whole, how many entries match, and the newest of them.
#[function_component(AuditTable)]
pub(crate) fn audit_table(props: &AuditTableProps) -> Html {
    let i18n = use_i18n();
    let view = &props.view;
    let chain = match view.chain {
        AuditChain::Intact { entries } => html! {
            <p class="banner notice" id="audit-chain" data-chain="intact">
                { i18n.tr_with("audit-chain-intact", &[("entries", Arg::from(entries))]) }
            </p>
        },
        AuditChain::BrokenAt { seq } => html! {
            <p class="banner error" id="audit-chain" data-chain="broken" role="alert">
                { i18n.tr_with("audit-chain-broken", &[("seq", Arg::from(seq))]) }
            </p>
        },
    };
    let matching = Arg::from(view.matching as i64);
    let count = if view.lines.len() < view.matching {
        let shown = Arg::from(view.lines.len() as i64);
        i18n.tr_with("audit-showing", &[("shown", shown), ("matching", matching)])
    } else {
        i18n.tr_with("audit-matching", &[("matching", matching)])
    };
    html! {
        <>
            { chain }
            <p id="audit-count" role="status">{ count }</p>
            if view.lines.is_empty() {
                <p id="audit-none">{ i18n.tr("audit-none") }</p>
            } else {
                <table class="users audit-lines" id="audit-lines">
                    <thead>
                        <tr>
                            <th scope="col">{ i18n.tr("audit-col-when") }</th>
                            <th scope="col">{ i18n.tr("audit-col-who") }</th>
                            <th scope="col">{ i18n.tr("audit-col-what") }</th>
                            <th scope="col">{ i18n.tr("audit-col-about") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for view.lines.iter().map(|l| row(&i18n, l)) }
                    </tbody>
                </table>
            }
        </>
    }
}

/// A day typed as day/month/year (`id` is `audit-from` or `audit-to`, also its label's
/// message), with its problem under it.
fn day_field(
    i18n: &I18n,
    id: &'static str,
    value: &str,
    oninput: Callback<InputEvent>,
    error: DayError,
) -> Html {
    let error_id = format!("{id}-error");
    html! {
        <div class="field">
            <label for={id}>{ i18n.tr(id) }</label>
            <input id={id} type="text" inputmode="numeric" autocomplete="off"
                value={value.to_owned()} oninput={oninput}
                aria-invalid={error.is_some().then_some("true")} aria-describedby={error_id.clone()} />
            if let Some(message) = error {
                <p class="field-error" id={error_id} role="alert">{ i18n.tr(message) }</p>
            }
        </div>
    }
}

const EXPORT: Warning = Warning {
    id: "audit-export",
    title: "audit-export",
    text: "audit-export-warning",
    go_on: "audit-export-choose",
};

/// What the export came to: where it went (`None`: the dialog was cancelled), or a refusal.
type Exported = Result<Option<String>, ApiError>;

#[function_component(AuditRecord)]
pub(super) fn audit_record() -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let typed = use_state(Typed::default);
    let errors = use_state(|| (None::<&'static str>, None::<&'static str>));
    let view = use_state(|| None::<AuditView>);
    let load_error = use_state(|| None::<ApiError>);
    // "Export" was pressed: its warning is on screen, waiting for a choice.
    let warning = use_state(|| false);
    let exported = use_state(|| None::<Exported>);
    let busy = use_state(|| false);

    // Reads the record for what is typed, or shows the day fields' problems.
    let show = {
        let (typed, errors, view, load_error, backend) = (
            typed.clone(),
            errors.clone(),
            view.clone(),
            load_error.clone(),
            backend.clone(),
        );
        move || match typed.filter() {
            Err(problems) => errors.set(problems),
            Ok(filter) => {
                errors.set((None, None));
                let (view, load_error, backend) =
                    (view.clone(), load_error.clone(), backend.clone());
                spawn_local(async move {
                    match backend.audit_view(&filter).await {
                        Ok(v) => {
                            load_error.set(None);
                            view.set(Some(v));
                        }
                        Err(e) => load_error.set(Some(e)),
                    }
                });
            }
        }
    };
    {
        let show = show.clone();
        use_effect_with((), move |_| show());
    }
    let onsubmit = {
        let (show, exported) = (show.clone(), exported.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            exported.set(None);
            show();
        })
    };
    let on_child = {
        let typed = typed.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            typed.set(Typed {
                child: v.parse().ok(),
                ..(*typed).clone()
            });
        })
    };
    let on_day = |set: fn(&mut Typed, String)| {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*typed).clone();
            set(&mut next, input_value(&e));
            typed.set(next);
        })
    };
    let show_warning = {
        let (warning, exported) = (warning.clone(), exported.clone());
        Callback::from(move |_| {
            exported.set(None);
            warning.set(true);
        })
    };
    let hide_warning = {
        let warning = warning.clone();
        Callback::from(move |_| warning.set(false))
    };
    let export = {
        let (typed, errors, warning, exported, busy, backend) = (
            typed.clone(),
            errors.clone(),
            warning.clone(),
            exported.clone(),
            busy.clone(),
            backend.clone(),
        );
        Callback::from(move |_| {
            warning.set(false);
            let filter = match typed.filter() {
                Ok(f) => f,
                Err(problems) => return errors.set(problems),
            };
            let (exported, busy, backend) = (exported.clone(), busy.clone(), backend.clone());
            busy.set(true);
            spawn_local(async move {
                let result = backend.export_audit(&filter).await;
                busy.set(false);
                exported.set(Some(result));
            });
        })
    };

    let children = view
        .as_ref()
        .map(|v| v.children.clone())
        .unwrap_or_default();
    let (from_error, to_error) = *errors;
    let result = match &*exported {
        Some(Ok(Some(path))) => html! {
            <p class="banner notice" role="status" id="audit-result">
                { i18n.tr_with("audit-exported", &[("path", Arg::from(path.as_str()))]) }
            </p>
        },
        Some(Ok(None)) => html! {
            <p class="banner notice" role="status" id="audit-result">
                { i18n.tr("audit-export-cancelled") }
            </p>
        },
        Some(Err(e)) => html! {
            <p class="banner error" role="alert" id="audit-result">{ i18n.tr(&e.message_id) }</p>
        },
        None => html! {},
    };
    html! {
        <section class="settings-part" id="audit" aria-labelledby="audit-title">
            <h2 id="audit-title">{ i18n.tr("audit-title") }</h2>
            <p>{ i18n.tr("audit-intro") }</p>
            <form class="audit-filter" id="audit-filter" onsubmit={onsubmit} novalidate=true>
                <div class="field">
                    <label for="audit-child">{ i18n.tr("audit-child") }</label>
                    <select id="audit-child" onchange={on_child}>
                        <option value="" selected={typed.child.is_none()}>
                            { i18n.tr("audit-all-children") }
                        </option>
                        { for children.iter().map(|(id, name)| html! {
                            <option value={id.to_string()} selected={typed.child == Some(*id)}>
                                { name.clone() }
                            </option>
                        }) }
                    </select>
                </div>
                { day_field(&i18n, "audit-from", &typed.from, on_day(|t, v| t.from = v), from_error) }
                { day_field(&i18n, "audit-to", &typed.to, on_day(|t, v| t.to = v), to_error) }
                <button class="primary" id="audit-show" type="submit">{ i18n.tr("audit-show") }</button>
            </form>
            { outcome(&i18n, &load_error, None) }
            <div class="actions">
                <button class="secondary" id="audit-export" disabled={*busy || *warning}
                    onclick={show_warning}>
                    { i18n.tr("audit-export") }
                </button>
            </div>
            if *warning {
                { EXPORT.show(&i18n, export, hide_warning) }
            }
            { result }
            { view.as_ref().map(|v| html! { <AuditTable view={v.clone()} /> }).unwrap_or_default() }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(from: &str, to: &str) -> Typed {
        Typed {
            child: None,
            from: from.into(),
            to: to.into(),
        }
    }

    #[test]
    fn days_are_read_day_first_and_checked_before_asking() {
        let d = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        let f = typed(" 1/12/2026", "03/12/2026").filter().unwrap();
        assert_eq!((f.from, f.to), (d(2026, 12, 1), d(2026, 12, 3)));
        let open = typed("", "").filter().unwrap();
        assert_eq!((open.from, open.to), (None, None));
        assert_eq!(
            typed("12/31/2026", "yesterday").filter().unwrap_err(),
            (Some("error-audit-date"), Some("error-audit-date"))
        );
        assert_eq!(
            typed("03/12/2026", "01/12/2026").filter().unwrap_err(),
            (None, Some("error-audit-range"))
        );
    }
}
