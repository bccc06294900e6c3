//! The rules every backend applies to an upload, with the words of their refusals.

use harbour_sync::wire::{codes, Chain, DownloadRequest, JoinRequest, SeriesPage, WireSlot};
use uuid::Uuid;

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

/// Whether a join may go on, from what the hub holds: the token (`None` if it made no such
/// token; else the team it is for and whether it was used) and the key id of the team the
/// device names, if the hub knows that team. `Ok(true)`: the team is new and is to be
/// registered as the device gives it.
pub fn may_join(
    token: Option<(Option<Uuid>, bool)>,
    request: &JoinRequest,
    known_key_id: Option<&str>,
) -> Result<bool, Refusal> {
    let Some((for_team, used)) = token else {
        return Err(Refusal::new(
            401,
            codes::BAD_TOKEN,
            "this join token is not one this hub made",
        ));
    };
    if used {
        return Err(Refusal::new(
            409,
            codes::TOKEN_USED,
            "this join token has been used already",
        ));
    }
    match (for_team, known_key_id) {
        (Some(t), _) if t != request.team => Err(Refusal::new(
            403,
            codes::WRONG_TEAM,
            "this token is for another team",
        )),
        (Some(_), Some(key_id)) if key_id != request.key_id => Err(Refusal::new(
            409,
            codes::WRONG_KEY,
            "this device's team key is not the team's",
        )),
        (None, Some(_)) => Err(team_exists()),
        (_, None) => Ok(true),
        _ => Ok(false),
    }
}

/// The most of a download request's limits the hub honours: (ops, bytes).
pub fn page_limits(request: &DownloadRequest) -> (usize, usize) {
    (
        (request.max_ops as usize).clamp(1, harbour_sync::wire::PAGE_OPS),
        (request.max_bytes as usize).clamp(1, harbour_sync::wire::PAGE_BYTES),
    )
}

/// Whether a slot of `size` bytes still goes in a page of `slots` slots and `bytes` bytes: the
/// first always does, so a page always moves on.
pub fn fits(slots: usize, bytes: usize, size: usize, (max_ops, max_bytes): (usize, usize)) -> bool {
    slots == 0 || (slots < max_ops && bytes + size <= max_bytes)
}

/// What a revoked device is told.
pub fn revoked() -> Refusal {
    Refusal::new(403, codes::REVOKED, "this device has been revoked")
}

/// What a device the hub does not know is told.
pub fn not_enrolled() -> Refusal {
    Refusal::new(
        401,
        codes::BAD_TOKEN,
        "this device is not enrolled on this hub",
    )
}

/// What a download beyond the series' held end is told.
pub fn not_held() -> Refusal {
    Refusal::new(
        404,
        codes::NOT_FOUND,
        "the hub does not hold that much of this series",
    )
}

/// What a token for an unknown team is told.
pub fn no_such_team() -> Refusal {
    Refusal::new(404, codes::NOT_FOUND, "no such team on this hub")
}

/// What a device naming a new team that is here already is told.
pub fn team_exists() -> Refusal {
    Refusal::new(
        409,
        codes::WRONG_TEAM,
        "a team with this id is here already: join it with a token for it",
    )
}

/// What an upload sealed with another key than the team's is told.
pub fn wrong_key() -> Refusal {
    Refusal::new(
        409,
        codes::WRONG_KEY,
        "sealed with a key that is not the team's",
    )
}
