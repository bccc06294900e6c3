//! The rules every backend applies to an upload, with the words of their refusals.

use harbour_sync::wire::{codes, Chain, SeriesPage, WireSlot};

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

/// A slot of a series as the hub holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    pub seq: i64,
    pub op_tag: [u8; 32],
    pub sealed: Vec<u8>,
    pub chain: Chain,
}

/// What an upload of one page does to its series: the slots to keep (with their chains) and
/// the series' head after.
#[derive(Debug, Default)]
pub struct Plan {
    pub new: Vec<Held>,
    pub head: (i64, Chain),
}

/// Checks one page against its series as held: `head` is the series' last seq and chain
/// (−1 and zeros if empty), `before` the chain just before the page's first slot (`None` if
/// the hub does not hold that slot), `overlap` the held slots the page sends again, in order.
/// A page that only repeats what is held keeps nothing; one that differs from what is held
/// anywhere is refused whole.
pub fn plan_page(
    page: &SeriesPage,
    head: (i64, Chain),
    before: Option<Chain>,
    overlap: &[Held],
) -> Result<Plan, Refusal> {
    page_in_order(&page.slots)?;
    let Some(first) = page.slots.first() else {
        return Ok(Plan {
            new: Vec::new(),
            head,
        });
    };
    let held_to = head.0;
    if first.seq > held_to + 1 {
        return Err(gap(held_to, first.seq));
    }
    let before = before.ok_or_else(|| Refusal::internal("a series has a hole"))?;
    if before != page.after_chain {
        return Err(diverged(first.seq - 1));
    }
    let mut running = before;
    let mut plan = Plan {
        new: Vec::new(),
        head,
    };
    let mut held = overlap.iter();
    for slot in &page.slots {
        if slot.seq <= held_to {
            let h = held
                .next()
                .filter(|h| h.seq == slot.seq)
                .ok_or_else(|| Refusal::internal("a series has a hole"))?;
            if h.op_tag != slot.op_tag || h.sealed != slot.sealed {
                return Err(fork(slot.seq));
            }
            running = h.chain;
        } else {
            running = harbour_sync::chain(&running, slot);
            plan.new.push(Held {
                seq: slot.seq,
                op_tag: slot.op_tag,
                sealed: slot.sealed.clone(),
                chain: running,
            });
            plan.head = (slot.seq, running);
        }
    }
    Ok(plan)
}
