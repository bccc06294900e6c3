//! The hub on PostgreSQL, for a local authority or a provider with many homes. It keeps no
//! state outside the database, so several hub processes can serve one. An upload locks the
//! series it extends (its row in `series`) for the length of its transaction, so two hubs
//! taking the same page at once keep it once; the page's new slots go in with one statement.

use deadpool_postgres::GenericClient;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use harbour_sync::wire::{
    codes, Chain, DownloadRequest, DownloadResponse, JoinRequest, JoinResponse, StatusResponse,
    UploadRequest, UploadResponse, WireHead, WireSlot,
};
use tokio_postgres::NoTls;
use uuid::Uuid;

use crate::db::{new_token, token_hash, Enrolled, HubDb, Refusal};
use crate::rules::{self, Held};

/// Applied in order, each once, under a lock so hubs starting together migrate once.
const MIGRATIONS: &[&str] = &[include_str!("../migrations/postgres/0001_hub.sql")];
/// The key of the advisory lock taken while migrating.
const MIGRATION_LOCK: i64 = 0x4842_5f4d_4947;
/// Connections per hub process.
const POOL_SIZE: usize = 16;

#[derive(Clone)]
pub struct PostgresHub {
    pool: Pool,
}

impl std::fmt::Debug for PostgresHub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresHub").finish_non_exhaustive()
    }
}

impl From<tokio_postgres::Error> for Refusal {
    fn from(e: tokio_postgres::Error) -> Self {
        Refusal::internal(e)
    }
}

impl From<deadpool_postgres::PoolError> for Refusal {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        Refusal::new(
            503,
            codes::INTERNAL,
            format!("the hub cannot reach its database: {e}"),
        )
    }
}

fn chain_of(bytes: Vec<u8>) -> Result<Chain, Refusal> {
    bytes
        .try_into()
        .map_err(|_| Refusal::internal("a stored chain is damaged"))
}

fn tag_of(bytes: Vec<u8>) -> Result<[u8; 32], Refusal> {
    bytes
        .try_into()
        .map_err(|_| Refusal::internal("a stored tag is damaged"))
}

impl PostgresHub {
    /// Connects to the database `url` (`postgres://…`, or libpq's `key=value` form) and brings
    /// its tables up to date.
    pub async fn connect(url: &str) -> Result<Self, Refusal> {
        let config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| Refusal::internal(format!("not a PostgreSQL address ({e})")))?;
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .build()
            .map_err(Refusal::internal)?;
        let hub = Self { pool };
        hub.migrate().await?;
        Ok(hub)
    }

    async fn migrate(&self) -> Result<(), Refusal> {
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS hub_migrations (\
               version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        )
        .await?;
        let done: i32 = tx
            .query_one("SELECT COALESCE(MAX(version), 0) FROM hub_migrations", &[])
            .await?
            .get(0);
        if done as usize > MIGRATIONS.len() {
            return Err(Refusal::internal("made by a newer harbour-hub"));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(done as usize) {
            tx.batch_execute(sql).await?;
            tx.execute(
                "INSERT INTO hub_migrations (version) VALUES ($1)",
                &[&(i as i32 + 1)],
            )
            .await?;
        }
        tx.execute(
            "INSERT INTO hub (id, epoch) VALUES (1, $1) ON CONFLICT (id) DO NOTHING",
            &[&Uuid::now_v7().to_string()],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn epoch(c: &impl GenericClient) -> Result<String, Refusal> {
    Ok(c.query_one("SELECT epoch FROM hub", &[]).await?.get(0))
}

async fn key_id(c: &impl GenericClient, team: Uuid) -> Result<Option<String>, Refusal> {
    Ok(
        c.query_opt("SELECT key_id FROM teams WHERE id = $1", &[&team])
            .await?
            .map(|r| r.get(0)),
    )
}

/// The series' head: its last seq and chain, −1 and zeros if it is empty.
async fn head(
    c: &impl GenericClient,
    team: Uuid,
    device: Uuid,
    lock: bool,
) -> Result<(i64, Chain), Refusal> {
    let sql = if lock {
        "SELECT seq, chain FROM series WHERE team = $1 AND device = $2 FOR UPDATE"
    } else {
        "SELECT seq, chain FROM series WHERE team = $1 AND device = $2"
    };
    match c.query_opt(sql, &[&team, &device]).await? {
        Some(r) => Ok((r.get(0), chain_of(r.get(1))?)),
        None => Ok((-1, [0; 32])),
    }
}

async fn chain_at(
    c: &impl GenericClient,
    team: Uuid,
    device: Uuid,
    seq: i64,
) -> Result<Option<Chain>, Refusal> {
    if seq < 0 {
        return Ok(Some([0; 32]));
    }
    c.query_opt(
        "SELECT chain FROM ops WHERE team = $1 AND device = $2 AND seq = $3",
        &[&team, &device, &seq],
    )
    .await?
    .map(|r| chain_of(r.get(0)))
    .transpose()
}

async fn held_slots(
    c: &impl GenericClient,
    team: Uuid,
    device: Uuid,
    from: i64,
    to: i64,
) -> Result<Vec<Held>, Refusal> {
    let rows = c
        .query(
            "SELECT seq, op_tag, sealed, chain FROM ops \
             WHERE team = $1 AND device = $2 AND seq >= $3 AND seq <= $4 ORDER BY seq",
            &[&team, &device, &from, &to],
        )
        .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Held {
                seq: r.get(0),
                op_tag: tag_of(r.get(1))?,
                sealed: r.get(2),
                chain: chain_of(r.get(3))?,
            })
        })
        .collect()
}

