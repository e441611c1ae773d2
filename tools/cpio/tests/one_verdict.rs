//! Issue #25: `verify`, `list` and `extract` give one verdict on the same
//! archive (they read it with one checking pass); nothing after the trailer
//! is silently skipped; names with bidi and other invisible controls are
//! refused; `verify`'s memory does not grow with the names' length.

mod common;

use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Command;

use common::{bin, cli, stderr, Ar};
use mvirt_cpio::newc::{mode, Header};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut w = mvirt_cpio::Compression::Gzip { level: 6 }
        .writer(Vec::new())
        .unwrap();
    w.write_all(bytes).unwrap();
    w.finish().unwrap()
}

fn clean() -> Vec<u8> {
    Ar::default()
        .dir("etc")
        .file("etc/hostname", b"mvirt\n")
        .symlink("init", "/bin/sh")
        .bytes()
}

/// A second archive, as the kernel would unpack it after the first.
fn hidden() -> Vec<u8> {
    Ar::default().file("hidden", b"not in any listing").bytes()
}

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

fn hard_link_group(members: u32, nlink: u32) -> Vec<u8> {
    let mut ar = Ar::default();
    for i in 0..members {
        let data: &[u8] = if i + 1 == members { b"data" } else { b"" };
        ar.link(&format!("l{i}"), 77, nlink, data);
    }
    ar.bytes()
}

fn header(file_type: u32) -> Header {
    Header {
        mode: file_type | 0o644,
        nlink: 1,
        ino: 5,
        ..Header::default()
    }
}

/// Every archive with whether it is acceptable.
fn corpus() -> Vec<(&'static str, Vec<u8>, bool)> {
    let no_trailer = {
        let mut bytes = Ar::default().file("a", b"x").bytes();
        let at = bytes.windows(10).position(|w| w == b"TRAILER!!!").unwrap();
        bytes.truncate(at - 110); // where the trailer's header starts
        bytes
    };
    vec![
        ("clean", clean(), true),
        ("clean.gz", gzip(&clean()), true),
        (
            "zero padding after the trailer",
            cat(&[&clean(), &[0; 512]]),
            true,
        ),
        // Hard-link groups whose size is not their nlink.
        ("nlink 3, two members", hard_link_group(2, 3), false),
        ("nlink 2, three members", hard_link_group(3, 2), false),
        ("nlink 2, two members", hard_link_group(2, 2), true),
        // More after the trailer: the kernel unpacks it too.
        ("a second archive", cat(&[&clean(), &hidden()]), false),
        (
            "a second archive after padding",
            cat(&[&clean(), &[0; 8], &hidden()]),
            false,
        ),
        (
            "a gzip'ed second archive",
            cat(&[&clean(), &gzip(&hidden())]),
            false,
        ),
        (
            "two gzip'ed archives",
            cat(&[&gzip(&clean()), &gzip(&hidden())]),
            false,
        ),
        (
            "garbage after the trailer",
            cat(&[&clean(), b"junk"]),
            false,
        ),
        ("no trailer", no_trailer, false),
        // Names and targets.
        (
            "duplicate",
            Ar::default().file("a", b"").file("a", b"").bytes(),
            false,
        ),
        (
            "parent missing",
            Ar::default().file("d/a", b"").bytes(),
            false,
        ),
        ("dot-dot", Ar::default().file("../a", b"").bytes(), false),
        ("newline", Ar::default().file("a\nb", b"").bytes(), false),
        (
            "RLO U+202E",
            Ar::default().file("invoice\u{202e}fdp.sh", b"").bytes(),
            false,
        ),
        (
            "LRI U+2066 in a dir",
            Ar::default().dir("d\u{2066}x").bytes(),
            false,
        ),
        (
            "RLM U+200F",
            Ar::default().file("a\u{200f}", b"").bytes(),
            false,
        ),
        (
            "ALM U+061C",
            Ar::default().file("\u{61c}a", b"").bytes(),
            false,
        ),
        (
            "PDI U+2069",
            Ar::default().file("a\u{2069}", b"").bytes(),
            false,
        ),
        (
            "line separator U+2028",
            Ar::default().file("a\u{2028}b", b"").bytes(),
            false,
        ),
        (
            "symlink target with RLO",
            Ar::default().symlink("l", "/bin/\u{202e}hs").bytes(),
            false,
        ),
        (
            "socket",
            Ar::default().raw("s", header(mode::S_IFSOCK), b"").bytes(),
            false,
        ),
        (
            "plain unicode is fine",
            Ar::default().file("café-日本", b"").bytes(),
            true,
        ),
    ]
}

