//! The warning before a file leaves Harbour's protection ("Save a copy…", an export): what the
//! copy exposes, then a choice to go on to the system's file dialog or to stop.

use yew::prelude::*;

use crate::i18n::I18n;

/// The words of one warning, as message ids.
pub struct Warning {
    /// Prefix of the element ids: `{id}-warning`, `-title`, `-text`, `-confirm`, `-cancel`.
    pub id: &'static str,
    pub title: &'static str,
    pub text: &'static str,
    /// The button that goes on to the file dialog.
    pub go_on: &'static str,
}

impl Warning {
    pub fn show(
        &self,
        i18n: &I18n,
        on_go_on: Callback<MouseEvent>,
        on_stop: Callback<MouseEvent>,
    ) -> Html {
        let id = |part: &str| format!("{}-{part}", self.id);
        html! {
            <div class="close-confirm" id={id("warning")} role="alertdialog"
                aria-labelledby={id("title")} aria-describedby={id("text")}>
                <p id={id("title")}><strong>{ i18n.tr(self.title) }</strong></p>
                <p id={id("text")}>{ i18n.tr(self.text) }</p>
                <div class="actions">
                    <button class="primary" id={id("confirm")} onclick={on_go_on}>
                        { i18n.tr(self.go_on) }
                    </button>
                    <button class="secondary" id={id("cancel")} onclick={on_stop}>
                        { i18n.tr("sheet-copy-cancel") }
                    </button>
                </div>
            </div>
        }
    }
}