/// A read-only transaction that sees one moment of the database throughout.
async fn snapshot(
    client: &mut deadpool_postgres::Client,
) -> Result<deadpool_postgres::Transaction<'_>, Refusal> {
    Ok(client
        .build_transaction()
        .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .await?)
}

impl HubDb for PostgresHub {
    async fn epoch(&self) -> Result<String, Refusal> {
        epoch(&self.pool.get().await?).await
    }

    async fn issue_token(&self, team: Option<Uuid>) -> Result<String, Refusal> {
        let client = self.pool.get().await?;
        if let Some(t) = team {
            if key_id(&client, t).await?.is_none() {
                return Err(rules::no_such_team());
            }
        }
        let token = new_token();
        client
            .execute(
                "INSERT INTO join_tokens (hash, team) VALUES ($1, $2)",
                &[&&token_hash(&token)[..], &team],
            )
            .await?;
        Ok(token)
    }

    async fn join(&self, request: JoinRequest) -> Result<JoinResponse, Refusal> {
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        let hash = token_hash(&request.token);
        let token = tx
            .query_opt(
                "SELECT team, used_at IS NOT NULL FROM join_tokens WHERE hash = $1 FOR UPDATE",
                &[&&hash[..]],
            )
            .await?
            .map(|r| (r.get::<_, Option<Uuid>>(0), r.get::<_, bool>(1)));
        let known = key_id(&tx, request.team).await?;
        if rules::may_join(token, &request, known.as_deref())? {
            let n = tx
                .execute(
                    "INSERT INTO teams (id, key_id, key_check) VALUES ($1, $2, $3) \
                     ON CONFLICT (id) DO NOTHING",
                    &[&request.team, &request.key_id, &request.key_check],
                )
                .await?;
            if n == 0 {
                // Registered by another device a moment ago.
                return Err(rules::team_exists());
            }
        }
        tx.execute(
            "UPDATE join_tokens SET used_at = now() WHERE hash = $1",
            &[&&hash[..]],
        )
        .await?;
        let device_token = new_token();
        tx.execute(
            "INSERT INTO devices (token_hash, team, device) VALUES ($1, $2, $3)",
            &[
                &&token_hash(&device_token)[..],
                &request.team,
                &request.device,
            ],
        )
        .await?;
        let epoch = epoch(&tx).await?;
        tx.commit().await?;
        Ok(JoinResponse {
            device_token,
            epoch,
        })
    }

    async fn enrolled(&self, token: &str) -> Result<Enrolled, Refusal> {
        let client = self.pool.get().await?;
        let stmt = client
            .prepare_cached(
                "SELECT team, device, revoked_at IS NOT NULL FROM devices WHERE token_hash = $1",
            )
            .await?;
        let row = client.query_opt(&stmt, &[&&token_hash(token)[..]]).await?;
        match row {
            None => Err(rules::not_enrolled()),
            Some(r) if r.get::<_, bool>(2) => Err(rules::revoked()),
            Some(r) => Ok(Enrolled {
                team: r.get(0),
                device: r.get(1),
            }),
        }
    }

    async fn status(&self, team: Uuid) -> Result<StatusResponse, Refusal> {
        let mut client = self.pool.get().await?;
        let tx = snapshot(&mut client).await?;
        let row = tx
            .query_opt(
                "SELECT key_id, key_check FROM teams WHERE id = $1",
                &[&team],
            )
            .await?
            .ok_or_else(|| Refusal::internal("an enrolled device's team is not here"))?;
        let heads = tx
            .query(
                "SELECT device, seq, chain FROM series WHERE team = $1 AND seq >= 0",
                &[&team],
            )
            .await?
            .into_iter()
            .map(|r| {
                Ok(WireHead {
                    device: r.get(0),
                    seq: r.get(1),
                    chain: chain_of(r.get(2))?,
                })
            })
            .collect::<Result<_, Refusal>>()?;
        let epoch = epoch(&tx).await?;
        tx.commit().await?;
        Ok(StatusResponse {
            epoch,
            team,
            key_id: row.get(0),
            key_check: row.get(1),
            heads,
        })
    }

