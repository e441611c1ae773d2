//! Drives `mvirt-uki` against Debian's real systemd EFI stub and checks the
//! result with independent readers: pefile (PyPI, in .venv from ./bootstrap)
//! and `objdump -h`.
//!
//! The kernel here is a named stand-in: `systemd-bootx64.efi`, a real EFI PE
//! image, so these tests need no kernel build. The boot tests use the real
//! bzImage.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-uki");
const STUB: &str = "/usr/lib/systemd/boot/efi/linuxx64.efi.stub";
/// A real EFI PE image standing in for the kernel (see the module doc).
const BOOT_EFI: &str = "/usr/lib/systemd/boot/efi/systemd-bootx64.efi";

/// The stand-in kernel: systemd-boot cut to the end of its last section. A
/// bzImage ends there too; the full file carries debug data past it, which a
/// PE section cannot give back.
fn write_kernel_stand_in(path: &Path) {
    let bytes = fs::read(BOOT_EFI).unwrap();
    let pe = goblin::pe::PE::parse(&bytes).unwrap();
    let end = pe
        .sections
        .iter()
        .map(|s| (s.pointer_to_raw_data + s.size_of_raw_data) as usize)
        .max()
        .unwrap();
    fs::write(path, &bytes[..end]).unwrap();
}

