//! Drives the `mvirt-cpio` CLI and checks its archives with independent
//! readers: GNU cpio and bsdtar (libarchive). Both must be installed
//! (`.ci/run` installs them); a missing tool fails the test rather than
//! skipping it.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use mvirt_cpio::newc::{mode, Header, Writer};

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-cpio");

const SPEC: &str = r#"
[[entry]]
path = "/init"
kind = "file"
source = "@init"
mode = 0o755

[[entry]]
path = "/usr/bin/tool"
kind = "file"
source = "files/tool"
mode = 0o755

[[entry]]
path = "/usr/bin/tool-alias"
kind = "hardlink"
target = "/usr/bin/tool"

[[entry]]
path = "/etc/hostname"
kind = "file"
source = "files/hostname"

[[entry]]
path = "/etc/empty"
kind = "file"
source = "files/empty"

[[entry]]
path = "/etc/mtab"
kind = "symlink"
target = "/proc/self/mounts"

[[entry]]
path = "/dev/console"
kind = "char"
major = 5
minor = 1

[[entry]]
path = "/dev/null"
kind = "char"
major = 1
minor = 3
mode = 0o666

[[entry]]
path = "/dev/vda"
kind = "block"
major = 254
minor = 0

[[entry]]
path = "/tmp"
kind = "dir"
mode = 0o1777

[[entry]]
path = "/bin/su-like"
kind = "file"
source = "files/hostname"
mode = 0o4755
"#;

/// A source tree for SPEC, written under `dir`.
fn fixture(dir: &Path) -> PathBuf {
    fs::create_dir_all(dir.join("files")).unwrap();
    fs::write(dir.join("spec.toml"), SPEC).unwrap();
    // Binary content with every byte value, and a size that is not a
    // multiple of 4, to exercise padding.
    let tool: Vec<u8> = (0..100_003u32).map(|i| (i * 7 % 256) as u8).collect();
    fs::write(dir.join("files/tool"), tool).unwrap();
    fs::write(dir.join("files/hostname"), "mvirt\n").unwrap();
    fs::write(dir.join("files/empty"), "").unwrap();
    fs::write(dir.join("init.bin"), b"\x7fELF pretend init").unwrap();
    dir.join("spec.toml")
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("cannot run {cmd:?}: {e} (is it installed? .ci/run installs it)")
    });
    out
}

fn ok(cmd: &mut Command) -> String {
    let out = run(cmd);
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn build(dir: &Path, output: &Path, extra: &[&str]) -> Output {
    run(Command::new(BIN)
        .arg("build")
        .arg("--spec")
        .arg(dir.join("spec.toml"))
        .arg("--input")
        .arg(format!("init={}", dir.join("init.bin").display()))
        .arg("-o")
        .arg(output)
        .args(["--mtime", "1700000000"])
        .args(extra))
}

/// name → (mode string, size or "major,minor", link target)
type Table = BTreeMap<String, (String, String, Option<String>)>;

/// Parses `ls -l`-like lines: GNU `cpio -itv` and `bsdtar -tv` differ in
/// spacing, device number format ("5,   1" vs "5,1") and date width.
fn parse_long_listing(text: &str) -> Table {
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut table = Table::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let month = words
            .iter()
            .position(|w| months.contains(w))
            .unwrap_or_else(|| panic!("no date in {line:?}"));
        // Before the date: mode nlink uid gid size | major, minor
        let size = words[4..month].concat();
        let rest = words[month + 3..].join(" ");
        let (name, target) = match rest.split_once(" -> ") {
            Some((n, t)) => (n.to_string(), Some(t.to_string())),
            None => match rest.split_once(" link to ") {
                Some((n, _)) => (n.to_string(), None),
                None => (rest, None),
            },
        };
        table.insert(name, (words[0].to_string(), size, target));
    }
    table
}

fn our_listing(archive: &Path) -> Table {
    let text = ok(Command::new(BIN).arg("list").arg(archive));
    let mut table = Table::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let rest = words[5..].join(" ");
        let (name, target) = match rest.split_once(" -> ") {
            Some((n, t)) => (n.to_string(), Some(t.to_string())),
            None => (rest, None),
        };
        table.insert(name, (words[0].into(), words[4].into(), target));
    }
    table
}

