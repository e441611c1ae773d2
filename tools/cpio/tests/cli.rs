//! The CLI's behaviour around its edges: output to a closed or full
//! stdout, error messages that say each thing once, no leftovers after a
//! failed build, the trailer's name as a spec path, and memory that does
//! not grow with what an archive expands to.

mod common;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{bin, run_limited, stderr, Ar};
use mvirt_cpio::newc::mode;

/// An archive whose `list` output is far larger than a pipe's buffer.
fn many_entries(dir: &Path) -> PathBuf {
    let mut ar = Ar::default();
    for i in 0..3000 {
        ar.file(&format!("file-with-a-longish-name-{i:05}"), b"");
    }
    ar.write(&dir.join("many.cpio"))
}

#[test]
fn output_to_a_closed_pipe_ends_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = many_entries(tmp.path());
    for json in [false, true] {
        let mut cmd = Command::new(bin());
        cmd.arg("list").args(json.then_some("--json")).arg(&archive);
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one line's worth, then close the pipe: as `| head -1`.
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert!(out.status.success(), "json={json}: {:?} {err}", out.status);
        assert!(err.is_empty(), "json={json}: {err}");
    }
    // The literal pipeline.
    let out = run_limited(
        Command::new("bash")
            .arg("-c")
            .arg("set -o pipefail; \"$0\" list \"$1\" | head -1")
            .arg(bin())
            .arg(&archive),
        Duration::from_secs(20),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn a_full_stdout_is_an_error_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = many_entries(tmp.path());
    for cmd in ["list", "verify"] {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(bin())
            .arg(cmd)
            .arg(&archive)
            .stdout(full)
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{cmd}: {err}");
        assert!(
            err.contains("error: writing to standard output: No space left on device"),
            "{cmd}: {err}"
        );
        assert!(!err.contains("panicked"), "{cmd}: {err}");
    }
}