/// The repository root: $MVIRT_REPO_ROOT when set (buck2 runs tests from
/// the project root and sets it to "."), else two levels above this crate.
fn repo() -> PathBuf {
    std::env::var_os("MVIRT_REPO_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
}

fn python() -> PathBuf {
    let py = repo().join(".venv/bin/python");
    assert!(py.exists(), "{} missing: run ./bootstrap", py.display());
    py
}

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        assert!(
            Path::new(STUB).exists(),
            "{STUB} missing: run ./bootstrap (systemd-boot-efi)"
        );
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        fs::write(p.join("os-release"), "NAME=\"mvirt-os\"\nID=mvirt-os\n").unwrap();
        fs::write(p.join("cmdline.txt"), "console=ttyS0 quiet\n").unwrap();
        fs::write(p.join("kernel.release"), "6.12.117\n").unwrap();
        // An initrd whose size is not a multiple of the file alignment.
        let initrd: Vec<u8> = (0..300_001u32).map(|i| (i % 251) as u8).collect();
        fs::write(p.join("initrd"), initrd).unwrap();
        write_kernel_stand_in(&p.join("bzImage"));
        Fixture { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn kernel(&self) -> PathBuf {
        self.path("bzImage")
    }

    /// pefile_check.py (an independent reader) finds `uki` laid out by the
    /// rules, with this fixture's parts in it.
    fn pefile_check(&self, uki: &Path, stub: &Path, linux: &Path) {
        let out = Command::new(python())
            .arg(repo().join("tools/uki/tests/pefile_check.py"))
            .arg(uki)
            .arg(stub)
            .arg(linux)
            .arg(self.path("os-release"))
            .arg(self.path("cmdline.txt"))
            .arg(self.path("kernel.release"))
            .arg(self.path("initrd"))
            .output()
            .unwrap();
        assert_ok(&out);
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok");
    }

    fn build(&self, stub: &Path, linux: &Path, output: &Path) -> Output {
        Command::new(BIN)
            .arg("build")
            .arg("--stub")
            .arg(stub)
            .arg("--linux")
            .arg(linux)
            .arg("--initrd")
            .arg(self.path("initrd"))
            .arg("--cmdline")
            .arg(self.path("cmdline.txt"))
            .arg("--osrel")
            .arg(self.path("os-release"))
            .arg("--uname")
            .arg(self.path("kernel.release"))
            .arg("-o")
            .arg(output)
            .output()
            .unwrap()
    }
}

fn assert_ok(out: &Output) {
    assert!(
        out.status.success(),
        "failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn pefile_confirms_the_layout_rules() {
    let f = Fixture::new();
    let uki = f.path("mvirt.efi");
    assert_ok(&f.build(Path::new(STUB), &f.kernel(), &uki));
    f.pefile_check(&uki, Path::new(STUB), &f.kernel());

    // Our own verify agrees.
    let out = Command::new(BIN).arg("verify").arg(&uki).output().unwrap();
    assert_ok(&out);
}

#[test]
fn objdump_reads_the_sections() {
    let f = Fixture::new();
    let uki = f.path("mvirt.efi");
    assert_ok(&f.build(Path::new(STUB), &f.kernel(), &uki));
    let out = Command::new("objdump")
        .arg("-h")
        .arg(&uki)
        .output()
        .unwrap();
    assert_ok(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("pei-x86-64"), "{text}");
    let mut last = 0;
    for name in [".sbat", ".osrel", ".cmdline", ".uname", ".initrd", ".linux"] {
        let at = text
            .find(&format!(" {name} "))
            .unwrap_or_else(|| panic!("{name} missing in objdump -h:\n{text}"));
        assert!(at > last, "{name} out of order");
        last = at;
    }
}

#[test]
fn inspect_reports_content_hashes_and_text() {
    let f = Fixture::new();
    let uki = f.path("mvirt.efi");
    assert_ok(&f.build(Path::new(STUB), &f.kernel(), &uki));
    let out = Command::new(BIN)
        .args(["inspect", "--json"])
        .arg(&uki)
        .output()
        .unwrap();
    assert_ok(&out);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["cmdline"], "console=ttyS0 quiet");
    assert_eq!(report["uname"], "6.12.117");
    assert_eq!(report["signed"], false);
    assert_eq!(report["checksum_ok"], true);
    let section = |name: &str| {
        report["sections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(
        section(".initrd")["sha256"],
        mvirt_uki::sha256_hex(&fs::read(f.path("initrd")).unwrap())
    );
    // .linux gives back the kernel file byte for byte.
    assert_eq!(
        section(".linux")["sha256"],
        mvirt_uki::sha256_hex(&fs::read(f.kernel()).unwrap())
    );
    let extracted = f.path("linux.out");
    assert_ok(
        &Command::new(BIN)
            .args(["extract", "--section", ".linux", "-o"])
            .arg(&extracted)
            .arg(&uki)
            .output()
            .unwrap(),
    );
    assert_eq!(fs::read(extracted).unwrap(), fs::read(f.kernel()).unwrap());
}

#[test]
fn same_inputs_give_identical_bytes() {
    let a = Fixture::new();
    let b = Fixture::new();
    assert_ok(&a.build(Path::new(STUB), &a.kernel(), &a.path("x.efi")));
    assert_ok(&b.build(Path::new(STUB), &b.kernel(), &b.path("y.efi")));
    assert_eq!(
        fs::read(a.path("x.efi")).unwrap(),
        fs::read(b.path("y.efi")).unwrap()
    );
}

fn assert_refused(out: &Output, output: &Path, want: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "accepted; wanted {want:?}");
    assert!(stderr.contains(want), "{stderr:?} lacks {want:?}");
    assert!(!output.exists(), "left an output file");
}

#[test]
fn a_kernel_without_efi_stub_is_refused() {
    let f = Fixture::new();
    let not_pe = f.path("vmlinux.bin");
    fs::write(&not_pe, vec![0x7f; 4096]).unwrap();
    let out_path = f.path("out.efi");
    let out = f.build(Path::new(STUB), &not_pe, &out_path);
    assert_refused(&out, &out_path, "built without CONFIG_EFI_STUB=y");
}

#[test]
fn a_signed_stub_is_refused() {
    let f = Fixture::new();
    let key = f.path("key.pem");
    let cert = f.path("cert.pem");
    let ok = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test",
        ])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .unwrap();
    assert_ok(&ok);
    let signed = f.path("signed.stub");
    assert_ok(
        &Command::new("sbsign")
            .arg("--key")
            .arg(&key)
            .arg("--cert")
            .arg(&cert)
            .arg("--output")
            .arg(&signed)
            .arg(STUB)
            .output()
            .unwrap(),
    );
    let out_path = f.path("out.efi");
    let out = f.build(&signed, &f.kernel(), &out_path);
    assert_refused(&out, &out_path, "the stub is signed");
    // verify's certificate-table rules accept sbsign's table.
    assert_ok(
        &Command::new(BIN)
            .args(["verify", "--require="])
            .arg(&signed)
            .output()
            .unwrap(),
    );
}

#[test]
fn a_stub_without_header_room_is_refused() {
    let f = Fixture::new();
    let mut stub = fs::read(STUB).unwrap();
    // Shrink SizeOfHeaders to the end of the existing section table.
    let layout = mvirt_uki::pe::Image::parse(&stub).unwrap().layout;
    let end = layout.headers_end() as u32;
    layout
        .update_optional(&mut stub, |h| h.size_of_headers = end)
        .unwrap();
    let tight = f.path("tight.stub");
    fs::write(&tight, stub).unwrap();
    let out_path = f.path("out.efi");
    let out = f.build(&tight, &f.kernel(), &out_path);
    assert_refused(&out, &out_path, "no room for 5 more section headers");
}

