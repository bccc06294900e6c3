//! Help for the child in their own language (domain.md §4, issue 6): the full-screen "Show to
//! child" page, and the profile's part that opens it or makes the printed help card.
//!
//! Before the page is shown Harbour locks, so the app's state (every child's details) is gone
//! and the only way back to records is the PIN. The page shows the help and the language list,
//! nothing else; no review notes for staff appear on it.

use harbour_core::api::ApiError;
use harbour_core::help::{dialled, ChildHelpSettings};
use harbour_i18n::{text_args, Arg, Localizer, LOCALES, SOURCE_TAG};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::backend::{use_backend, Backend};
use crate::i18n::use_i18n;

/// Handed down by the gate so any screen can open the child's help in a language (a locale
/// tag): the gate locks, then shows the help alone.
#[derive(Clone, PartialEq)]
pub struct ShowChildHelp(pub Callback<&'static str>);

/// Asks the shell to fill the screen with the window, or to give it its frame back.
fn full_screen(backend: &Backend, on: bool) {
    let backend = backend.clone();
    spawn_local(async move {
        let _ = backend.set_child_screen(on).await;
    });
}

fn number_arg(number: &str) -> Arg {
    Arg::from(dialled(number))
}

/// One helpline: its name, its number large (already as dialled), and what it is for.
fn card(id: &str, name: String, number: &str, lines: Vec<String>) -> Html {
    html! {
        <article class={classes!("helpline", format!("child-{id}"))}>
            <h2>{ name }</h2>
            <p class="child-number" dir="ltr" lang="en">{ number.to_owned() }</p>
            { for lines.into_iter().map(|l| html! { <p>{ l }</p> }) }
        </article>
    }
}

/// The help page in the child's language. `staff` words the one control meant for adults
/// (leaving), and the interpreter request is always shown in English too, for the child to show.
pub fn help_page(
    child: &Localizer,
    staff: &Localizer,
    settings: &ChildHelpSettings,
    on_choose: Callback<&'static str>,
    on_exit: Callback<()>,
) -> Html {
    let help = &settings.numbers;
    let locale = child.locale();
    // The interpreter request is for an English-speaking adult, whatever the staff's language.
    let own_english;
    let english = if staff.locale().tag == SOURCE_TAG {
        staff
    } else {
        own_english = Localizer::new(SOURCE_TAG);
        &own_english
    };
    let helplines = help.helplines().into_iter().map(|line| {
        let mut lines =
            vec![child.tr_with(&format!("child-{}-what", line.id), &text_args(&line.args))];
        if line.id == "runaway" {
            if let Some((id, vars)) = help.hours_message() {
                lines.push(child.tr_with(id, &text_args(&vars)));
            }
            lines.extend(
                [
                    "child-runaway-private",
                    "child-runaway-message",
                    "child-runaway-language",
                ]
                .map(|id| child.tr(id)),
            );
        }
        card(
            line.id,
            child.tr(&format!("child-{}-name", line.id)),
            &line.number,
            lines,
        )
    });
    let rights = [
        child.tr("child-right-safe"),
        child.tr("child-right-heard"),
        child.tr("child-right-not-crime"),
        child.tr_with(
            "child-right-police-see",
            &[("number", number_arg(&help.police))],
        ),
        child.tr("child-right-safe-place"),
        child.tr("child-right-forced"),
        child.tr_with(
            "child-right-no-name",
            &[("number", number_arg(&help.runaway))],
        ),
        child.tr_with(
            "child-right-danger",
            &[("number", number_arg(&help.emergency))],
        ),
        child.tr("child-right-interpreter"),
    ];
    let languages = LOCALES.iter().map(|l| {
        let current = l.tag == locale.tag;
        let choose = on_choose.reform(move |_| l.tag);
        html! {
            <li>
                <button class={classes!("child-language", current.then_some("current"))}
                    lang={l.tag} dir={l.dir.as_attr()} aria-pressed={current.to_string()}
                    data-lang={l.tag} onclick={choose}>{ l.native_name }</button>
            </li>
        }
    });
    html! {
        <div class="child-screen" id="child-screen" lang={locale.tag} dir={locale.dir.as_attr()}>
            <header class="child-top">
                <h1 id="child-title">{ child.tr("child-help-title") }</h1>
                <button class="secondary child-exit" id="child-exit" lang={staff.locale().tag}
                    dir={staff.locale().dir.as_attr()} onclick={on_exit.reform(|_| ())}>
                    { staff.tr("child-screen-exit") }
                </button>
            </header>
            <nav class="child-languages" aria-labelledby="child-languages-title">
                <h2 id="child-languages-title">{ child.tr("child-choose-language") }</h2>
                <ul>{ for languages }</ul>
            </nav>
            <p class="child-intro">{ child.tr("child-help-intro") }</p>
            <section class="helplines">{ for helplines }
            </section>
            <section class="child-section" aria-labelledby="child-rights-title">
                <h2 id="child-rights-title">{ child.tr("child-rights-title") }</h2>
                <ul class="child-rights">{ for rights.into_iter().map(|r| html! { <li>{ r }</li> }) }</ul>
            </section>
            <section class="child-section" aria-labelledby="child-found-title">
                <h2 id="child-found-title">{ child.tr("child-found-title") }</h2>
                <p>{ child.tr("child-found-police") }</p>
                <p>{ child.tr_with("child-found-talk", &[
                    ("hours", Arg::from(i64::from(settings.talk_offered_within_hours))),
                    ("home", Arg::from(settings.home_kind.id())),
                ]) }</p>
                <p>{ child.tr("child-found-choice") }</p>
            </section>
            <section class="child-section" aria-labelledby="child-interpreter-title">
                <h2 id="child-interpreter-title">{ child.tr("child-interpreter-title") }</h2>
                <p>{ child.tr("child-interpreter-what") }</p>
                if locale.tag != SOURCE_TAG {
                    <p>{ child.tr("child-interpreter-show") }</p>
                    <p class="child-show-adult" id="child-show-adult" lang="en" dir="ltr">
                        { english.tr_with("help-ask-interpreter", &[("language", locale.english_name.into())]) }
                    </p>
                }
            </section>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChildHelpProps {
    /// The language it opens in.
    pub tag: &'static str,
    /// Leaves the page (the gate shows the lock screen).
    pub on_exit: Callback<()>,
}

/// The full-screen page, with the home's numbers (the shell has them locked or not); the child
/// can switch language from the list. Shown while it is mounted, the window fills the screen.
#[function_component(ChildHelp)]
pub fn child_help(props: &ChildHelpProps) -> Html {
    let staff = use_i18n();
    let backend = use_backend();
    let tag = use_state(|| props.tag);
    let child = use_memo(*tag, |tag| Localizer::new(tag));
    let help = use_state(|| None::<ChildHelpSettings>);
    {
        let (help, backend) = (help.clone(), backend.clone());
        use_effect_with((), move |_| {
            full_screen(&backend, true);
            let numbers_from = backend.clone();
            spawn_local(async move {
                let numbers = numbers_from.help_numbers().await;
                // Harbour's own numbers rather than none, should the shell not answer.
                help.set(Some(numbers.unwrap_or_default()));
            });
            move || full_screen(&backend, false)
        });
    }
    let on_choose = {
        let tag = tag.clone();
        Callback::from(move |t: &'static str| tag.set(t))
    };
    match &*help {
        Some(help) => help_page(&child, &staff, help, on_choose, props.on_exit.clone()),
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct HelpForChildProps {
    /// The child's first name or name, for the heading.
    pub name: String,
    /// The child's languages as written in the profile.
    pub languages: Vec<String>,
}

/// The profile's part: the child's help in a language (their own by default): show it on this
/// screen, save it as a card or print the card.
#[function_component(HelpForChild)]
pub fn help_for_child(props: &HelpForChildProps) -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let matched = harbour_i18n::for_languages(&props.languages).map(|l| l.tag);
    let tag = use_state(|| matched.unwrap_or(SOURCE_TAG));
    let busy = use_state(|| false);
    let outcome = use_state(|| None::<Result<String, ApiError>>);
    let show = use_context::<ShowChildHelp>();
    let on_select = {
        let tag = tag.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(l) = harbour_i18n::locale(&value) {
                tag.set(l.tag);
            }
        })
    };
    let on_show = {
        let tag = tag.clone();
        Callback::from(move |_| {
            if let Some(ShowChildHelp(show)) = &show {
                show.emit(*tag);
            }
        })
    };
    let run = |command: &'static str| {
        let (tag, busy, outcome, backend) =
            (tag.clone(), busy.clone(), outcome.clone(), backend.clone());
        Callback::from(move |_| {
            let (tag, busy, outcome, backend) =
                (*tag, busy.clone(), outcome.clone(), backend.clone());
            busy.set(true);
            spawn_local(async move {
                let result = if command == "save_help_card" {
                    backend.save_help_card(tag).await
                } else {
                    backend.print_help_card(tag).await.map(|()| String::new())
                };
                busy.set(false);
                outcome.set(Some(result));
            });
        })
    };
    let current = harbour_i18n::locale(*tag).unwrap_or(&LOCALES[0]);
    let options = LOCALES.iter().map(|l| {
        html! {
            <option value={l.tag} selected={l.tag == *tag}>
                { format!("{} — {}", l.english_name, l.native_name) }
            </option>
        }
    });
    html! {
        <section class="card help-for-child" aria-labelledby="help-for-child-title">
            <h2 id="help-for-child-title">{ i18n.tr_with("help-for-child-title", &[("name", Arg::from(props.name.as_str()))]) }</h2>
            <p class="hint">{ i18n.tr("help-for-child-intro") }</p>
            if matched.is_none() {
                <p class="hint" id="help-no-language">{ i18n.tr("help-for-child-no-match") }</p>
            }
            <div class="field">
                <label for="help-language">{ i18n.tr("help-language") }</label>
                <select id="help-language" onchange={on_select}>{ for options }</select>
                <p class="hint" id="help-review-status">{ i18n.tr(current.review().message_id()) }</p>
            </div>
            <div class="actions">
                <button class="primary" id="show-to-child" onclick={on_show}>{ i18n.tr("help-show-to-child") }</button>
                <button class="secondary" id="save-help-card" disabled={*busy} onclick={run("save_help_card")}>{ i18n.tr("help-save-card") }</button>
                <button class="secondary" id="print-help-card" disabled={*busy} onclick={run("print_help_card")}>{ i18n.tr("help-print-card") }</button>
            </div>
            <p class="hint">{ i18n.tr("help-show-to-child-hint") }</p>
            { match &*outcome {
                Some(Ok(path)) if !path.is_empty() => html! {
                    <p class="banner notice" role="status" id="help-card-saved">{ i18n.tr_with("help-card-saved", &[("path", Arg::from(path.as_str()))]) }</p>
                },
                Some(Ok(_)) => html! {
                    <p class="banner notice" role="status" id="help-card-printed">{ i18n.tr("help-card-printed") }</p>
                },
                Some(Err(e)) => html! { <p class="banner error" role="alert">{ i18n.tr(&e.message_id) }</p> },
                None => html! {},
            } }
        </section>
    }
}
