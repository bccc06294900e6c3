//! The rules every backend applies to an upload, with the words of their refusals.

use harbour_sync::wire::{codes, WireSlot};

use crate::db::Refusal;

/// A page's slots are one run: each seq one more than the last, none below 0.
pub fn page_in_order(slots: &[WireSlot]) -> Result<(), Refusal> {
    let in_order = slots.first().is_none_or(|s| s.seq >= 0)
        && slots.windows(2).all(|w| w[1].seq == w[0].seq + 1);
    if in_order {
        Ok(())
    } else {
        Err(Refusal::new(
            400,
            codes::MALFORMED,
            "a page's records must be one run, in order",
        ))
    }
}

pub fn gap(held_to: i64, first: i64) -> Refusal {
    Refusal::new(
        409,
        codes::NOT_CONTIGUOUS,
        format!(
            "the hub holds this series up to {held_to}; a page starting at {first} leaves a gap"
        ),
    )
}

pub fn diverged(at: i64) -> Refusal {
    Refusal::new(
        409,
        codes::DIVERGED,
        format!("this series on the hub differs from the sender's at or before {at}"),
    )
}

pub fn fork(seq: i64) -> Refusal {
    Refusal::new(
        409,
        codes::FORK,
        format!("the hub holds a different record at {seq} of this series: nothing of the page was kept"),
    )
}

pub fn duplicate_op(seq: i64) -> Refusal {
    Refusal::new(
        409,
        codes::DUPLICATE_OP,
        format!(
            "the record at {seq} is already held at another place: nothing of the page was kept"
        ),
    )
}
