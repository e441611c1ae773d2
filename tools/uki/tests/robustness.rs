//! `mvirt-uki` on bad input: corrupt or truncated PE images, absurd stubs,
//! broken PEM keys and certificates, a closed or full stdout. Nothing may
//! panic, hang or produce a giant output; `sign` refuses what `verify`
//! refuses; errors say each thing once.
//!
//! The key pairs in tests/data are test identities generated once with
//! openssl (signer: RSA 2048; fast: RSA 512, so that the mutation test can
//! sign hundreds of images in a debug build); they are not secret.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use mvirt_uki::sign::{self, Identity};
use mvirt_uki::{assemble, inspect, Part};

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-uki");
const STUB: &str = "/usr/lib/systemd/boot/efi/linuxx64.efi.stub";

/// A file of tests/data. Under buck2, which runs tests from the project root
/// ($MVIRT_REPO_ROOT), CARGO_MANIFEST_DIR names the crate's sources as they
/// were laid out for the compile, which need not be on disk when it runs.
fn data(name: &str) -> PathBuf {
    let crate_dir = match std::env::var_os("MVIRT_REPO_ROOT") {
        Some(root) => PathBuf::from(root).join("tools/uki"),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")),
    };
    crate_dir.join("tests/data").join(name)
}

fn stub() -> Vec<u8> {
    fs::read(STUB).unwrap_or_else(|e| panic!("{STUB}: {e}: run ./bootstrap (systemd-boot-efi)"))
}

fn identity(name: &str) -> Identity {
    let key = fs::read_to_string(data(&format!("{name}.key"))).unwrap();
    let cert = fs::read_to_string(data(&format!("{name}.pem"))).unwrap();
    // The 512-bit `fast` key signs hundreds of images quickly; `sign` itself
    // would refuse it (MIN_RSA_BITS).
    Identity::from_pem_min_bits(&key, "key", &cert, "cert", 512).unwrap()
}

fn part(name: &str, data: &[u8], virtual_size: Option<u32>) -> Part {
    Part {
        name: name.into(),
        data: data.to_vec(),
        virtual_size,
    }
}

/// A minimal stub in the real one's shape (PE32+, 16 data directories,
/// FileAlignment 0x200, SectionAlignment 0x1000) with one 0x200-byte
/// `.text`: 1.5 KiB where the real stub has 80, so thousands of mutations
/// of it hash fast in a debug build.
fn mini_stub() -> Vec<u8> {
    let mut b = vec![0u8; 0x600];
    let mut put = |at: usize, bytes: &[u8]| b[at..at + bytes.len()].copy_from_slice(bytes);
    put(0, b"MZ");
    put(0x3c, &0x40u32.to_le_bytes());
    put(0x40, b"PE\0\0");
    put(0x44, &0x8664u16.to_le_bytes());
    put(0x46, &1u16.to_le_bytes()); // NumberOfSections
    put(0x54, &240u16.to_le_bytes()); // SizeOfOptionalHeader
    put(0x56, &0x22u16.to_le_bytes());
    let opt = 0x58;
    put(opt, &0x20bu16.to_le_bytes());
    put(opt + 32, &0x1000u32.to_le_bytes()); // SectionAlignment
    put(opt + 36, &0x200u32.to_le_bytes()); // FileAlignment
    put(opt + 56, &0x2000u32.to_le_bytes()); // SizeOfImage
    put(opt + 60, &0x400u32.to_le_bytes()); // SizeOfHeaders
    put(opt + 68, &10u16.to_le_bytes()); // EFI application
    put(opt + 108, &16u32.to_le_bytes()); // NumberOfRvaAndSizes
    let text = opt + 240;
    put(text, b".text");
    put(text + 8, &0x1f0u32.to_le_bytes());
    put(text + 12, &0x1000u32.to_le_bytes());
    put(text + 16, &0x200u32.to_le_bytes());
    put(text + 20, &0x400u32.to_le_bytes());
    put(text + 36, &0x6000_0020u32.to_le_bytes());
    b[0x400..0x5f0].fill(0xc3);
    // A real checksum, so that a mutation fails verify unless mutate()
    // fixes it.
    let sum = mvirt_uki::pe::checksum(&b, opt + 64);
    b[opt + 64..opt + 68].copy_from_slice(&sum.to_le_bytes());
    b
}

