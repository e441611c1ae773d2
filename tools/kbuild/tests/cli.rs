//! mvirt-kbuild's refusals, which must come before any compile.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-kbuild");

#[test]
fn a_build_keyed_on_another_compiler_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let id = tmp.path().join("compiler.id");
    std::fs::write(&id, "cc: gcc (Imaginary) 99.1\n").unwrap();
    let out_dir = tmp.path().join("out");
    let out = Command::new(BIN)
        // $MVIRT_REPO_ROOT under buck2, which runs tests from the project root.
        .current_dir(
            std::env::var("MVIRT_REPO_ROOT")
                .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../..").into()),
        )
        .args([
            "build",
            "--epoch",
            "0",
            "--config",
            "/nonexistent",
            "--compiler-id",
        ])
        .arg(&id)
        .arg("--out-dir")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the compiler changed"), "{err}");
    assert!(err.contains("gcc (Imaginary) 99.1"), "{err}");
    assert!(err.contains("cc: gcc"), "{err}");
    assert!(!out_dir.exists());
}

#[test]
fn compiler_id_is_rewritten_only_when_it_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let id = tmp.path().join("compiler.id");
    let run = || {
        assert!(Command::new(BIN)
            .args(["compiler-id", "-o"])
            .arg(&id)
            .status()
            .unwrap()
            .success())
    };
    run();
    let first = std::fs::metadata(&id).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    run();
    assert_eq!(std::fs::metadata(&id).unwrap().modified().unwrap(), first);
    assert!(std::fs::read_to_string(&id).unwrap().starts_with("cc: gcc"));
}
