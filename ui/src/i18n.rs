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
