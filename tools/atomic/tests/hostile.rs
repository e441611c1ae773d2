//! Destinations and inputs that are not regular files (issue #25).

use std::io::Write;
use std::os::unix::fs::{symlink, FileTypeExt};
use std::os::unix::net::UnixListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

use mvirt_atomic::Output;

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo {}", path.display());
}

fn is_root() -> bool {
    let out = Command::new("id").arg("-u").output().unwrap();
    out.stdout.starts_with(b"0\n")
}

/// Every shape of destination that must not be replaced, made in `dir`;
/// returns (name, what the error must say). The listener keeps the socket.
fn special_destinations(dir: &Path) -> (Vec<(&'static str, &'static str)>, UnixListener) {
    std::fs::write(dir.join("target-file"), "precious").unwrap();
    std::fs::create_dir(dir.join("target-dir")).unwrap();
    mkfifo(&dir.join("fifo"));
    let socket = UnixListener::bind(dir.join("socket")).unwrap();
    symlink(dir.join("target-file"), dir.join("link-to-file")).unwrap();
    symlink(dir.join("target-dir"), dir.join("link-to-dir")).unwrap();
    symlink(dir.join("missing"), dir.join("dangling")).unwrap();
    symlink("/dev/null", dir.join("link-to-dev-null")).unwrap();
    std::fs::create_dir(dir.join("empty-dir")).unwrap();
    let mut shapes = vec![
        ("fifo", "a FIFO"),
        ("socket", "a socket"),
        ("link-to-file", "a symlink"),
        ("link-to-dir", "a symlink"),
        ("dangling", "a symlink"),
        ("link-to-dev-null", "a symlink"),
        ("empty-dir", "a directory"),
    ];
    if is_root() {
        let ok = Command::new("mknod")
            .args([dir.join("null").to_str().unwrap(), "c", "1", "3"])
            .status()
            .unwrap()
            .success();
        assert!(ok, "mknod");
        shapes.push(("null", "a character device"));
    }
    (shapes, socket)
}

/// What a directory holds: names, types and the content of regular files.
fn snapshot(dir: &Path) -> Vec<(String, String, Option<Vec<u8>>)> {
    names(dir)
        .into_iter()
        .map(|n| {
            let p = dir.join(&n);
            let t = std::fs::symlink_metadata(&p).unwrap().file_type();
            let content = t.is_file().then(|| std::fs::read(&p).unwrap());
            (n, format!("{t:?}"), content)
        })
        .collect()
}

#[test]
fn create_refuses_a_destination_that_is_not_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let (shapes, _socket) = special_destinations(dir.path());
    let before = snapshot(dir.path());
    for (name, what) in shapes {
        let dest = dir.path().join(name);
        let err = Output::create(&dest, 0o644).unwrap_err().to_string();
        assert!(err.contains(what), "{name}: {err} (want {what})");
        let err = mvirt_atomic::write(&dest, b"new", 0o644).unwrap_err();
        assert!(err.to_string().contains(what), "{name}: {err}");
        assert_eq!(
            snapshot(dir.path()),
            before,
            "{name}: nothing written or removed"
        );
    }
    assert!(Path::new("/dev/null")
        .metadata()
        .unwrap()
        .file_type()
        .is_char_device());
}

#[test]
fn commit_refuses_a_special_file_that_appeared_after_create() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("out");
    let mut out = Output::create(&dest, 0o644).unwrap();
    out.write_all(b"new").unwrap();
    mkfifo(&dest);
    let err = out.commit().unwrap_err().to_string();
    assert!(err.contains("a FIFO"), "{err}");
    assert_eq!(names(dir.path()), ["out"], "no temporary left");
    assert!(std::fs::symlink_metadata(&dest)
        .unwrap()
        .file_type()
        .is_fifo());
}

#[test]
fn replace_special_replaces_what_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("fifo");
    mkfifo(&dest);
    let options = mvirt_atomic::Options {
        replace_special: true,
    };
    let mut out = Output::create_with(&dest, 0o644, options).unwrap();
    out.write_all(b"new").unwrap();
    out.commit().unwrap();
    assert_eq!(std::fs::read(&dest).unwrap(), b"new");
}

#[test]
fn a_regular_file_is_still_replaced_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("out");
    std::fs::write(&dest, "old").unwrap();
    // Another name for the old inode sees the old content: a rename, not
    // a rewrite in place.
    std::fs::hard_link(&dest, dir.path().join("old-name")).unwrap();
    mvirt_atomic::write(&dest, b"new", 0o600).unwrap();
    assert_eq!(std::fs::read(&dest).unwrap(), b"new");
    assert_eq!(std::fs::read(dir.path().join("old-name")).unwrap(), b"old");
    assert_eq!(names(dir.path()), ["old-name", "out"]);
}

/// Runs `f` on another thread; fails the test if it takes over 10 s (a
/// FIFO read would block forever).
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || tx.send(f()).unwrap());
    rx.recv_timeout(Duration::from_secs(10))
        .expect("the input was not refused within 10 s (blocked?)")
}

fn read_err(path: PathBuf, max: u64) -> String {
    within_seconds(move || {
        mvirt_atomic::read_input(&path, max)
            .unwrap_err()
            .to_string()
    })
}

#[test]
fn read_input_refuses_what_is_not_a_regular_file_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _socket) = special_destinations(dir.path());
    let cases = [
        (dir.path().join("fifo"), "a FIFO"),
        (dir.path().join("socket"), "a socket"),
        (dir.path().join("target-dir"), "a directory"),
        (dir.path().join("link-to-dir"), "a directory"),
        (dir.path().join("link-to-dev-null"), "a character device"),
        ("/dev/zero".into(), "a character device"),
        ("/dev/null".into(), "a character device"),
    ];
    for (path, what) in cases {
        let err = read_err(path.clone(), 1 << 20);
        assert!(
            err.contains(what),
            "{}: {err} (want {what})",
            path.display()
        );
    }
    assert_eq!(
        mvirt_atomic::read_input(dir.path().join("dangling"), 10)
            .unwrap_err()
            .kind(),
        std::io::ErrorKind::NotFound
    );
}

#[test]
fn read_input_takes_a_regular_file_up_to_its_bound() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f");
    std::fs::write(&path, vec![1u8; 1000]).unwrap();
    assert_eq!(mvirt_atomic::read_input(&path, 1000).unwrap().len(), 1000);
    let link = dir.path().join("link");
    symlink(&path, &link).unwrap();
    assert_eq!(mvirt_atomic::read_input(&link, 1000).unwrap().len(), 1000);
    let err = read_err(path.clone(), 999);
    assert!(err.contains("at most 999 bytes"), "{err}");
    let (_, len) = mvirt_atomic::open_input(&path, 1000).unwrap();
    assert_eq!(len, 1000);
    std::fs::write(&path, "not \u{ff} utf-8 \u{0}").unwrap();
    assert!(mvirt_atomic::read_input_to_string(&path, 100).is_ok());
    std::fs::write(&path, b"\xff\xfe").unwrap();
    let err = mvirt_atomic::read_input_to_string(&path, 100).unwrap_err();
    assert!(err.to_string().contains("not UTF-8"), "{err}");
}
