//! `mvirt-cpio extract` never touches anything outside its target: every
//! test extracts into `parent/target` and asserts (in `Arena::extract`)
//! that `parent/outside` — files, a directory, a FIFO — and `parent`
//! itself are exactly as before: no write, chmod, link or new entry.
//!
//! Each class of escape is tried in several shapes: symlink swaps at
//! several depths, hard-link chains, directories over symlinks, files over
//! directories, symlinks already in a non-empty target, FIFOs and device
//! nodes, absolute and relative link targets.

mod common;

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{bin, run_limited, stderr, Ar, Arena};
use mvirt_cpio::newc::{mode, Header};

fn symlink(target: &str, at: &Path) {
    if let Some(parent) = at.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    std::os::unix::fs::symlink(target, at).unwrap();
}

fn mkfifo(at: &Path) {
    rustix::fs::mknodat(
        rustix::fs::CWD,
        at,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o644),
        0,
    )
    .unwrap();
}

fn kind(path: &Path) -> &'static str {
    let ft = fs::symlink_metadata(path).unwrap().file_type();
    match () {
        _ if ft.is_symlink() => "symlink",
        _ if ft.is_dir() => "dir",
        _ if ft.is_file() => "file",
        _ if ft.is_fifo() => "fifo",
        _ if ft.is_char_device() => "char",
        _ => "other",
    }
}

/// The ways to point a symlink at `outside/<rel>` from a link that sits
/// `depth` directories below the target.
fn targets(arena: &Arena, rel: &str, depth: usize) -> Vec<String> {
    let up = "../".repeat(depth + 1);
    vec![arena.abs(rel), format!("{up}outside/{rel}")]
}

/// Class 1: a hard-link group whose first name is later replaced by a
/// symlink, then written through (data on a later member, or on the first
/// name itself), at several depths and chain lengths.
#[test]
fn hard_link_group_replaced_by_symlink_is_refused() {
    for depth in [0, 1, 3] {
        let dir = (0..depth)
            .map(|i| format!("d{i}"))
            .collect::<Vec<_>>()
            .join("/");
        let at = |name: &str| {
            if dir.is_empty() {
                name.to_string()
            } else {
                format!("{dir}/{name}")
            }
        };
        for variant in 0..2 {
            for shape in 0..3 {
                let arena = Arena::new();
                let target = &targets(&arena, "secret", depth)[variant];
                let mut ar = Ar::default();
                if !dir.is_empty() {
                    ar.dirs(&dir);
                }
                match shape {
                    // h, then h → secret, then g carries the data.
                    0 => ar
                        .link(&at("h"), 5, 2, b"")
                        .symlink(&at("h"), target)
                        .link("g", 5, 2, b"pwned"),
                    // The data comes on h itself, after the swap.
                    1 => ar.link(&at("h"), 5, 2, b"").symlink(&at("h"), target).link(
                        &at("h"),
                        5,
                        2,
                        b"pwned",
                    ),
                    // A chain of three, the first member swapped.
                    _ => ar
                        .link(&at("a"), 7, 3, b"")
                        .link(&at("b"), 7, 3, b"")
                        .symlink(&at("a"), target)
                        .link("c", 7, 3, b"pwned"),
                };
                arena.refused(&mut ar, "duplicate name");
            }
        }
    }
}

/// Class 2: a hard link to an outside file through a parent directory
/// that an earlier entry swapped for a symlink.
#[test]
fn hard_link_through_a_swapped_parent_is_refused() {
    // dirs, the linked file, the swapped dir, what it points to, its depth
    let shapes: [(&[&str], &str, &str, &str, usize); 3] = [
        (&["d"], "d/f", "d", "dir", 0),
        (&["a", "a/dir"], "a/dir/f", "a", "", 0),
        (&["a", "a/b", "a/b/d"], "a/b/d/f", "a/b/d", "dir", 2),
    ];
    for (dirs, file, swapped, points_to, depth) in shapes {
        for variant in 0..2 {
            let arena = Arena::new();
            let link_target = &targets(&arena, points_to, depth)[variant];
            let mut ar = Ar::default();
            for d in dirs {
                ar.dir(d);
            }
            ar.link(file, 6, 2, b"")
                .symlink(swapped, link_target)
                .link("g", 6, 2, b"pwned");
            arena.refused(&mut ar, "duplicate name");
        }
    }
}