/// A small UKI: `stub` plus the five sections, with `stub`'s headers
/// standing in for the kernel (an MZ/PE header is all `verify` looks at).
fn small_uki(stub: &[u8]) -> Vec<u8> {
    let initrd: Vec<u8> = (0..301u32).map(|i| (i % 251) as u8).collect();
    let parts = [
        part(".osrel", b"NAME=mvirt-os\n", None),
        part(".cmdline", b"console=ttyS0", None),
        part(".uname", b"6.12.117", None),
        part(".initrd", &initrd, None),
        part(".linux", &stub[..0x400], Some(0x2_0000)),
    ];
    assemble(stub, "stub", &parts).unwrap()
}

/// xorshift64*: a fixed seed gives the same mutations on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// Offsets of the header fields worth corrupting (read by hand, not by the
/// code under test): e_lfanew, COFF counts, optional-header sizes and
/// alignments, the certificate directory, every section header field.
fn fields(bytes: &[u8]) -> Vec<usize> {
    let pe = u32_at(bytes, 0x3c).unwrap() as usize;
    let optional = pe + 24;
    let mut at = vec![0x3c, pe + 6, pe + 20, optional];
    at.extend([32, 36, 56, 60, 64, 108, 112 + 32, 112 + 36].map(|o| optional + o));
    let sections = u16::from_le_bytes([bytes[pe + 6], bytes[pe + 7]]) as usize;
    let table = optional + u16::from_le_bytes([bytes[pe + 20], bytes[pe + 21]]) as usize;
    for i in 0..sections {
        at.extend([8, 12, 16, 20].map(|o| table + 40 * i + o));
    }
    at
}

const INTERESTING: &[u32] = &[
    0,
    1,
    7,
    0x200,
    0x1000,
    0xffff,
    0x1_0000,
    0x7fff_ffff,
    0x8000_0000,
    0xffff_fff0,
    0xffff_ffff,
];

/// One to three random corruptions of `base`: bit flips and random bytes in
/// the headers or anywhere, odd values in header fields, truncation,
/// appended garbage. A third of the time the checksum is then fixed, so that
/// `verify`'s checksum rule does not hide the deeper paths.
fn mutate(rng: &mut Rng, base: &[u8], fields: &[usize]) -> Vec<u8> {
    let mut m = base.to_vec();
    for _ in 0..1 + rng.below(3) {
        let len = m.len();
        if len == 0 {
            break;
        }
        let headers = len.min(0x400);
        match rng.below(7) {
            0 => m[rng.below(headers)] ^= 1 << rng.below(8),
            1 => m[rng.below(len)] = rng.next() as u8,
            2 | 3 => {
                let at = fields[rng.below(fields.len())];
                let value = match rng.below(3) {
                    0 => INTERESTING[rng.below(INTERESTING.len())],
                    1 => {
                        u32_at(&m, at)
                            .unwrap_or(0)
                            .wrapping_add(rng.below(9) as u32 * 8)
                            ^ 8
                    }
                    _ => (len + rng.below(0x1000)) as u32,
                };
                // Two-byte fields get the low half.
                let n = if at < 0x60 || rng.below(2) == 0 { 2 } else { 4 };
                if at + n <= len {
                    m[at..at + n].copy_from_slice(&value.to_le_bytes()[..n]);
                }
            }
            4 => m.truncate(rng.below(len + 1)),
            5 => m.truncate(rng.below(headers + 0x100)),
            _ => m.extend((0..rng.below(4096)).map(|_| rng.next() as u8)),
        }
    }
    if rng.below(3) == 0 {
        if let Some(pe) = u32_at(&m, 0x3c) {
            let at = pe as usize + 24 + 64;
            if at + 4 <= m.len() {
                let sum = mvirt_uki::pe::checksum(&m, at);
                m[at..at + 4].copy_from_slice(&sum.to_le_bytes());
            }
        }
    }
    m
}

