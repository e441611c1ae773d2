//! Boot benchmark: QEMU start → mvirt-vmm serving (pideins' self-check
//! passed), direct kernel boot and UKI under OVMF, beside the same QEMU
//! booting the same kernel with a minimal init that powers off at once —
//! in the same run. The difference is what our start-up costs.
//!
//! `cargo bench -p mvirt-boot` (after `make`). Needs musl-gcc (musl-tools).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use mvirt_boot::{
    base_args, direct_args, make_esp, ovmf_args, probe_accel, Build, Qemu, OVMF_CODE, OVMF_VARS,
};

const RUNS: usize = 3;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn target(name: &str) -> PathBuf {
    let p = repo().join("target").join(name);
    assert!(p.exists(), "{} missing: run `make` first", p.display());
    p
}

fn ok(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An initramfs whose /init powers off at once: the floor of any boot.
fn minimal_initramfs(dir: &Path) -> PathBuf {
    let src = dir.join("init.c");
    std::fs::write(
        &src,
        "#include <sys/reboot.h>\n#include <unistd.h>\nint main(void){write(1,\"minimal init\\n\",13);sync();reboot(RB_POWER_OFF);return 0;}\n",
    )
    .unwrap();
    ok(Command::new("musl-gcc")
        .args(["-static", "-Os", "-o"])
        .arg(dir.join("init"))
        .arg(&src));
    let spec = dir.join("spec.toml");
    std::fs::write(
        &spec,
        "[[entry]]\npath = \"/init\"\nkind = \"file\"\nsource = \"init\"\nmode = 0o755\n[[entry]]\npath = \"/dev/console\"\nkind = \"char\"\nmajor = 5\nminor = 1\n",
    )
    .unwrap();
    let out = dir.join("minimal.cpio.gz");
    ok(Command::new(target("release/mvirt-cpio"))
        .arg("build")
        .arg("--spec")
        .arg(&spec)
        .arg("-o")
        .arg(&out));
    out
}

fn uki(dir: &Path, initrd: &Path, cmdline: &str, name: &str) -> PathBuf {
    Build::here().uki_with(dir, name, initrd, cmdline).unwrap()
}

/// Median seconds from QEMU start to the first line containing `marker`.
fn measure(args: &[String], marker: &str) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let outcome = Qemu::start(args)
                .unwrap()
                .wait(Duration::from_secs(300))
                .unwrap();
            outcome
                .when(marker)
                .unwrap_or_else(|| panic!("no {marker:?} in:\n{}", outcome.tail(20)))
                .as_secs_f64()
        })
        .collect();
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    times[RUNS / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let accel = probe_accel(
        &target("bzImage"),
        &target("initramfs.cpio.gz"),
        &repo().join("target/tmp/boot-accel"),
    );
    let minimal = minimal_initramfs(d);
    let ours = target("initramfs.cpio.gz");
    let base = std::fs::read_to_string(repo().join("uki/cmdline.txt")).unwrap();
    let base = base.trim();
    let ours_cmdline = format!("{base} pideins.selfcheck=\"/usr/sbin/mvirt status\"");

    let direct = |initrd: &Path, cmdline: &str| {
        let mut a = base_args(accel, 512);
        a.extend(direct_args(&target("bzImage"), initrd, cmdline));
        a
    };
    let ovmf = |image: &Path, name: &str| {
        let case = d.join(name);
        std::fs::create_dir_all(&case).unwrap();
        let vars = case.join("vars.fd");
        std::fs::copy(OVMF_VARS, &vars).unwrap();
        let esp = make_esp(&case, image).unwrap();
        let mut a = base_args(accel, 512);
        a.extend(ovmf_args(Path::new(OVMF_CODE), &vars, &esp, false));
        a
    };

    // "reboot: Power down" is the kernel's last line; with `quiet` it is still printed.
    let min_direct = measure(&direct(&minimal, base), "minimal init");
    let our_direct = measure(&direct(&ours, &ours_cmdline), "selfcheck passed");
    let min_uki = measure(
        &ovmf(&uki(d, &minimal, base, "minimal"), "min-uki"),
        "minimal init",
    );
    let our_uki = measure(
        &ovmf(&uki(d, &ours, &ours_cmdline, "ours"), "our-uki"),
        "selfcheck passed",
    );

    println!(
        "boot benchmark ({} runs each, median; accel {})",
        RUNS,
        accel.name()
    );
    println!("{:<48} {:>9} {:>9}", "", "seconds", "added");
    println!(
        "{:<48} {:>9.2} {:>9}",
        "direct: minimal init (reference)", min_direct, ""
    );
    println!(
        "{:<48} {:>9.2} {:>+9.2}",
        "direct: pideins → mvirt-vmm serving",
        our_direct,
        our_direct - min_direct
    );
    println!(
        "{:<48} {:>9.2} {:>9}",
        "UKI/OVMF: minimal init (reference)", min_uki, ""
    );
    println!(
        "{:<48} {:>9.2} {:>+9.2}",
        "UKI/OVMF: pideins → mvirt-vmm serving",
        our_uki,
        our_uki - min_uki
    );
}