/// Each failure's cause appears once, not as "X: X".
#[test]
fn errors_say_their_cause_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let missing = dir.join("missing.cpio");
    let not_a_dir = dir.join("file");
    fs::write(&not_a_dir, "").unwrap();
    let corrupt = dir.join("corrupt.cpio.gz");
    fs::write(
        &corrupt,
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03garbage!",
    )
    .unwrap();
    let good = Ar::default().file("a", b"a").write(&dir.join("good.cpio"));
    let spec = dir.join("spec.toml");
    fs::write(&spec, "[[entry]]\npath = \"/a\"\nkind = \"dir\"\n").unwrap();
    let os = |args: &[&std::ffi::OsStr], cause: &str| {
        let out = run_limited(Command::new(bin()).args(args), Duration::from_secs(20));
        let err = stderr(&out);
        assert!(!out.status.success(), "{args:?}: {err}");
        assert_eq!(err.matches(cause).count(), 1, "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    };
    let s = |x: &str| std::ffi::OsString::from(x);
    let p = |x: &Path| x.as_os_str().to_owned();
    let cases: Vec<(Vec<std::ffi::OsString>, &str)> = vec![
        (vec![s("list"), p(&missing)], "No such file or directory"),
        (vec![s("verify"), p(&missing)], "No such file or directory"),
        (
            vec![s("extract"), p(&missing), p(&dir.join("d"))],
            "No such file or directory",
        ),
        (
            vec![s("extract"), p(&good), p(&not_a_dir.join("sub"))],
            "Not a directory",
        ),
        (vec![s("list"), p(&corrupt)], "deflate"),
        (
            vec![
                s("build"),
                s("--mtime"),
                s("0"),
                s("--spec"),
                p(&missing),
                s("-o"),
                p(&dir.join("o")),
            ],
            "No such file",
        ),
        (
            vec![
                s("build"),
                s("--mtime"),
                s("0"),
                s("--spec"),
                p(&spec),
                s("-o"),
                p(&not_a_dir.join("o")),
            ],
            "Not a directory",
        ),
    ];
    for (args, cause) in cases {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        os(&args, cause);
    }
}

/// A build that fails after it started writing leaves neither the output
/// nor the directories it made for it.
#[test]
fn a_failed_build_leaves_no_new_directories() {
    let tmp = tempfile::tempdir().unwrap();
    // /proc files say they are empty regular files, then yield data: the
    // archive writer notices the size change half-way.
    let spec = tmp.path().join("spec.toml");
    fs::write(
        &spec,
        "[[entry]]\npath = \"/stat\"\nkind = \"file\"\nsource = \"/proc/self/stat\"\n",
    )
    .unwrap();
    for output in ["newdir/sub/out.cpio", "newdir/out.cpio.gz", "out.cpio.zst"] {
        let out = run_limited(
            Command::new(bin())
                .arg("build")
                .args(["--mtime", "0"])
                .arg("--spec")
                .arg(&spec)
                .arg("-o")
                .arg(tmp.path().join(output)),
            Duration::from_secs(20),
        );
        let err = stderr(&out);
        assert!(!out.status.success(), "{output}: {err}");
        assert!(err.contains("the header says 0"), "{output}: {err}");
        let left: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(left, ["spec.toml"], "{output}");
    }
}

/// `/TRAILER!!!` in a spec would end the archive early for every reader.
#[test]
fn the_trailer_name_is_not_a_spec_path() {
    let tmp = tempfile::tempdir().unwrap();
    for path in ["/TRAILER!!!", "TRAILER!!!"] {
        let spec = tmp.path().join("spec.toml");
        fs::write(
            &spec,
            format!("[[entry]]\npath = \"{path}\"\nkind = \"dir\"\n[[entry]]\npath = \"/z\"\nkind = \"dir\"\n"),
        )
        .unwrap();
        let output = tmp.path().join("out.cpio");
        let out = run_limited(
            Command::new(bin())
                .arg("build")
                .args(["--mtime", "0"])
                .arg("--spec")
                .arg(&spec)
                .arg("-o")
                .arg(&output),
            Duration::from_secs(20),
        );
        let err = stderr(&out);
        assert!(!out.status.success(), "{path}: accepted");
        assert!(err.contains("end-of-archive record"), "{err}");
        assert!(!output.exists());
    }
}

/// `list --json` streams, and prints the same array as serializing the
/// whole list at once.
#[test]
fn list_json_is_the_whole_array() {
    let tmp = tempfile::tempdir().unwrap();
    let mut ar = Ar::default();
    ar.dir("d").file("d/f", b"data").symlink("l", "d/f");
    let archive = ar.write(&tmp.path().join("a.cpio"));
    let empty = Ar::default().write(&tmp.path().join("empty.cpio"));
    for archive in [archive, empty] {
        let out = Command::new(bin())
            .args(["list", "--json"])
            .arg(&archive)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let whole = mvirt_cpio::list(&archive).unwrap();
        let want = serde_json::to_string_pretty(&whole).unwrap() + "\n";
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
    }
}

/// `verify` keeps a bounded report: the first 1000 problems, then a count.
#[test]
fn verify_reports_are_bounded() {
    let tmp = tempfile::tempdir().unwrap();
    let mut ar = Ar::default();
    for i in 0..1100 {
        ar.file(&format!("orphan{i}/f"), b"");
    }
    let archive = ar.write(&tmp.path().join("a.cpio"));
    let out = Command::new(bin())
        .arg("verify")
        .arg(&archive)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1001);
    assert!(
        text.ends_with("... and 100 more problems\n"),
        "{}",
        &text[text.len() - 200..]
    );
}

/// Frames of `count` MiB of `byte` after `head`, as a small zstd stream.
fn zstd_bomb(head: &[u8], byte: u8, count: usize, tail: &[u8]) -> Vec<u8> {
    let frame = |data: &[u8]| zstd::bulk::compress(data, 3).unwrap();
    let mib = frame(&vec![byte; 1 << 20]);
    let mut out = frame(head);
    for _ in 0..count {
        out.extend_from_slice(&mib);
    }
    if !tail.is_empty() {
        out.extend(frame(tail));
    }
    out
}

/// One newc header and name (padded), without the data it announces: the
/// writer would insist on the data, which here comes from other frames.
fn record(name: &str, mode: u32, size: u32) -> Vec<u8> {
    let namesize = name.len() as u32 + 1;
    let fields = [1, mode, 0, 0, 1, 0, size, 0, 0, 0, 0, namesize, 0];
    let mut out = b"070701".to_vec();
    for field in fields {
        out.extend(format!("{field:08X}").bytes());
    }
    out.extend(name.bytes());
    out.push(0);
    out.resize(out.len().next_multiple_of(4), 0);
    out
}

