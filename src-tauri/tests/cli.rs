//! The `harbour` command line, run as a user would. (Building this test also builds the app
//! binary that the end-to-end tests drive, with the same features as every other test.)

use std::process::Command;

fn harbour(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_harbour"))
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap()
}

#[test]
fn help_lists_the_options() {
    let out = harbour(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("--data-dir DIR") && text.contains("--sample-data"),
        "{text}"
    );
}

#[test]
fn bad_options_are_refused_with_usage_and_nothing_opens() {
    for args in [&["--frobnicate"][..], &["--data-dir"][..]] {
        let out = harbour(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let text = String::from_utf8(out.stderr).unwrap();
        assert!(text.contains("usage: harbour"), "{text}");
    }
}
