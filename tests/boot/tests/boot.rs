//! Boot tests of the images `make` built under target/ (or buck2 built, see
//! tests/boot/BUCK): direct kernel boot, the UKI under OVMF, and the UKI
//! under OVMF with Secure Boot enforced. make_build.rs checks properties of
//! make's build itself.
//!
//! The guest runs `mvirt status` as pideins' self-check and powers off; the
//! test reads the serial console. A UKI for these tests is the product's
//! UKI rebuilt by the same tool with the self-check added to uki/cmdline.txt
//! (the shipped image must not power off after booting).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use mvirt_boot::{
    assert_healthy, assert_in_order, base_args, direct_args, make_esp, ovmf_args, probe_accel, qmp,
    qmp_args, Accel, Build, Qemu, OVMF_CODE, OVMF_CODE_SECBOOT, OVMF_VARS,
};

fn repo() -> PathBuf {
    Build::here().repo
}

/// make's outputs under target/, or buck2's (see `Build::target`).
fn target(name: &str) -> PathBuf {
    Build::here().target(name)
}

const SELFCHECK: &str =
    "pideins.selfcheck=\"/usr/sbin/mvirt status --wait 60\" pideins.selfcheck_timeout=60";

fn accel() -> Accel {
    let accel = probe_accel(
        &target("bzImage"),
        &target("initramfs.cpio.gz"),
        &repo().join("target/tmp/boot-accel"),
    );
    eprintln!(
        "boot tests run with {}{}",
        accel.name(),
        if accel == Accel::Tcg {
            " (KVM did not boot a guest here; software emulation, longer timeouts)"
        } else {
            ""
        }
    );
    accel
}

/// What emulation needs on top of a command line: under TCG on a loaded
/// machine the x86 kernel's IO-APIC timer check can time out and panic
/// ("IO-APIC + timer doesn't work!", seen once in `buck2 test` with four
/// emulated boots on 2 cores); `no_timer_check` skips that check, as VM
/// images do. Never in the product's command line: KVM and real hosts
/// run the check.
fn emulation_args(accel: Accel) -> &'static str {
    match accel {
        Accel::Tcg => " no_timer_check",
        Accel::Kvm => "",
    }
}

fn cmdline() -> String {
    let base = std::fs::read_to_string(repo().join("uki/cmdline.txt")).unwrap();
    format!("{} {SELFCHECK}{}", base.trim(), emulation_args(accel()))
}

/// The product UKI's inputs with the self-check cmdline, built by mvirt-uki.
fn test_uki(dir: &Path) -> PathBuf {
    Build::here()
        .uki_with(dir, "mvirt-test", &target("initramfs.cpio.gz"), &cmdline())
        .unwrap()
}

#[test]
fn direct_kernel_boot_reaches_the_selfcheck_and_powers_off() {
    let accel = accel();
    let mut args = base_args(accel, 512);
    args.extend(direct_args(
        &target("bzImage"),
        &target("initramfs.cpio.gz"),
        &cmdline(),
    ));
    let outcome = Qemu::start(&args)
        .unwrap()
        .wait(accel.timeout(Duration::from_secs(20)))
        .unwrap();
    assert_healthy(&outcome, "direct", accel.name());
}

#[test]
fn the_power_button_powers_the_host_off_cleanly() {
    // What a cloud's "stop instance" or the host's own hypervisor does:
    // QEMU's system_powerdown presses the ACPI power button. The shipped
    // command line, no self-check: only the button ends this boot.
    let accel = accel();
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("qmp.sock");
    let base = std::fs::read_to_string(repo().join("uki/cmdline.txt")).unwrap();
    let mut args = base_args(accel, 512);
    args.extend(direct_args(
        &target("bzImage"),
        &target("initramfs.cpio.gz"),
        &format!("{}{}", base.trim(), emulation_args(accel)),
    ));
    args.extend(qmp_args(&socket));
    let mut qemu = Qemu::start(&args).unwrap();
    let serving = "mvirt-vmm: serving on /run/mvirt/vmm.sock";
    let up = qemu
        .await_line(serving, accel.timeout(Duration::from_secs(20)))
        .unwrap();
    if !up {
        let outcome = qemu.wait_for_line(serving, Duration::ZERO).unwrap_err();
        panic!("the host did not come up: {outcome:#}");
    }
    qmp(&socket, "system_powerdown").unwrap();
    let outcome = qemu.wait(accel.timeout(Duration::from_secs(20))).unwrap();
    assert_in_order(
        &outcome,
        "power-button",
        &[
            "pideins: power button: /dev/input/event",
            serving,
            "pideins: power button pressed: powering off",
            "pideins: stopping mvirt-vmm",
            "pideins: power off",
            "reboot: Power down",
        ],
    );
    assert_eq!(outcome.exit_code, Some(0), "QEMU did not exit cleanly");
    let pressed = outcome.when(serving).unwrap();
    println!(
        "power button ({}): host serving at {:.2}s, powered off {:.2}s after QEMU started",
        accel.name(),
        pressed.as_secs_f64(),
        outcome.lines.last().map_or(0.0, |(t, _)| t.as_secs_f64())
    );
}