/// What must hold for any bytes: inspect, verify, sign and build return;
/// sign refuses what verify refuses and what it signs verifies; a build on
/// them as a stub adds no problem verify did not already see. True if
/// `sign` signed.
fn check(m: &[u8], identity: &Identity) -> bool {
    let _ = inspect::inspect(m, "m");
    let verified = inspect::verify(m, "m", &[]);
    let refused = !matches!(&verified, Ok(p) if p.is_empty());
    let signed = sign::sign(m, "m", identity);
    if let Ok(signed) = &signed {
        assert!(!refused, "signed what verify refuses: {verified:?}");
        let problems = inspect::verify(signed, "signed", &[]).unwrap();
        assert!(
            problems.is_empty(),
            "the signed image fails verify: {problems:?}"
        );
    }
    let built = assemble(m, "m", &[part(".dtb", b"dtb", None)]);
    if let Ok(out) = built {
        let before = verified.expect("built on what verify cannot parse");
        let after = inspect::verify(&out, "out", &[]).unwrap();
        let new: Vec<_> = after
            .iter()
            .filter(|p| !p.starts_with("checksum") && !before.contains(p))
            .collect();
        assert!(new.is_empty(), "the build added problems: {new:?}");
    }
    signed.is_ok()
}

/// Thousands of seeded corruptions of a real UKI and of the bare stub: no
/// panic anywhere (the library functions under catch_unwind), and `sign`
/// refuses whatever `verify` refuses. MVIRT_UKI_MUTATIONS sets the count.
#[test]
fn corrupt_images_never_panic_and_sign_refuses_what_verify_refuses() {
    let stub = stub();
    let mini = mini_stub();
    // One in eight is the real stub or a UKI built on it; the rest the
    // same on the minimal stub, which is 50 times faster to hash.
    let bases: Vec<Vec<u8>> = [small_uki(&stub), stub, small_uki(&mini)]
        .into_iter()
        .chain(std::iter::repeat_n(mini, 6))
        .collect();
    let bases: Vec<_> = bases.iter().map(|b| (b, fields(b))).collect();
    let identity = identity("fast");
    let count: usize = std::env::var("MVIRT_UKI_MUTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(3000);
    let mut rng = Rng(0x6d76_6972_742d_756b);
    let mut failures = Vec::new();
    let started = Instant::now();
    let mut signed = 0;
    for i in 0..count {
        let (base, fields) = &bases[i % bases.len()];
        let m = mutate(&mut rng, base, fields);
        match catch_unwind(AssertUnwindSafe(|| check(&m, &identity))) {
            Ok(true) => signed += 1,
            Ok(false) => {}
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("mutation {i} ({} bytes): {message}", m.len()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} corrupt images failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!(
        "{count} corrupt images ({signed} signed) in {:?}",
        started.elapsed()
    );
}

/// Runs `f` on a thread; fails if it takes longer than `limit`.
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("still running after {limit:?}"))
}

/// der 0.7's PEM reader loops forever on a one-line certificate body.
#[test]
fn one_line_pem_certificate_is_refused_promptly() {
    let key = fs::read_to_string(data("fast.key")).unwrap();
    let cert = "-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n";
    let result = within(Duration::from_secs(10), move || {
        Identity::from_pem_min_bits(&key, "key", cert, "cert.pem", 512).map(|_| ())
    });
    let err = result.unwrap_err().to_string();
    assert!(
        err.contains("cert.pem: not a PEM X.509 certificate"),
        "{err}"
    );
}

#[test]
fn one_line_pem_keys_are_refused_promptly() {
    let cert = fs::read_to_string(data("fast.pem")).unwrap();
    for label in ["PRIVATE KEY", "RSA PRIVATE KEY", "CERTIFICATE", "X"] {
        let key = format!("-----BEGIN {label}-----\nMA==\n-----END {label}-----\n");
        let cert = cert.clone();
        let result = within(Duration::from_secs(10), move || {
            Identity::from_pem(&key, "key.pem", &cert, "cert").map(|_| ())
        });
        let err = result.unwrap_err().to_string();
        assert!(
            err.contains("key.pem: not an unencrypted RSA private key"),
            "{err}"
        );
    }
}

/// The same through the binary, under a timeout.
#[test]
fn sign_with_a_one_line_certificate_exits_promptly() {
    let dir = tempfile::tempdir().unwrap();
    let cert = dir.path().join("cert.pem");
    fs::write(
        &cert,
        "-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    let uki = dir.path().join("uki.efi");
    fs::write(&uki, small_uki(&stub())).unwrap();
    let out_path = dir.path().join("signed.efi");
    let out = Command::new("timeout")
        .arg("20")
        .arg(BIN)
        .arg("sign")
        .arg("--key")
        .arg(data("signer.key"))
        .arg("--cert")
        .arg(&cert)
        .arg("-o")
        .arg(&out_path)
        .arg(&uki)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a PEM X.509 certificate"));
    assert!(!out_path.exists());
}

/// Layout offsets of the stub's optional header, read by hand.
fn optional_header(stub: &[u8]) -> usize {
    u32_at(stub, 0x3c).unwrap() as usize + 24
}

/// The offset of the last section header, read by hand.
fn last_section_header(bytes: &[u8]) -> usize {
    let optional = optional_header(bytes);
    let pe = optional - 24;
    let sections = u16::from_le_bytes([bytes[pe + 6], bytes[pe + 7]]) as usize;
    let table = optional + u16::from_le_bytes([bytes[pe + 20], bytes[pe + 21]]) as usize;
    table + 40 * (sections - 1)
}

fn assemble_small(stub: &[u8]) -> Result<Vec<u8>, mvirt_uki::AssembleError> {
    assemble(stub, "bad.stub", &[part(".osrel", b"NAME=x\n", None)])
}

/// A FileAlignment of 2 GiB used to make the build allocate 2 to 4 GiB.
#[test]
fn a_stub_with_absurd_alignments_is_refused() {
    for (field, value) in [
        (36, 0x8000_0000u32),
        (32, 0x8000_0000),
        (36, 0),
        (36, 0x300),
    ] {
        let mut stub = stub();
        let at = optional_header(&stub) + field;
        stub[at..at + 4].copy_from_slice(&value.to_le_bytes());
        let started = Instant::now();
        let err = assemble_small(&stub).unwrap_err();
        let text = format!("{:#}", anyhow::Error::from(err));
        assert!(text.contains("bad.stub: not a usable EFI stub"), "{text}");
        // A 2 GiB SectionAlignment is a power of two, but no EFI image's.
        let want = if field == 36 {
            "FileAlignment"
        } else {
            "SectionAlignment 0x80000000"
        };
        assert!(text.contains(want), "{text}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}

/// A section pointing 2 GiB into a small file used to give a 2 GiB UKI.
#[test]
fn a_stub_with_a_section_past_its_end_is_refused() {
    let mut stub = stub();
    let last = last_section_header(&stub);
    stub[last + 20..last + 24].copy_from_slice(&0x7fff_0000u32.to_le_bytes());
    let err = assemble_small(&stub).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("past the end of the file"), "{text}");
}

/// A truncated UKI: verify and sign both refuse it, with an error, never a
/// panic (exit 101).
#[test]
fn truncated_images_are_refused_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let uki = small_uki(&stub());
    let out_path = dir.path().join("out.efi");
    let extracted = dir.path().join("extracted");
    for len in [
        0,
        2,
        0x40,
        0x100,
        0x300,
        0x400,
        uki.len() / 2,
        uki.len() - 1,
    ] {
        let path = dir.path().join(format!("cut{len}.efi"));
        fs::write(&path, &uki[..len]).unwrap();
        for args in [
            &["verify"][..],
            &["inspect"],
            &["measure"],
            &["extract", "--section", ".linux", "-o"],
            &["sign", "--key"],
        ] {
            let mut cmd = Command::new(BIN);
            cmd.args(args);
            match args[0] {
                "extract" => {
                    cmd.arg(&extracted);
                }
                "sign" => {
                    cmd.arg(data("signer.key"))
                        .arg("--cert")
                        .arg(data("signer.pem"))
                        .arg("-o")
                        .arg(&out_path);
                }
                _ => {}
            }
            let out = cmd.arg(&path).output().unwrap();
            assert_ne!(
                out.status.code(),
                Some(101),
                "{args:?} on {len} bytes: {out:?}"
            );
            if args[0] == "verify" || args[0] == "sign" {
                assert_eq!(out.status.code(), Some(1), "{args:?} on {len} bytes");
            }
            assert!(args[0] != "sign" || !out_path.exists(), "sign wrote {len}");
        }
    }
}

fn run(args: &[&str], stdout: Stdio) -> Output {
    Command::new(BIN)
        .args(args)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

/// A pipe whose reader has already gone: writing to it fails with EPIPE.
fn closed_pipe() -> Stdio {
    let mut reader = Command::new("true").stdin(Stdio::piped()).spawn().unwrap();
    let writer = reader.stdin.take().unwrap();
    reader.wait().unwrap();
    Stdio::from(writer)
}

#[test]
fn a_closed_stdout_ends_output_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let uki = dir.path().join("uki.efi");
    fs::write(&uki, small_uki(&stub())).unwrap();
    let uki = uki.to_str().unwrap();
    for args in [
        &["inspect", uki][..],
        &["inspect", "--json", uki],
        &["verify", "--require=", uki],
        &["measure", uki],
    ] {
        let out = run(args, closed_pipe());
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
    // The command's own status stands: a failed verify still exits 1.
    let out = run(&["verify", "--require=.dtb", uki], closed_pipe());
    assert_eq!(out.status.code(), Some(1), "{out:?}");
}

#[test]
fn a_full_stdout_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let uki = dir.path().join("uki.efi");
    fs::write(&uki, small_uki(&stub())).unwrap();
    let uki = uki.to_str().unwrap();
    for args in [&["inspect", uki][..], &["verify", "--require=", uki]] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = run(args, Stdio::from(full));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("error: writing to standard output: No space left on device"),
            "{stderr}"
        );
    }
}

/// Each error names its cause once ("reading X: No such file", not
/// "X: No such file: No such file"), and a failed build creates no
/// directories for its output.
#[test]
fn errors_say_each_cause_once_and_failed_builds_leave_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    for name in ["os-release", "cmdline", "uname"] {
        fs::write(p.join(name), "x\n").unwrap();
    }
    let out_path = p.join("new/sub/out.efi");
    let out = Command::new(BIN)
        .arg("build")
        .arg("--stub")
        .arg(STUB)
        .arg("--linux")
        .arg(STUB)
        .arg("--initrd")
        .arg(p.join("missing-initrd"))
        .arg("--cmdline")
        .arg(p.join("cmdline"))
        .arg("--osrel")
        .arg(p.join("os-release"))
        .arg("--uname")
        .arg(p.join("uname"))
        .arg("-o")
        .arg(&out_path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("missing-initrd"), "{stderr}");
    assert_eq!(
        stderr.matches("No such file or directory").count(),
        1,
        "{stderr}"
    );
    assert!(!p.join("new").exists(), "the failed build created new/");

    // A PE error: the cause once, after the file it is about.
    let bad = p.join("bad.efi");
    fs::write(&bad, b"MZ").unwrap();
    let out = Command::new(BIN).arg("inspect").arg(&bad).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.matches("DOS header").count(), 1, "{stderr}");
    assert_eq!(stderr.matches("not a PE image").count(), 1, "{stderr}");
}

