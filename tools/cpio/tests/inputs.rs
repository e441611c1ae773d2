//! Inputs that are not regular files (issue #25): a FIFO as the spec or the
//! archive would block, `/dev/zero` would never end, a directory says
//! nothing useful. Each is refused at once, naming the path and its type.

mod common;

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

use common::{cli, stderr};

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

fn assert_refused(args: &[&OsStr], path: &Path, what: &str) {
    let out = cli(args);
    let err = stderr(&out);
    assert!(!out.status.success(), "{args:?} succeeded");
    assert!(err.contains(&path.display().to_string()), "{args:?}: {err}");
    assert!(err.contains(what), "{args:?}: {err} (want {what})");
}

#[test]
fn non_regular_archives_and_specs_are_refused_without_waiting() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("fifo");
    mkfifo(&fifo);
    let dest = tmp.path().join("dest");
    let out = tmp.path().join("out.cpio");
    for (path, what) in [
        (fifo.as_path(), "is a FIFO"),
        (Path::new("/dev/zero"), "is a character device"),
        (tmp.path(), "is a directory"),
    ] {
        let p = path.as_os_str();
        assert_refused(&["verify".as_ref(), p], path, what);
        assert_refused(&["list".as_ref(), p], path, what);
        assert_refused(&["extract".as_ref(), p, dest.as_os_str()], path, what);
        let build = [
            "build".as_ref(),
            "--spec".as_ref(),
            p,
            "--mtime".as_ref(),
            "0".as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ];
        assert_refused(&build, path, what);
        assert!(!out.exists());
    }
}