#[test]
fn the_uki_boots_under_ovmf() {
    let accel = accel();
    let dir = tempfile::tempdir().unwrap();
    let uki = test_uki(dir.path());
    let vars = dir.path().join("vars.fd");
    std::fs::copy(OVMF_VARS, &vars).unwrap();
    let esp = make_esp(dir.path(), &uki).unwrap();
    let mut args = base_args(accel, 512);
    args.extend(ovmf_args(Path::new(OVMF_CODE), &vars, &esp, false));
    let outcome = Qemu::start(&args)
        .unwrap()
        .wait(accel.timeout(Duration::from_secs(30)))
        .unwrap();
    // The self-check ran, so the stub handed the kernel the UKI's own
    // .cmdline (the self-check is only in this test UKI's command line).
    assert_healthy(&outcome, "uki-ovmf", accel.name());
}

fn run(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn secure_boot_runs_the_signed_uki_and_refuses_a_tampered_one() {
    let accel = accel();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A key made at test time: PK, KEK and db are all this one certificate.
    run(Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=mvirt-os test key/",
        ])
        .arg("-keyout")
        .arg(d.join("sb.key"))
        .arg("-out")
        .arg(d.join("sb.pem")));
    let uki = test_uki(d);
    let signed = d.join("signed.efi");
    // Our deterministic signer; sbverify and the firmware must accept it.
    run(Command::new(target("release/mvirt-uki"))
        .arg("sign")
        .arg("--key")
        .arg(d.join("sb.key"))
        .arg("--cert")
        .arg(d.join("sb.pem"))
        .arg("-o")
        .arg(&signed)
        .arg(&uki));
    run(Command::new("sbverify")
        .arg("--cert")
        .arg(d.join("sb.pem"))
        .arg(&signed));
    let guid = "4e1f2b3a-6d5c-4b7a-9e8f-0a1b2c3d4e5f";
    let vars = d.join("vars-sb.fd");
    let fw_vars = repo().join(".venv/bin/virt-fw-vars");
    assert!(
        fw_vars.exists(),
        "{} missing: run ./bootstrap",
        fw_vars.display()
    );
    run(Command::new(fw_vars)
        .arg("--input")
        .arg(OVMF_VARS)
        .arg("--output")
        .arg(&vars)
        .args(["--set-pk", guid])
        .arg(d.join("sb.pem"))
        .args(["--add-kek", guid])
        .arg(d.join("sb.pem"))
        .args(["--add-db", guid])
        .arg(d.join("sb.pem"))
        .arg("--sb"));

    let boot = |image: &Path, name: &str| {
        let case = d.join(name);
        std::fs::create_dir_all(&case).unwrap();
        let esp = make_esp(&case, image).unwrap();
        let case_vars = case.join("vars.fd");
        std::fs::copy(&vars, &case_vars).unwrap();
        let mut args = base_args(accel, 512);
        args.extend(ovmf_args(
            Path::new(OVMF_CODE_SECBOOT),
            &case_vars,
            &esp,
            true,
        ));
        Qemu::start(&args).unwrap()
    };

    let outcome = boot(&signed, "good")
        .wait(accel.timeout(Duration::from_secs(30)))
        .unwrap();
    assert_healthy(&outcome, "uki-secure-boot", accel.name());

    // Flip one byte inside .cmdline: the signature no longer matches.
    let mut bytes = std::fs::read(&signed).unwrap();
    let needle = b"pideins.selfcheck";
    let at = bytes
        .windows(needle.len())
        .position(|w| w == needle)
        .expect(".cmdline text in the UKI");
    bytes[at] ^= 0x20;
    let tampered = d.join("tampered.efi");
    std::fs::write(&tampered, &bytes).unwrap();
    let outcome = boot(&tampered, "tampered")
        .wait_for_line("Access Denied", accel.timeout(Duration::from_secs(20)))
        .unwrap();
    let log = outcome.log();
    assert!(
        !log.contains("Linux version"),
        "the tampered UKI ran:\n{}",
        outcome.tail(30)
    );
    println!("secure boot: signed UKI booted; tampered UKI refused (\"Access Denied\")");
}
