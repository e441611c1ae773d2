//! Extracting an archive without touching anything outside the target
//! directory.
//!
//! Names are checked by [`crate::check`] in the pass `verify` and `list`
//! read with ([`crate::scan`]): what they refuse, extract refuses. A rule
//! only the whole archive shows (data after the trailer, a hard-link group
//! short of its nlink) is found at the end, after the entries are made:
//! extract then fails, leaving them, as it does on any error. But safe
//! names are not enough: a symlink made by an earlier entry, or one
//! already in a non-empty target, would send a later write elsewhere. So
//! every operation is resolved beneath a handle on the target directory:
//!
//! - a parent directory is opened with `openat2(RESOLVE_BENEATH |
//!   RESOLVE_NO_SYMLINKS)`: no symlink on the way is followed, whoever made
//!   it;
//! - the entry itself is made in that parent by name with the `*at` calls,
//!   none of which follows a symlink in the last component; an existing
//!   entry is replaced only by unlink + create at that exact place, and a
//!   directory in the way is an error, never deleted;
//! - a regular file is created `O_CREAT | O_EXCL | O_NOFOLLOW`, so nothing
//!   that exists (a FIFO, a device node, a file linked from elsewhere) is
//!   ever opened for writing;
//! - a hard link is made from its group's first member only while that
//!   name is still the very inode this extraction created;
//! - modes are set through file descriptors; directories and hard-linked
//!   files get theirs at the end, so that a read-only directory can still
//!   be filled and a read-only file's data, on its last link, written.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, Read};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::path::Path;

use rustix::fs::{self as rfs, AtFlags, FileType, Mode, OFlags, ResolveFlags};
use rustix::io::Errno;

use crate::archive::{format_err, io_err, open_stream, ArchiveError};
use crate::check::{link_key, LinkKey};
use crate::newc::{self, mode, Entry, Reader};
use crate::scan::{Checked, Scan, Step};

/// What to do with character and block device entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Devices {
    /// Make them with mknod (needs root, or CAP_MKNOD).
    Create,
    /// Leave them out and count them in [`Extracted::skipped_devices`].
    Skip,
    /// Fail on the first one.
    Refuse,
}

impl Devices {
    /// The default: create device nodes as root, refuse them otherwise
    /// (rather than fail half-way with a bare EPERM).
    pub fn for_root(is_root: bool) -> Devices {
        if is_root {
            Devices::Create
        } else {
            Devices::Refuse
        }
    }

    /// [`Devices::for_root`] of this process's effective user.
    pub fn for_this_process() -> Devices {
        Devices::for_root(rustix::process::geteuid().is_root())
    }
}

/// How to extract.
#[derive(Clone, Debug)]
pub struct ExtractOptions {
    pub devices: Devices,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            devices: Devices::for_this_process(),
        }
    }
}

/// What an extraction did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    /// Entries made (the trailer and skipped device nodes excluded).
    pub entries: usize,
    /// Device nodes left out under [`Devices::Skip`].
    pub skipped_devices: usize,
}

/// Extracts the archive at `archive` into `dest` (created if missing).
pub fn extract(
    archive: &Path,
    dest: &Path,
    options: &ExtractOptions,
) -> Result<Extracted, ArchiveError> {
    let (file, _) = mvirt_atomic::open_input(archive, u64::MAX).map_err(io_err(archive))?;
    extract_from(file, archive, dest, options)
}

/// Extracts a (possibly compressed) archive read from `input`; `archive`
/// names it in errors.
pub fn extract_from(
    input: impl Read,
    archive: &Path,
    dest: &Path,
    options: &ExtractOptions,
) -> Result<Extracted, ArchiveError> {
    std::fs::create_dir_all(dest).map_err(io_err(dest))?;
    // The target itself is the caller's choice: opening it may follow a
    // symlink. Nothing beneath it will.
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
    let root = rfs::open(dest, flags, Mode::empty()).map_err(|e| io_err(dest)(e.into()))?;
    let mut scan = Scan::new(open_stream(input, archive)?);
    let mut extractor = Extractor {
        root,
        devices: options.devices,
        groups: BTreeMap::new(),
        dirs: Vec::new(),
        done: Extracted::default(),
        kept: 0,
    };
    while let Some(step) = scan.next_step().map_err(format_err(archive))? {
        let checked = match step {
            Step::Entry(checked) => checked,
            Step::Refused {
                name: Some(name),
                reason,
            } => {
                return Err(ArchiveError::Unsafe {
                    archive: archive.into(),
                    name,
                    reason,
                })
            }
            Step::Refused { name: None, reason } => {
                return Err(ArchiveError::Refused {
                    archive: archive.into(),
                    name: None,
                    reason,
                })
            }
        };
        extractor
            .entry(scan.reader(), &checked)
            .map_err(|failure| failure.into_error(archive, dest, &checked.entry.name))?;
    }
    extractor
        .finish()
        .map_err(|(name, failure)| failure.into_error(archive, dest, &name))
}

