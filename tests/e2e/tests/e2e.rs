//! The journeys a carer takes, on the real built app: set Harbour up, add children, report one
//! missing, see the right steps first, lock it, use "Child missing" from the lock screen, close
//! Harbour, unlock it again and find the episode still open.

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use harbour_e2e::*;
use serde_json::json;

async fn step_ids(c: &Client) -> Vec<String> {
    let mut ids = Vec::new();
    for li in c.find_all(Locator::Css("#step-list li")).await.unwrap() {
        ids.push(li.attr("data-step").await.unwrap().unwrap_or_default());
    }
    ids
}

async fn type_into(c: &Client, css: &str, text: &str) {
    wait_css(c, css).await.send_keys(text).await.unwrap();
}

/// Saves a new photo from the profile's form: picks the file, dates it, waits until it is read.
async fn save_new_photo(c: &Client, file: &std::path::Path, date: &str) {
    wait_css(c, "#new-photo-file")
        .await
        .send_keys(&file.to_string_lossy())
        .await
        .unwrap();
    set_value(c, "#new-photo-date", date).await;
    let started = std::time::Instant::now();
    while !wait_css(c, "#new-photo-save")
        .await
        .is_enabled()
        .await
        .unwrap()
    {
        assert!(started.elapsed() < WAIT, "the photo was never read");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    click(c, "#new-photo-save").await;
}

/// Picks a file in the photo field, as the file chooser would, and waits until it is read.
async fn pick_photo(c: &Client, rel: &str) {
    let file = repo_file(rel);
    wait_css(c, "#photo")
        .await
        .send_keys(&file.to_string_lossy())
        .await
        .unwrap();
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let started = std::time::Instant::now();
    while !text_of(c, "#photo-chosen").await.contains(&name) {
        assert!(started.elapsed() < WAIT, "{name} was never read");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

async fn card(c: &Client, name: &str) -> String {
    let css = format!("li.child-card[data-name='{name}']");
    wait_css(c, &css).await;
    css
}

/// Fills and saves the form, checking the bad-input messages on the way.
async fn add_trafficked_child(c: &Client) {
    click(c, "#add-child").await;
    // Nothing typed: both required fields say so, nothing is saved.
    click(c, "#save-child").await;
    wait_text(c, "#name-latin-error", "name").await;
    wait_text(c, "#dob-error", "date of birth").await;

    type_into(c, "#name-latin", "Test Ruta").await;
    type_into(c, "#name-own", "ሩታ").await;
    type_into(c, "#languages", "Tigrinya, Amharic").await;
    set_value(c, "#dob", "2099-01-01").await;
    click(c, "#trafficked").await;
    // A photo that is not a picture is refused by the shell, next to the field.
    pick_photo(c, "tests/e2e/fixtures/not-a-photo.png").await;
    click(c, "#save-child").await;
    wait_text(c, "#dob-error", "future").await;
    set_value(c, "#dob", "2011-04-02").await;
    wait_gone(c, "#dob-error").await;
    click(c, "#save-child").await;
    wait_text(c, "#photo-error", "could not be read").await;
    // What was typed is still there.
    let name = wait_css(c, "#name-latin")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(name.as_deref(), Some("Test Ruta"));
    println!(
        "{}",
        screenshot(c, "add-child-photo-refused").await.display()
    );

    pick_photo(c, "icons/icon.png").await;
    wait_gone(c, "#photo-error").await;
    click(c, "#save-child").await;
    card(c, "Test Ruta").await;
}

async fn add_plain_child(c: &Client) {
    click(c, "#add-child").await;
    type_into(c, "#name-latin", "Test Sam").await;
    set_value(c, "#dob", "2012-09-30").await;
    click(c, "#save-child").await;
    card(c, "Test Sam").await;
}

const PIN: &str = "402719";

/// Clicks `button` until `answer` appears, a few times at most: on a loaded machine the first
/// click can come before a new window's form listens (seen once in CI).
async fn click_until(c: &Client, button: &str, answer: &str) {
    for _ in 0..4 {
        click(c, button).await;
        let answered = c
            .wait()
            .at_most(std::time::Duration::from_secs(5))
            .for_element(Locator::Css(answer))
            .await;
        if answered.is_ok() {
            return;
        }
    }
}

/// First run: refused with every problem shown, then set up.
async fn set_up(c: &Client, printer: &FakePrinter) {
    wait_css(c, "#setup-form").await;
    click_until(c, "#setup-submit", "#setup-name-error").await;
    wait_text(c, "#setup-name-error", "name").await;
    wait_text(c, "#setup-pin-error", "6 characters").await;
    type_into(c, "#setup-name", "Test Carer").await;
    type_into(c, "#setup-pin", "123456").await;
    type_into(c, "#setup-pin-again", "123456").await;
    click(c, "#setup-submit").await;
    wait_text(c, "#setup-pin-error", "easy to guess").await;
    println!("{}", screenshot(c, "first-run-refused").await.display());
    set_value(c, "#setup-pin", PIN).await;
    set_value(c, "#setup-pin-again", PIN).await;
    // The set-up screen says where this computer keeps its part of the key and whether its
    // disk is encrypted.
    wait_text(c, "#protection", "kept in this computer's keyring").await;
    click(c, "#setup-submit").await;
    // The recovery key, shown once before anything else.
    let shown = wait_css(c, "#recovery-key .recovery-key-text")
        .await
        .text()
        .await
        .unwrap();
    let groups: Vec<&str> = shown.split_whitespace().collect();
    assert_eq!(groups.len(), 9, "{shown:?}");
    assert!(groups.iter().all(|g| g.len() == 4), "{shown:?}");
    println!("{}", screenshot(c, "recovery-key").await.display());
    // Printed on a page of its own, through lp's standard input, the groups as shown.
    click(c, "#print-recovery-key").await;
    wait_text(c, "#recovery-print-result", "sent to the printer").await;
    let jobs = printer.jobs();
    assert_eq!(jobs.len(), 1);
    let (page, pages) = pdf_text_and_pages(&jobs[0].0);
    assert_eq!(pages, 1);
    assert!(groups.iter().all(|g| page.contains(g)), "{page}");
    assert!(
        page.contains("Anyone who has this key and a backup"),
        "{page}"
    );
    if let Some(dir) = std::env::var_os("HARBOUR_SCREENSHOTS") {
        let _ = std::fs::write(
            std::path::Path::new(&dir).join("recovery-key.pdf"),
            &jobs[0].0,
        );
    }
    click(c, "#recovery-key-done").await;
    wait_css(c, "#signed-in").await;
    wait_text(c, "#signed-in", "Test Carer").await;
}

/// Types the PIN on the lock screen and waits for the app.
async fn unlock(c: &Client, pin: &str) {
    type_into(c, "#unlock-pin", pin).await;
    wait_css(c, "#unlock-pin")
        .await
        .send_keys(&Key::Enter.to_string())
        .await
        .unwrap();
    wait_css(c, "#signed-in").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn carer_reports_a_child_missing_and_the_episode_survives_a_restart() {
    let data = tempfile::tempdir().unwrap();
    // Where "Save a copy…" and the audit export are answered (the debug build's stand-in for
    // the file dialog): a folder outside the app's home, each file under its suggested name.
    let sheets_dir = tempfile::tempdir().unwrap();
    let copy = sheets_dir.path().join("missing-person-grab-sheet.pdf");
    std::env::set_var("HARBOUR_SAVE_AS", sheets_dir.path());
    let printer = FakePrinter::install();
    let viewer = FakeViewer::install();
    let data_dir = data.path().to_string_lossy().into_owned();
    let mut driver = Driver::start();

    let c = driver.open_app(&["--data-dir", &data_dir]).await;
    set_up(&c, &printer).await;
    // The page has only Tauri's internal IPC, not the global API of every plugin.
    let global = c
        .execute("return typeof window.__TAURI__;", vec![])
        .await
        .unwrap();
    assert_eq!(global, json!("undefined"));
    // A real store starts empty, and offers no made-up children to mix into it.
    wait_css(&c, ".empty").await;
    assert!(c.find(Locator::Css("#load-samples")).await.is_err());
    add_trafficked_child(&c).await;
    add_plain_child(&c).await;

    // The carer reaches "Child missing" with the keyboard and presses Enter.
    let ruta = card(&c, "Test Ruta").await;
    wait_css(&c, &format!("{ruta} button.child-missing"))
        .await
        .send_keys(&Key::Enter.to_string())
        .await
        .unwrap();
    wait_css(&c, "#step-list").await;
    wait_text(&c, "#steps-heading", "Test Ruta is missing").await;
    wait_text(&c, "#escalation", "Call 999 first, before you search").await;
    let steps = step_ids(&c).await;
    assert_eq!(
        steps[..2],
        ["step-call-999-now", "step-while-waiting"],
        "{steps:?}"
    );
    assert!(!steps.iter().any(|s| s == "step-search-home"), "{steps:?}");
    assert!(steps.iter().any(|s| s == "step-no-relatives"), "{steps:?}");
    wait_text(&c, "#number-116000", "116 000").await;
    wait_text(&c, "#missing-for", "missing for").await;
    wait_css(&c, ".child-summary img.photo").await;
    println!("{}", screenshot(&c, "steps-trafficked").await.display());

    // A child with neither flag: quick checks first, then the police.
    click(&c, "#back-home").await;
    let sam = card(&c, "Test Sam").await;
    click(&c, &format!("{sam} button.child-missing")).await;
    wait_css(&c, "#standard-intro").await;
    let steps = step_ids(&c).await;
    assert_eq!(steps[0], "step-call-999-if-danger", "{steps:?}");
    let search = steps.iter().position(|s| s == "step-search-home").unwrap();
    let police = steps
        .iter()
        .position(|s| s == "step-report-police")
        .unwrap();
    assert!(search < police, "{steps:?}");
    println!("{}", screenshot(&c, "steps-standard").await.display());

    // A last-seen time in the future is refused next to the field.
    set_value(&c, "#last-seen", "01/01/2099 10:00").await;
    click(&c, ".last-seen button[type=submit]").await;
    wait_text(&c, "#last-seen-error", "future").await;
    // Typed month first, the time is refused as it is typed; a quick choice fills it in, and
    // the field says back in words what it reads.
    set_value(&c, "#last-seen", "12/31/2026 10:00").await;
    wait_text(&c, "#last-seen-error", "day/month/year").await;
    click(&c, ".last-seen .quick-times button[data-ago='15']").await;
    wait_gone(&c, "#last-seen-error").await;
    wait_text(&c, "#last-seen-echo", "min ago").await;
    click(&c, ".last-seen button[type=submit]").await;
    wait_css(&c, ".last-seen [role=status]").await;

    // Ctrl+L locks: no child's details stay on screen, and "Child missing" still gives the
    // steps and numbers at once, without unlocking.
    wait_css(&c, "#lock-button")
        .await
        .send_keys(&format!("{}l", Key::Control))
        .await
        .unwrap();
    wait_css(&c, "#unlock-form").await;
    let page = c.source().await.unwrap();
    assert!(
        !page.contains("Test Ruta"),
        "a locked screen shows no child"
    );
    click(&c, "#lock-child-missing").await;
    let steps = text_of(&c, "#generic-steps").await;
    assert!(
        steps.contains("call 999 now") && steps.contains("101"),
        "{steps}"
    );
    wait_text(&c, "#number-116000", "116 000").await;
    println!(
        "{}",
        screenshot(&c, "lock-screen-child-missing").await.display()
    );
    // A wrong PIN is said plainly, and the PIN field is emptied.
    type_into(&c, "#unlock-pin", "999999").await;
    click(&c, "#unlock-submit").await;
    wait_text(&c, "#lock-error", "not right").await;
    unlock(&c, PIN).await;
    card(&c, "Test Ruta").await;
    c.close().await.unwrap();

    // Harbour is closed and opened again: locked, and after unlocking both episodes are still
    // open, with elapsed times.
    let c = driver.open_app(&["--data-dir", &data_dir]).await;
    unlock(&c, PIN).await;
    let ruta = card(&c, "Test Ruta").await;
    let banner = text_of(&c, &format!("{ruta}.is-missing .missing-banner")).await;
    assert!(
        banner.contains("MISSING") && banner.contains("min"),
        "{banner}"
    );
    wait_css(&c, &format!("{}.is-missing", card(&c, "Test Sam").await)).await;
    println!("{}", screenshot(&c, "home-after-restart").await.display());
    click(&c, &format!("{ruta} button.open-steps")).await;
    let steps = step_ids(&c).await;
    assert_eq!(steps[0], "step-call-999-now");

    // The police report, with the grade police gave; an empty reference is refused first.
    click(&c, "#police-save").await;
    wait_text(&c, "#police-reference-error", "police reference").await;
    type_into(&c, "#police-reference", "MP/2026/0042").await;
    type_into(&c, "#police-officer", "PC Sample").await;
    wait_css(&c, "#police-grade")
        .await
        .select_by_value("grade-high")
        .await
        .unwrap();
    click(&c, "#police-save").await;
    let police = text_of(&c, "#police-recorded").await;
    assert!(
        police.contains("MP/2026/0042") && police.contains("High risk"),
        "{police}"
    );
    // Who has been told: a trafficked child's list has the guardian, and the parents only with
    // the social worker's agreement.
    wait_text(
        &c,
        "li[data-contact='contact-parents']",
        "only with the social worker's agreement",
    )
    .await;
    click(&c, "li[data-contact='contact-manager'] button").await;
    wait_text(&c, "li[data-contact='contact-manager'] .told", "told").await;
    wait_css(&c, "li[data-contact='contact-guardian'] button").await;
    type_into(
        &c,
        "#update-text",
        "Seen near the coach station by a neighbour",
    )
    .await;
    click(&c, "#update-save").await;
    wait_text(&c, "#update-log", "coach station").await;
    // A wrong word in the log is corrected by a new entry; the first wording stays visible.
    click(&c, "#update-log li button.correct").await;
    set_value(&c, "#correct-text", "").await;
    click(&c, "#correct-save").await;
    wait_text(&c, "#correct-text-error", "Write what happened").await;
    type_into(
        &c,
        "#correct-text",
        "Seen near the coach station by the shopkeeper",
    )
    .await;
    click(&c, "#correct-save").await;
    wait_gone(&c, "#correct-form").await;
    let log = text_of(&c, "#update-log").await;
    assert!(
        log.contains("by the shopkeeper") && log.contains("(corrected"),
        "{log}"
    );
    assert!(
        log.contains("First written: Seen near the coach station by a neighbour"),
        "{log}"
    );
    scroll_to(&c, "#updates").await;
    println!("{}", screenshot(&c, "log-corrected").await.display());
    // Part 2: what she wore and took; the call script reads it back, the sheet prints it.
    // A trafficked child's checks come after the 999 call, while waiting for police: none are
    // agreed in Ruta's plan yet, and the screen says so.
    wait_css(&c, "#checks #checks-none").await;
    wait_text(
        &c,
        "#call-script [data-question='script-q-description']",
        "Not recorded yet",
    )
    .await;
    type_into(&c, "#pf-where_last_seen", "Sample Road bus stop").await;
    type_into(&c, "#pf-clothing_upper", "Red hoodie").await;
    click(&c, "#pf-took_phone").await;
    click(&c, "#part2-save").await;
    wait_css(&c, "#part2-saved").await;
    wait_text(
        &c,
        "#call-script [data-question='script-q-description']",
        "Red hoodie",
    )
    .await;
    wait_text(
        &c,
        "#call-script [data-question='script-q-phone']",
        "took their phone",
    )
    .await;
    scroll_to(&c, "#call-script").await;
    println!("{}", screenshot(&c, "call-script").await.display());
    // The grab sheet for the police, opened in the PDF viewer: one A4 page, written to the
    // private folder under a neutral name.
    click(&c, "#open-sheet").await;
    wait_text(&c, "#sheet-result", "open in your PDF viewer").await;
    let shown = viewer.shown();
    assert_eq!(shown.len(), 1, "{shown:?}");
    let (text, pages) = pdf_text_and_pages(&shown[0].0);
    assert_eq!(pages, 1);
    assert!(
        text.contains("Test Ruta") && text.contains("MP/2026/0042"),
        "{text}"
    );
    assert!(text.contains("Red hoodie"), "{text}");
    assert!(text.contains("Please treat as HIGH RISK"), "{text}");
    let opened = shown[0].1.clone();
    assert_eq!(
        opened.parent(),
        Some(driver.runtime_dir().join("harbour").as_path())
    );
    let name = opened.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("harbour-") && !name.contains("Ruta"),
        "{name}"
    );
    assert!(
        opened.exists(),
        "the viewer's file is there while it is open"
    );
    // "Save a copy…" warns first; the copy goes where the person chose.
    click(&c, "#save-copy").await;
    wait_text(&c, "#save-copy-warning", "not protected by Harbour").await;
    println!("{}", screenshot(&c, "save-copy-warning").await.display());
    click(&c, "#save-copy-confirm").await;
    let saved = wait_text(&c, "#sheet-result", "A copy of the grab sheet was saved").await;
    assert!(saved.contains(&copy.display().to_string()), "{saved}");
    let (text, pages) = pdf_text_and_pages(&std::fs::read(&copy).unwrap());
    assert_eq!(pages, 1);
    assert!(text.contains("Test Ruta"), "{text}");
    // Printed: with no printer set up the carer is told to save the PDF instead; with one, the
    // same page goes to it, through lp's standard input (no copy left on disk).
    printer.switch_off();
    click(&c, "#print-sheet").await;
    wait_text(&c, "#sheet-result", "No printer is set up").await;
    assert_eq!(printer.jobs().len(), 1, "only the recovery key's page");
    printer.switch_on();
    click(&c, "#print-sheet").await;
    wait_text(&c, "#sheet-result", "sent to the printer").await;
    let jobs = printer.jobs();
    assert_eq!(jobs.len(), 2);
    assert_eq!(jobs[1].1.trim(), "-");
    let (printed, pages) = pdf_text_and_pages(&jobs[1].0);
    assert_eq!(pages, 1);
    assert!(
        printed.contains("Test Ruta") && printed.contains("MP/2026/0042"),
        "{printed}"
    );
    if let Some(dir) = std::env::var_os("HARBOUR_SCREENSHOTS") {
        let _ = std::fs::copy(&copy, std::path::Path::new(&dir).join("grab-sheet.pdf"));
    }
    // The same sheet as a web page, for the print dialog (the way to print if a PDF cannot be
    // made); nothing sensitive, the same blocks.
    click(&c, "#print-view").await;
    let page = text_of(&c, "#print-sheet").await;
    for expected in [
        "Test Ruta",
        "MP/2026/0042",
        "Red hoodie",
        "Please treat as HIGH RISK",
        "OFFICIAL-SENSITIVE",
    ] {
        assert!(
            page.contains(expected),
            "{expected:?} not in the print view:\n{page}"
        );
    }
    println!("{}", screenshot(&c, "print-view").await.display());
    click(&c, "#print-view-back").await;
    wait_css(&c, "#step-list").await;
    // To whom the sheet went, how, and on what basis (the usual basis is filled in).
    click(&c, "#share-save").await;
    wait_text(&c, "#share-with-error", "who you gave it to").await;
    type_into(&c, "#share-with", "PC Sample, Sample Police").await;
    click(&c, "#share-save").await;
    let shared = wait_text(&c, "#shared-list", "PC Sample, Sample Police").await;
    assert!(
        shared.contains("PC Sample, Sample Police")
            && shared.contains("Handed to an officer")
            && shared.contains("to locate a missing looked-after child"),
        "{shared}"
    );
    // Found: the return interview is due 72 hours later.
    type_into(&c, "#found-by", "Police").await;
    type_into(&c, "#found-where", "Coach station").await;
    click(&c, "#found-save").await;
    wait_text(&c, "#found-recorded", "back at").await;
    let due = text_of(&c, "#interview-status").await;
    assert!(due.contains("due by") && due.contains("72 hours"), "{due}");
    // What follows the return, each ticked with its time.
    click(&c, "li[data-return-step='return-police-told'] button").await;
    wait_text(
        &c,
        "li[data-return-step='return-police-told'] .told",
        "Done at",
    )
    .await;
    assert_eq!(
        c.find_all(Locator::Css("#return-steps li button"))
            .await
            .unwrap()
            .len(),
        4
    );
    scroll_to(&c, "#return").await;
    println!(
        "{}",
        screenshot(&c, "episode-found-interview-due")
            .await
            .display()
    );
    // On the list Ruta is back, no longer missing, with the interview due.
    click(&c, "#back-home").await;
    let back = text_of(&c, &format!("{ruta}.is-back .back-banner")).await;
    assert!(back.contains("Return interview due by"), "{back}");
    println!("{}", screenshot(&c, "home-child-back").await.display());
    click(&c, &format!("{ruta} button.open-steps")).await;
    // Offered is a step, not an outcome: the interview is still due.
    click(&c, "#interview-offer summary").await;
    type_into(&c, "#offer-service", "Sample return interview service").await;
    click(&c, "#offer-save").await;
    let offered = text_of(&c, "#interview-offered").await;
    assert!(
        offered.contains("by Sample return interview service") && offered.contains("Still due by"),
        "{offered}"
    );
    // Closed with the interview still to happen: Harbour says what is outstanding first.
    click(&c, "#close-episode").await;
    let outstanding = text_of(&c, "#outstanding-list").await;
    assert!(
        outstanding.contains("the return interview"),
        "{outstanding}"
    );
    click(&c, "#close-confirm-yes").await;
    wait_css(&c, "#home-heading").await;
    wait_gone(&c, &format!("{ruta}.is-back")).await;
    // The interview stays on the home screen after the close.
    wait_text(
        &c,
        "#interviews-due li[data-name='Test Ruta']",
        "Offered on",
    )
    .await;
    wait_css(&c, &format!("{}.is-missing", card(&c, "Test Sam").await)).await;

    // The administrator reads the audit record: who saved and printed Ruta's grab sheet, and
    // who unlocked; filtered to Ruta, then exported after a warning.
    click(&c, "#open-settings").await;
    scroll_to(&c, "#audit").await;
    wait_text(&c, "#audit-chain", "The record is whole").await;
    let all = text_of(&c, "#audit-lines").await;
    for done in [
        "Saved a copy of the grab sheet",
        "Asked to print the grab sheet",
        "Unlocked",
    ] {
        assert!(all.contains(done), "{done}: {all}");
    }
    assert!(
        all.contains("Test Carer") && all.contains("Test Sam"),
        "{all}"
    );
    set_value(&c, "#audit-from", "31/02/2026").await;
    click(&c, "#audit-show").await;
    wait_text(&c, "#audit-from-error", "day/month/year").await;
    set_value(&c, "#audit-from", "").await;
    let ruta_id = c
        .execute(
            "return [...document.querySelectorAll('#audit-child option')]
                .find(o => o.textContent.trim() === 'Test Ruta').value;",
            vec![],
        )
        .await
        .unwrap();
    wait_css(&c, "#audit-child")
        .await
        .select_by_value(ruta_id.as_str().unwrap())
        .await
        .unwrap();
    click(&c, "#audit-show").await;
    wait_gone(&c, "#audit-from-error").await;
    let started = std::time::Instant::now();
    while text_of(&c, "#audit-lines").await.contains("Test Sam") {
        assert!(
            started.elapsed() < WAIT,
            "the filter kept other children's entries"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let ruta_only = text_of(&c, "#audit-lines").await;
    assert!(
        ruta_only.contains("Saved a copy of the grab sheet"),
        "{ruta_only}"
    );
    scroll_to(&c, "#audit-filter").await;
    println!("{}", screenshot(&c, "audit-record").await.display());
    click(&c, "#audit-export").await;
    wait_text(&c, "#audit-export-warning", "names in the clear").await;
    click(&c, "#audit-export-confirm").await;
    let csv_path = sheets_dir.path().join("harbour-audit-record.csv");
    wait_text(&c, "#audit-result", &csv_path.display().to_string()).await;
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    assert!(
        csv.contains("Saved a copy of the grab sheet") && csv.contains("Test Ruta"),
        "{csv}"
    );
    assert!(!csv.contains("Test Sam"), "only Ruta's entries: {csv}");
    click(&c, "#back-home").await;

    // Left alone past the lock time (10 minutes; the page's clock is moved on 11), Harbour locks
    // itself within one idle check (15 s), and the child's details leave the screen.
    c.execute(
        "const real = Date.now; Date.now = () => real() + 11 * 60 * 1000; return null;",
        vec![],
    )
    .await
    .unwrap();
    let started = std::time::Instant::now();
    while c.find(Locator::Css("#unlock-form")).await.is_err() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(40),
            "Harbour did not lock itself when idle"
        );
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert!(!c.source().await.unwrap().contains("Test Ruta"));
    assert!(!opened.exists(), "locking deleted the viewer's copy");

    // Opened again, and Harbour told to stop as at log-out or shut-down: it locks as it
    // closes, so the copy goes too. (What is left by a crash goes at the next start.)
    unlock(&c, PIN).await;
    let sam = card(&c, "Test Sam").await;
    click(&c, &format!("{sam} button.open-steps")).await;
    click(&c, "#open-sheet").await;
    wait_text(&c, "#sheet-result", "open in your PDF viewer").await;
    let opened = viewer.shown().last().unwrap().1.clone();
    assert!(opened.exists());
    driver.terminate_app();
    let closed = std::time::Instant::now();
    while opened.exists() {
        assert!(
            closed.elapsed() < WAIT,
            "closing Harbour left {}",
            opened.display()
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // The session's window is gone with the app.
    let _ = c.close().await;

    // Nothing with the children's details is left anywhere in the app's home folder, its
    // runtime folder or the data folder: only the copy the carer chose to save, outside them.
    let needles = ["Test Ruta", "Test Sam", "MP/2026/0042", "Red hoodie"];
    let left = files_holding(
        &[driver.home(), driver.runtime_dir(), data.path()],
        &needles,
    );
    assert!(left.is_empty(), "left in the clear: {left:?}");
    let chosen = files_holding(&[sheets_dir.path()], &needles);
    for file in [&copy, &csv_path] {
        assert!(
            chosen.iter().any(|(p, n)| p == file && n == "Test Ruta"),
            "the scan finds the name in the saved copy and the export: {chosen:?}"
        );
    }
}

/// The page's local time `hours` ago, as typed in Harbour's time fields (day/month/year and
/// 24-hour time).
async fn hours_ago(c: &Client, hours: i64) -> String {
    let v = c
        .execute(
            "const p = n => String(n).padStart(2, '0');
             const d = new Date(Date.now() - arguments[0] * 3600 * 1000);
             const day = p(d.getDate()), month = p(d.getMonth() + 1), y = d.getFullYear();
             const hm = p(d.getHours()) + ':' + p(d.getMinutes());
             return day + '/' + month + '/' + y + ' ' + hm;",
            vec![json!(hours)],
        )
        .await
        .unwrap();
    v.as_str().unwrap().to_owned()
}

/// The journey the practice review asked for: an unaccompanied child goes missing (999 first,
/// then the checks while waiting), police grade her medium (Harbour prompts a review, and who
/// the carer spoke to is recorded), she is found and the episode closed, the return interview
/// stays on the home screen, and it is recorded as held 70 hours after her return: within 72.
#[tokio::test(flavor = "multi_thread")]
async fn a_flagged_child_s_return_interview_outlives_the_close_and_is_counted_when_held() {
    let data = tempfile::tempdir().unwrap();
    let mut driver = Driver::start();
    let c = driver.open_demo(data.path()).await;
    unlock(&c, "246810").await;
    // Gul came to this placement 5 days ago (the profile's legal part).
    let gul = card(&c, "Gul Sample").await;
    click(&c, &format!("{gul} .profile-link")).await;
    click(&c, "#section-legal button.edit").await;
    let placed = c
        .execute(
            "const d = new Date(Date.now() - 5 * 86400 * 1000);
             return d.toISOString().slice(0, 10);",
            vec![],
        )
        .await
        .unwrap();
    set_value(&c, "#pf-placed_here_on", placed.as_str().unwrap()).await;
    // The NRM as a dated decision, not free text: an unknown value is refused, a choice kept.
    set_value(&c, "#pf-nrm_reasonable_grounds", "awaited").await;
    click(&c, "#form-legal button[type=submit]").await;
    wait_gone(&c, "#form-legal").await;
    wait_text(
        &c,
        "#section-legal [data-key='nrm_reasonable_grounds']",
        "Awaited",
    )
    .await;
    click(&c, "#profile-back").await;
    let gul = card(&c, "Gul Sample").await;
    click(&c, &format!("{gul} button.child-missing")).await;
    wait_css(&c, "#escalation").await;
    let steps = step_ids(&c).await;
    assert_eq!(
        steps[..2],
        ["step-call-999-now", "step-while-waiting"],
        "{steps:?}"
    );
    wait_text(
        &c,
        "li[data-step='step-call-999-now']",
        "Ask for Gul Sample to be treated as high risk",
    )
    .await;
    wait_css(&c, "#checks").await;
    // She was last seen 100 hours ago (the form the carer corrects it in).
    let last_seen = hours_ago(&c, 100).await;
    set_value(&c, "#last-seen", &last_seen).await;
    wait_text(&c, "#last-seen-echo", "4 d 4 h").await;
    click(&c, ".last-seen button[type=submit]").await;
    wait_css(&c, ".last-seen [role=status]").await;
    println!("{}", screenshot(&c, "steps-unaccompanied").await.display());
    // Missing 100 hours: the 24-hour and 72-hour steps are due; one ticked keeps its time.
    let strategy = "#milestones li[data-milestone='milestone-strategy']";
    wait_text(&c, strategy, "strategy meeting").await;
    wait_css(
        &c,
        "#milestones li[data-milestone='milestone-senior-manager'] button",
    )
    .await;
    assert!(c
        .find(Locator::Css(
            "#milestones li[data-milestone='milestone-over-a-week']"
        ))
        .await
        .is_err());
    click(&c, &format!("{strategy} button")).await;
    wait_text(&c, &format!("{strategy} .told"), "Done at").await;

    // Police grade her medium: Harbour asks the carer to ask for a review.
    type_into(&c, "#police-reference", "MP/2026/0077").await;
    wait_css(&c, "#police-grade")
        .await
        .select_by_value("grade-medium")
        .await
        .unwrap();
    click(&c, "#police-save").await;
    let prompt = text_of(&c, "#grade-review-prompt").await;
    assert!(
        prompt.contains("lower than high risk") && prompt.contains("duty inspector"),
        "{prompt}"
    );
    click(&c, "#grade-review-save").await;
    wait_text(&c, "#grade-review-who-error", "who you spoke to").await;
    type_into(&c, "#grade-review-who", "Duty sergeant, call 0042").await;
    click(&c, "#grade-review-save").await;
    wait_text(&c, "#grade-review", "spoke to Duty sergeant, call 0042").await;
    scroll_to(&c, "#police").await;
    println!("{}", screenshot(&c, "steps-grade-review").await.display());
    // On hold to the police for 11 minutes without a key press: the steps stay (the home's
    // longer lock time on an open episode's steps, 60 minutes here, and the screen says so).
    wait_text(&c, "#lock-later", "60 minutes").await;
    c.execute(
        "const real = Date.now; Date.now = () => real() + 11 * 60 * 1000; return null;",
        vec![],
    )
    .await
    .unwrap();
    tokio::time::sleep(std::time::Duration::from_secs(17)).await;
    assert!(c.find(Locator::Css("#unlock-form")).await.is_err());
    wait_css(&c, "#police-form").await;

    // Found 80 hours ago; the interview's 72 hours have run out.
    let found_at = hours_ago(&c, 80).await;
    set_value(&c, "#found-at", &found_at).await;
    type_into(&c, "#found-by", "Police").await;
    type_into(&c, "#found-where", "Coach station").await;
    click(&c, "#found-save").await;
    wait_css(&c, "#found-recorded").await;
    wait_text(&c, "#interview-status", "OVERDUE").await;
    // She went missing within days of coming here: treated as a potential victim of
    // trafficking, the flag is proposed.
    wait_text(&c, "#first-days", "potential victim of trafficking").await;
    click(&c, "#first-days-mark").await;
    wait_gone(&c, "#first-days").await;
    // Closing says what is still to do, and closes the missing part only.
    click(&c, "#close-episode").await;
    wait_text(&c, "#outstanding-list", "the return interview").await;
    click(&c, "#close-confirm-yes").await;
    wait_css(&c, "#home-heading").await;
    let line = "#interviews-due li[data-name='Gul Sample']";
    wait_text(&c, line, "OVERDUE").await;
    println!("{}", screenshot(&c, "home-interviews-due").await.display());

    // Held 70 hours after her return, typed in now: within 72 hours.
    click(&c, &format!("{line} button.open-interview")).await;
    wait_css(&c, "#after-return-heading").await;
    wait_text(&c, "#after-return-closed", "closed").await;
    let typed = hours_ago(&c, 10).await;
    // A time typed month first is refused before anything is saved.
    set_value(&c, "#held-at", "12/31/2026 10:00").await;
    wait_text(&c, "#held-at-error", "day/month/year").await;
    set_value(&c, "#held-at", &typed).await;
    wait_text(&c, "#held-at-echo", ", ").await;
    type_into(&c, "#held-by", "Sample worker, return interview service").await;
    click(&c, "#held-save").await;
    wait_text(&c, "#interview-status", "Within 72 hours of the return").await;
    println!("{}", screenshot(&c, "after-return-held").await.display());
    click(&c, "#back-home").await;
    wait_css(&c, "#home-heading").await;
    wait_gone(&c, line).await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_first_look_with_the_sample_children() {
    let data = tempfile::tempdir().unwrap();
    let mut driver = Driver::start();
    let c = driver.open_demo(data.path()).await;
    // The demonstration store says what it is, and its PIN, on the lock screen.
    wait_text(&c, "#demo-banner", "246810").await;
    println!("{}", screenshot(&c, "lock-screen-demo").await.display());
    unlock(&c, "246810").await;
    let cards = ["Amanuel Sample", "Gul Sample", "Jamie Sample"];
    for name in cards {
        card(&c, name).await;
    }
    wait_gone(&c, ".empty").await;
    println!("{}", screenshot(&c, "home-samples").await.display());
    // The profile: filled-in sections with their check, the rest due, the photo and its date.
    let amanuel = card(&c, "Amanuel Sample").await;
    wait_text(&c, &format!("{amanuel} .profile-link"), "3 parts").await;
    click(&c, &format!("{amanuel} .profile-link")).await;
    wait_text(&c, "#profile-heading", "Profile: Amanuel Sample").await;
    wait_css(&c, ".profile-top img.photo").await;
    assert!(c.find(Locator::Css("#photo-warning")).await.is_err());
    wait_text(&c, "#section-health", "TB tablets every morning").await;
    wait_text(&c, "#section-health .reviewed", "Checked by Demo Admin").await;
    println!("{}", screenshot(&c, "profile-samples").await.display());
    // The details recorded at the start are corrected here; a blank name is refused.
    click(&c, "#edit-core").await;
    set_value(&c, "#core-name", " ").await;
    click(&c, "#core-save").await;
    wait_text(&c, "#core-name-error", "name").await;
    set_value(&c, "#core-name", "Amanuel Sample").await;
    set_value(&c, "#core-own", "ኣማኑኤል ሳምፕል").await;
    click(&c, "#core-save").await;
    wait_css(&c, "#edit-core").await;
    wait_text(&c, ".profile-top .own-name", "ኣማኑኤል ሳምፕል").await;
    // Clearing a flag says what it changes and needs a reason; it is dated, with who and why.
    click(&c, "#edit-core").await;
    click(&c, "#core-trafficked").await;
    wait_text(&c, "#flag-clear", "Call 999 now").await;
    click(&c, "#core-save").await;
    wait_text(&c, "#core-flag-reason-error", "why").await;
    type_into(&c, "#core-flag-reason", "Sample reason: NRM decision").await;
    click(&c, "#core-save").await;
    let history = wait_text(&c, "#flag-history", "cleared").await;
    assert!(
        history.contains("by Demo Admin: Sample reason: NRM decision"),
        "{history}"
    );
    // Marked again: the history keeps both.
    click(&c, "#edit-core").await;
    click(&c, "#core-trafficked").await;
    click(&c, "#core-save").await;
    wait_css(&c, "#edit-core").await;
    let history = text_of(&c, "#flag-history").await;
    assert_eq!(
        history.matches("Suspected trafficked marked").count(),
        2,
        "{history}"
    );
    println!("{}", screenshot(&c, "profile-flag-history").await.display());
    // A date in the future is refused next to its field; nothing is lost.
    click(&c, "#section-photos button.edit").await;
    set_value(&c, "#pf-photo_taken_on", "2099-01-01").await;
    click(&c, "#form-photos button[type=submit]").await;
    wait_text(&c, "#pf-photo_taken_on-error", "future").await;
    println!("{}", screenshot(&c, "profile-date-refused").await.display());
    click(&c, "#form-photos button[type=button]").await;
    // A new photo, dated: saved with the photo and its date together.
    let file = repo_file("tests/e2e/fixtures/sample-photo.png");
    save_new_photo(&c, &file, "2026-11-01").await;
    wait_text(&c, "#section-photos", "2026-11-01").await;
    // A new full-length photo (the sample has a silhouette), from a file of another name (a
    // file input does not announce the same file twice).
    let old_full = wait_css(&c, "img#full-photo")
        .await
        .attr("src")
        .await
        .unwrap();
    let copies = tempfile::tempdir().unwrap();
    let full = copies.path().join("full-length.png");
    std::fs::copy(&file, &full).unwrap();
    click(&c, "#new-photo-kind-full-length").await;
    save_new_photo(&c, &full, "2026-11-02").await;
    let started = std::time::Instant::now();
    while wait_css(&c, "img#full-photo")
        .await
        .attr("src")
        .await
        .unwrap()
        == old_full
    {
        assert!(
            started.elapsed() < WAIT,
            "the new full-length photo was never shown"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let photos = text_of(&c, "#section-photos").await;
    assert!(
        photos.contains("2026-11-02") && photos.contains("2026-11-01"),
        "{photos}"
    );
    assert!(c
        .find_all(Locator::Css("#full-photo-warning"))
        .await
        .unwrap()
        .is_empty());
    scroll_to(&c, ".photo-pair").await;
    println!("{}", screenshot(&c, "profile-two-photos").await.display());
    // A new phone number: saved, checked by the saver, and the rest falls due.
    click(&c, "#section-phones button.edit").await;
    set_value(&c, "#pf-mobile_numbers", "07700 900999").await;
    click(&c, "#form-phones button[type=submit]").await;
    wait_css(&c, "#section-phones .saved").await;
    wait_text(&c, "#section-phones dd", "07700 900999").await;
    wait_text(&c, "#profile-due", "13 parts").await;
    wait_text(
        &c,
        "#section-health .review-due",
        "Phones and online accounts changed",
    )
    .await;
    println!("{}", screenshot(&c, "profile-phones-saved").await.display());
    click(&c, "#profile-back").await;
    wait_css(&c, "#home-heading").await;
    let amanuel = card(&c, "Amanuel Sample").await;
    wait_text(&c, &format!("{amanuel} .profile-link"), "13 parts").await;
    // The sample flagged as trafficked goes straight to 999.
    click(&c, &format!("{amanuel} button.child-missing")).await;
    wait_css(&c, "#escalation").await;
    let steps = step_ids(&c).await;
    assert_eq!(steps[0], "step-call-999-now");
    // His critical medication is not known to be with him: the call says so too.
    assert_eq!(steps[1], "step-call-999-medical", "{steps:?}");
    wait_text(
        &c,
        "li[data-step='step-call-999-medical']",
        "needs critical medication and may not have it with them",
    )
    .await;
    // Who to tell, with the numbers from the profile.
    let social_worker = text_of(
        &c,
        "li[data-contact='contact-social-worker'] .contact-details",
    )
    .await;
    assert!(
        social_worker.contains("Alex Sample") && social_worker.contains("07700 900101"),
        "{social_worker}"
    );
    wait_text(
        &c,
        "li[data-contact='contact-edt'] .contact-details",
        "07700 900102",
    )
    .await;
    scroll_to(&c, "#notifications").await;
    println!(
        "{}",
        screenshot(&c, "notifications-with-numbers").await.display()
    );
    // A child with agreed checks: each is ticked with its time.
    click(&c, "#back-home").await;
    let jamie = card(&c, "Jamie Sample").await;
    click(&c, &format!("{jamie} button.child-missing")).await;
    wait_css(&c, "#standard-intro").await;
    // The 999 threshold agreed in Jamie's plan stands beside step 1.
    wait_text(
        &c,
        "#step-list li:first-child #call-999-when",
        "has not taken the inhaler",
    )
    .await;
    let first = "#checks li[data-check=\"Ring Jamie's mobile\"]";
    click(&c, &format!("{first} button")).await;
    wait_text(&c, &format!("{first} .told"), "Done at").await;
    assert_eq!(
        c.find_all(Locator::Css("#checks li button"))
            .await
            .unwrap()
            .len(),
        2,
        "the other two checks are still to do"
    );
    scroll_to(&c, "#checks").await;
    println!("{}", screenshot(&c, "steps-agreed-checks").await.display());
    // Whereabouts known: away from placement, with its own steps; one press makes it missing.
    click(&c, "#away summary").await;
    click(&c, "#away-save").await;
    wait_text(&c, "#away-where-error", "Write where").await;
    type_into(&c, "#away-where", "At his aunt's, Sample Town").await;
    click(&c, "#away-save").await;
    wait_css(&c, "#away-intro").await;
    assert_eq!(step_ids(&c).await[0], "step-away-agree-return");
    wait_text(&c, "#steps-heading", "is away from placement").await;
    scroll_to(&c, "#steps-heading").await;
    println!("{}", screenshot(&c, "steps-away").await.display());
    click(&c, "#away-now-missing").await;
    wait_css(&c, "#standard-intro").await;
    assert_eq!(step_ids(&c).await[0], "step-call-999-if-danger");
    // The Lock button drops everything the screen held.
    click(&c, "#lock-button").await;
    wait_css(&c, "#unlock-form").await;
    assert!(!c.source().await.unwrap().contains("Amanuel"));
    c.close().await.unwrap();
}

/// The backup's "done" line, or a failure that says what the screen and the folder showed
/// instead.
async fn backup_done(c: &Client, folder: &std::path::Path) -> String {
    let started = std::time::Instant::now();
    while started.elapsed() < WAIT {
        if let Ok(done) = c.find(Locator::Css("#backup-done")).await {
            if let Ok(text) = done.text().await {
                return text;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let shown = text_of(c, "#backup").await;
    let files: Vec<_> = std::fs::read_dir(folder)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    panic!("the backup never finished: the screen shows {shown:?}; the folder holds {files:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_adds_staff_and_makes_a_backup() {
    let data = tempfile::tempdir().unwrap();
    let backups = tempfile::tempdir().unwrap();
    // The app inherits this through the driver: backups go to a folder of the test's own.
    std::env::set_var("HARBOUR_BACKUP_DIR", backups.path());
    let mut driver = Driver::start();
    let c = driver.open_demo(data.path()).await;
    unlock(&c, "246810").await;
    click(&c, "#open-settings").await;
    // The page has loaded its parts (the last says where the device secret is kept).
    wait_text(&c, "#security #protection", "keyring").await;
    wait_text(&c, "#recovery-made", "was made on").await;
    scroll_to(&c, "#security").await;
    println!("{}", screenshot(&c, "settings-security").await.display());

    // A backup, with its progress, written where the screen says.
    scroll_to(&c, "#make-backup").await;
    click(&c, "#make-backup").await;
    let done = backup_done(&c, backups.path()).await;
    assert!(done.contains(".hbk"), "{done}");
    let written: Vec<_> = std::fs::read_dir(backups.path()).unwrap().collect();
    assert_eq!(written.len(), 1, "one backup file, nothing else");

    // A new member of staff; a PIN anyone would guess is refused first.
    type_into(&c, "#new-user-name", "Test Night").await;
    let role = wait_css(&c, "#new-user-role").await;
    role.select_by_value("residential_staff").await.unwrap();
    type_into(&c, "#new-user-pin", "111111").await;
    type_into(&c, "#new-user-pin-again", "111111").await;
    click(&c, "#add-user-submit").await;
    wait_text(&c, "#new-user-pin-error", "easy to guess").await;
    set_value(&c, "#new-user-pin", "770311").await;
    set_value(&c, "#new-user-pin-again", "770311").await;
    click(&c, "#add-user-submit").await;
    wait_css(&c, "tr[data-user='Test Night']").await;
    println!("{}", screenshot(&c, "settings-admin").await.display());

    // With two users the lock screen asks for a name; the new user sees no backup or staff.
    click(&c, "#lock-button").await;
    type_into(&c, "#unlock-name", "test night").await;
    unlock(&c, "770311").await;
    wait_text(&c, "#signed-in", "Residential staff").await;
    click(&c, "#open-settings").await;
    wait_css(&c, "#my-pin").await;
    let page = c.source().await.unwrap();
    assert!(!page.contains("id=\"make-backup\"") && !page.contains("id=\"staff\""));
    assert!(
        !page.contains("id=\"home-settings\""),
        "settings are for managers"
    );

    // The administrator says this is a children's home, with the on-call manager's number.
    click(&c, "#lock-button").await;
    type_into(&c, "#unlock-name", "demo admin").await;
    unlock(&c, "246810").await;
    click(&c, "#open-settings").await;
    wait_css(&c, "#org-home-kind")
        .await
        .select_by_value("home-kind-childrens-home")
        .await
        .unwrap();
    type_into(&c, "#org-on-call", "Sam Manager 07700 900321").await;
    type_into(&c, "#org-carer-contact", "Sample House 07700 900400").await;
    // In Scotland, with the list of events the manager checked with the Care Inspectorate.
    wait_css(&c, "#org-nation")
        .await
        .select_by_value("scotland")
        .await
        .unwrap();
    wait_text(
        &c,
        "#org-interview-timing",
        "arranged within 72 hours and completed within 168 hours (a week)",
    )
    .await;
    type_into(
        &c,
        "#org-regulator-events",
        "Sample event one checked by the manager",
    )
    .await;
    click(&c, "#org-save").await;
    wait_text(&c, "#home-settings .banner", "Saved").await;
    scroll_to(&c, "#home-settings").await;
    println!("{}", screenshot(&c, "settings-home").await.display());
    scroll_to(&c, "#org-regulator-events").await;
    println!(
        "{}",
        screenshot(&c, "settings-regulator-and-timing")
            .await
            .display()
    );
    click(&c, "#back-home").await;
    let amanuel = "li.child-card[data-name='Amanuel Sample']";
    click(&c, &format!("{amanuel} button.child-missing")).await;
    wait_text(
        &c,
        "li[data-contact='contact-manager'] .contact-details",
        "07700 900321",
    )
    .await;
    assert!(c
        .find(Locator::Css("li[data-contact='contact-fostering-agency']"))
        .await
        .is_err());
    // The manager's decision, beside the home's own list of events: a reason is required,
    // then it is recorded.
    let rules = text_of(&c, "#regulator-decision").await;
    assert!(
        rules.contains("does the Care Inspectorate need to be told?")
            && rules.contains("Sample event one checked by the manager"),
        "{rules}"
    );
    scroll_to(&c, "#regulator-decision").await;
    println!("{}", screenshot(&c, "regulator-rules").await.display());
    click(&c, "#reg-notify").await;
    wait_text(&c, "#reg-reason-error", "why").await;
    type_into(&c, "#reg-reason", "Suspected trafficking: high risk").await;
    click(&c, "#reg-notify").await;
    let decided = text_of(&c, "#regulator-decision .recorded").await;
    assert!(
        decided.contains("being notified") && decided.contains("Suspected trafficking"),
        "{decided}"
    );
    scroll_to(&c, "#notifications").await;
    println!(
        "{}",
        screenshot(&c, "regulation-40-decision").await.display()
    );
    // The carer contact is on the sheet for the police (here, its web page).
    click(&c, "#print-view").await;
    wait_text(&c, "#print-sheet", "Sample House 07700 900400").await;
    // Found: Scotland's return discussion is to be arranged within 72 hours.
    click(&c, "#print-view-back").await;
    type_into(&c, "#found-by", "Police").await;
    type_into(&c, "#found-where", "Bus station").await;
    click(&c, "#found-save").await;
    let due = wait_text(
        &c,
        "#interview-status",
        "Return discussion to be arranged by",
    )
    .await;
    assert!(
        due.contains("(72 hours after Amanuel Sample came back)"),
        "{due}"
    );
    scroll_to(&c, "#interview-status").await;
    println!(
        "{}",
        screenshot(&c, "scotland-return-discussion").await.display()
    );
    // A care leaver of 19 who came to the UK alone: a young person, and still escalated.
    click(&c, "#back-home").await;
    click(&c, "#add-child").await;
    type_into(&c, "#name-latin", "Test Dawit").await;
    set_value(&c, "#dob", "2007-03-10").await;
    click(&c, "#unaccompanied").await;
    click(&c, "#save-child").await;
    let dawit = card(&c, "Test Dawit").await;
    click(&c, &format!("{dawit} button.child-missing")).await;
    let first = text_of(&c, "li.step:first-child").await;
    assert!(
        first.contains("18 or over and a care leaver") && first.contains("does not end at 18"),
        "{first}"
    );
    println!("{}", screenshot(&c, "steps-19-scotland").await.display());
    // The computer goes to sleep: Harbour locks, and the lock screen comes up without a click.
    if let Some(bus) = std::env::var_os("DBUS_SYSTEM_BUS_ADDRESS") {
        let sent = std::process::Command::new("dbus-send")
            .arg(format!("--bus={}", bus.to_string_lossy()))
            .args([
                "--type=signal",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager.PrepareForSleep",
                "boolean:true",
            ])
            .status()
            .unwrap();
        assert!(sent.success());
        wait_css(&c, "#unlock-form").await;
        assert!(!c.source().await.unwrap().contains("Test Dawit"));
        println!("{}", screenshot(&c, "locked-on-sleep").await.display());
    }
    c.close().await.unwrap();
}

/// A device that holds two homes: the administrator names the first, sets up a second with its
/// own on-call number and puts a member of staff in it; a child added there is that home's,
/// its steps give that home's contacts, and its staff see its children and no others.
/// Opens "Add a child" and fills in the home, the name and the date of birth.
async fn start_child_in(c: &Client, home: &str, name: &str, born: &str) {
    click(c, "#add-child").await;
    wait_css(c, "#child-team")
        .await
        .select_by_label(home)
        .await
        .unwrap();
    type_into(c, "#name-latin", name).await;
    set_value(c, "#dob", born).await;
}

#[tokio::test]
async fn two_homes_on_one_device_each_see_only_their_own_children() {
    let data = tempfile::tempdir().unwrap();
    let mut driver = Driver::start();
    let c = driver.open_demo(data.path()).await;
    unlock(&c, "246810").await;
    click(&c, "#open-settings").await;
    // One home so far: no choice of home anywhere, and it has no name yet.
    wait_text(&c, "#teams", "Homes and households").await;
    assert!(c.find(Locator::Css("#team-shown")).await.is_err());
    set_value(&c, "#teams .team-part input", "Oak House").await;
    click(&c, "#teams .rename-team button").await;
    wait_text(&c, "#teams .banner", "The name has been saved").await;
    wait_css(&c, ".team-part[data-team='Oak House']").await;
    type_into(&c, "#new-team-name", "Elm Lodge").await;
    click(&c, "#add-team").await;
    wait_text(&c, "#teams .banner", "Elm Lodge has been set up").await;

    // A member of staff for Elm Lodge only.
    type_into(&c, "#new-user-name", "Test Elm").await;
    wait_css(&c, "#new-user-role")
        .await
        .select_by_value("residential_staff")
        .await
        .unwrap();
    type_into(&c, "#new-user-pin", "770311").await;
    type_into(&c, "#new-user-pin-again", "770311").await;
    click(&c, "#add-user-submit").await;
    wait_css(&c, "tr[data-user='Test Elm']").await;
    let elm_box = ".team-part[data-team='Elm Lodge'] label[data-member='Test Elm'] input";
    click(&c, elm_box).await;
    wait_css(&c, &format!("{elm_box}:checked")).await;
    let oak_box = ".team-part[data-team='Oak House'] label[data-member='Test Elm'] input";
    click(&c, oak_box).await;
    wait_css(&c, &format!("{oak_box}:not(:checked)")).await;

    // Elm Lodge's own on-call manager, in its own settings form (a new one replaces Oak
    // House's once its settings have arrived).
    let oak_form = wait_css(&c, "#org-on-call").await.element_id();
    wait_css(&c, "#team-shown")
        .await
        .select_by_label("Elm Lodge")
        .await
        .unwrap();
    let started = std::time::Instant::now();
    loop {
        let now = wait_css(&c, "#org-on-call").await.element_id();
        if now != oak_form {
            break;
        }
        assert!(started.elapsed() < WAIT, "Elm Lodge's settings never came");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    set_value(&c, "#org-on-call", "Elm on-call 07700 900222").await;
    click(&c, "#org-save").await;
    wait_text(&c, "#home-settings .banner", "Saved").await;
    scroll_to(&c, "#teams").await;
    println!("{}", screenshot(&c, "settings-two-homes").await.display());

    // A child for Elm Lodge: the form asks which home, offering the one shown.
    click(&c, "#back-home").await;
    wait_text(
        &c,
        "li.child-card[data-name='Amanuel Sample']",
        "Home: Oak House",
    )
    .await;
    start_child_in(&c, "Elm Lodge", "Test Selam", "2011-06-02").await;
    click(&c, "#unaccompanied").await;
    click(&c, "#save-child").await;
    let selam = card(&c, "Test Selam").await;
    wait_text(&c, &selam, "Home: Elm Lodge").await;
    println!("{}", screenshot(&c, "home-two-homes").await.display());
    // Her steps give Elm Lodge's manager, not Oak House's.
    click(&c, &format!("{selam} button.child-missing")).await;
    wait_text(
        &c,
        "li[data-contact='contact-manager'] .contact-details",
        "07700 900222",
    )
    .await;
    click(&c, "#back-home").await;

    // Amanuel moves placement from Oak House to Elm Lodge: his whole record goes with him.
    let amanuel = card(&c, "Amanuel Sample").await;
    click(&c, &format!("{amanuel} button.profile-link")).await;
    wait_css(&c, "#move-team")
        .await
        .select_by_label("Elm Lodge")
        .await
        .unwrap();
    click(&c, "#move-child").await;
    wait_text(
        &c,
        "#record-confirm-text",
        "Move Amanuel Sample's whole record to Elm Lodge? Elm Lodge's computers get it at their next sync. Oak House keeps a read-only copy",
    )
    .await;
    println!(
        "{}",
        screenshot(&c, "profile-move-asks-first").await.display()
    );
    click(&c, "#record-confirm-yes").await;
    wait_css(&c, "#move-team").await;
    click(&c, "#profile-back").await;
    wait_text(&c, &amanuel, "Home: Elm Lodge").await;

    // The night shift had recorded Selam a second time, spelt another way: the two records
    // are joined, nothing of either lost.
    start_child_in(&c, "Elm Lodge", "Selam Test", "2011-06-02").await;
    type_into(&c, "#name-own", "ሰላም").await;
    click(&c, "#save-child").await;
    let second = card(&c, "Selam Test").await;
    wait_css(&c, &second).await;
    click(&c, &format!("{selam} button.profile-link")).await;
    wait_css(&c, "#merge-child")
        .await
        .select_by_label("Selam Test · 02/06/2011")
        .await
        .unwrap();
    click(&c, "#merge-children").await;
    wait_text(
        &c,
        "#record-confirm-text",
        "Only do this if they are the same child",
    )
    .await;
    click(&c, "#record-confirm-yes").await;
    wait_text(&c, "#records-joined", "Selam Test").await;
    wait_text(&c, ".profile-top", "ሰላም").await;
    scroll_to(&c, ".profile-top").await;
    println!(
        "{}",
        screenshot(&c, "profile-records-joined").await.display()
    );
    click(&c, "#profile-back").await;
    wait_css(&c, &selam).await;
    // One card for Selam.
    wait_gone(&c, &second).await;

    // Elm Lodge's staff see Elm Lodge's children, one missing, and none of Oak House's.
    click(&c, "#lock-button").await;
    type_into(&c, "#unlock-name", "test elm").await;
    unlock(&c, "770311").await;
    wait_css(&c, &selam).await;
    let names: Vec<String> = {
        let cards = c.find_all(Locator::Css("li.child-card")).await.unwrap();
        let mut out = Vec::new();
        for card in cards {
            out.push(card.attr("data-name").await.unwrap().unwrap_or_default());
        }
        out
    };
    assert_eq!(
        names,
        ["Test Selam", "Amanuel Sample"],
        "the missing child first"
    );
    let page = c.source().await.unwrap();
    assert!(!page.contains("Gul Sample") && !page.contains("Oak House"));
    println!("{}", screenshot(&c, "home-elm-lodge-staff").await.display());
    c.close().await.unwrap();
}

/// A carer goes through the trafficking checklist with a child nobody had flagged: a concern
/// proposes the flag, the carer sets it, and the missing flow then puts 999 first.
#[tokio::test]
async fn a_trafficking_concern_puts_999_first() {
    let data = tempfile::tempdir().unwrap();
    let mut driver = Driver::start();
    let c = driver.open_demo(data.path()).await;
    unlock(&c, "246810").await;
    let jamie = card(&c, "Jamie Sample").await;
    wait_text(
        &c,
        &format!("{jamie} .checklists-link"),
        "4 risk checklists due",
    )
    .await;
    click(&c, &format!("{jamie} .checklists-link")).await;
    let trafficking = "li.checklist-card[data-checklist='trafficking']";
    wait_text(&c, trafficking, "Not done yet").await;
    click(&c, &format!("{trafficking} button.primary")).await;
    // Answers are saved as they are given; the note goes with its answer when left.
    click(&c, "#q-debt-yes").await;
    wait_css(&c, "#assessment-summary li[data-item='debt']").await;
    type_into(
        &c,
        "#q-debt-evidence",
        "Says he owes £3,000 for the journey",
    )
    .await;
    click(&c, "#q-debt-observed").await;
    wait_text(&c, "#assessment-summary", "owes £3,000").await;
    click(&c, "#q-documents-not-known").await;
    wait_css(&c, "#to-find-out").await;
    // From the keyboard: space on the focused answer chooses it.
    wait_css(&c, "#q-kept-from-services-no")
        .await
        .send_keys(" ")
        .await
        .unwrap();
    wait_css(&c, ".question[data-item='kept-from-services'] .answered").await;
    let steps = text_of(&c, "#next-steps").await;
    assert!(
        steps.contains("social worker") && steps.contains("National Referral Mechanism"),
        "{steps}"
    );
    println!(
        "{}",
        screenshot(&c, "assessment-trafficking").await.display()
    );
    click(&c, "#flag-trafficked").await;
    wait_text(&c, "#flag-set", "999 first").await;
    wait_gone(&c, "#flag-trafficked").await;
    // One question at a time, for a conversation.
    click(&c, "#assessment-mode").await;
    wait_text(&c, "#question-progress", "Question 1 of 10").await;
    click(&c, "#question-next").await;
    wait_text(&c, "#question-progress", "Question 2 of 10").await;
    println!(
        "{}",
        screenshot(&c, "assessment-one-question").await.display()
    );
    // A manager (the demo administrator) signs it off; it then takes no more answers.
    click(&c, "#assessment-mode").await;
    type_into(&c, "#sign-off-note", "Discussed with the social worker").await;
    click(&c, "#sign-off-save").await;
    wait_text(&c, "#signed-off", "Signed off by Demo Admin").await;
    // (Disabled through its fieldset, which WebDriver's "is enabled" does not look at.)
    let disabled = c
        .execute(
            "return document.querySelector('#q-debt-no').matches(':disabled')",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(disabled, serde_json::json!(true));
    click(&c, "#assessment-back").await;
    wait_text(&c, trafficking, "1 concern · signed off").await;
    // Push and pull factors now apply too (suspected trafficked).
    wait_css(&c, "li.checklist-card[data-checklist='push-pull']").await;
    println!("{}", screenshot(&c, "checklists").await.display());
    // A second assessment later: the debt is no longer a concern; the two compared.
    click(&c, &format!("{trafficking} button.primary")).await;
    click(&c, "#q-debt-no").await;
    wait_css(&c, ".question[data-item='debt'] .answered").await;
    click(&c, "#assessment-back").await;
    click(&c, &format!("{trafficking} button.compare")).await;
    let changed = text_of(&c, "#comparison tr[data-item='debt']").await;
    assert!(
        changed.contains("Yes") && changed.contains("No"),
        "{changed}"
    );
    scroll_to(&c, "#comparison").await;
    println!("{}", screenshot(&c, "checklists-compare").await.display());
    click(&c, "#checklists-back").await;
    // The missing flow now puts 999 first for Jamie.
    click(&c, &format!("{jamie} button.child-missing")).await;
    wait_css(&c, "#step-list").await;
    assert_eq!(step_ids(&c).await[0], "step-call-999-now");
}

/// The child's page's text direction and where its title sits, as the webview lays it out.
async fn layout_of(c: &Client) -> (String, String, f64, f64) {
    let v = c
        .execute(
            "const s = document.querySelector('#child-screen');
             const t = document.querySelector('#child-title').getBoundingClientRect();
             return [getComputedStyle(s).direction, s.getAttribute('lang'), t.left, window.innerWidth - t.right];",
            vec![],
        )
        .await
        .unwrap();
    let a = v.as_array().unwrap();
    (
        a[0].as_str().unwrap().to_owned(),
        a[1].as_str().unwrap().to_owned(),
        a[2].as_f64().unwrap(),
        a[3].as_f64().unwrap(),
    )
}

/// Whether the page's fonts have finished loading and the bundled font `family` is among those
/// loaded (so the text is drawn with Harbour's own file, not whatever the system has).
async fn bundled_font_loaded(c: &Client, family: &str) -> bool {
    let v = c
        .execute_async(
            "const [family, done] = arguments;
             document.fonts.ready.then(() => done(document.fonts.status === 'loaded'
                 && [...document.fonts].some(f => f.family.replace(/\"/g, '') === family
                     && f.status === 'loaded')));",
            vec![serde_json::json!(family)],
        )
        .await
        .unwrap();
    v.as_bool().unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_child_sees_help_in_their_own_language() {
    let data = tempfile::tempdir().unwrap();
    let printer = FakePrinter::install();
    let mut driver = Driver::start();
    let c = driver.open_demo(data.path()).await;
    unlock(&c, "246810").await;
    // The home's numbers: a number no one could dial is refused by its field; the Runaway
    // Helpline's hours are shown only once someone enters them.
    click(&c, "#open-settings").await;
    set_value(&c, "#help-childline", "call us").await;
    click(&c, "#org-save").await;
    wait_text(&c, "#help-childline-error", "digits").await;
    set_value(&c, "#help-childline", "0800 1111").await;
    click(&c, "#help-hours-daily").await;
    set_value(&c, "#help-runaway-to", "22:30").await;
    scroll_to(&c, "#help-numbers-title").await;
    println!(
        "{}",
        screenshot(&c, "settings-help-numbers").await.display()
    );
    click(&c, "#org-save").await;
    wait_text(&c, "#home-settings", "Saved").await;
    // Staff see how far each language is reviewed, and each message beside the English.
    wait_text(
        &c,
        "#translations tr[data-lang='ps'] .review-status",
        "Machine-translated, not yet reviewed",
    )
    .await;
    click(&c, "#review-ps").await;
    let table = text_of(&c, "#review-table").await;
    assert!(
        table.contains("Help for you") && table.contains("مرسته"),
        "{table}"
    );
    scroll_to(&c, "#translations").await;
    println!("{}", screenshot(&c, "translations-review").await.display());
    scroll_to(&c, "#review-table").await;
    println!(
        "{}",
        screenshot(&c, "translations-review-ps").await.display()
    );
    click(&c, "#back-home").await;

    // Amanuel reads Tigrinya: his profile offers the help in Tigrinya.
    let amanuel = card(&c, "Amanuel Sample").await;
    click(&c, &format!("{amanuel} .profile-link")).await;
    let select = wait_css(&c, "#help-language").await;
    assert_eq!(select.prop("value").await.unwrap().as_deref(), Some("ti"));
    wait_text(&c, "#help-review-status", "Machine-translated").await;
    scroll_to(&c, ".help-for-child").await;
    println!("{}", screenshot(&c, "profile-help").await.display());
    // The card, saved where the screen says: one page, Tigrinya and English, the home's hours.
    click(&c, "#save-help-card").await;
    let saved = text_of(&c, "#help-card-saved").await;
    let path = saved
        .split_once(": ")
        .map(|(_, p)| p.trim_matches(['\u{2068}', '\u{2069}', ' ']).to_owned())
        .unwrap();
    assert!(path.ends_with("Help card - Tigrinya.pdf"), "{path}");
    {
        use std::os::unix::fs::PermissionsExt;
        let path = std::path::Path::new(&path);
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            (mode(path.parent().unwrap()), mode(path)),
            (0o700, 0o600),
            "owner-only"
        );
    }
    let (text, pages) = pdf_text_and_pages(&std::fs::read(&path).unwrap());
    let text = text.replace('\u{a0}', " ");
    assert_eq!(pages, 1);
    assert!(
        text.contains("116 000") && text.contains("22:30") && text.contains("ሓገዝ"),
        "{text}"
    );
    // Printed: the card's own words when there is no printer, then the same card printed.
    printer.switch_off();
    click(&c, "#print-help-card").await;
    wait_text(
        &c,
        ".help-for-child [role='alert']",
        "Save the help card as a PDF",
    )
    .await;
    scroll_to(&c, ".help-for-child").await;
    println!("{}", screenshot(&c, "help-card-no-printer").await.display());
    printer.switch_on();
    click(&c, "#print-help-card").await;
    wait_css(&c, "#help-card-printed").await;
    let jobs = printer.jobs();
    assert_eq!(jobs.len(), 1);
    let (printed, pages) = pdf_text_and_pages(&jobs[0].0);
    assert_eq!(pages, 1);
    assert_eq!(
        printed.replace('\u{a0}', " "),
        text,
        "the printed card is the saved card"
    );
    if let Some(dir) = std::env::var_os("HARBOUR_SCREENSHOTS") {
        let _ = std::fs::copy(&path, std::path::Path::new(&dir).join("help-card-ti.pdf"));
    }
    let _ = std::fs::remove_file(&path);

    // "Show to child" locks Harbour and shows the help alone, in Tigrinya.
    click(&c, "#show-to-child").await;
    wait_css(&c, "#child-screen").await;
    assert!(
        c.find(Locator::Css("#signed-in")).await.is_err(),
        "still unlocked"
    );
    let source = c.source().await.unwrap();
    assert!(
        !source.contains("Amanuel"),
        "a child's details on the child's screen"
    );
    assert!(
        !source.contains("Machine-translated"),
        "review notes on the child's screen"
    );
    let (dir, lang, _, _) = layout_of(&c).await;
    assert_eq!((dir.as_str(), lang.as_str()), ("ltr", "ti"));
    wait_text(&c, "#child-screen", "22:30").await;
    assert!(bundled_font_loaded(&c, "Noto Sans Ethiopic").await);
    assert!(
        !bundled_font_loaded(&c, "No Such Font").await,
        "the check can fail"
    );
    println!("{}", screenshot(&c, "child-ti").await.display());
    // The child switches language from the list, each written in its own script; Arabic-script
    // languages mirror the whole page.
    for (tag, rtl) in [("ar", true), ("ps", true), ("vi", false)] {
        click(&c, &format!(".child-language[data-lang='{tag}']")).await;
        let started = std::time::Instant::now();
        let (dir, lang, left, right) = loop {
            let l = layout_of(&c).await;
            if l.1 == tag {
                break l;
            }
            assert!(started.elapsed() < WAIT, "the page did not change to {tag}");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        };
        assert_eq!(lang, tag);
        assert_eq!(dir, if rtl { "rtl" } else { "ltr" }, "{tag}");
        // The title starts at the reading side: the right for right to left.
        assert_eq!(
            right < left,
            rtl,
            "{tag}: title at {left} from the left, {right} from the right"
        );
        let family = if rtl {
            "Noto Naskh Arabic"
        } else {
            "Noto Sans"
        };
        assert!(bundled_font_loaded(&c, family).await, "{tag}: {family}");
        println!(
            "{}",
            screenshot(&c, &format!("child-{tag}")).await.display()
        );
    }
    // Leaving needs the PIN: the lock screen, then the records again.
    click(&c, "#child-exit").await;
    wait_css(&c, "#unlock-pin").await;
    assert!(c.find(Locator::Css("#child-screen")).await.is_err());
    // The lock screen offers the same help without unlocking, with the home's numbers and
    // hours kept from before it locked; the child picks the language.
    click(&c, "#lock-child-help").await;
    wait_css(&c, "#child-screen").await;
    assert_eq!(layout_of(&c).await.1, "en-GB");
    wait_text(&c, "#child-screen", "22:30").await;
    click(&c, "#child-exit").await;
    wait_css(&c, "#unlock-pin").await;
    println!(
        "{}",
        screenshot(&c, "lock-screen-child-help").await.display()
    );
    unlock(&c, "246810").await;
    card(&c, "Amanuel Sample").await;
}

/// A hub on loopback for the sync journey, in this process, over plain HTTP (allowed on
/// loopback only): its address and its database, for one-time tokens.
struct LoopbackHub {
    address: String,
    db: harbour_hub::SqliteHub,
}

impl LoopbackHub {
    async fn start() -> Self {
        let db = harbour_hub::SqliteHub::in_memory().unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = format!("http://{}", listener.local_addr().unwrap());
        let served = db.clone();
        tokio::spawn(async move {
            harbour_hub::serve(served, listener, true, std::future::pending::<()>()).await
        });
        Self { address, db }
    }

    async fn token(&self, team: Option<&str>) -> String {
        use harbour_hub::HubDb as _;
        let team = team.map(|t| t.parse().unwrap());
        self.db.issue_token(team).await.unwrap()
    }
}

/// First run, quickly: the first administrator, and the recovery key put away.
async fn set_up_quickly(c: &Client, name: &str) {
    wait_css(c, "#setup-form").await;
    type_into(c, "#setup-name", name).await;
    set_value(c, "#setup-pin", PIN).await;
    set_value(c, "#setup-pin-again", PIN).await;
    click_until(c, "#setup-submit", "#recovery-key-done").await;
    click(c, "#recovery-key-done").await;
    wait_text(c, "#signed-in", name).await;
}

/// The office computer of a home joins a hub; the night staff's laptop joins the team from
/// its first-run screen with an invitation code; the manager signs in on it with the name and
/// PIN from the office, finds the trafficked child there, adds a child, and "Sync now" on each
/// brings each computer's records to the other.
#[tokio::test(flavor = "multi_thread")]
async fn two_computers_of_one_home_share_their_records_through_a_hub() {
    let hub = LoopbackHub::start().await;
    let (data_a, data_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut driver_a = Driver::start();
    let a = driver_a
        .open_app(&["--data-dir", &data_a.path().to_string_lossy()])
        .await;
    set_up_quickly(&a, "Test Manager").await;
    add_trafficked_child(&a).await;
    // No hub yet: no strip.
    assert!(a.find(Locator::Css("#sync-strip")).await.is_err());

    // Settings: the office computer is the team's first on this hub.
    click(&a, "#open-settings").await;
    scroll_to(&a, "#sync-settings").await;
    wait_text(&a, "#sync-none", "does not sync").await;
    click(&a, "#sync-join-other").await;
    set_value(&a, "#sync-hub", &hub.address).await;
    set_value(&a, "#sync-token", &hub.token(None).await).await;
    set_value(&a, "#sync-pin", "000000").await;
    click(&a, "#sync-join").await;
    wait_text(&a, "#sync-settings", "not right").await;
    set_value(&a, "#sync-pin", PIN).await;
    click(&a, "#sync-join").await;
    wait_text(&a, "#sync-settings", "has joined the hub").await;
    wait_text(&a, "#sync-teams", "nothing waiting").await;
    // The team's ID, which the hub's administrator needs for an invitation token.
    let team = text_of(&a, "#sync-teams .sync-team-id").await;
    scroll_to(&a, "#sync-invite-form").await;
    set_value(&a, "#invite-token", &hub.token(Some(&team)).await).await;
    set_value(&a, "#invite-pin", PIN).await;
    click(&a, "#sync-invite").await;
    let code = wait_text(&a, "#invitation-code", "HARBOUR-").await;
    println!(
        "{}",
        screenshot(&a, "sync-settings-invited").await.display()
    );

    // The laptop: "This computer joins a team", the code, and who can sign in.
    let mut driver_b = Driver::start();
    let b = driver_b
        .open_app(&["--data-dir", &data_b.path().to_string_lossy()])
        .await;
    wait_css(&b, "#setup-form").await;
    click(&b, "#setup-join-team").await;
    // One letter mistyped.
    let mut typo: Vec<char> = code.trim().chars().collect();
    let at = typo.len() / 2;
    typo[at] = if typo[at] == 'Q' { 'R' } else { 'Q' };
    set_value(&b, "#join-code", &typo.into_iter().collect::<String>()).await;
    click(&b, "#join-team-submit").await;
    wait_text(&b, "#join-team-form", "mistyped").await;
    set_value(&b, "#join-code", code.trim()).await;
    click(&b, "#join-team-submit").await;
    wait_text(&b, "#joined-names", "Test Manager").await;
    println!("{}", screenshot(&b, "join-team-done").await.display());
    click(&b, "#joined-sign-in").await;
    unlock(&b, PIN).await;
    let ruta = card(&b, "Test Ruta").await;
    wait_text(&b, &ruta, "trafficked").await;
    wait_text(&b, "#sync-strip", "Synced").await;
    println!("{}", screenshot(&b, "joined-laptop-home").await.display());

    // A child added on the laptop reaches the office with "Sync now" on each.
    add_plain_child(&b).await;
    wait_text(&b, "#sync-strip", "1 record waiting to go").await;
    click(&b, "#sync-now").await;
    wait_text(&b, "#sync-strip", "nothing waiting").await;
    click(&a, "#back-home").await;
    click(&a, "#sync-now").await;
    card(&a, "Test Sam").await;
    wait_text(&a, "#sync-strip", "nothing waiting").await;
    println!("{}", screenshot(&a, "office-after-sync").await.display());

    // The same field saved on both before either syncs: both show the one saved last, and
    // list the other under "Changed on two computers" until someone chooses.
    for (c, doctor) in [(&a, "Dr Sample Okafor"), (&b, "Dr Sample Haile")] {
        let ruta = card(c, "Test Ruta").await;
        click(c, &format!("{ruta} .profile-link")).await;
        click(c, "#section-health button.edit").await;
        set_value(c, "#pf-gp", doctor).await;
        click(c, "#form-health button[type=submit]").await;
        wait_gone(c, "#form-health").await;
        click(c, "#profile-back").await;
        wait_css(c, "#home-heading").await;
    }
    assert!(a.find(Locator::Css("#changed-twice")).await.is_err());
    click(&b, "#sync-now").await;
    wait_text(&b, "#sync-strip", "nothing waiting").await;
    click(&a, "#sync-now").await;
    let listed = wait_text(&a, "#changed-twice", "Test Ruta").await;
    assert!(
        listed.contains("Dr Sample Okafor") && listed.contains("Dr Sample Haile"),
        "{listed}"
    );
    click(&b, "#sync-now").await;
    wait_text(&b, "#changed-twice", "Test Ruta").await;
    println!(
        "{}",
        screenshot(&a, "changed-on-two-computers").await.display()
    );
    // The office keeps the other value; after a sync the laptop has it too, and neither lists it.
    click(&a, "#changed-twice .use-other").await;
    wait_gone(&a, "#changed-twice").await;
    click(&a, "#sync-now").await;
    wait_text(&a, "#sync-strip", "nothing waiting").await;
    click(&b, "#sync-now").await;
    wait_gone(&b, "#changed-twice").await;
}

/// A child moves to a home on another hub: their whole record is saved as a transfer package
/// under a passphrase, refused where it is already, refused with the wrong passphrase, and
/// brought in, history and all, where it is new.
#[tokio::test]
async fn a_child_s_record_goes_to_a_home_on_another_hub_in_a_transfer_package() {
    let (from, to, files) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let package = files.path().join("child-record.harbour");
    // The file dialogs' answers (a debug build reads them instead of asking).
    std::env::set_var("HARBOUR_SAVE_AS", files.path());
    std::env::set_var("HARBOUR_OPEN_FILE", &package);
    let mut driver = Driver::start();
    let c = driver.open_demo(from.path()).await;
    unlock(&c, "246810").await;
    let gul = card(&c, "Gul Sample").await;
    click(&c, &format!("{gul} button.profile-link")).await;
    type_into(&c, "#transfer-passphrase", "too short").await;
    click(&c, "#save-transfer").await;
    wait_text(&c, "#record-error", "at least 16 characters").await;
    assert!(!package.exists(), "nothing saved");
    set_value(&c, "#transfer-passphrase", "river lantern orchard seven").await;
    click(&c, "#save-transfer").await;
    wait_text(&c, "#transfer-saved", "child-record.harbour").await;
    scroll_to(&c, ".record-actions").await;
    println!(
        "{}",
        screenshot(&c, "profile-transfer-saved").await.display()
    );
    let sealed = std::fs::read(&package).unwrap();
    assert!(sealed.starts_with(b"HARBOUR-TRANSFER 1\n"));
    assert!(
        !String::from_utf8_lossy(&sealed).contains("Gul Sample"),
        "sealed"
    );
    // Here already: refused, nothing written.
    click(&c, "#profile-back").await;
    click(&c, "#add-child").await;
    type_into(&c, "#bring-in-passphrase", "river lantern orchard seven").await;
    click(&c, "#bring-in-open").await;
    wait_text(&c, "#bring-in-error", "here already").await;
    c.close().await.unwrap();

    // The new home (another demonstration store, with sample children of its own).
    let c = driver.open_demo(to.path()).await;
    unlock(&c, "246810").await;
    let before = c
        .find_all(Locator::Css(&card(&c, "Gul Sample").await))
        .await
        .unwrap()
        .len();
    click(&c, "#add-child").await;
    type_into(&c, "#bring-in-passphrase", "river lantern orchard eight").await;
    click(&c, "#bring-in-open").await;
    wait_text(&c, "#bring-in-error", "the passphrase is not the one").await;
    scroll_to(&c, ".bring-in").await;
    println!("{}", screenshot(&c, "bring-in-refused").await.display());
    set_value(&c, "#bring-in-passphrase", "river lantern orchard seven").await;
    click(&c, "#bring-in-open").await;
    // Their profile opens, with what the old home recorded.
    wait_text(&c, "#profile-heading", "Gul Sample").await;
    wait_css(&c, "#section-legal").await;
    click(&c, "#profile-back").await;
    let started = std::time::Instant::now();
    loop {
        let now = c
            .find_all(Locator::Css(&card(&c, "Gul Sample").await))
            .await
            .unwrap()
            .len();
        if now == before + 1 {
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "the child brought in is not on the list"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    std::env::remove_var("HARBOUR_OPEN_FILE");
    std::env::remove_var("HARBOUR_SAVE_AS");
    c.close().await.unwrap();
}
