//! Helpers shared by the CLI tests: hand-made archives (including ones no
//! spec could produce), running the CLI with a time limit, and snapshots of
//! the directories next to an extraction target.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use mvirt_cpio::newc::{mode, Header, Writer};

/// The CLI under test; `MVIRT_CPIO_TEST_BIN` points the tests at another
/// build (e.g. an older one, to see which of them it fails).
pub fn bin() -> String {
    std::env::var("MVIRT_CPIO_TEST_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_mvirt-cpio").into())
}

/// An archive written entry by entry, with any header the test wants.
pub struct Ar {
    w: Writer<Vec<u8>>,
    next_ino: u32,
}

impl Default for Ar {
    fn default() -> Self {
        Ar {
            w: Writer::new(Vec::new()),
            next_ino: 1000,
        }
    }
}

impl Ar {
    pub fn raw(&mut self, name: &str, header: Header, data: &[u8]) -> &mut Self {
        let header = Header {
            filesize: data.len() as u32,
            ..header
        };
        self.w.write_entry(name, &header, &mut &data[..]).unwrap();
        self
    }

    fn header(&mut self, mode: u32) -> Header {
        self.next_ino += 1;
        Header {
            ino: self.next_ino,
            mode,
            nlink: 1,
            ..Header::default()
        }
    }

    pub fn dir(&mut self, name: &str) -> &mut Self {
        self.dir_mode(name, 0o755)
    }

    pub fn dir_mode(&mut self, name: &str, perm: u32) -> &mut Self {
        let h = self.header(mode::S_IFDIR | perm);
        self.raw(name, Header { nlink: 2, ..h }, b"")
    }

    /// Directory entries for `path` and every parent of it.
    pub fn dirs(&mut self, path: &str) -> &mut Self {
        let mut cur = String::new();
        for part in path.split('/') {
            if !cur.is_empty() {
                cur.push('/');
            }
            cur.push_str(part);
            self.dir(&cur);
        }
        self
    }

    pub fn file(&mut self, name: &str, data: &[u8]) -> &mut Self {
        let h = self.header(mode::S_IFREG | 0o644);
        self.raw(name, h, data)
    }

    pub fn symlink(&mut self, name: &str, target: &str) -> &mut Self {
        self.symlink_bytes(name, target.as_bytes())
    }

    pub fn symlink_bytes(&mut self, name: &str, target: &[u8]) -> &mut Self {
        let h = self.header(mode::S_IFLNK | 0o777);
        self.raw(name, h, target)
    }

    /// A member of hard-link group `ino` of `nlink` names.
    pub fn link(&mut self, name: &str, ino: u32, nlink: u32, data: &[u8]) -> &mut Self {
        self.link_mode(name, ino, nlink, 0o644, data)
    }

    pub fn link_mode(
        &mut self,
        name: &str,
        ino: u32,
        nlink: u32,
        perm: u32,
        data: &[u8],
    ) -> &mut Self {
        let h = Header {
            ino,
            mode: mode::S_IFREG | perm,
            nlink,
            ..Header::default()
        };
        self.raw(name, h, data)
    }

    pub fn fifo(&mut self, name: &str) -> &mut Self {
        let h = self.header(mode::S_IFIFO | 0o644);
        self.raw(name, h, b"")
    }

    pub fn node(&mut self, name: &str, kind: u32, major: u32, minor: u32) -> &mut Self {
        let h = Header {
            rdev_major: major,
            rdev_minor: minor,
            ..self.header(kind | 0o666)
        };
        self.raw(name, h, b"")
    }

    pub fn bytes(&mut self) -> Vec<u8> {
        std::mem::replace(&mut self.w, Writer::new(Vec::new()))
            .finish()
            .unwrap()
    }

    pub fn write(&mut self, path: &Path) -> PathBuf {
        fs::write(path, self.bytes()).unwrap();
        path.into()
    }
}

/// Runs a command, killing it (and failing the test) after `limit`: a tool
/// that opens a FIFO for writing would otherwise hang the test forever.
pub fn run_limited(cmd: &mut Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("{cmd:?} still running after {limit:?} (blocked opening a FIFO?)");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.wait_with_output().unwrap()
}

pub fn cli(args: &[&std::ffi::OsStr]) -> Output {
    run_limited(Command::new(bin()).args(args), Duration::from_secs(20))
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Everything observable about one file system entry (not followed).
#[derive(Debug, PartialEq, Eq)]
pub struct Seen {
    kind: &'static str,
    mode: u32,
    nlink: u64,
    ino: u64,
    mtime_ns: (i64, i64),
    ctime_ns: (i64, i64),
    content: Option<Vec<u8>>,
    target: Option<PathBuf>,
}

/// A snapshot of the tree under `root`, without following symlinks and
/// without opening anything but regular files; `skip` (a child of `root`)
/// is left out. Any write, chmod, link, unlink or creation shows.
pub fn snapshot(root: &Path, skip: &Path) -> BTreeMap<PathBuf, Seen> {
    let mut out = BTreeMap::new();
    walk(root, skip, &mut out);
    out
}

fn walk(dir: &Path, skip: &Path, out: &mut BTreeMap<PathBuf, Seen>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path == skip {
            continue;
        }
        let meta = fs::symlink_metadata(&path).unwrap();
        let ft = meta.file_type();
        let kind = match () {
            _ if ft.is_dir() => "dir",
            _ if ft.is_file() => "file",
            _ if ft.is_symlink() => "symlink",
            _ if ft.is_fifo() => "fifo",
            _ if ft.is_char_device() => "char",
            _ if ft.is_block_device() => "block",
            _ => "other",
        };
        let seen = Seen {
            kind,
            mode: meta.mode(),
            nlink: meta.nlink(),
            ino: meta.ino(),
            mtime_ns: (meta.mtime(), meta.mtime_nsec()),
            ctime_ns: (meta.ctime(), meta.ctime_nsec()),
            content: ft.is_file().then(|| fs::read(&path).unwrap()),
            target: ft.is_symlink().then(|| fs::read_link(&path).unwrap()),
        };
        out.insert(path.clone(), seen);
        if ft.is_dir() {
            walk(&path, skip, out);
        }
    }
}