#[test]
fn a_stub_that_is_already_a_uki_is_refused() {
    let f = Fixture::new();
    let first = f.path("first.efi");
    assert_ok(&f.build(Path::new(STUB), &f.kernel(), &first));
    let out_path = f.path("out.efi");
    let out = f.build(&first, &f.kernel(), &out_path);
    assert_refused(&out, &out_path, "already has a .osrel section");
}

/// The stub is a file the caller resolved and checked (mvirt-fetch reads
/// pins); `build` has no pin options and no default stub.
#[test]
fn build_takes_the_stub_as_a_file_only() {
    let f = Fixture::new();
    let out_path = f.path("out.efi");
    let pin = repo().join("uki/efi-stub.toml");
    for args in [
        vec!["--stub-pin".into(), pin.into_os_string()],
        vec!["--stub-sha256".into(), "0".repeat(64).into()],
        vec![],
    ] {
        let out = Command::new(BIN)
            .arg("build")
            .args(&args)
            .arg("--linux")
            .arg(f.kernel())
            .arg("--initrd")
            .arg(f.path("initrd"))
            .arg("--cmdline")
            .arg(f.path("cmdline.txt"))
            .arg("--osrel")
            .arg(f.path("os-release"))
            .arg("--uname")
            .arg(f.path("kernel.release"))
            .arg("-o")
            .arg(&out_path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        let want = match args.first() {
            Some(flag) => format!("unexpected argument '{}'", flag.to_string_lossy()),
            None => "--stub <STUB>".into(),
        };
        assert!(stderr.contains(&want), "{args:?}: {stderr}");
        assert!(!out_path.exists());
    }
}

#[test]
fn long_section_names_are_refused() {
    let stub = fs::read(STUB).unwrap();
    let err = mvirt_uki::assemble(
        &stub,
        "stub",
        &[mvirt_uki::Part {
            name: ".toolongname".into(),
            data: vec![1],
            virtual_size: None,
        }],
    )
    .unwrap_err();
    assert!(err.to_string().contains("must be 1 to 8 bytes"), "{err}");
}

#[test]
fn verify_catches_a_broken_layout() {
    let f = Fixture::new();
    let uki = f.path("mvirt.efi");
    assert_ok(&f.build(Path::new(STUB), &f.kernel(), &uki));
    let mut bytes = fs::read(&uki).unwrap();
    let image = mvirt_uki::pe::Image::parse(&bytes).unwrap();
    // Move the last section's raw pointer off the file alignment.
    let last = image.layout.sections - 1;
    image
        .layout
        .update_section(&mut bytes, last, |h| h.pointer_to_raw_data += 4)
        .unwrap();
    let broken = f.path("broken.efi");
    fs::write(&broken, bytes).unwrap();
    let out = Command::new(BIN)
        .arg("verify")
        .arg(&broken)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("not aligned to FileAlignment"), "{text}");
    assert!(text.contains("checksum"), "{text}");
}

/// Our PCR 11 prediction equals systemd-measure's (Debian 12, systemd 252)
/// on the sections extracted from the UKI.
#[test]
fn measure_equals_systemd_measure() {
    let measure = "/lib/systemd/systemd-measure";
    assert!(
        Path::new(measure).exists(),
        "{measure} missing (systemd 252 ships it)"
    );
    let f = Fixture::new();
    let uki = f.path("mvirt.efi");
    assert_ok(&f.build(Path::new(STUB), &f.kernel(), &uki));
    let ours = Command::new(BIN).arg("measure").arg(&uki).output().unwrap();
    assert_ok(&ours);
    let mut args = vec!["calculate".to_string(), "--bank=sha256".to_string()];
    for section in ["linux", "osrel", "cmdline", "initrd"] {
        let file = f.path(&format!("section.{section}"));
        assert_ok(
            &Command::new(BIN)
                .args(["extract", "--section", &format!(".{section}"), "-o"])
                .arg(&file)
                .arg(&uki)
                .output()
                .unwrap(),
        );
        args.push(format!("--{section}={}", file.display()));
    }
    let theirs = Command::new(measure).args(&args).output().unwrap();
    assert_ok(&theirs);
    let ours = String::from_utf8_lossy(&ours.stdout);
    assert_eq!(ours, String::from_utf8_lossy(&theirs.stdout));
    assert_eq!(ours.matches("11:sha256=").count(), 4, "{ours}");
}