/// Each command's verdict on `archive`: accepted or not, and its stderr.
fn verdicts(archive: &Path, dest: &Path) -> Vec<(&'static str, bool, String)> {
    let runs: [(&'static str, Vec<&OsStr>); 4] = [
        ("verify", vec!["verify".as_ref(), archive.as_os_str()]),
        ("list", vec!["list".as_ref(), archive.as_os_str()]),
        (
            "list --json",
            vec!["list".as_ref(), "--json".as_ref(), archive.as_os_str()],
        ),
        (
            "extract",
            vec!["extract".as_ref(), archive.as_os_str(), dest.as_os_str()],
        ),
    ];
    runs.into_iter()
        .map(|(name, args)| {
            let out = cli(&args);
            (name, out.status.success(), stderr(&out))
        })
        .collect()
}

#[test]
fn verify_list_and_extract_agree_on_every_archive() {
    let tmp = tempfile::tempdir().unwrap();
    let mut wrong = Vec::new();
    for (i, (name, bytes, ok)) in corpus().into_iter().enumerate() {
        let archive = tmp.path().join(format!("{i}.cpio"));
        fs::write(&archive, &bytes).unwrap();
        let dest = tmp.path().join(format!("out{i}"));
        for (cmd, accepted, err) in verdicts(&archive, &dest) {
            if accepted != ok {
                wrong.push(format!(
                    "{name}: {cmd} accepted={accepted}, want {ok}: {err}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// What follows a trailer is never silently dropped: list shows it or
/// fails; it never succeeds without it.
#[test]
fn list_never_hides_a_second_segment() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("plain", cat(&[&clean(), &hidden()])),
        ("gzip", cat(&[&clean(), &gzip(&hidden())])),
        ("gzip+gzip", cat(&[&gzip(&clean()), &gzip(&hidden())])),
        ("padding", cat(&[&clean(), &[0; 4], &hidden()])),
    ] {
        let archive = tmp.path().join("a.cpio");
        fs::write(&archive, &bytes).unwrap();
        let out = cli(&["list".as_ref(), archive.as_os_str()]);
        let listing = String::from_utf8_lossy(&out.stdout);
        assert!(
            !out.status.success() || listing.contains("hidden"),
            "{name}: list succeeded without the second segment:\n{listing}"
        );
        let text = stderr(&out);
        assert!(text.contains("after the trailer"), "{name}: {text}");
    }
}

/// An extraction of an archive with a second segment does not end with
/// success and only the first segment's files.
#[test]
fn extract_refuses_a_second_segment() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("a.cpio");
    fs::write(&archive, cat(&[&clean(), &hidden()])).unwrap();
    let dest = tmp.path().join("out");
    let out = cli(&["extract".as_ref(), archive.as_os_str(), dest.as_os_str()]);
    assert!(!out.status.success(), "extract accepted it");
    assert!(
        stderr(&out).contains("after the trailer"),
        "{}",
        stderr(&out)
    );
}

/// A newc record (header and padded name) with no data.
fn record(name: &str) -> Vec<u8> {
    let namesize = name.len() as u32 + 1;
    let fields = [
        1,
        mode::S_IFREG | 0o644,
        0,
        0,
        1,
        0,
        0,
        0,
        0,
        0,
        0,
        namesize,
        0,
    ];
    let mut out = b"070701".to_vec();
    for field in fields {
        out.extend(format!("{field:08X}").bytes());
    }
    out.extend(name.bytes());
    out.push(0);
    out.resize(out.len().next_multiple_of(4), 0);
    out
}

/// 20,000 entries with 4,000-byte names (80 MB of names; under 1 MB of
/// zstd): `verify` keeps a hash of each name, not the name, so it runs in
/// a 64 MiB address space.
#[test]
fn verify_memory_does_not_grow_with_name_length() {
    const ENTRIES: usize = 20_000;
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("names.cpio.zst");
    let mut enc = zstd::stream::Encoder::new(fs::File::create(&archive).unwrap(), 3).unwrap();
    for i in 0..ENTRIES {
        enc.write_all(&record(&format!("{i:0>4000}"))).unwrap();
    }
    enc.write_all(&record("TRAILER!!!")).unwrap();
    enc.finish().unwrap();
    assert!(fs::metadata(&archive).unwrap().len() < 4 << 20);
    for cmd in ["verify", "list"] {
        // Not run_limited: `list` writes 80 MB, which must not fill a pipe.
        let out = Command::new("prlimit")
            .arg(format!("--as={}", 64 << 20))
            .arg(bin())
            .arg(cmd)
            .arg(&archive)
            .stdout(std::process::Stdio::null())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{cmd}: {:?} {}",
            out.status,
            stderr(&out)
        );
    }
}

/// Directories whose names extract keeps until the end (for their modes):
/// 4,300 of ~4,000 bytes each are 17 MB of names, over MAX_KEPT_NAMES:
/// refused, under a 64 MiB address space, instead of growing.
#[test]
fn extract_memory_does_not_grow_with_directory_names() {
    let tmp = tempfile::tempdir().unwrap();
    let mut ar = Ar::default();
    // A chain of 255-byte components (NAME_MAX), then siblings at its end.
    let mut parent = String::new();
    for level in 0..15 {
        if level > 0 {
            parent.push('/');
        }
        parent.push_str(&format!("{level:x>255}"));
        ar.dir(&parent);
    }
    for i in 0..4300 {
        ar.dir(&format!("{parent}/{i:y>200}"));
    }
    let archive = ar.write(&tmp.path().join("dirs.cpio"));
    let out = Command::new("prlimit")
        .arg(format!("--as={}", 64 << 20))
        .arg(bin())
        .arg("extract")
        .arg(&archive)
        .arg(tmp.path().join("out"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("bytes of names"), "{}", stderr(&out));
}