/// A gzip stream of `head` and then 128 members of one MiB of `a` each
/// (gzip members concatenate like zstd frames).
fn gzip_bomb(head: &[u8]) -> Vec<u8> {
    let gz = |data: &[u8]| {
        let mut w = mvirt_cpio::Compression::Gzip { level: 6 }
            .writer(Vec::new())
            .unwrap();
        std::io::Write::write_all(&mut w, data).unwrap();
        w.finish().unwrap()
    };
    let mut out = gz(head);
    let mib = gz(&vec![b'a'; 1 << 20]);
    for _ in 0..128 {
        out.extend_from_slice(&mib);
    }
    out
}

/// An archive that expands to 128 MiB, the command to run on it, whether it
/// succeeds, and what its output must say.
struct Bomb {
    name: &'static str,
    bytes: Vec<u8>,
    cmd: &'static str,
    succeeds: bool,
    want: &'static str,
}

fn bombs() -> Vec<Bomb> {
    let small = Ar::default().file("f", b"x").bytes();
    let trailer = record("TRAILER!!!", 0, 0);
    let link = record("l", mode::S_IFLNK | 0o777, 128 << 20);
    let file = record("f", mode::S_IFREG | 0o644, 128 << 20);
    let bomb = |name, bytes, cmd, succeeds, want| Bomb {
        name,
        bytes,
        cmd,
        succeeds,
        want,
    };
    let too_long = "symlink target is 134217728 bytes";
    vec![
        // Padding after the trailer.
        bomb(
            "padding.zst",
            zstd_bomb(&small, 0, 128, &[]),
            "verify",
            true,
            "OK, 1 entries",
        ),
        bomb(
            "link.zst",
            zstd_bomb(&link, b'a', 128, &trailer),
            "list",
            false,
            too_long,
        ),
        bomb(
            "link2.zst",
            zstd_bomb(&link, b'a', 128, &trailer),
            "verify",
            false,
            too_long,
        ),
        bomb(
            "data.zst",
            zstd_bomb(&file, b'a', 128, &trailer),
            "list",
            true,
            "134217728 f",
        ),
        bomb("link.gz", gzip_bomb(&link), "list", false, too_long),
    ]
}

/// `list` and `verify` of at most a few hundred KiB that expand to 128 MiB — padding
/// after the trailer, a symlink "target", a file's data — run under a
/// 64 MiB address-space limit: they stream.
#[test]
fn list_and_verify_stream_in_bounded_memory() {
    const MIB: usize = 1 << 20;
    let tmp = tempfile::tempdir().unwrap();
    for Bomb {
        name,
        bytes,
        cmd,
        succeeds,
        want,
    } in bombs()
    {
        assert!(bytes.len() < 256 * 1024, "{name} is {} bytes", bytes.len());
        let archive = tmp.path().join(name);
        fs::write(&archive, &bytes).unwrap();
        let out = run_limited(
            Command::new("prlimit")
                .arg(format!("--as={}", 64 * MIB))
                .arg(bin())
                .arg(cmd)
                .arg(&archive),
            Duration::from_secs(30),
        );
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        assert_eq!(
            out.status.success(),
            succeeds,
            "{cmd} {name}: {:?} {text}",
            out.status
        );
        assert!(text.contains(want), "{cmd} {name}: {text}");
    }
}

/// `--mtime` is part of the contract: required, and never read from the
/// caller's environment (SOURCE_DATE_EPOCH included).
#[test]
fn mtime_is_a_required_option_not_the_environment() {
    let tmp = tempfile::tempdir().unwrap();
    let spec = tmp.path().join("spec.toml");
    fs::write(&spec, "[[entry]]\npath = \"/a\"\nkind = \"dir\"\n").unwrap();
    let output = tmp.path().join("out.cpio");
    let build = |mtime: Option<&str>| {
        let mut cmd = Command::new(bin());
        cmd.arg("build")
            .arg("--spec")
            .arg(&spec)
            .arg("-o")
            .arg(&output);
        cmd.args(mtime.map(|m| ["--mtime", m]).into_iter().flatten());
        run_limited(
            cmd.env("SOURCE_DATE_EPOCH", "1700000000"),
            Duration::from_secs(20),
        )
    };
    let out = build(None);
    assert!(!out.status.success(), "built without --mtime");
    assert!(stderr(&out).contains("--mtime"), "{}", stderr(&out));
    assert!(!output.exists());
    let out = build(Some("42"));
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = mvirt_cpio::list(&output).unwrap();
    assert_eq!(listed[0].mtime, 42, "--mtime wins over SOURCE_DATE_EPOCH");
}