    async fn upload(&self, team: Uuid, request: UploadRequest) -> Result<UploadResponse, Refusal> {
        let mut client = self.pool.get().await?;
        let tx = client.transaction().await?;
        if key_id(&tx, team).await?.as_deref() != Some(request.key_id.as_str()) {
            return Err(rules::wrong_key());
        }
        let mut heads = Vec::new();
        for page in &request.pages {
            let d = page.device;
            // The series' row is made if need be, then locked: a second upload of the same
            // series waits here until this one commits, then sees what it kept.
            tx.execute(
                "INSERT INTO series (team, device, seq, chain) VALUES ($1, $2, -1, $3) \
                 ON CONFLICT (team, device) DO NOTHING",
                &[&team, &d, &&[0u8; 32][..]],
            )
            .await?;
            let held = head(&tx, team, d, true).await?;
            let (before, overlap) = match (page.slots.first(), page.slots.last()) {
                (Some(first), Some(last)) if first.seq <= held.0 + 1 => (
                    chain_at(&tx, team, d, first.seq - 1).await?,
                    held_slots(&tx, team, d, first.seq, last.seq.min(held.0)).await?,
                ),
                _ => (None, Vec::new()),
            };
            let plan = rules::plan_page(page, held, before, &overlap)?;
            if !plan.new.is_empty() {
                let seqs: Vec<i64> = plan.new.iter().map(|s| s.seq).collect();
                let tags: Vec<&[u8]> = plan.new.iter().map(|s| &s.op_tag[..]).collect();
                let sealed: Vec<&[u8]> = plan.new.iter().map(|s| &s.sealed[..]).collect();
                let chains: Vec<&[u8]> = plan.new.iter().map(|s| &s.chain[..]).collect();
                let kept = tx
                    .query(
                        "INSERT INTO ops (team, device, seq, op_tag, sealed, chain) \
                         SELECT $1, $2, s, t, b, c \
                         FROM UNNEST($3::BIGINT[], $4::BYTEA[], $5::BYTEA[], $6::BYTEA[]) \
                           AS page(s, t, b, c) \
                         ON CONFLICT (team, op_tag) DO NOTHING RETURNING seq",
                        &[&team, &d, &seqs, &tags, &sealed, &chains],
                    )
                    .await?;
                if kept.len() != seqs.len() {
                    let kept: std::collections::HashSet<i64> =
                        kept.iter().map(|r| r.get(0)).collect();
                    let first = seqs.iter().find(|s| !kept.contains(s)).copied();
                    // Dropping the transaction rolls the page back.
                    return Err(rules::duplicate_op(first.unwrap_or(seqs[0])));
                }
                tx.execute(
                    "UPDATE series SET seq = $3, chain = $4 WHERE team = $1 AND device = $2",
                    &[&team, &d, &plan.head.0, &&plan.head.1[..]],
                )
                .await?;
            }
            let (seq, chain) = plan.head;
            heads.push(WireHead {
                device: d,
                seq,
                chain,
            });
        }
        let epoch = epoch(&tx).await?;
        tx.commit().await?;
        Ok(UploadResponse { epoch, heads })
    }

    async fn download(
        &self,
        team: Uuid,
        request: DownloadRequest,
    ) -> Result<DownloadResponse, Refusal> {
        let mut client = self.pool.get().await?;
        let tx = snapshot(&mut client).await?;
        let d = request.device;
        let (head_seq, _) = head(&tx, team, d, false).await?;
        let Some(after_chain) = chain_at(&tx, team, d, request.after).await? else {
            return Err(rules::not_held());
        };
        let limits = rules::page_limits(&request);
        let rows = tx
            .query(
                "SELECT seq, op_tag, sealed FROM ops \
                 WHERE team = $1 AND device = $2 AND seq > $3 ORDER BY seq LIMIT $4",
                &[&team, &d, &request.after, &(limits.0 as i64)],
            )
            .await?;
        let mut slots = Vec::new();
        let mut bytes = 0;
        for r in rows {
            let sealed: Vec<u8> = r.get(2);
            if !rules::fits(slots.len(), bytes, sealed.len(), limits) {
                break;
            }
            bytes += sealed.len();
            slots.push(WireSlot {
                seq: r.get(0),
                op_tag: tag_of(r.get(1))?,
                sealed,
            });
        }
        let epoch = epoch(&tx).await?;
        tx.commit().await?;
        Ok(DownloadResponse {
            epoch,
            after_chain,
            slots,
            head: head_seq,
        })
    }

    async fn revoke(&self, device: Uuid) -> Result<usize, Refusal> {
        let client = self.pool.get().await?;
        let n = client
            .execute(
                "UPDATE devices SET revoked_at = now() WHERE device = $1 AND revoked_at IS NULL",
                &[&device],
            )
            .await?;
        Ok(n as usize)
    }
}