#[test]
fn gnu_cpio_and_bsdtar_agree_with_our_listing() {
    let tmp = tempfile::tempdir().unwrap();
    fixture(tmp.path());
    let archive = tmp.path().join("out.cpio.gz");
    let out = build(tmp.path(), &archive, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    assert_eq!(
        names_in(tmp.path()),
        ["files", "init.bin", "out.cpio.gz", "spec.toml"],
        "the output and nothing else beside the sources"
    );
    let ours = our_listing(&archive);
    assert_eq!(ours.len(), 16, "{ours:#?}");
    assert_eq!(ours["dev/console"].1, "5,1");
    assert_eq!(ours["tmp"].0, "drwxrwxrwt");
    assert_eq!(ours["bin/su-like"].0, "-rwsr-xr-x");
    assert_eq!(ours["etc/mtab"].2.as_deref(), Some("/proc/self/mounts"));

    let raw = ok(Command::new("sh").arg("-c").arg(format!(
        "zcat '{}' | cpio -itv --numeric-uid-gid --quiet",
        archive.display()
    )));
    assert_eq!(parse_long_listing(&raw), ours, "GNU cpio disagrees");

    let raw = ok(Command::new("bsdtar")
        .arg("-tvf")
        .arg(&archive)
        .arg("--numeric-owner"));
    assert_eq!(parse_long_listing(&raw), ours, "bsdtar disagrees");
}

#[test]
fn gnu_cpio_extracts_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    fixture(tmp.path());
    let archive = tmp.path().join("out.cpio");
    assert!(build(tmp.path(), &archive, &[]).status.success());
    let dest = tmp.path().join("extracted");
    fs::create_dir(&dest).unwrap();
    ok(Command::new("cpio")
        .args(["-idm", "--quiet", "-F"])
        .arg(&archive)
        .current_dir(&dest));
    let read = |p: &str| fs::read(dest.join(p)).unwrap();
    assert_eq!(
        read("usr/bin/tool"),
        fs::read(tmp.path().join("files/tool")).unwrap()
    );
    assert_eq!(read("usr/bin/tool-alias"), read("usr/bin/tool"));
    assert_eq!(read("init"), b"\x7fELF pretend init");
    assert_eq!(read("etc/hostname"), b"mvirt\n");
    assert_eq!(read("etc/empty"), b"");
    let a = fs::metadata(dest.join("usr/bin/tool")).unwrap();
    let b = fs::metadata(dest.join("usr/bin/tool-alias")).unwrap();
    assert_eq!(a.ino(), b.ino(), "hard links extract as one inode");
    assert_eq!(a.mode() & 0o7777, 0o755);
    assert_eq!(a.mtime(), 1_700_000_000, "mtime is --mtime");
    assert_eq!(
        fs::read_link(dest.join("etc/mtab")).unwrap(),
        Path::new("/proc/self/mounts")
    );
    let console = fs::symlink_metadata(dest.join("dev/console")).unwrap();
    assert_eq!(console.rdev(), rustix::fs::makedev(5, 1) as u64);
}

#[test]
fn our_extract_matches_gnu_cpio() {
    let tmp = tempfile::tempdir().unwrap();
    fixture(tmp.path());
    let archive = tmp.path().join("out.cpio.zst");
    assert!(build(tmp.path(), &archive, &["--level", "3"])
        .status
        .success());
    let dest = tmp.path().join("ours");
    ok(Command::new(BIN).arg("extract").arg(&archive).arg(&dest));
    assert_eq!(
        fs::read(dest.join("usr/bin/tool-alias")).unwrap(),
        fs::read(tmp.path().join("files/tool")).unwrap()
    );
    let meta = fs::symlink_metadata(dest.join("tmp")).unwrap();
    assert_eq!(meta.mode() & 0o7777, 0o1777);
}

#[test]
fn same_inputs_in_two_directories_give_identical_bytes() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    fixture(one.path());
    fixture(two.path());
    // Different host metadata on the sources: mtime and mode bits the spec
    // does not ask for must not leak into the archive.
    ok(Command::new("touch")
        .args(["-d", "2001-02-03 04:05:06"])
        .arg(two.path().join("files/tool")));
    ok(Command::new("chmod")
        .arg("0600")
        .arg(two.path().join("files/hostname")));
    for ext in ["cpio.gz", "cpio.zst", "cpio"] {
        let a = one.path().join(format!("a.{ext}"));
        let b = two.path().join(format!("b.{ext}"));
        assert!(build(one.path(), &a, &[]).status.success());
        assert!(build(two.path(), &b, &[]).status.success());
        assert_eq!(
            fs::read(&a).unwrap(),
            fs::read(&b).unwrap(),
            "{ext} differs"
        );
    }
}