/// Class 3: a directory entry over a symlink must not chmod (or create
/// inside) what the symlink points to — made by the archive, or already
/// in the target.
#[test]
fn directory_over_a_symlink_changes_nothing_outside() {
    // Made by the archive: refused as a duplicate.
    for variant in 0..2 {
        let arena = Arena::new();
        let mut ar = Ar::default();
        ar.symlink("s", &targets(&arena, "dir", 0)[variant])
            .dir_mode("s", 0o777);
        arena.refused(&mut ar, "duplicate name");
    }
    // Already in the target, at several depths: the symlink is replaced
    // by a real directory with the archive's mode.
    for (pre, depth) in [("s", 0), ("a/s", 1), ("a/b/c/s", 3)] {
        for variant in 0..2 {
            let arena = Arena::new();
            symlink(&targets(&arena, "dir", depth)[variant], &arena.at(pre));
            let mut ar = Ar::default();
            if let Some((parent, _)) = pre.rsplit_once('/') {
                ar.dirs(parent);
            }
            ar.dir_mode(pre, 0o777).file(&format!("{pre}/x"), b"inside");
            arena.extracted(&mut ar, &[]);
            assert_eq!(kind(&arena.at(pre)), "dir", "{pre}");
            let meta = fs::metadata(arena.at(pre)).unwrap();
            assert_eq!(meta.mode() & 0o7777, 0o777, "{pre}");
            assert_eq!(fs::read(arena.at(&format!("{pre}/x"))).unwrap(), b"inside");
        }
    }
    // A directory below a symlink already in the target, with no entry for
    // the symlink's name: its parent does not come before it.
    let arena = Arena::new();
    symlink(&arena.abs("dir"), &arena.at("s"));
    let mut ar = Ar::default();
    ar.dir_mode("s/t", 0o777);
    arena.refused(&mut ar, "does not come before it");
}

/// Class 4: symlinks already in a non-empty target are never written
/// through; those where the archive puts an entry are replaced.
#[test]
fn symlinks_already_in_the_target_are_never_followed() {
    // (pre-existing link, its target relative to outside/ or "..", archive)
    type Shape = (&'static str, &'static str, fn(&mut Ar));
    let shapes: [Shape; 7] = [
        ("etc", "", |ar| {
            ar.dir("etc").file("etc/secret", b"pwned");
        }),
        ("x", "secret", |ar| {
            ar.file("x", b"pwned");
        }),
        ("a/b", "", |ar| {
            ar.dirs("a/b").file("a/b/secret", b"pwned");
        }),
        ("up", "..", |ar| {
            ar.dir("up").file("up/new", b"pwned");
        }),
        ("s", "dir", |ar| {
            ar.symlink("s", "/elsewhere");
        }),
        ("p", "fifo", |ar| {
            ar.fifo("p");
        }),
        ("h", "secret", |ar| {
            ar.link("first", 3, 2, b"").link("h", 3, 2, b"pwned");
        }),
    ];
    for (pre, rel, build) in shapes {
        let depth = pre.matches('/').count();
        for variant in 0..2 {
            let arena = Arena::new();
            let link_target = match (rel, variant) {
                ("..", 0) => arena.tmp.path().to_str().unwrap().to_string(),
                ("..", _) => "../".repeat(depth + 1).trim_end_matches('/').to_string(),
                _ => targets(&arena, rel, depth)[variant].clone(),
            };
            symlink(&link_target, &arena.at(pre));
            let mut ar = Ar::default();
            build(&mut ar);
            arena.extracted(&mut ar, &[]);
            let now = fs::read_link(arena.at(pre)).ok();
            assert_ne!(
                now,
                Some(link_target.clone().into()),
                "{pre} → {link_target}"
            );
        }
    }
    // Without an entry for the symlink's own name, anything below it is
    // refused: its parent does not come before it.
    for pre in ["etc", "a/b"] {
        let arena = Arena::new();
        symlink(&arena.abs(""), &arena.at(pre));
        let mut ar = Ar::default();
        if let Some((parent, _)) = pre.rsplit_once('/') {
            fs::create_dir_all(arena.at(parent)).ok();
            ar.dirs(parent);
        }
        ar.file(&format!("{pre}/secret"), b"pwned");
        arena.refused(&mut ar, "does not come before it");
    }
}

