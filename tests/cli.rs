//! The command line: `demarche extract`, `demarche text`, errors and exit codes.

use std::path::PathBuf;
use std::process::Command;

fn demarche() -> Command {
    Command::new(env!("CARGO_BIN_EXE_demarche"))
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli")
        .join(name)
}

#[test]
fn text_prints_the_decoded_text() {
    let out = demarche()
        .arg("text")
        .arg(fixture("briefing.txt"))
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.starts_with("Sample text written for the Demarche tests"));
}

#[test]
fn extract_writes_one_json_object_per_statement_with_char_offsets() {
    let path = fixture("briefing.txt");
    let out = demarche()
        .args(["extract", "--format", "jsonl"])
        .arg(&path)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).expect("fixture");
    let chars: Vec<char> = text.chars().collect();
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let records: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let quote = records
        .iter()
        .find(|r| r["kind"] == "direct")
        .expect("the direct quote is found");
    assert_eq!(quote["government"]["iso3"], "CHN");
    assert_eq!(quote["group"], "government");
    assert_eq!(quote["file"], path.display().to_string());
    let span = &quote["spans"][0];
    let (start, end) = (
        span["start"].as_u64().expect("start") as usize,
        span["end"].as_u64().expect("end") as usize,
    );
    let covered: String = chars[start..end].iter().collect();
    assert_eq!(covered, span["text"].as_str().expect("text"));
    assert!(covered.starts_with("We firmly oppose"));
}

#[test]
fn a_bad_file_is_reported_and_the_others_still_extract() {
    let out = demarche()
        .args(["extract", "--format", "csv"])
        .arg(fixture("missing.txt"))
        .arg(fixture("briefing.txt"))
        .output()
        .expect("run");
    assert!(
        !out.status.success(),
        "a failed file makes the exit code non-zero"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("file,title,government"), "{stdout}");
    assert!(stdout.contains("briefing.txt"), "{stdout}");
}
