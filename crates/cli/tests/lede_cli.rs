//! The `lede` command, run as an author would: its help, its one-line
//! errors, and `lede analyze` giving what `analyze` gives.

use std::process::Command;

fn lede(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lede")).args(args).output().expect("runs");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn help_names_every_command() {
    let (ok, out, _) = lede(&["--help"]);
    assert!(ok);
    for c in ["build", "serve", "analyze"] {
        assert!(out.contains(c), "{out}");
    }
    let (ok, out, _) = lede(&["build", "--help"]);
    assert!(ok && out.contains("--pkg") && out.contains("--no-cache"), "{out}");
    let (ok, out, _) = lede(&["analyze", "--help"]);
    assert!(ok && out.contains("--format"), "{out}");
}

#[test]
fn errors_are_one_line_and_fail() {
    for args in [&["bogus"][..], &["build", "--frobnicate"], &["analyze"]] {
        let (ok, out, err) = lede(args);
        assert!(!ok && out.is_empty(), "{args:?}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("lede"), "{args:?}: {err}");
    }
    let dir = std::env::temp_dir().join(format!("lede-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let (ok, _, err) = lede(&["build", dir.join("no-such-folder").to_str().expect("utf-8"), "--pkg", dir.to_str().expect("utf-8")]);
    assert!(!ok && err.contains("no viewer bundle"), "{err}");
    std::fs::remove_dir_all(&dir).expect("clean up");
    let (ok, _, err) = lede(&["serve", "/no/such/site"]);
    assert!(!ok && err.contains("no built site"), "{err}");
}

#[test]
fn lede_analyze_prints_what_analyze_prints() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles/sample-lunar-probe.md");
    let file = file.to_str().expect("utf-8");
    let (ok, out, _) = lede(&["analyze", file]);
    let analyze = Command::new(env!("CARGO_BIN_EXE_analyze")).arg(file).output().expect("runs");
    assert!(ok && analyze.status.success());
    assert_eq!(out, String::from_utf8_lossy(&analyze.stdout));
    assert!(out.contains("\"entities\""));
}