/// `sign` refuses what `verify` refuses, also through the CLI, with the
/// same required sections.
#[test]
fn sign_refuses_what_verify_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let stub_path = dir.path().join("stub.efi");
    fs::write(&stub_path, stub()).unwrap();
    let out_path = dir.path().join("out.efi");
    let sign = |extra: &[&str], input: &Path| {
        Command::new(BIN)
            .arg("sign")
            .args(extra)
            .arg("--key")
            .arg(data("signer.key"))
            .arg("--cert")
            .arg(data("signer.pem"))
            .arg("-o")
            .arg(&out_path)
            .arg(input)
            .output()
            .unwrap()
    };
    // The bare stub lacks the UKI sections verify requires by default.
    let out = sign(&[], &stub_path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("required section .linux is missing"),
        "{stderr}"
    );
    assert!(!out_path.exists());
    // Requiring nothing, the stub is a sound PE image and is signed.
    let out = sign(&["--require="], &stub_path);
    assert!(out.status.success(), "{out:?}");
    let out = Command::new(BIN)
        .args(["verify", "--require="])
        .arg(&out_path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    fs::remove_file(&out_path).unwrap();

    // A UKI whose last section points off its alignment.
    let mut uki = small_uki(&stub());
    let last = last_section_header(&uki);
    let ptr = u32_at(&uki, last + 20).unwrap();
    uki[last + 20..last + 24].copy_from_slice(&(ptr + 4).to_le_bytes());
    let broken = dir.path().join("broken.efi");
    fs::write(&broken, uki).unwrap();
    let out = sign(&[], &broken);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("refusing to sign an image that `mvirt-uki verify` refuses"),
        "{stderr}"
    );
    assert!(stderr.contains("not aligned to FileAlignment"), "{stderr}");
    assert!(!out_path.exists());
}

