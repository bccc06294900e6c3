//! Locks Harbour when the computer goes to sleep (always) or the desktop session locks its screen
//! (unless an open episode's steps are in front: then the longer, capped idle time of an
//! episode applies), as logind announces on the system bus: `PrepareForSleep(true)` from the
//! manager, and `Lock` from this session (any session, if which one is ours cannot be told). A lock from a signal is
//! harmless, so signals are not checked for their sender; a bus that cannot be reached leaves
//! the idle lock, which counts time asleep (see `gate`), as the safeguard.

use futures_util::StreamExt as _;
use tauri::{AppHandle, Manager, Runtime};
use zbus::message::Type;
use zbus::{Connection, MatchRule, MessageStream};

use crate::AppState;

const LOGIN1: &str = "org.freedesktop.login1";
const MANAGER: &str = "org.freedesktop.login1.Manager";
const SESSION: &str = "org.freedesktop.login1.Session";

/// Starts watching, on the app's runtime; says once on standard error if it cannot.
pub fn watch<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        if let Err(e) = watch_bus(app).await {
            eprintln!("harbour: not told of sleep or screen lock ({e}); the idle lock still works");
        }
    });
}

/// Why the store was locked, for the log line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    Sleep,
    ScreenLock,
}

async fn watch_bus<R: Runtime>(app: AppHandle<R>) -> zbus::Result<()> {
    let conn = Connection::system().await?;
    let ours = own_session(&conn).await;
    let sleep = MatchRule::builder()
        .msg_type(Type::Signal)
        .interface(MANAGER)?
        .member("PrepareForSleep")?
        .build();
    let mut lock = MatchRule::builder()
        .msg_type(Type::Signal)
        .interface(SESSION)?
        .member("Lock")?;
    if let Some(path) = &ours {
        lock = lock.path(path.clone())?;
    }
    let sleep = MessageStream::for_match_rule(sleep, &conn, None).await?;
    let lock = MessageStream::for_match_rule(lock.build(), &conn, None).await?;
    let sleeps = sleep.filter_map(|m| async move {
        let m = m.ok()?;
        // true as the computer goes to sleep; false as it wakes.
        m.body()
            .deserialize::<bool>()
            .ok()?
            .then_some(Reason::Sleep)
    });
    let locks = lock.filter_map(|m| async move { m.ok().map(|_| Reason::ScreenLock) });
    let mut events = futures_util::stream::select(Box::pin(sleeps), Box::pin(locks));
    while let Some(reason) = events.next().await {
        lock_now(&app, reason);
    }
    Ok(())
}

/// This process's login session, if logind knows it.
async fn own_session(conn: &Connection) -> Option<zbus::zvariant::OwnedObjectPath> {
    let reply = conn
        .call_method(
            Some(LOGIN1),
            "/org/freedesktop/login1",
            Some(MANAGER),
            "GetSessionByPID",
            &(std::process::id()),
        )
        .await
        .ok()?;
    reply.body().deserialize().ok()
}

fn lock_now<R: Runtime>(app: &AppHandle<R>, reason: Reason) {
    let state = app.state::<AppState>();
    let mut gate = crate::commands::gate(&state);
    if reason == Reason::ScreenLock && gate.steps_of_an_open_episode_in_front() {
        eprintln!("harbour: the screen locked; an open episode's steps are in front, so not yet");
        return;
    }
    if gate.is_unlocked() {
        gate.lock();
        eprintln!("harbour: locked ({reason:?})");
    }
}