/// A file hard-linked from outside into the target is replaced, never
/// written: the outside file keeps its content.
#[test]
fn a_hard_link_already_in_the_target_is_replaced_not_written() {
    let arena = Arena::new();
    fs::hard_link(arena.outside.join("secret"), arena.at("x")).unwrap();
    fs::hard_link(arena.outside.join("dir/f"), arena.at("y")).unwrap();
    let archive = arena.archive(
        Ar::default()
            .file("x", b"pwned")
            .link("z", 4, 2, b"")
            .link("y", 4, 2, b"pwned"),
    );
    let out = run_limited(
        Command::new(bin())
            .arg("extract")
            .arg(&archive)
            .arg(&arena.target),
        Duration::from_secs(20),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fs::read(arena.outside.join("secret")).unwrap(), b"secret");
    assert_eq!(fs::read(arena.outside.join("dir/f")).unwrap(), b"f");
    assert_eq!(fs::read(arena.at("x")).unwrap(), b"pwned");
    assert_eq!(fs::read(arena.at("y")).unwrap(), b"pwned");
    let (y, z) = (
        fs::metadata(arena.at("y")).unwrap(),
        fs::metadata(arena.at("z")).unwrap(),
    );
    assert_eq!(y.ino(), z.ino());
}

/// Class 5: a FIFO or device node is never opened for writing, whether
/// the archive made it or it was already in the target.
#[test]
fn fifos_and_device_nodes_are_never_opened_for_writing() {
    // Made by the archive over a hard-link group's name: refused. (Before,
    // this blocked forever opening the FIFO, or opened /dev/null O_WRONLY.)
    for node in [mode::S_IFIFO, mode::S_IFCHR] {
        for data_on in ["p", "q"] {
            let arena = Arena::new();
            let mut ar = Ar::default();
            ar.link("p", 9, 2, b"");
            if node == mode::S_IFIFO {
                ar.fifo("p");
            } else {
                ar.node("p", node, 1, 3);
            }
            ar.link(data_on, 9, 2, b"data");
            arena.refused(&mut ar, "duplicate name");
        }
    }
    // Already in the target: replaced by unlink + create, never opened.
    type Pre = fn(&Arena, &Path);
    let pres: [(&str, Pre); 4] = [
        ("fifo", |_, at| mkfifo(at)),
        ("char device (/dev/full)", |_, at| {
            rustix::fs::mknodat(
                rustix::fs::CWD,
                at,
                rustix::fs::FileType::CharacterDevice,
                rustix::fs::Mode::from_raw_mode(0o666),
                rustix::fs::makedev(1, 7),
            )
            .unwrap()
        }),
        ("symlink to an outside FIFO", |a, at| {
            symlink(&a.abs("fifo"), at)
        }),
        ("relative symlink to an outside FIFO", |_, at| {
            symlink("../outside/fifo", at)
        }),
    ];
    type Entry = fn(&mut Ar);
    let entries: [(&str, Entry); 3] = [
        ("a file", |ar| {
            ar.file("p", b"data");
        }),
        ("the last of a hard-link group", |ar| {
            ar.link("first", 8, 2, b"").link("p", 8, 2, b"data");
        }),
        ("the first of a hard-link group", |ar| {
            ar.link("p", 8, 2, b"data").link("second", 8, 2, b"");
        }),
    ];
    for (pre_name, pre) in pres {
        for (entry_name, entry) in entries {
            let arena = Arena::new();
            pre(&arena, &arena.at("p"));
            let mut ar = Ar::default();
            entry(&mut ar);
            arena.extracted(&mut ar, &[]);
            let what = format!("{entry_name} over a {pre_name}");
            assert_eq!(kind(&arena.at("p")), "file", "{what}");
            assert_eq!(fs::read(arena.at("p")).unwrap(), b"data", "{what}");
        }
    }
}