/// Raw data must not overlap even across a section without any (else
/// signing would hash the same bytes once per section header).
#[test]
fn raw_data_overlapping_across_an_empty_section_is_refused() {
    let mut pe = mini_stub();
    let opt = 0x58;
    let table = opt + 240;
    let mut put = |at: usize, bytes: &[u8]| pe[at..at + bytes.len()].copy_from_slice(bytes);
    put(0x46, &3u16.to_le_bytes());
    put(opt + 56, &0x4000u32.to_le_bytes()); // SizeOfImage
    for (i, name, va, vsize, raw_size) in [
        (1, &b".bss"[..], 0x2000u32, 0x100u32, 0u32),
        (2, b".data", 0x3000, 0x200, 0x200),
    ] {
        let h = table + 40 * i;
        put(h, name);
        put(h + 8, &vsize.to_le_bytes());
        put(h + 12, &va.to_le_bytes());
        put(h + 16, &raw_size.to_le_bytes());
        put(h + 20, &0x400u32.to_le_bytes()); // .text's raw data again
    }
    let problems = inspect::verify(&pe, "pe", &[]).unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p.contains(".data: raw data overlaps .text")),
        "{problems:?}"
    );
    assert!(sign::sign(&pe, "pe", &identity("fast")).is_err());
}