/// A parent directory holding the extraction target and, beside it, an
/// `outside` tree that no extraction may change:
///
/// ```text
/// parent/
///   target/            (the extraction target; may be pre-populated)
///   outside/secret     "secret"
///   outside/dir/       0o700, with dir/f "f"
///   outside/fifo       a FIFO nobody reads
/// ```
pub struct Arena {
    pub tmp: tempfile::TempDir,
    pub target: PathBuf,
    pub outside: PathBuf,
}

impl Arena {
    pub fn new() -> Arena {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("target");
        let outside = tmp.path().join("outside");
        fs::create_dir_all(&target).unwrap();
        fs::create_dir_all(outside.join("dir")).unwrap();
        fs::write(outside.join("secret"), "secret").unwrap();
        fs::write(outside.join("dir/f"), "f").unwrap();
        fs::set_permissions(
            outside.join("dir"),
            std::os::unix::fs::PermissionsExt::from_mode(0o700),
        )
        .unwrap();
        rustix::fs::mknodat(
            rustix::fs::CWD,
            outside.join("fifo").as_path(),
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o644),
            0,
        )
        .unwrap();
        Arena {
            tmp,
            target,
            outside,
        }
    }

    /// `outside/<rel>` as an absolute path string.
    pub fn abs(&self, rel: &str) -> String {
        self.outside.join(rel).to_str().unwrap().to_string()
    }

    pub fn archive(&self, ar: &mut Ar) -> PathBuf {
        ar.write(&self.tmp.path().join("archive.cpio"))
    }

    fn before(&self) -> BTreeMap<PathBuf, Seen> {
        snapshot(self.tmp.path(), &self.target)
    }

    /// Extracts `ar` into the target with `args` and asserts that nothing
    /// beside the target changed. Returns the CLI's output.
    pub fn extract(&self, ar: &mut Ar, args: &[&str]) -> Output {
        let archive = self.archive(ar);
        let before = self.before();
        let out = run_limited(
            Command::new(bin())
                .arg("extract")
                .args(args)
                .arg(&archive)
                .arg(&self.target),
            Duration::from_secs(20),
        );
        let after = self.before();
        assert_eq!(
            before,
            after,
            "the extraction changed something outside its target; stderr: {}",
            stderr(&out)
        );
        out
    }

    /// As [`Arena::extract`], and the extraction must fail naming `why`;
    /// the archive itself is at fault, so `verify` must fail it too.
    pub fn refused(&self, ar: &mut Ar, why: &str) {
        self.refused_here(ar, why);
        let verify = run_limited(
            Command::new(bin())
                .arg("verify")
                .arg(self.tmp.path().join("archive.cpio")),
            Duration::from_secs(20),
        );
        assert!(
            !verify.status.success(),
            "verify accepts what extract refuses ({why})"
        );
    }

    /// As [`Arena::extract`], and the extraction must fail naming `why`
    /// (the target's contents may be at fault rather than the archive).
    pub fn refused_here(&self, ar: &mut Ar, why: &str) {
        let out = self.extract(ar, &[]);
        let err = stderr(&out);
        assert!(!out.status.success(), "accepted; stderr: {err}");
        assert!(err.contains(why), "{err:?} does not say {why:?}");
    }

    /// As [`Arena::extract`], and the extraction must succeed.
    pub fn extracted(&self, ar: &mut Ar, args: &[&str]) {
        let out = self.extract(ar, args);
        assert!(out.status.success(), "failed: {}", stderr(&out));
    }

    pub fn at(&self, rel: &str) -> PathBuf {
        self.target.join(rel)
    }

    /// Runs the CLI as user nobody (when root; as is otherwise) on `ar`,
    /// extracting into the target (which nobody then owns).
    pub fn extract_as_nobody(&self, ar: &mut Ar, args: &[&str]) -> Output {
        use std::os::unix::fs::PermissionsExt;
        let archive = self.archive(ar);
        // The binary and the paths must be reachable by nobody.
        let copy = self.tmp.path().join("mvirt-cpio");
        if !copy.exists() {
            fs::copy(bin(), &copy).unwrap();
        }
        fs::set_permissions(self.tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
        fs::set_permissions(&archive, fs::Permissions::from_mode(0o644)).unwrap();
        let mut cmd = if rustix::process::geteuid().is_root() {
            rustix::fs::chown(
                &self.target,
                Some(rustix::process::Uid::from_raw(65534)),
                Some(rustix::process::Gid::from_raw(65534)),
            )
            .unwrap();
            let mut cmd = Command::new("setpriv");
            cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&copy);
            cmd
        } else {
            Command::new(&copy)
        };
        cmd.arg("extract")
            .args(args)
            .arg(&archive)
            .arg(&self.target);
        run_limited(&mut cmd, Duration::from_secs(20))
    }
}
