//! The one-page grab sheet for the police: printed, opened in the PDF viewer (a private copy
//! Harbour deletes), saved as a copy only after a warning, or opened as a web page to print
//! with the system's dialog; each outcome said in words.

use harbour_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::backend::use_backend;
use crate::components::warning::Warning;
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct SheetProps {
    pub child_id: harbour_core::ChildId,
    /// Opens the sheet as a web page, printed with the system's dialog (always offered; the way
    /// to print when a PDF cannot be made).
    pub on_print_view: Callback<()>,
}

const SAVE_COPY: Warning = Warning {
    id: "save-copy",
    title: "sheet-copy-warning-title",
    text: "sheet-copy-warning",
    go_on: "sheet-copy-choose",
};

/// What the carer asked for.
#[derive(Clone, Copy, PartialEq)]
enum Ask {
    Print,
    Open,
    SaveCopy,
}

/// What came of it: a message id, with the file's place for a saved copy; or an error's id.
type Outcome = Result<(&'static str, String), String>;

/// Print, open or save a copy of the one-page grab sheet for the police.
#[function_component(SheetButtons)]
pub fn sheet_buttons(props: &SheetProps) -> Html {
    let i18n = use_i18n();
    let outcome = use_state(|| None::<Outcome>);
    let busy = use_state(|| false);
    // "Save a copy…" was pressed: its warning is on screen, waiting for a choice.
    let warning = use_state(|| false);
    let backend = use_backend();
    let run =
        |ask: Ask| {
            let (outcome, busy, warning, child_id) = (
                outcome.clone(),
                busy.clone(),
                warning.clone(),
                props.child_id,
            );
            let backend = backend.clone();
            Callback::from(move |_| {
                let (outcome, busy, backend) = (outcome.clone(), busy.clone(), backend.clone());
                busy.set(true);
                warning.set(false);
                spawn_local(async move {
                    let result =
                        match ask {
                            Ask::Print => backend
                                .print_grab_sheet(child_id)
                                .await
                                .map(|()| ("sheet-printed-ok", String::new())),
                            Ask::Open => backend
                                .open_grab_sheet(child_id)
                                .await
                                .map(|()| ("sheet-opened", String::new())),
                            Ask::SaveCopy => backend.save_grab_sheet_copy(child_id).await.map(
                                |saved| match saved {
                                    Some(path) => ("sheet-copy-saved", path),
                                    None => ("sheet-copy-cancelled", String::new()),
                                },
                            ),
                        };
                    busy.set(false);
                    outcome.set(Some(result.map_err(|e| e.message_id)));
                });
            })
        };
    let show_warning = {
        let (warning, outcome) = (warning.clone(), outcome.clone());
        Callback::from(move |_| {
            outcome.set(None);
            warning.set(true);
        })
    };
    let hide_warning = {
        let warning = warning.clone();
        Callback::from(move |_| warning.set(false))
    };
    html! {
        <div class="sheet-buttons">
            <button class="primary" id="print-sheet" disabled={*busy} onclick={run(Ask::Print)}>
                { i18n.tr("sheet-print") }
            </button>
            <button class="secondary" id="open-sheet" disabled={*busy} onclick={run(Ask::Open)}>
                { i18n.tr("sheet-open") }
            </button>
            <button class="secondary" id="save-copy" disabled={*busy || *warning} onclick={show_warning}>
                { i18n.tr("sheet-save-copy") }
            </button>
            if *warning {
                { SAVE_COPY.show(&i18n, run(Ask::SaveCopy), hide_warning) }
            }
            <button class="secondary" id="print-view" onclick={props.on_print_view.reform(|_| ())}>
                { i18n.tr("sheet-print-view") }
            </button>
            { match &*outcome {
                Some(Ok((id, path))) => html! {
                    <p class="banner notice" role="status" id="sheet-result">
                        { i18n.tr_with(id, &[("path", Arg::from(path.as_str()))]) }
                    </p>
                },
                Some(Err(id)) => html! {
                    <p class="banner error" role="alert" id="sheet-result">{ i18n.tr(id) }</p>
                },
                None => html! {},
            } }
        </div>
    }
}
