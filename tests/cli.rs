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

#[test]
fn compare_writes_rows_shared_phrases_coverage_and_approximate() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "The islands are China's inherent territory. We firmly oppose the survey.",
    )
    .expect("a");
    std::fs::write(
        &b,
        "We strongly oppose the survey. The islands are China's inherent territory.",
    )
    .expect("b");
    let out = demarche()
        .args(["compare", "--format", "json"])
        .arg(&a)
        .arg(&b)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    for key in ["rows", "shared_phrases", "coverage", "approximate"] {
        assert!(value.get(key).is_some(), "missing {key}: {value}");
    }
    let rows = value["rows"].as_array().expect("rows");
    assert!(
        rows.iter().any(|r| r["moved"] == true),
        "the swapped sentence is marked moved: {value}"
    );
    let changes: Vec<&serde_json::Value> = rows
        .iter()
        .flat_map(|r| r["changes"].as_array().expect("changes"))
        .collect();
    assert!(
        changes.iter().any(
            |c| c["op"] == "delete" && c["text"].as_str().is_some_and(|t| t.contains("firmly"))
        )
    );
    assert!(
        changes
            .iter()
            .any(|c| c["op"] == "insert"
                && c["text"].as_str().is_some_and(|t| t.contains("strongly")))
    );
}

#[test]
fn compare_rejects_a_malformed_alias() {
    let out = demarche()
        .args(["compare", "--alias", "no-equals-sign"])
        .arg(fixture("briefing.txt"))
        .arg(fixture("briefing.txt"))
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("FROM=TO"));
}

#[test]
fn extract_output_is_the_same_on_one_thread_and_on_four() {
    // Every extraction fixture, a file that is missing and a CLI fixture, in a fixed order:
    // statements, article numbers and error lines must not depend on the thread count.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files.insert(files.len() / 2, dir.join("no-such-file.txt"));
    files.push(fixture("briefing.txt"));
    let run = |jobs: &str| {
        demarche()
            .args(["extract", "-j", jobs])
            .args(&files)
            .output()
            .expect("run")
    };
    let one = run("1");
    let four = run("4");
    assert!(!one.stdout.is_empty());
    assert_eq!(one.status.code(), Some(1), "the missing file fails the run");
    assert_eq!(one.status.code(), four.status.code());
    assert_eq!(
        String::from_utf8_lossy(&one.stdout),
        String::from_utf8_lossy(&four.stdout)
    );
    assert_eq!(
        String::from_utf8_lossy(&one.stderr),
        String::from_utf8_lossy(&four.stderr)
    );
}
