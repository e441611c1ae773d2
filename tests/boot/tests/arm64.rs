//! The arm64 image (`make ARCH=arm64`, under target/arm64/) boots: its UKI
//! under AAVMF on QEMU's `virt` board, emulated (TCG) on this x86_64
//! machine, with the same assertions as the x86_64 boot tests — pideins up,
//! mvirt-vmm serving, KVM usable in the guest, the self-check passed, a
//! clean power-off. The UKI is the product's, rebuilt by mvirt-uki with the
//! self-check added to uki/cmdline-arm64.txt (see boot.rs).

use std::time::Duration;

use mvirt_boot::arm64::{self, Arm64Build};
use mvirt_boot::{assert_healthy, assert_in_order, Build, Qemu};

const SELFCHECK: &str =
    "pideins.selfcheck=\"/usr/sbin/mvirt status --wait 120\" pideins.selfcheck_timeout=120";

fn cmdline() -> String {
    let base = std::fs::read_to_string(Build::here().repo.join("uki/cmdline-arm64.txt")).unwrap();
    format!("{} {SELFCHECK}", base.trim())
}

/// The arm64 kernel compile is opt-in in `make test` (TEST_ARM64=1, which
/// make passes on): without it and without an arm64 kernel, this test says
/// SKIPPING; asked for, a missing kernel fails it.
fn arm64_kernel_missing() -> Option<String> {
    let kernel = Build::here().repo.join("target/arm64/Image");
    let asked = std::env::var("TEST_ARM64").as_deref() == Ok("1");
    (!asked && !kernel.exists()).then(|| {
        format!(
            "{} is not built: make test compiles the arm64 kernel with TEST_ARM64=1 \
             (or run `make ARCH=arm64` first)",
            kernel.display()
        )
    })
}

#[test]
fn the_arm64_uki_boots_under_aavmf() {
    if let Some(why) = arm64_kernel_missing() {
        eprintln!("SKIPPING the arm64 boot test: {why}");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let uki = Arm64Build::here()
        .uki_with(dir.path(), "mvirt-arm64-test", &cmdline())
        .unwrap();
    let vars = dir.path().join("vars.fd");
    std::fs::copy(arm64::AAVMF_VARS, &vars).unwrap();
    let esp = arm64::make_esp(dir.path(), &uki).unwrap();
    let mut args = arm64::base_args(1024);
    args.extend(arm64::aavmf_args(&vars, &esp));
    // Emulated firmware and kernel: minutes, not seconds, on a busy machine.
    let outcome = Qemu::start_binary(arm64::QEMU, arm64::QEMU_PACKAGE, &args)
        .unwrap()
        .wait(Duration::from_secs(600))
        .unwrap();
    assert_healthy(&outcome, "arm64-uki-aavmf", "tcg (aarch64 on x86_64)");
    // The self-check ran, so the stub handed the kernel the UKI's own
    // command line (the self-check is only in this test UKI's). The guest
    // kernel started at EL2, so KVM works inside it.
    assert_in_order(
        &outcome,
        "arm64-uki-aavmf",
        &["pideins: starting", "kvm: usable (/dev/kvm: KVM API 12)"],
    );
}