/// FIFOs and device nodes get exactly the archive's mode (mknod alone
/// would apply the umask), without being opened.
#[test]
fn fifos_and_nodes_get_their_exact_mode() {
    let arena = Arena::new();
    let mut ar = Ar::default();
    ar.fifo("p").node("null", mode::S_IFCHR, 1, 3);
    let archive = arena.archive(&mut ar);
    let out = run_limited(
        Command::new("sh").arg("-c").arg(format!(
            "umask 077 && exec '{}' extract --devices=create '{}' '{}'",
            bin(),
            archive.display(),
            arena.target.display()
        )),
        Duration::from_secs(20),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for name in ["p", "null"] {
        let meta = fs::symlink_metadata(arena.at(name)).unwrap();
        let want = if name == "p" { 0o644 } else { 0o666 };
        assert_eq!(meta.mode() & 0o7777, want, "{name}");
    }
    let null = fs::symlink_metadata(arena.at("null")).unwrap();
    assert_eq!(null.rdev(), rustix::fs::makedev(1, 3));
}

/// Device nodes need root: `--devices` says what to do with them, and
/// without root the default refuses them rather than failing on EPERM.
#[test]
fn device_nodes_follow_the_devices_flag() {
    let devices = || {
        let mut ar = Ar::default();
        ar.dir("dev")
            .node("dev/null", mode::S_IFCHR, 1, 3)
            .node("dev/vda", mode::S_IFBLK, 254, 0)
            .file("dev/ok", b"ok");
        ar
    };
    let arena = Arena::new();
    let out = arena.extract(&mut devices(), &["--devices=skip"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("2 device nodes skipped"),
        "{}",
        stderr(&out)
    );
    assert!(!arena.at("dev/null").exists() && !arena.at("dev/vda").exists());
    assert_eq!(fs::read(arena.at("dev/ok")).unwrap(), b"ok");

    let arena = Arena::new();
    let out = arena.extract(&mut devices(), &["--devices=refuse"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("\"dev/null\": refusing to extract: a device node"),
        "{err}"
    );
    // The archive itself is fine: it is this extraction that refuses.
    let verify = run_limited(
        Command::new(bin())
            .arg("verify")
            .arg(arena.tmp.path().join("archive.cpio")),
        Duration::from_secs(20),
    );
    assert!(
        verify.status.success(),
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );

    // As root, by default, they are made.
    if rustix::process::geteuid().is_root() {
        let arena = Arena::new();
        arena.extracted(&mut devices(), &[]);
        let vda = fs::symlink_metadata(arena.at("dev/vda")).unwrap();
        assert!(vda.file_type().is_block_device());
        assert_eq!(vda.rdev(), rustix::fs::makedev(254, 0));
    }
}

/// The default without root (`--devices=auto`): run the CLI as nobody.
#[test]
fn device_nodes_are_refused_by_default_without_root() {
    let arena = Arena::new();
    let mut ar = Ar::default();
    ar.dir("d")
        .file("d/f", b"x")
        .node("d/null", mode::S_IFCHR, 1, 3);
    let out = arena.extract_as_nobody(&mut ar, &[]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("not running as root"), "{err}");
    assert!(err.contains("--devices=skip"), "{err}");
    assert_eq!(fs::read(arena.at("d/f")).unwrap(), b"x");
}

/// Class 6: a file (or symlink, FIFO, hard link) over an existing
/// directory is an error; the directory and its contents stay.
#[test]
fn nothing_replaces_an_existing_directory() {
    type Entry = fn(&mut Ar, &str);
    let entries: [(&str, Entry); 4] = [
        ("file", |ar, at| {
            ar.file(at, b"x");
        }),
        ("symlink", |ar, at| {
            ar.symlink(at, "/");
        }),
        ("fifo", |ar, at| {
            ar.fifo(at);
        }),
        ("hard link", |ar, at| {
            ar.link("first", 4, 2, b"").link(at, 4, 2, b"x");
        }),
    ];
    for pre in ["etc", "a/b/etc"] {
        for (what, entry) in entries {
            let arena = Arena::new();
            fs::create_dir_all(arena.at(pre)).unwrap();
            fs::write(arena.at(&format!("{pre}/keep")), "keep").unwrap();
            let mut ar = Ar::default();
            if let Some((parent, _)) = pre.rsplit_once('/') {
                ar.dirs(parent);
            }
            entry(&mut ar, pre);
            arena.refused_here(&mut ar, "an existing directory is in the way");
            let kept = fs::read(arena.at(&format!("{pre}/keep")));
            assert_eq!(kept.unwrap(), b"keep", "{what} over {pre}");
        }
    }
    // Within the archive: a directory, then a file of the same name.
    let arena = Arena::new();
    let mut ar = Ar::default();
    ar.dir("d").file("d/x", b"x").file("d", b"over");
    arena.refused(&mut ar, "duplicate name");
}

/// `..` and absolute paths are fine as a symlink's content; nothing is
/// ever written through such a symlink.
#[test]
fn any_symlink_target_is_content_never_a_path_to_write_through() {
    let arena = Arena::new();
    let outside = arena.abs("");
    let links = [
        ("up", "../../.."),
        ("abs", outside.as_str()),
        ("rel", "../outside/secret"),
        ("root", "/"),
    ];
    let mut ar = Ar::default();
    for (name, target) in links {
        ar.symlink(name, target);
    }
    arena.extracted(&mut ar, &[]);
    for (name, target) in links {
        assert_eq!(fs::read_link(arena.at(name)).unwrap(), Path::new(target));
    }
    for (name, _) in links {
        let arena = Arena::new();
        let mut ar = Ar::default();
        for (name, target) in links {
            ar.symlink(name, target);
        }
        ar.file(&format!("{name}/planted"), b"x");
        arena.refused(&mut ar, "is a symlink, not a directory");
    }
}

/// Hard-link chains extract as one inode, whichever member has the data,
/// across directories.
#[test]
fn hard_link_chains_extract_as_one_inode() {
    for data_on in 0..4 {
        let arena = Arena::new();
        let names = ["a", "d/b", "d/e/c", "z"];
        let mut ar = Ar::default();
        ar.dirs("d/e");
        for (i, name) in names.iter().enumerate() {
            let data: &[u8] = if i == data_on { b"shared" } else { b"" };
            ar.link(name, 42, 4, data);
        }
        arena.extracted(&mut ar, &[]);
        let inos: Vec<u64> = names
            .iter()
            .map(|n| fs::metadata(arena.at(n)).unwrap().ino())
            .collect();
        assert!(inos.iter().all(|&i| i == inos[0]), "{inos:?}");
        assert_eq!(fs::read(arena.at("z")).unwrap(), b"shared");
        assert_eq!(fs::metadata(arena.at("a")).unwrap().nlink(), 4);
    }
}

/// Without root, a read-only directory is still filled and a read-only
/// hard-linked file still gets its data on its last link: those modes are
/// applied at the end.
#[test]
fn read_only_modes_are_applied_last() {
    let arena = Arena::new();
    let mut ar = Ar::default();
    ar.dir_mode("ro", 0o555)
        .dir_mode("ro/inner", 0o500)
        .file("ro/inner/f", b"f")
        .link_mode("ro/inner/busybox", 3, 3, 0o555, b"")
        .link_mode("ro/sh", 3, 3, 0o555, b"")
        .link_mode("ro/z", 3, 3, 0o555, b"#!busybox");
    let out = arena.extract_as_nobody(&mut ar, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mode = |p: &str| fs::metadata(arena.at(p)).unwrap().mode() & 0o7777;
    assert_eq!(mode("ro"), 0o555);
    assert_eq!(mode("ro/inner"), 0o500);
    assert_eq!(mode("ro/sh"), 0o555);
    assert_eq!(fs::read(arena.at("ro/inner/f")).unwrap(), b"f");
    assert_eq!(
        fs::read(arena.at("ro/inner/busybox")).unwrap(),
        b"#!busybox"
    );
}

/// An archive made by `build`.
fn ar(build: impl FnOnce(&mut Ar) -> &mut Ar) -> Ar {
    let mut ar = Ar::default();
    build(&mut ar);
    ar
}

/// What the archive itself gets wrong, `extract` refuses and `verify`
/// reports — one validator for both.
#[test]
fn verify_refuses_what_extract_refuses() {
    let socket = Header {
        mode: mode::S_IFSOCK | 0o755,
        nlink: 1,
        ..Header::default()
    };
    let unknown = Header {
        mode: 0o644,
        nlink: 1,
        ..Header::default()
    };
    let long = vec![b'a'; 4096];
    let cases: Vec<(&str, Ar)> = vec![
        ("socket", ar(|a| a.raw("sock", socket, b""))),
        ("unknown file type", ar(|a| a.raw("what", unknown, b""))),
        ("not UTF-8", ar(|a| a.symlink_bytes("l", b"\xff\xfe"))),
        ("NUL byte", ar(|a| a.symlink_bytes("l", b"a\0b"))),
        ("symlink target is empty", ar(|a| a.symlink_bytes("l", b""))),
        ("at most 4095", ar(|a| a.symlink_bytes("l", &long))),
        ("control character", ar(|a| a.file("bell\u{7}", b""))),
        ("control character", ar(|a| a.file("esc\u{1b}[2J", b""))),
        ("control character", ar(|a| a.file("new\nline", b""))),
        ("control character", ar(|a| a.symlink("l", "a\tb"))),
        ("`..`", ar(|a| a.file("../x", b""))),
        ("absolute", ar(|a| a.file("/x", b""))),
        ("does not come before it", ar(|a| a.file("no/parent", b""))),
    ];
    for (why, mut ar) in cases {
        Arena::new().refused(&mut ar, why);
    }
}
