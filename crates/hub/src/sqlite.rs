//! The hub on SQLite: one file, for one home or a small provider. Every call runs on tokio's
//! blocking threads against one connection (SQLite has one writer anyway), in WAL mode with
//! full sync, so what was acknowledged is on disk.

use std::path::Path;
use std::sync::{Arc, Mutex};

use harbour_sync::wire::{
    Chain, DownloadRequest, DownloadResponse, JoinRequest, JoinResponse, StatusResponse,
    UploadRequest, UploadResponse, WireHead, WireSlot,
};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use uuid::Uuid;

use crate::db::{new_token, token_hash, Enrolled, HubDb, Refusal};
use crate::rules::Held;

const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/sqlite/0001_hub.sql"),
    include_str!("../migrations/sqlite/0002_series_index.sql"),
];

#[derive(Clone, Debug)]
pub struct SqliteHub {
    conn: Arc<Mutex<Connection>>,
}

impl From<rusqlite::Error> for Refusal {
    fn from(e: rusqlite::Error) -> Self {
        Refusal::internal(e)
    }
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl SqliteHub {
    /// Opens (making it if need be) the hub's database at `path`.
    pub fn open(path: &Path) -> Result<Self, Refusal> {
        Self::init(Connection::open(path)?)
    }

    /// A hub that lives only in memory (tests).
    pub fn in_memory() -> Result<Self, Refusal> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Self, Refusal> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", true)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version as usize > MIGRATIONS.len() {
            return Err(Refusal::internal("made by a newer harbour-hub"));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        conn.execute(
            "INSERT OR IGNORE INTO hub (id, epoch) VALUES (1, ?1)",
            [Uuid::now_v7().to_string()],
        )?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    async fn with<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, Refusal> + Send + 'static,
    ) -> Result<T, Refusal> {
        let conn = self.conn.clone();
        tokio::task::spawn_blocking(move || {
            let mut guard = conn.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(Refusal::internal)?
    }
}

fn epoch(conn: &Connection) -> Result<String, Refusal> {
    Ok(conn.query_row("SELECT epoch FROM hub", [], |r| r.get(0))?)
}

fn chain_of(bytes: Vec<u8>) -> Result<Chain, Refusal> {
    bytes
        .try_into()
        .map_err(|_| Refusal::internal("a stored chain is damaged"))
}

fn head(conn: &Connection, team: &str, device: &str) -> Result<(i64, Chain), Refusal> {
    let row: Option<(i64, Vec<u8>)> = conn
        .prepare_cached(
            "SELECT seq, chain FROM ops WHERE team = ?1 AND device = ?2 ORDER BY seq DESC LIMIT 1",
        )?
        .query_row([team, device], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match row {
        Some((seq, chain)) => Ok((seq, chain_of(chain)?)),
        None => Ok((-1, [0; 32])),
    }
}

fn chain_at(
    conn: &Connection,
    team: &str,
    device: &str,
    seq: i64,
) -> Result<Option<Chain>, Refusal> {
    if seq < 0 {
        return Ok(Some([0; 32]));
    }
    let c: Option<Vec<u8>> = conn
        .prepare_cached("SELECT chain FROM ops WHERE team = ?1 AND device = ?2 AND seq = ?3")?
        .query_row(params![team, device, seq], |r| r.get(0))
        .optional()?;
    c.map(chain_of).transpose()
}

/// The held slots `from..=to` of a series, in order.
fn held_slots(
    conn: &Connection,
    team: &str,
    device: &str,
    from: i64,
    to: i64,
) -> Result<Vec<Held>, Refusal> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, op_tag, sealed, chain FROM ops \
         WHERE team = ?1 AND device = ?2 AND seq >= ?3 AND seq <= ?4 ORDER BY seq",
    )?;
    let rows = stmt.query_map(params![team, device, from, to], |r| {
        Ok((r.get(0)?, r.get::<_, Vec<u8>>(1)?, r.get(2)?, r.get(3)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (seq, tag, sealed, chain) = row?;
        out.push(Held {
            seq,
            op_tag: tag
                .try_into()
                .map_err(|_| Refusal::internal("a stored tag is damaged"))?,
            sealed,
            chain: chain_of(chain)?,
        });
    }
    Ok(out)
}

impl HubDb for SqliteHub {
    async fn epoch(&self) -> Result<String, Refusal> {
        self.with(|c| epoch(c)).await
    }

    async fn issue_token(&self, team: Option<Uuid>) -> Result<String, Refusal> {
        self.with(move |c| {
            if let Some(t) = team {
                let known: bool = c.query_row(
                    "SELECT EXISTS(SELECT 1 FROM teams WHERE id = ?1)",
                    [t.to_string()],
                    |r| r.get(0),
                )?;
                if !known {
                    return Err(crate::rules::no_such_team());
                }
            }
            let token = new_token();
            c.execute(
                "INSERT INTO join_tokens (hash, team, made_at) VALUES (?1, ?2, ?3)",
                params![&token_hash(&token)[..], team.map(|t| t.to_string()), now()],
            )?;
            Ok(token)
        })
        .await
    }

    async fn join(&self, request: JoinRequest) -> Result<JoinResponse, Refusal> {
        self.with(move |c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let found: Option<(Option<String>, Option<String>)> = tx
                .query_row(
                    "SELECT team, used_at FROM join_tokens WHERE hash = ?1",
                    [&token_hash(&request.token)[..]],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let token = match found {
                Some((team, used)) => Some((
                    team.map(|t| t.parse())
                        .transpose()
                        .map_err(Refusal::internal)?,
                    used.is_some(),
                )),
                None => None,
            };
            let team = request.team.to_string();
            let known: Option<String> = tx
                .query_row("SELECT key_id FROM teams WHERE id = ?1", [&team], |r| {
                    r.get(0)
                })
                .optional()?;
            if crate::rules::may_join(token, &request, known.as_deref())? {
                tx.execute(
                    "INSERT INTO teams (id, key_id, key_check, created_at) VALUES (?1, ?2, ?3, ?4)",
                    params![team, request.key_id, request.key_check, now()],
                )?;
            }
            tx.execute(
                "UPDATE join_tokens SET used_at = ?2 WHERE hash = ?1",
                params![&token_hash(&request.token)[..], now()],
            )?;
            let device_token = new_token();
            tx.execute(
                "INSERT INTO devices (token_hash, team, device, joined_at) VALUES (?1, ?2, ?3, ?4)",
                params![
                    &token_hash(&device_token)[..],
                    team,
                    request.device.to_string(),
                    now()
                ],
            )?;
            let epoch = epoch(&tx)?;
            tx.commit()?;
            Ok(JoinResponse {
                device_token,
                epoch,
            })
        })
        .await
    }

    async fn enrolled(&self, token: &str) -> Result<Enrolled, Refusal> {
        let hash = token_hash(token);
        self.with(move |c| {
            let row: Option<(String, String, Option<String>)> = c
                .prepare_cached(
                    "SELECT team, device, revoked_at FROM devices WHERE token_hash = ?1",
                )?
                .query_row([&hash[..]], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            match row {
                None => Err(crate::rules::not_enrolled()),
                Some((_, _, Some(_))) => Err(crate::rules::revoked()),
                Some((team, device, None)) => Ok(Enrolled {
                    team: team.parse().map_err(Refusal::internal)?,
                    device: device.parse().map_err(Refusal::internal)?,
                }),
            }
        })
        .await
    }

    async fn status(&self, team: Uuid) -> Result<StatusResponse, Refusal> {
        self.with(move |c| {
            let t = team.to_string();
            let (key_id, key_check): (String, Vec<u8>) = c.query_row(
                "SELECT key_id, key_check FROM teams WHERE id = ?1",
                [&t],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let mut stmt = c.prepare_cached(
                "SELECT h.device, h.seq, \
                   (SELECT o.chain FROM ops o \
                    WHERE o.team = ?1 AND o.device = h.device AND o.seq = h.seq) \
                 FROM (SELECT device, MAX(seq) AS seq FROM ops INDEXED BY ops_by_series \
                       WHERE team = ?1 GROUP BY device) h",
            )?;
            let rows: Vec<(String, i64, Vec<u8>)> = stmt
                .query_map([&t], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?;
            let mut heads = Vec::with_capacity(rows.len());
            for (device, seq, chain) in rows {
                heads.push(WireHead {
                    device: device.parse().map_err(Refusal::internal)?,
                    seq,
                    chain: chain_of(chain)?,
                });
            }
            Ok(StatusResponse {
                epoch: epoch(c)?,
                team,
                key_id,
                key_check,
                heads,
            })
        })
        .await
    }

    async fn upload(&self, team: Uuid, request: UploadRequest) -> Result<UploadResponse, Refusal> {
        self.with(move |c| {
            let t = team.to_string();
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let key_id: String =
                tx.query_row("SELECT key_id FROM teams WHERE id = ?1", [&t], |r| r.get(0))?;
            if key_id != request.key_id {
                return Err(crate::rules::wrong_key());
            }
            let mut heads = Vec::new();
            for page in &request.pages {
                let d = page.device.to_string();
                let held = head(&tx, &t, &d)?;
                let (before, overlap) = match (page.slots.first(), page.slots.last()) {
                    (Some(first), Some(last)) if first.seq <= held.0 + 1 => (
                        chain_at(&tx, &t, &d, first.seq - 1)?,
                        held_slots(&tx, &t, &d, first.seq, last.seq.min(held.0))?,
                    ),
                    _ => (None, Vec::new()),
                };
                let plan = crate::rules::plan_page(page, held, before, &overlap)?;
                for slot in &plan.new {
                    let n = tx
                        .prepare_cached(
                            "INSERT INTO ops (team, device, seq, op_tag, sealed, chain) \
                             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (team, op_tag) DO NOTHING",
                        )?
                        .execute(params![
                            t,
                            d,
                            slot.seq,
                            &slot.op_tag[..],
                            slot.sealed,
                            &slot.chain[..]
                        ])?;
                    if n == 0 {
                        return Err(crate::rules::duplicate_op(slot.seq));
                    }
                }
                let (seq, chain) = plan.head;
                heads.push(WireHead {
                    device: page.device,
                    seq,
                    chain,
                });
            }
            let epoch = epoch(&tx)?;
            tx.commit()?;
            Ok(UploadResponse { epoch, heads })
        })
        .await
    }

    async fn download(
        &self,
        team: Uuid,
        request: DownloadRequest,
    ) -> Result<DownloadResponse, Refusal> {
        self.with(move |c| {
            let (t, d) = (team.to_string(), request.device.to_string());
            let tx = c.transaction()?;
            let (head_seq, _) = head(&tx, &t, &d)?;
            let Some(after_chain) = chain_at(&tx, &t, &d, request.after)? else {
                return Err(crate::rules::not_held());
            };
            let limits = crate::rules::page_limits(&request);
            let mut stmt = tx.prepare_cached(
                "SELECT seq, op_tag, sealed FROM ops WHERE team = ?1 AND device = ?2 AND seq > ?3 \
                 ORDER BY seq",
            )?;
            let mut rows = stmt.query(params![t, d, request.after])?;
            let mut slots = Vec::new();
            let mut bytes = 0;
            while let Some(r) = rows.next()? {
                let sealed: Vec<u8> = r.get(2)?;
                if !crate::rules::fits(slots.len(), bytes, sealed.len(), limits) {
                    break;
                }
                bytes += sealed.len();
                let tag: Vec<u8> = r.get(1)?;
                slots.push(WireSlot {
                    seq: r.get(0)?,
                    op_tag: tag
                        .try_into()
                        .map_err(|_| Refusal::internal("a stored tag is damaged"))?,
                    sealed,
                });
            }
            drop(rows);
            drop(stmt);
            let epoch = epoch(&tx)?;
            Ok(DownloadResponse {
                epoch,
                after_chain,
                slots,
                head: head_seq,
            })
        })
        .await
    }

    async fn revoke(&self, device: Uuid) -> Result<usize, Refusal> {
        self.with(move |c| {
            Ok(c.execute(
                "UPDATE devices SET revoked_at = ?2 WHERE device = ?1 AND revoked_at IS NULL",
                params![device.to_string(), now()],
            )?)
        })
        .await
    }
}
