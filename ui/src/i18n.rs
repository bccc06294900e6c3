//! The localizer, shared with every component through a Yew context.

use harbour_i18n::Localizer;
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone, Debug)]
pub struct I18n(pub Rc<Localizer>);

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for I18n {
    type Target = Localizer;
    fn deref(&self) -> &Localizer {
        &self.0
    }
}

#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n(Rc::new(Localizer::new(harbour_i18n::SOURCE_TAG))))
}

/// The core's composed texts (the police's questions) in the staff's language, times on the
/// webview's local clock.
impl harbour_core::words::Words for I18n {
    fn tr_with(&self, id: &str, args: &[(&str, harbour_core::words::Word)]) -> String {
        use harbour_core::words::Word;
        let args: Vec<(&str, harbour_i18n::Arg)> = args
            .iter()
            .map(|(k, w)| {
                let arg = match w {
                    Word::Text(t) => harbour_i18n::Arg::from(t.as_str()),
                    Word::Number(n) => harbour_i18n::Arg::from(*n),
                };
                (*k, arg)
            })
            .collect();
        self.0.tr_with(id, &args)
    }

    fn time(&self, t: chrono::DateTime<chrono::Utc>) -> String {
        crate::time::format_local(t)
    }
}
