//! Boot benchmark: QEMU start → mvirt-vmm serving (pideins' self-check
//! passed), direct kernel boot and UKI under OVMF, beside the same QEMU
//! booting the same kernel with a minimal init that powers off at once —
//! in the same run. The difference is what our start-up costs.
//!
//! Under TCG the kernel's own boot varies by a few tenths of a second from
//! one run to the next, as much as the effect measured. So every case runs
//! RUNS times and the table shows median, min and max; and for our image it
//! also shows the span from pideins' first line to the self-check passing,
//! taken from the same serial log: the start-up itself, free of the
//! kernel's noise.
//!
//! `cargo bench -p mvirt-boot` (after `make`). Needs musl-gcc (musl-tools).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use mvirt_boot::{
    base_args, direct_args, make_esp, ovmf_args, probe_accel, Build, Qemu, OVMF_CODE, OVMF_VARS,
};

const RUNS: usize = 7;

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
        .args(["build", "--mtime", "0", "--spec"])
        .arg(&spec)
        .arg("-o")
        .arg(&out));
    out
}

fn uki(dir: &Path, initrd: &Path, cmdline: &str, name: &str) -> PathBuf {
    Build::here().uki_with(dir, name, initrd, cmdline).unwrap()
}

/// Seconds of each run: QEMU start to the first line containing `marker`,
/// and, when `from` is given, the span from the line containing `from` to it.
#[derive(Default)]
struct Times {
    total: Vec<f64>,
    span: Vec<f64>,
}

/// One boot to measure.
struct Case<'a> {
    args: Vec<String>,
    marker: &'a str,
    from: Option<&'a str>,
}

/// Boots every case RUNS times, interleaved (a round boots each case once),
/// so that a slow spell of the host falls on all cases alike.
fn measure(cases: &[Case]) -> Vec<Times> {
    let mut times: Vec<Times> = cases.iter().map(|_| Times::default()).collect();
    for _ in 0..RUNS {
        for (case, times) in cases.iter().zip(&mut times) {
            let outcome = Qemu::start(&case.args)
                .unwrap()
                .wait(Duration::from_secs(300))
                .unwrap();
            let at = |needle: &str| {
                outcome
                    .when(needle)
                    .unwrap_or_else(|| panic!("no {needle:?} in:\n{}", outcome.tail(20)))
                    .as_secs_f64()
            };
            let end = at(case.marker);
            times.total.push(end);
            if let Some(from) = case.from {
                times.span.push(end - at(from));
            }
        }
    }
    times
}

/// (median, min, max)
fn stats(v: &[f64]) -> (f64, f64, f64) {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    (v[v.len() / 2], v[0], v[v.len() - 1])
}

fn row(label: &str, v: &[f64], added: Option<f64>) {
    let (med, min, max) = stats(v);
    let added = added.map_or(String::new(), |a| format!("{a:+.2}"));
    println!("{label:<52} {med:>7.2} {min:>7.2} {max:>7.2} {added:>7}");
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
    let ours_cmdline = format!("{base} pideins.selfcheck=\"/usr/sbin/mvirt status --wait 30\"");

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

    // The reference gets the same command line; its init ignores it.
    let case = |args, marker| Case {
        args,
        marker,
        from: (marker == "selfcheck passed").then_some("pideins: starting"),
    };
    let mut times = measure(&[
        case(direct(&minimal, &ours_cmdline), "minimal init"),
        case(direct(&ours, &ours_cmdline), "selfcheck passed"),
        case(
            ovmf(&uki(d, &minimal, &ours_cmdline, "minimal"), "min-uki"),
            "minimal init",
        ),
        case(
            ovmf(&uki(d, &ours, &ours_cmdline, "ours"), "our-uki"),
            "selfcheck passed",
        ),
    ])
    .into_iter();
    let mut next = || times.next().unwrap();
    let (min_direct, our_direct, min_uki, our_uki) = (next(), next(), next(), next());

    println!(
        "boot benchmark ({RUNS} runs each; accel {}; seconds from QEMU start unless noted)",
        accel.name()
    );
    println!(
        "{:<52} {:>7} {:>7} {:>7} {:>7}",
        "", "median", "min", "max", "added"
    );
    let added = |ours: &Times, min: &Times| stats(&ours.total).0 - stats(&min.total).0;
    row("direct: minimal init (reference)", &min_direct.total, None);
    row(
        "direct: pideins → mvirt-vmm serving",
        &our_direct.total,
        Some(added(&our_direct, &min_direct)),
    );
    row(
        "direct:   of which pideins' first line → serving",
        &our_direct.span,
        None,
    );
    row("UKI/OVMF: minimal init (reference)", &min_uki.total, None);
    row(
        "UKI/OVMF: pideins → mvirt-vmm serving",
        &our_uki.total,
        Some(added(&our_uki, &min_uki)),
    );
    row(
        "UKI/OVMF:   of which pideins' first line → serving",
        &our_uki.span,
        None,
    );
}
