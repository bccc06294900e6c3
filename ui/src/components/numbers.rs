//! The phone numbers a carer may need at once (domain.md §4). Shown on the steps screen.

use yew::prelude::*;

use crate::i18n::use_i18n;

#[function_component(Numbers)]
pub fn numbers() -> Html {
    let i18n = use_i18n();
    html! {
        <aside class="numbers" aria-labelledby="numbers-heading">
            <h2 id="numbers-heading">{ i18n.tr("numbers-heading") }</h2>
            <ul>
                <li class="number urgent">{ i18n.tr("number-999") }</li>
                <li class="number">{ i18n.tr("number-101") }</li>
                <li class="number" id="number-116000">{ i18n.tr("number-116000") }</li>
                <li class="number">{ i18n.tr("number-childline") }</li>
            </ul>
        </aside>
    }
}