/// Why one entry failed; the caller adds the archive and the entry.
enum Failure {
    Refused(String),
    Io(io::Error),
    Format(newc::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

impl From<Errno> for Failure {
    fn from(e: Errno) -> Self {
        Failure::Io(e.into())
    }
}

impl From<newc::Error> for Failure {
    fn from(e: newc::Error) -> Self {
        Failure::Format(e)
    }
}

impl Failure {
    fn into_error(self, archive: &Path, dest: &Path, name: &str) -> ArchiveError {
        match self {
            Failure::Refused(reason) => ArchiveError::Unsafe {
                archive: archive.into(),
                name: name.into(),
                reason,
            },
            Failure::Io(source) => ArchiveError::Io {
                path: dest.join(name.trim_start_matches('/')),
                source,
            },
            Failure::Format(source) => format_err(archive)(source),
        }
    }
}

fn refuse<T>(reason: impl Into<String>) -> Result<T, Failure> {
    Err(Failure::Refused(reason.into()))
}

/// No symlink, magic link or `..` escape anywhere in a path.
const BENEATH: ResolveFlags = ResolveFlags::BENEATH
    .union(ResolveFlags::NO_SYMLINKS)
    .union(ResolveFlags::NO_MAGICLINKS);

/// `openat2` beneath `dir` with [`BENEATH`]; retried on EAGAIN, which the
/// kernel returns when a concurrent rename makes it unsure of the result.
fn open_beneath(
    dir: BorrowedFd<'_>,
    path: &str,
    flags: OFlags,
    mode: Mode,
) -> Result<OwnedFd, Errno> {
    let mut tries = 0;
    loop {
        match rfs::openat2(dir, path, flags | OFlags::CLOEXEC, mode, BENEATH) {
            Err(Errno::AGAIN) if tries < 16 => tries += 1,
            other => return other,
        }
    }
}

/// The entry at `leaf` in `dir`, not following a symlink; `None` if absent.
fn stat_leaf(dir: BorrowedFd<'_>, leaf: &str) -> Result<Option<rfs::Stat>, Errno> {
    match rfs::statat(dir, leaf, AtFlags::SYMLINK_NOFOLLOW) {
        Ok(st) => Ok(Some(st)),
        Err(Errno::NOENT) => Ok(None),
        Err(e) => Err(e),
    }
}

fn file_type(st: &rfs::Stat) -> FileType {
    FileType::from_raw_mode(st.st_mode)
}

fn perm(header_mode: u32) -> Mode {
    Mode::from_raw_mode(header_mode & 0o7777)
}

/// A file's identity: device and inode.
type FileId = (u64, u64);

fn id(st: &rfs::Stat) -> FileId {
    (st.st_dev, st.st_ino)
}

/// The first member of a hard-link group, as extracted.
struct First {
    rel: String,
    id: FileId,
    /// Applied in `finish`: until then the file stays writable for its
    /// owner, so that data on a later link can still be written.
    mode: Mode,
}

struct Extractor {
    root: OwnedFd,
    devices: Devices,
    groups: BTreeMap<LinkKey, First>,
    /// Directories and their modes, applied at the end.
    dirs: Vec<(String, Mode)>,
    done: Extracted,
    /// Bytes of names kept in `dirs` and `groups`.
    kept: usize,
}

/// The most bytes of names extract keeps (directories and hard-link
/// groups, whose modes it sets at the end): an initramfs needs well under
/// a megabyte; a hostile archive of long names would otherwise make
/// extract's memory grow with its entry count.
pub const MAX_KEPT_NAMES: usize = 16 << 20;

impl Extractor {
    /// Makes one entry that [`Scan`] checked.
    fn entry<R: Read>(&mut self, reader: &mut Reader<R>, checked: &Checked) -> Result<(), Failure> {
        let Checked { entry, rel, target } = checked;
        let h = &entry.header;
        let (parent, leaf) = self.parent_of(rel)?;
        let parent = parent.as_fd();
        match (h.file_type(), target) {
            (mode::S_IFDIR, _) => self.dir(parent, leaf, rel, perm(h.mode))?,
            (mode::S_IFREG, _) => self.file(reader, parent, leaf, rel, entry)?,
            (mode::S_IFLNK, Some(target)) => {
                replace(parent, leaf)?;
                rfs::symlinkat(target.as_str(), parent, leaf)?;
            }
            (mode::S_IFCHR | mode::S_IFBLK, _) => match self.devices {
                Devices::Refuse => return refuse(device_refusal()),
                Devices::Skip => {
                    self.done.skipped_devices += 1;
                    return Ok(());
                }
                Devices::Create => node(parent, leaf, entry)?,
            },
            (mode::S_IFIFO, _) => node(parent, leaf, entry)?,
            _ => return refuse(format!("unsupported file type in mode {:#o}", h.mode)),
        }
        self.done.entries += 1;
        Ok(())
    }

    /// Opens the directory an entry goes in (the target itself for a
    /// top-level name) and returns it with the entry's last component.
    fn parent_of<'r>(&self, rel: &'r str) -> Result<(OwnedFd, &'r str), Failure> {
        let (parent, leaf) = rel.rsplit_once('/').unwrap_or((".", rel));
        let flags = OFlags::PATH | OFlags::DIRECTORY;
        match open_beneath(self.root.as_fd(), parent, flags, Mode::empty()) {
            Ok(fd) => Ok((fd, leaf)),
            Err(Errno::LOOP) => refuse(format!(
                "its parent {parent:?} is, or passes through, a symlink (extract follows none)"
            )),
            Err(Errno::NOTDIR) => refuse(format!("its parent {parent:?} is not a directory")),
            Err(Errno::XDEV) => refuse(format!("its parent {parent:?} is outside the target")),
            Err(e) => Err(e.into()),
        }
    }

    fn dir(
        &mut self,
        parent: BorrowedFd<'_>,
        leaf: &str,
        rel: &str,
        mode: Mode,
    ) -> Result<(), Failure> {
        match stat_leaf(parent, leaf)? {
            Some(st) if file_type(&st) == FileType::Directory => {}
            existing => {
                if existing.is_some() {
                    rfs::unlinkat(parent, leaf, AtFlags::empty())?;
                }
                // Owner-only until `finish` applies the real mode.
                rfs::mkdirat(parent, leaf, Mode::RWXU)?;
            }
        }
        self.keep(rel)?;
        self.dirs.push((rel.into(), mode));
        Ok(())
    }

    fn file<R: Read>(
        &mut self,
        reader: &mut Reader<R>,
        parent: BorrowedFd<'_>,
        leaf: &str,
        rel: &str,
        entry: &Entry,
    ) -> Result<(), Failure> {
        let key = link_key(entry);
        if let Some(first) = key.and_then(|k| self.groups.get(&k)) {
            return self.link(reader, parent, leaf, first, entry);
        }
        replace(parent, leaf)?;
        let flags = OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW;
        let fd = open_beneath(parent, leaf, flags, Mode::RUSR | Mode::WUSR)?;
        let file = write_data(reader, fd)?;
        let mode = perm(entry.header.mode);
        match key {
            None => rfs::fchmod(&file, mode)?,
            Some(key) => {
                self.keep(rel)?;
                let (rel, id) = (rel.into(), id(&rfs::fstat(&file)?));
                self.groups.insert(key, First { rel, id, mode });
            }
        }
        Ok(())
    }

    /// A later member of a hard-link group: a link to the first member,
    /// and its data if it carries some (newc puts it on the last link).
    fn link<R: Read>(
        &self,
        reader: &mut Reader<R>,
        parent: BorrowedFd<'_>,
        leaf: &str,
        first: &First,
        entry: &Entry,
    ) -> Result<(), Failure> {
        let (first_parent, first_leaf) = self.parent_of(&first.rel)?;
        let still_first = |st: Option<rfs::Stat>| {
            st.is_some_and(|st| file_type(&st) == FileType::RegularFile && id(&st) == first.id)
        };
        if !still_first(stat_leaf(first_parent.as_fd(), first_leaf)?) {
            return refuse(format!(
                "its hard-link target {:?} is no longer the file extracted there",
                first.rel
            ));
        }
        replace(parent, leaf)?;
        rfs::linkat(&first_parent, first_leaf, parent, leaf, AtFlags::empty())?;
        if entry.header.filesize == 0 {
            return Ok(());
        }
        // The name was just linked to our file; opening it must find that
        // file (O_NONBLOCK: were it swapped for a FIFO meanwhile, the open
        // fails instead of waiting, and the identity check refuses it).
        let flags = OFlags::WRONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK;
        let fd = open_beneath(parent, leaf, flags, Mode::empty())?;
        if !still_first(Some(rfs::fstat(&fd)?)) {
            return refuse("the hard link just made is not the group's file");
        }
        rfs::ftruncate(&fd, 0)?;
        write_data(reader, fd)?;
        Ok(())
    }

    /// Counts a name kept until the end against [`MAX_KEPT_NAMES`].
    fn keep(&mut self, rel: &str) -> Result<(), Failure> {
        self.kept += rel.len();
        if self.kept > MAX_KEPT_NAMES {
            return refuse(format!(
                "its directories and hard-linked files have more than {MAX_KEPT_NAMES} bytes \
                 of names, which extract keeps to set their modes at the end (refused to \
                 bound memory; an initramfs needs far less)"
            ));
        }
        Ok(())
    }

    /// Gives every hard-linked file, then every directory (deepest first)
    /// its mode. On failure returns the entry's name with the error.
    fn finish(self) -> Result<Extracted, (String, Failure)> {
        for first in self.groups.values() {
            // O_NONBLOCK: were the name swapped for a FIFO, the open would
            // not wait, and the identity check refuses whatever it found.
            let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK;
            let fd = open_beneath(self.root.as_fd(), &first.rel, flags, Mode::empty())
                .map_err(|e| (first.rel.clone(), e.into()))?;
            match rfs::fstat(&fd) {
                Ok(st) if id(&st) == first.id => {}
                Ok(_) => {
                    let why = "is no longer the file extracted there".to_string();
                    return Err((first.rel.clone(), Failure::Refused(why)));
                }
                Err(e) => return Err((first.rel.clone(), e.into())),
            }
            rfs::fchmod(&fd, first.mode).map_err(|e| (first.rel.clone(), e.into()))?;
        }
        for (rel, mode) in self.dirs.iter().rev() {
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW;
            open_beneath(self.root.as_fd(), rel, flags, Mode::empty())
                .and_then(|fd| rfs::fchmod(&fd, *mode))
                .map_err(|e| (rel.clone(), e.into()))?;
        }
        Ok(self.done)
    }
}

/// Why a device node is refused, and what to do about it.
fn device_refusal() -> String {
    let why = if rustix::process::geteuid().is_root() {
        "device nodes are refused"
    } else {
        "not running as root"
    };
    format!(
        "a device node ({why}): pass --devices=skip to leave device nodes out, \
         or --devices=create to try anyway"
    )
}

/// Clears the place for a new entry: unlinks what is there unless it is a
/// directory, which is refused rather than deleted with its contents.
fn replace(parent: BorrowedFd<'_>, leaf: &str) -> Result<(), Failure> {
    match stat_leaf(parent, leaf)? {
        None => Ok(()),
        Some(st) if file_type(&st) == FileType::Directory => refuse(
            "an existing directory is in the way (extract deletes no directory: \
             remove it, or extract into an empty directory)",
        ),
        Some(_) => Ok(rfs::unlinkat(parent, leaf, AtFlags::empty())?),
    }
}

/// Copies the current record's data into a file just opened for it.
fn write_data<R: Read>(reader: &mut Reader<R>, fd: OwnedFd) -> Result<File, Failure> {
    let mut out = BufWriter::with_capacity(1 << 16, File::from(fd));
    reader.read_data(&mut out)?;
    out.into_inner().map_err(|e| Failure::Io(e.into_error()))
}

/// A FIFO or device node, with its exact mode (mknod applies the umask).
fn node(parent: BorrowedFd<'_>, leaf: &str, entry: &Entry) -> Result<(), Failure> {
    let h = &entry.header;
    let kind = match h.file_type() {
        mode::S_IFCHR => FileType::CharacterDevice,
        mode::S_IFBLK => FileType::BlockDevice,
        _ => FileType::Fifo,
    };
    replace(parent, leaf)?;
    let dev = rfs::makedev(h.rdev_major, h.rdev_minor);
    rfs::mknodat(parent, leaf, kind, perm(h.mode), dev)?;
    // O_PATH opens neither the FIFO nor the device: no side effect, no wait.
    let flags = OFlags::PATH | OFlags::NOFOLLOW;
    let fd = open_beneath(parent, leaf, flags, Mode::empty())?;
    let st = rfs::fstat(&fd)?;
    if file_type(&st) != kind {
        return refuse("the node just made was replaced by something else");
    }
    if st.st_mode & 0o7777 == h.mode & 0o7777 {
        return Ok(());
    }
    // fchmod refuses O_PATH descriptors; the descriptor's /proc link names
    // exactly this inode. Without /proc the node keeps the umask's mode.
    let magic = format!("/proc/self/fd/{}", fd.as_raw_fd());
    match rfs::chmod(magic.as_str(), perm(h.mode)) {
        Err(Errno::NOENT) => Ok(()),
        other => Ok(other?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_default_follows_root() {
        assert_eq!(Devices::for_root(true), Devices::Create);
        assert_eq!(Devices::for_root(false), Devices::Refuse);
    }
}
