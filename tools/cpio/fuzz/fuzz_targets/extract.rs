//! Extracts arbitrary archives into a target full of traps and checks that
//! nothing outside the target changed.
//!
//! Layout, under a per-process directory in $TMPDIR:
//!
//! ```text
//! parent/
//!   canary/            secret, dir/f, a FIFO, a symlink: must never change
//!   t/                 the target, rebuilt for every input, holding traps:
//!     up -> ..           out -> ../canary     abs -> /…/canary
//!     secret -> /…/canary/secret              fifo (a FIFO nobody reads)
//!     dir/esc -> ../../canary                 dir/keep
//! ```
//!
//! After each extraction (whether it succeeded or not) the parent and the
//! canary tree must be exactly as before — no write, chmod, link or new
//! entry — and `/` must hold the same names. An extraction that opened a
//! FIFO for writing would hang: run with `-timeout=10`. libFuzzer exits
//! without cleaning up: remove `$TMPDIR/mvirt-cpio-fuzz-*` afterwards
//! (TMPDIR=/dev/shm makes the target several times faster).
#![no_main]

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{symlink, MetadataExt};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mvirt_cpio::{Devices, ExtractOptions};

struct Arena {
    parent: PathBuf,
    target: PathBuf,
    canary: PathBuf,
    before: BTreeMap<PathBuf, String>,
    root_before: Vec<String>,
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

/// Everything observable about the entries under `dir` (not followed,
/// nothing but regular files opened), `skip` left out.
fn snapshot(dir: &Path, skip: &Path, out: &mut BTreeMap<PathBuf, String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path == skip {
            continue;
        }
        let m = fs::symlink_metadata(&path).unwrap();
        let ft = m.file_type();
        let mut seen = format!(
            "mode {:o} nlink {} ino {} size {} mtime {}.{} ctime {}.{}",
            m.mode(),
            m.nlink(),
            m.ino(),
            m.size(),
            m.mtime(),
            m.mtime_nsec(),
            m.ctime(),
            m.ctime_nsec()
        );
        if ft.is_file() {
            seen += &format!(" content {:?}", fs::read(&path).unwrap());
        }
        if ft.is_symlink() {
            seen += &format!(" -> {:?}", fs::read_link(&path).unwrap());
        }
        out.insert(path.clone(), seen);
        if ft.is_dir() {
            snapshot(&path, skip, out);
        }
    }
}

fn root_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir("/")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

impl Arena {
    fn new() -> Arena {
        let parent = std::env::temp_dir().join(format!("mvirt-cpio-fuzz-{}", std::process::id()));
        let _ = fs::remove_dir_all(&parent);
        let canary = parent.join("canary");
        fs::create_dir_all(canary.join("dir")).unwrap();
        fs::write(canary.join("secret"), "secret").unwrap();
        fs::write(canary.join("dir/f"), "f").unwrap();
        mkfifo(&canary.join("fifo"));
        symlink("secret", canary.join("link")).unwrap();
        let target = parent.join("t");
        let mut before = BTreeMap::new();
        snapshot(&parent, &target, &mut before);
        Arena {
            parent,
            target,
            canary,
            before,
            root_before: root_names(),
        }
    }

    /// A fresh target holding the traps.
    fn reset_target(&self) {
        let t = &self.target;
        if t.exists() {
            fs::remove_dir_all(t).unwrap();
        }
        fs::create_dir_all(t.join("dir")).unwrap();
        fs::write(t.join("dir/keep"), "keep").unwrap();
        symlink("..", t.join("up")).unwrap();
        symlink("../canary", t.join("out")).unwrap();
        symlink(&self.canary, t.join("abs")).unwrap();
        symlink(self.canary.join("secret"), t.join("secret")).unwrap();
        symlink("../../canary", t.join("dir/esc")).unwrap();
        mkfifo(&t.join("fifo"));
    }

    fn check(&self) {
        let mut after = BTreeMap::new();
        snapshot(&self.parent, &self.target, &mut after);
        assert_eq!(self.before, after, "something outside the target changed");
        assert_eq!(self.root_before, root_names(), "something appeared in /");
    }
}

static ARENA: OnceLock<Arena> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    // Plain archives only: the decompressors are the `reader` target's,
    // and a bomb would only make this one slow.
    if data.starts_with(&[0x1f, 0x8b]) || data.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        return;
    }
    let arena = ARENA.get_or_init(Arena::new);
    arena.reset_target();
    let options = ExtractOptions {
        devices: Devices::Create,
    };
    let _ = mvirt_cpio::extract_from(data, Path::new("fuzz.cpio"), &arena.target, &options);
    arena.check();
});
