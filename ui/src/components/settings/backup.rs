//! Settings: an encrypted backup of everything, with its progress.

use harbour_core::api::{ApiError, BackupProgress};
use harbour_i18n::Arg;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::outcome;
use crate::backend::use_backend;
use crate::i18n::use_i18n;

/// How often a running backup is asked how far it is.
const BACKUP_POLL_MS: u32 = 250;

#[function_component(Backup)]
pub(super) fn backup() -> Html {
    let i18n = use_i18n();
    let backend = use_backend();
    let job = use_state(|| None::<BackupProgress>);
    let start_error = use_state(|| None::<ApiError>);
    let running = job.as_ref().is_some_and(|j| !j.done);
    {
        // While a backup runs, ask how far it is.
        let (job, backend) = (job.clone(), backend.clone());
        use_effect_with(running, move |running| {
            let poll = running.then(|| {
                gloo_timers::callback::Interval::new(BACKUP_POLL_MS, move || {
                    let (job, backend) = (job.clone(), backend.clone());
                    spawn_local(async move {
                        if let Ok(p) = backend.backup_progress().await {
                            job.set(Some(p));
                        }
                    });
                })
            });
            move || drop(poll)
        });
    }
    let onclick = {
        let (job, start_error, backend) = (job.clone(), start_error.clone(), backend.clone());
        Callback::from(move |_| {
            let (job, start_error, backend) = (job.clone(), start_error.clone(), backend.clone());
            spawn_local(async move {
                match backend.start_backup().await {
                    Ok(p) => {
                        start_error.set(None);
                        job.set(Some(p));
                    }
                    Err(e) => start_error.set(Some(e)),
                }
            });
        })
    };
    let status = match &*job {
        Some(j) if !j.done => html! {
            <div class="backup-status" role="status">
                <label for="backup-progress">
                    { i18n.tr_with("backup-running", &[("percent", Arg::from(i64::from(j.percent)))]) }
                </label>
                <progress id="backup-progress" max="100" value={j.percent.to_string()} />
            </div>
        },
        Some(j) => match &j.error {
            Some(e) => outcome(&i18n, &Some(e.clone()), None),
            None => html! {
                <p class="banner notice" role="status" id="backup-done">
                    { i18n.tr_with("backup-done", &[("path", Arg::from(j.path.as_str()))]) }
                </p>
            },
        },
        None => outcome(&i18n, &start_error, None),
    };
    html! {
        <section class="settings-part" id="backup" aria-labelledby="backup-title">
            <h2 id="backup-title">{ i18n.tr("backup-title") }</h2>
            <p>{ i18n.tr("backup-intro") }</p>
            <button class="primary" id="make-backup" onclick={onclick} disabled={running}>
                { i18n.tr("backup-submit") }
            </button>
            { status }
        </section>
    }
}
