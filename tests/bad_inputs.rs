//! The CLI against bad inputs (generated here): output streams file by file, so a file that
//! never ends cannot hold back the others; exports are safe to open in a spreadsheet or a
//! Markdown viewer. See docs/bad-inputs.md for the whole table.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn demarche() -> Command {
    Command::new(env!("CARGO_BIN_EXE_demarche"))
}

const GOOD: &str =
    "Sample report\n\n\"We will not accept this plan,\" Minister Ana Ruiz said on Monday.\n";

#[cfg(unix)]
#[test]
fn extract_writes_each_file_as_it_is_done_so_a_pipe_cannot_hold_back_the_others() {
    let dir = tempfile::tempdir().expect("dir");
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).expect("write");
    let fifo = dir.path().join("never.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    let mut child = demarche()
        .arg("extract")
        .arg(&good)
        .arg(&fifo)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut first = String::new();
        let _ = BufReader::new(stdout).read_line(&mut first);
        let _ = tx.send(first);
    });
    let started = Instant::now();
    let first = rx.recv_timeout(Duration::from_secs(30));
    // Whether the pipe is refused or waited on, the good file's line is out already.
    let _ = child.kill();
    let _ = child.wait();
    let first = first.expect("the good file's statements came out while the pipe was open");
    assert!(first.contains("We will not accept this plan"), "{first}");
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[test]
fn csv_cells_are_guarded_and_markdown_escapes_html() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("risky.txt");
    std::fs::write(
        &file,
        "=SUM(1+1) sample title\n\n\"-Our answer is <script>alert(1)</script> clear,\" Minister Ana Ruiz said.\n\n\"=1+1 is the sum of it,\" Minister Ana Ruiz said later.\n",
    )
    .expect("write");
    let csv = demarche()
        .args(["extract", "--format", "csv"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(
        csv.status.success(),
        "{}",
        String::from_utf8_lossy(&csv.stderr)
    );
    let csv = String::from_utf8(csv.stdout).expect("utf-8");
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "unguarded cell {cell} in {line}"
            );
        }
    }
    assert!(csv.contains("'=1+1 is the sum"), "{csv}");
    assert!(csv.contains("'-Our answer"), "{csv}");
    let md = demarche()
        .args(["extract", "--format", "md"])
        .arg(&file)
        .output()
        .expect("run");
    let md = String::from_utf8(md.stdout).expect("utf-8");
    assert!(!md.contains("<script>"), "{md}");
    assert!(md.contains("&lt;script&gt;"), "{md}");
}

#[test]
fn a_missing_file_is_reported_and_the_others_still_print() {
    let dir = tempfile::tempdir().expect("dir");
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).expect("write");
    let out = demarche()
        .arg("extract")
        .arg(dir.path().join("missing.txt"))
        .arg(&good)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("We will not accept this plan"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
}