/// Found by the build_uki fuzz target: a stub section named ".linux\0\x04"
/// is `.linux` to verify and extract, so the build must refuse to add
/// another (verify then saw the stub's empty one).
#[test]
fn a_stub_section_named_like_a_uki_one_up_to_its_nul_is_a_duplicate() {
    let mut stub = mini_stub();
    let text = 0x58 + 240;
    stub[text..text + 8].copy_from_slice(b".linux\0\x04");
    let err = assemble(&stub, "stub", &[part(".linux", b"MZ", None)]).unwrap_err();
    assert!(
        err.to_string().contains("already has a .linux section"),
        "{err}"
    );
}

/// SizeOfImage must cover every section (the loader maps that much), to
/// the byte: exactly the last section's end is taken (Debian's arm64 stub
/// says that, unrounded), one byte less is refused.
#[test]
fn a_stub_whose_size_of_image_misses_a_section_is_refused() {
    let stub = stub();
    let last = last_section_header(&stub);
    let va = u32_at(&stub, last + 12).unwrap();
    let size = u32_at(&stub, last + 8).unwrap();
    let size_of_image = optional_header(&stub) + 56;
    for (value, ok) in [(va + size, true), (va + size - 1, false)] {
        let mut stub = stub.clone();
        stub[size_of_image..size_of_image + 4].copy_from_slice(&value.to_le_bytes());
        match assemble_small(&stub) {
            Ok(_) => assert!(ok, "SizeOfImage {value:#x} was taken"),
            Err(err) => {
                let text = format!("{:#}", anyhow::Error::from(err));
                assert!(!ok, "SizeOfImage {value:#x} refused: {text}");
                assert!(text.contains("SizeOfImage"), "{text}");
            }
        }
    }
}
