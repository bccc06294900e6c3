//! Save or print the one-page grab sheet for the police, or open it as a web page to print with
//! the system's dialog; each outcome said in words, with where the file went.

use harbour_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::backend::use_backend;
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct SheetProps {
    pub child_id: harbour_core::ChildId,
    /// Opens the sheet as a web page, printed with the system's dialog (always offered; the way
    /// to print when a PDF cannot be made).
    pub on_print_view: Callback<()>,
}

/// Save or print the one-page grab sheet for the police.
#[function_component(SheetButtons)]
pub fn sheet_buttons(props: &SheetProps) -> Html {
    let i18n = use_i18n();
    // (message id, path) of the last outcome; an error is a message id alone.
    let outcome = use_state(|| None::<Result<(String, String), String>>);
    let busy = use_state(|| false);
    let backend = use_backend();
    // Saved as a file (`true`) or sent to the printer.
    let run = |save: bool| {
        let (outcome, busy, child_id) = (outcome.clone(), busy.clone(), props.child_id);
        let backend = backend.clone();
        Callback::from(move |_| {
            let (outcome, busy, backend) = (outcome.clone(), busy.clone(), backend.clone());
            busy.set(true);
            spawn_local(async move {
                let result = if save {
                    backend
                        .save_grab_sheet(child_id)
                        .await
                        .map(|path| ("sheet-saved".to_owned(), path))
                } else {
                    backend
                        .print_grab_sheet(child_id)
                        .await
                        .map(|()| ("sheet-printed-ok".to_owned(), String::new()))
                };
                busy.set(false);
                outcome.set(Some(result.map_err(|e| e.message_id)));
            });
        })
    };
    html! {
        <div class="sheet-buttons">
            <button class="primary" id="save-sheet" disabled={*busy} onclick={run(true)}>
                { i18n.tr("sheet-save") }
            </button>
            <button class="secondary" id="print-sheet" disabled={*busy} onclick={run(false)}>
                { i18n.tr("sheet-print") }
            </button>
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