/// The names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Bad specs, each with what its error must say. The last one fails only
/// while the archive is being written, after the temporary output exists:
/// its error names the output, the others name the spec.
fn bad_specs() -> Vec<(Vec<u8>, &'static str, &'static str)> {
    let long_name = format!(
        "[[entry]]\npath = \"/{}\"\nkind = \"dir\"\n",
        "n".repeat(5000)
    );
    vec![
        (
            b"[[entry]]\npath = \"../etc/passwd\"\nkind = \"dir\"\n".to_vec(),
            "entry 1 (\"../etc/passwd\"): unsafe path",
            "bad.toml",
        ),
        (
            b"[[entry]]\npath = \"/a/../../b\"\nkind = \"dir\"\n".to_vec(),
            "entry 1 (\"/a/../../b\"): unsafe path",
            "bad.toml",
        ),
        (
            b"[[entry]]\npath = \"/x\"\nkind = \"dir\"\n[[entry]]\npath = \"/x\"\nkind = \"dir\"\n"
                .to_vec(),
            "entry 2 (\"/x\"): duplicate path",
            "bad.toml",
        ),
        (
            b"[[entry]]\npath = \"/x\"\nkind = \"file\"\nsource = \"files/nope\"\n".to_vec(),
            "entry 1 (\"/x\"): source",
            "bad.toml",
        ),
        (BIG_ENTRY.into(), "entry 1 (\"/big\"): source", "bad.toml"),
        (
            b"[[entry]]\npath = \"/x\"\nkind = \"pipe\"\n".to_vec(),
            "unknown variant `pipe`",
            "bad.toml",
        ),
        (
            b"[[entry]]\nkind = \"file\"\npath = \"/x\xff\"\nsource = \"a\"\n".to_vec(),
            "line 3: not valid UTF-8",
            "bad.toml",
        ),
        (long_name.into_bytes(), "longer than 4095 bytes", "bad.toml"),
        // /proc files say they are empty, then yield data: the writer
        // notices half-way through the archive.
        (
            b"[[entry]]\npath = \"/stat\"\nkind = \"file\"\nsource = \"/proc/self/stat\"\n"
                .to_vec(),
            "bad.cpio.gz: entry \"stat\": its data source gave 1 bytes, the header says 0",
            "bad.cpio.gz",
        ),
    ]
}

const BIG_ENTRY: &str = "[[entry]]\npath = \"/big\"\nkind = \"file\"\nsource = \"files/huge\"\n";

/// Each bad spec fails with a message naming the entry and the spec or the
/// output, and leaves nothing in the output's directory: no output, no
/// temporary file (mvirt-atomic's `.<name>.XXXXXX`), whatever its name.
#[test]
fn bad_specs_fail_clearly_and_leave_no_output() {
    let tmp = tempfile::tempdir().unwrap();
    fixture(tmp.path());
    // A sparse file just over newc's 4 GiB limit costs no disk.
    let huge = fs::File::create(tmp.path().join("files/huge")).unwrap();
    huge.set_len(1 << 32).unwrap();
    let out_dir = tmp.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let output = out_dir.join("bad.cpio.gz");
    for (spec, want, names) in bad_specs() {
        let spec_path = tmp.path().join("bad.toml");
        fs::write(&spec_path, &spec).unwrap();
        let out = run(Command::new(BIN)
            .args(["build", "--mtime", "0", "--spec"])
            .arg(&spec_path)
            .arg("-o")
            .arg(&output));
        let stderr = String::from_utf8_lossy(&out.stderr);
        let spec = String::from_utf8_lossy(&spec);
        assert!(!out.status.success(), "accepted: {spec}");
        assert!(stderr.contains(want), "{stderr:?} lacks {want:?}");
        assert!(stderr.contains(names), "{stderr:?} does not name {names}");
        assert_eq!(
            names_in(&out_dir),
            Vec::<String>::new(),
            "left behind in the output's directory for {spec}"
        );
    }
    let big = tmp.path().join("big.toml");
    fs::write(&big, BIG_ENTRY).unwrap();
    let out = run(Command::new(BIN)
        .args(["build", "--mtime", "0", "--spec"])
        .arg(&big)
        .arg("-o")
        .arg(out_dir.join("big.cpio")));
    let huge_err = String::from_utf8_lossy(&out.stderr);
    assert!(huge_err.contains("4294967296 bytes"), "{huge_err}");
    assert_eq!(names_in(&out_dir), Vec::<String>::new());
}