fn make_key(dir: &Path, name: &str) -> (PathBuf, PathBuf) {
    let key = dir.join(format!("{name}.key"));
    let cert = dir.join(format!("{name}.pem"));
    assert_ok(
        &Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                &format!("/CN={name}"),
            ])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .output()
            .unwrap(),
    );
    (key, cert)
}

fn sign(uki: &Path, key: &Path, cert: &Path, out: &Path) -> Output {
    Command::new(BIN)
        .arg("sign")
        .arg("--key")
        .arg(key)
        .arg("--cert")
        .arg(cert)
        .arg("-o")
        .arg(out)
        .arg(uki)
        .output()
        .unwrap()
}

#[test]
fn signing_is_deterministic_and_sbverify_accepts_it() {
    let f = Fixture::new();
    let uki = f.path("mvirt.efi");
    assert_ok(&f.build(Path::new(STUB), &f.kernel(), &uki));
    let (key, cert) = make_key(f.dir.path(), "signer");
    let (a, b) = (f.path("a.efi"), f.path("b.efi"));
    assert_ok(&sign(&uki, &key, &cert, &a));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_ok(&sign(&uki, &key, &cert, &b));
    assert_eq!(
        fs::read(&a).unwrap(),
        fs::read(&b).unwrap(),
        "two signatures differ"
    );
    assert_ok(
        &Command::new("sbverify")
            .arg("--cert")
            .arg(&cert)
            .arg(&a)
            .output()
            .unwrap(),
    );
    // Another key's certificate does not verify it.
    let (_, other) = make_key(f.dir.path(), "other");
    let out = Command::new("sbverify")
        .arg("--cert")
        .arg(&other)
        .arg(&a)
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "sbverify accepted a foreign certificate"
    );
    // pefile sees the certificate table and a correct checksum.
    let report = Command::new(BIN)
        .args(["inspect", "--json"])
        .arg(&a)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(report["signed"], true);
    assert_eq!(report["checksum_ok"], true);
    // And our own verify accepts the signed UKI.
    assert_ok(&Command::new(BIN).arg("verify").arg(&a).output().unwrap());
}

#[test]
fn signing_refusals_leave_no_output() {
    let f = Fixture::new();
    let uki = f.path("mvirt.efi");
    assert_ok(&f.build(Path::new(STUB), &f.kernel(), &uki));
    let (key, cert) = make_key(f.dir.path(), "signer");
    let (other_key, _) = make_key(f.dir.path(), "other");
    let out_path = f.path("out.efi");
    let out = sign(&uki, &other_key, &cert, &out_path);
    assert_refused(&out, &out_path, "does not belong to the certificate");
    let signed = f.path("signed.efi");
    assert_ok(&sign(&uki, &key, &cert, &signed));
    let out = sign(&signed, &key, &cert, &out_path);
    assert_refused(&out, &out_path, "already signed");
    let out = sign(&uki, &cert, &cert, &out_path);
    assert_refused(&out, &out_path, "not an unencrypted RSA private key");
}

/// systemd's arm64 stub (uki/efi-stub-arm64.toml; ./bootstrap unpacks it).
const STUB_ARM64: &str = "/usr/local/lib/mvirt-os/linuxaa64.efi.stub";

/// An arm64 UKI: machine 0xAA64 and ukify's section order, as pefile reads
/// it. The kernel stand-in is the arm64 stub itself — a real arm64 EFI PE
/// (the boot test, tests/boot/tests/arm64.rs, uses the real Image).
#[test]
fn pefile_reads_an_arm64_uki() {
    assert!(
        Path::new(STUB_ARM64).exists(),
        "{STUB_ARM64} missing: run ./bootstrap (systemd-boot-efi:arm64)"
    );
    let f = Fixture::new();
    let kernel = f.path("Image");
    fs::copy(STUB_ARM64, &kernel).unwrap();
    let uki = f.path("mvirt-arm64.efi");
    assert_ok(&f.build(Path::new(STUB_ARM64), &kernel, &uki));
    f.pefile_check(&uki, Path::new(STUB_ARM64), &kernel);
    let machine = Command::new(python())
        .args([
            "-c",
            "import pefile,sys; print(hex(pefile.PE(sys.argv[1]).FILE_HEADER.Machine))",
        ])
        .arg(&uki)
        .output()
        .unwrap();
    assert_ok(&machine);
    assert_eq!(String::from_utf8_lossy(&machine.stdout).trim(), "0xaa64");
    assert_ok(&Command::new(BIN).arg("verify").arg(&uki).output().unwrap());
}
