//! `mvirt-uki verify --report`: the verdict as a Buck2 validation result,
//! for a sound image and for one that is not a UKI.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-uki");

fn report(image: &std::path::Path, dir: &std::path::Path) -> (i32, serde_json::Value) {
    let path = dir.join("verdict.json");
    let out = Command::new(BIN)
        .arg("verify")
        .arg(image)
        .arg("--report")
        .arg(&path)
        .output()
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    (
        out.status.code().unwrap(),
        serde_json::from_str(&text).unwrap(),
    )
}

#[test]
fn the_verdict_is_a_validation_result() {
    let dir = tempfile::tempdir().unwrap();
    // Not a PE at all: the check fails, and says so in the report.
    let junk = dir.path().join("junk.efi");
    std::fs::write(&junk, vec![0u8; 4096]).unwrap();
    let (code, verdict) = report(&junk, dir.path());
    assert_eq!(code, 0, "the verdict is in the report");
    assert_eq!(verdict["version"], 1);
    assert_eq!(verdict["data"]["status"], "failure", "{verdict}");
    assert!(
        verdict["data"]["message"]
            .as_str()
            .unwrap()
            .contains("junk.efi"),
        "{verdict}"
    );
    // Without --report the exit status tells.
    let status = Command::new(BIN).arg("verify").arg(&junk).status().unwrap();
    assert_ne!(status.code(), Some(0));
}
