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

/// The PE machine field of `pe`: the COFF header follows "PE\0\0" at e_lfanew.
fn set_machine(pe: &mut [u8], machine: u16) {
    let lfanew = u32::from_le_bytes(pe[0x3c..0x40].try_into().unwrap()) as usize;
    pe[lfanew + 4..lfanew + 6].copy_from_slice(&machine.to_le_bytes());
}

/// A kernel for one architecture and a stub for another make no UKI: the
/// build says which is which, and writes nothing.
#[test]
fn a_stub_and_kernel_of_different_architectures_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let stub = std::fs::read("/usr/lib/systemd/boot/efi/linuxx64.efi.stub")
        .expect("run ./bootstrap (systemd-boot-efi)");
    // A stand-in "arm64 kernel": a PE image whose machine is 0xaa64.
    let mut kernel = stub.clone();
    set_machine(&mut kernel, 0xaa64);
    let files = [
        ("stub", stub.as_slice()),
        ("linux", kernel.as_slice()),
        ("initrd", b"initrd".as_slice()),
        ("cmdline", b"console=ttyS0".as_slice()),
        ("osrel", b"ID=mvirt".as_slice()),
        ("uname", b"6.12.0".as_slice()),
    ];
    let mut cmd = Command::new(BIN);
    cmd.arg("build");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        cmd.arg(format!("--{name}")).arg(path);
    }
    let out = cmd
        .arg("--output")
        .arg(dir.path().join("uki.efi"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("is for x86_64 (machine 0x8664)"), "{err}");
    assert!(err.contains("is for arm64 (machine 0xaa64)"), "{err}");
    assert!(!dir.path().join("uki.efi").exists());
}
