//! A time typed as day/month/year and 24-hour time (`01/12/2026 16:09`) on every machine, with
//! the time it reads as echoed in plain words ("Tuesday 1 December 2026, 16:09") so a slip is
//! seen before it is saved. Used instead of the browser's date input, which formats by the
//! machine's locale.

use harbour_i18n::Arg;
use yew::prelude::*;

use super::fields::input_value;
use crate::i18n::{use_i18n, I18n};
use crate::time;

#[derive(Properties, PartialEq)]
pub struct WhenProps {
    pub id: AttrValue,
    pub label: String,
    /// What is typed now.
    pub value: String,
    pub oninput: Callback<String>,
    /// A problem to show under the field (a Fluent message id), e.g. from the last save.
    #[prop_or_default]
    pub error: Option<&'static str>,
    /// Also say how long ago it was ("— 2 h 5 min ago").
    #[prop_or_default]
    pub ago: bool,
    /// Quick choices: set the field to this many minutes ago (0: now).
    #[prop_or_default]
    pub quick: &'static [i64],
}

/// "Tuesday 1 December 2026, 16:09" for a typed time, or `None` if it does not read as one.
pub fn echo(i18n: &I18n, typed: &str) -> Option<String> {
    let t = harbour_core::when::parse(typed)?;
    let s = harbour_core::when::spoken(t);
    Some(i18n.tr_with(
        "when-echo",
        &[
            ("weekday", Arg::from(i18n.tr(s.weekday_id))),
            ("day", Arg::from(i64::from(s.day))),
            ("month", Arg::from(i18n.tr(s.month_id))),
            ("year", Arg::from(i64::from(s.year))),
            ("time", Arg::from(s.time)),
        ],
    ))
}

#[function_component(WhenField)]
pub fn when_field(props: &WhenProps) -> Html {
    let i18n = use_i18n();
    let hint_id = format!("{}-hint", props.id);
    let error_id = format!("{}-error", props.id);
    let oninput = props.oninput.reform(|e: InputEvent| input_value(&e));
    let echo_text = echo(&i18n, &props.value).map(|words| {
        let ago = props
            .ago
            .then(|| time::from_typed(&props.value))
            .flatten()
            .filter(|t| *t <= time::now());
        match ago {
            Some(t) => i18n.tr_with(
                "when-echo-ago",
                &[
                    ("when", Arg::from(words)),
                    (
                        "elapsed",
                        Arg::from(super::home::elapsed_text(
                            &i18n,
                            harbour_core::Elapsed::between(t, time::now()),
                        )),
                    ),
                ],
            ),
            None => words,
        }
    });
    let typed_wrong = echo_text.is_none() && !props.value.trim().is_empty();
    let error = props
        .error
        .or(typed_wrong.then_some("error-not-a-day-time"));
    html! {
        <div class="field when">
            <label for={props.id.clone()}>{ &props.label }</label>
            <p class="hint" id={hint_id.clone()}>{ i18n.tr("when-hint") }</p>
            <input id={props.id.clone()} type="text" inputmode="numeric" autocomplete="off"
                value={props.value.clone()} {oninput}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={format!("{hint_id} {error_id}")} />
            if !props.quick.is_empty() {
                <div class="quick-times" role="group" aria-label={props.label.clone()}>
                    { for props.quick.iter().map(|m| {
                        let (oninput, m) = (props.oninput.clone(), *m);
                        let onclick = Callback::from(move |_| {
                            oninput.emit(time::to_typed(time::now() - chrono::Duration::minutes(m)))
                        });
                        html! {
                            <button type="button" class="secondary small" data-ago={m.to_string()} {onclick}>
                                { i18n.tr_with("when-minutes-ago", &[("minutes", Arg::from(m))]) }
                            </button>
                        }
                    }) }
                </div>
            }
            if let Some(words) = echo_text {
                <p class="when-echo" id={format!("{}-echo", props.id)} aria-live="polite">{ words }</p>
            }
            if let Some(e) = error {
                <p class="field-error" id={error_id} role="alert">{ i18n.tr(e) }</p>
            }
        </div>
    }
}

/// The answer for a field whose typed time does not read as one, shown beside it.
pub fn not_a_time(field: harbour_core::Field) -> harbour_core::api::ApiError {
    harbour_core::api::ApiError {
        code: "invalid".into(),
        message_id: "error-not-a-day-time".into(),
        fields: vec![harbour_core::FieldError::new(
            field,
            harbour_core::FieldProblem::NotADate,
        )],
        retry_after_seconds: None,
        profile_fields: Vec::new(),
    }
}

/// What a field shows before the carer types: now, in the typed form.
pub fn now_typed() -> String {
    time::to_typed(time::now())
}