/// An archive made by someone else with `../` names must not be extracted.
#[test]
fn extract_refuses_escaping_names() {
    let tmp = tempfile::tempdir().unwrap();
    for (names, want) in [(&["../escaped"][..], "`..`"), (&["/abs"][..], "absolute")] {
        let mut w = Writer::new(Vec::new());
        for name in names {
            let h = Header {
                mode: mode::S_IFREG | 0o644,
                nlink: 1,
                filesize: 1,
                ..Header::default()
            };
            w.write_entry(name, &h, &mut &b"x"[..]).unwrap();
        }
        let archive = tmp.path().join("evil.cpio");
        fs::write(&archive, w.finish().unwrap()).unwrap();
        let dest = tmp.path().join("dest/inner");
        let out = run(Command::new(BIN).arg("extract").arg(&archive).arg(&dest));
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(want), "{stderr}");
        assert!(!tmp.path().join("dest/escaped").exists());
    }
    // A symlink to outside, then a file through it.
    let mut w = Writer::new(Vec::new());
    let link = Header {
        mode: mode::S_IFLNK | 0o777,
        nlink: 1,
        filesize: 4,
        ..Header::default()
    };
    w.write_entry("evil", &link, &mut &b"/tmp"[..]).unwrap();
    let file = Header {
        mode: mode::S_IFREG | 0o644,
        nlink: 1,
        filesize: 1,
        ..Header::default()
    };
    w.write_entry("evil/planted", &file, &mut &b"x"[..])
        .unwrap();
    let archive = tmp.path().join("evil2.cpio");
    fs::write(&archive, w.finish().unwrap()).unwrap();
    let out = run(Command::new(BIN)
        .arg("extract")
        .arg(&archive)
        .arg(tmp.path().join("d2")));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a symlink"));
    assert!(!Path::new("/tmp/planted").exists());
}

#[test]
fn verify_catches_structural_problems() {
    let tmp = tempfile::tempdir().unwrap();
    fixture(tmp.path());
    let good = tmp.path().join("good.cpio");
    assert!(build(tmp.path(), &good, &[]).status.success());
    assert!(ok(Command::new(BIN).arg("verify").arg(&good)).contains("OK, 16 entries"));

    // Orphan child (parent missing) and a truncated tail.
    let mut w = Writer::new(Vec::new());
    let file = Header {
        mode: mode::S_IFREG | 0o644,
        nlink: 1,
        ..Header::default()
    };
    w.write_entry("no/parent", &file, &mut std::io::empty())
        .unwrap();
    let bytes = w.finish().unwrap();
    let bad = tmp.path().join("bad.cpio");
    fs::write(&bad, &bytes).unwrap();
    let out = run(Command::new(BIN).arg("verify").arg(&bad));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("does not come before it"));

    let cut = tmp.path().join("cut.cpio");
    fs::write(&cut, &fs::read(&good).unwrap()[..300]).unwrap();
    let out = run(Command::new(BIN).arg("verify").arg(&cut));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("truncated"));
}

/// The product's own spec (initramfs/initramfs.toml) builds, with stand-in
/// files for the binaries that other steps produce.
#[test]
fn product_spec_builds_with_stand_in_binaries() {
    let repo = repo_root();
    let tmp = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(BIN);
    cmd.arg("build")
        .args(["--mtime", "0"])
        .arg("--spec")
        .arg(repo.join("initramfs/initramfs.toml"));
    for name in ["pideins", "mvirt", "mvirt-vmm"] {
        let stand_in = tmp.path().join(name);
        fs::write(&stand_in, format!("stand-in for {name}")).unwrap();
        cmd.arg("--input")
            .arg(format!("{name}={}", stand_in.display()));
    }
    cmd.arg("--input")
        .arg(format!(
            "os-release={}",
            repo.join("uki/os-release").display()
        ))
        .arg("--omit")
        .arg("cloud-hypervisor");
    let archive = tmp.path().join("initramfs.cpio.gz");
    ok(cmd.arg("-o").arg(&archive));
    let listing = our_listing(&archive);
    for (name, mode) in [
        ("init", "-rwxr-xr-x"),
        ("usr/sbin/mvirt-vmm", "-rwxr-xr-x"),
        ("dev/console", "crw-------"),
        ("tmp", "drwxrwxrwt"),
        ("etc/os-release", "-rw-r--r--"),
    ] {
        assert_eq!(listing[name].0, mode, "{name}");
    }
    assert!(!listing.contains_key("usr/bin/cloud-hypervisor"));
    assert!(ok(Command::new(BIN).arg("verify").arg(&archive)).contains("OK"));
}

/// The repository root: $MVIRT_REPO_ROOT when set (buck2 runs tests from
/// the project root and sets it to "."), else two levels above this crate.
fn repo_root() -> std::path::PathBuf {
    std::env::var_os("MVIRT_REPO_ROOT")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
}
