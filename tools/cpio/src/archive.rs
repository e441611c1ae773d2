//! Whole-archive operations: build one from records, list, verify and
//! extract one.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::compress::{open_decompressed, Compression};
use crate::newc::{self, mode, Entry, Reader, Writer};
use crate::plan::{normalize, Content, Record};

/// Errors of whole-archive operations; each names the archive or entry.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{archive}: {source}")]
    Format {
        archive: PathBuf,
        source: newc::Error,
    },
    #[error("{archive}: entry {name:?}: refusing to extract: {reason}")]
    Unsafe {
        archive: PathBuf,
        name: String,
        reason: String,
    },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> ArchiveError + '_ {
    move |source| ArchiveError::Io {
        path: path.into(),
        source,
    }
}

/// Writes records as a (compressed) newc stream to `out`.
pub fn write_records<W: Write>(
    records: &[Record],
    compression: Compression,
    out: W,
) -> Result<W, newc::Error> {
    let mut writer = Writer::new(compression.writer(out)?);
    for record in records {
        match &record.content {
            Content::Empty => writer.write_entry(&record.name, &record.header, &mut io::empty())?,
            Content::Bytes(bytes) => {
                writer.write_entry(&record.name, &record.header, &mut &bytes[..])?
            }
            Content::File(path) => {
                let file = File::open(path)
                    .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
                writer.write_entry(
                    &record.name,
                    &record.header,
                    &mut BufReader::with_capacity(1 << 20, file),
                )?
            }
        }
    }
    Ok(writer.finish()?.finish()?)
}

/// Writes the archive to `output` atomically: into a temporary file beside
/// it, renamed into place only when complete. A failure leaves no output.
pub fn write_archive_file(
    records: &[Record],
    compression: Compression,
    output: &Path,
) -> Result<(), ArchiveError> {
    let tmp = mvirt_atomic::Output::create(output, 0o644).map_err(io_err(output))?;
    let out = BufWriter::with_capacity(1 << 20, tmp);
    let out = write_records(records, compression, out).map_err(|source| ArchiveError::Format {
        archive: output.into(),
        source,
    })?;
    out.into_inner()
        .map_err(|e| io_err(output)(e.into_error()))?
        .commit()
        .map_err(io_err(output))
}

/// One entry as `list` shows it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Listing {
    pub name: String,
    /// `dir`, `file`, `symlink`, `char`, `block`, `fifo`, `socket`.
    pub kind: &'static str,
    /// Permission bits, e.g. 493 (= 0o755).
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub nlink: u32,
    pub ino: u32,
    pub mtime: u32,
    pub size: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rdev: Option<(u32, u32)>,
}

fn kind_name(file_type: u32) -> &'static str {
    match file_type {
        mode::S_IFDIR => "dir",
        mode::S_IFREG => "file",
        mode::S_IFLNK => "symlink",
        mode::S_IFCHR => "char",
        mode::S_IFBLK => "block",
        mode::S_IFIFO => "fifo",
        mode::S_IFSOCK => "socket",
        _ => "unknown",
    }
}

impl Listing {
    fn new(entry: &Entry, target: Option<String>) -> Listing {
        let h = &entry.header;
        let kind = kind_name(h.file_type());
        Listing {
            name: entry.name.clone(),
            kind,
            mode: h.mode & 0o7777,
            uid: h.uid,
            gid: h.gid,
            nlink: h.nlink,
            ino: h.ino,
            mtime: h.mtime,
            size: h.filesize,
            target,
            rdev: matches!(kind, "char" | "block").then_some((h.rdev_major, h.rdev_minor)),
        }
    }

    /// `ls -l`-style line: `-rwxr-xr-x 1 0 0 1234 init`.
    pub fn long_line(&self) -> String {
        let type_char = match self.kind {
            "dir" => 'd',
            "symlink" => 'l',
            "char" => 'c',
            "block" => 'b',
            "fifo" => 'p',
            "socket" => 's',
            _ => '-',
        };
        // As ls(1): setuid/setgid/sticky show in the x column (s/S, t/T).
        let mut perms = String::with_capacity(9);
        for (shift, special, mark) in [(6, 0o4000, 's'), (3, 0o2000, 's'), (0, 0o1000, 't')] {
            let bits = (self.mode >> shift) & 7;
            perms.push(if bits & 4 != 0 { 'r' } else { '-' });
            perms.push(if bits & 2 != 0 { 'w' } else { '-' });
            perms.push(match (bits & 1 != 0, self.mode & special != 0) {
                (true, true) => mark,
                (false, true) => mark.to_ascii_uppercase(),
                (true, false) => 'x',
                (false, false) => '-',
            });
        }
        let size = match self.rdev {
            Some((major, minor)) => format!("{major},{minor}"),
            None => self.size.to_string(),
        };
        let mut line = format!(
            "{type_char}{perms} {:>3} {:>4} {:>4} {size:>10} {}",
            self.nlink, self.uid, self.gid, self.name
        );
        if let Some(target) = &self.target {
            line.push_str(" -> ");
            line.push_str(target);
        }
        line
    }
}

fn open_archive(archive: &Path) -> Result<Reader<Box<dyn Read>>, ArchiveError> {
    let file = File::open(archive).map_err(io_err(archive))?;
    let (input, _) = open_decompressed(file).map_err(io_err(archive))?;
    Ok(Reader::new(input))
}

fn format_err(archive: &Path) -> impl FnOnce(newc::Error) -> ArchiveError + '_ {
    move |source| ArchiveError::Format {
        archive: archive.into(),
        source,
    }
}

/// Lists every entry (the trailer excluded).
pub fn list(archive: &Path) -> Result<Vec<Listing>, ArchiveError> {
    let mut reader = open_archive(archive)?;
    let mut out = Vec::new();
    while let Some(entry) = reader.next_entry().map_err(format_err(archive))? {
        if entry.name == newc::TRAILER {
            break;
        }
        let target = if entry.header.file_type() == mode::S_IFLNK {
            let mut buf = Vec::new();
            reader.read_data(&mut buf).map_err(format_err(archive))?;
            Some(String::from_utf8_lossy(&buf).into_owned())
        } else {
            None
        };
        out.push(Listing::new(&entry, target));
    }
    Ok(out)
}

/// What `verify` found.
#[derive(Debug, Default, Serialize)]
pub struct Verdict {
    pub entries: usize,
    pub problems: Vec<String>,
}

/// Checks an archive's structure: readable records, a trailer, safe and
/// unique names with their parents before them, hard-link groups that are
/// regular files, and nothing but zero padding after the trailer.
pub fn verify(archive: &Path) -> Result<Verdict, ArchiveError> {
    let mut reader = open_archive(archive)?;
    let mut verdict = Verdict::default();
    let mut seen: BTreeMap<String, u32> = BTreeMap::new();
    let mut inodes: BTreeMap<u32, (u32, u32)> = BTreeMap::new();
    let mut trailer = false;
    loop {
        let entry = match reader.next_entry() {
            Ok(Some(entry)) => entry,
            Ok(None) => break,
            Err(e) => {
                verdict.problems.push(e.to_string());
                return Ok(verdict);
            }
        };
        if entry.name == newc::TRAILER {
            trailer = true;
            continue;
        }
        verdict.entries += 1;
        let name = &entry.name;
        let h = &entry.header;
        if let Err(reason) = normalize(name) {
            verdict
                .problems
                .push(format!("{name:?}: unsafe name: {reason}"));
        }
        if name.starts_with('/') {
            verdict.problems.push(format!("{name:?}: absolute name"));
        }
        if seen.contains_key(name) {
            verdict.problems.push(format!("{name:?}: duplicate name"));
        }
        if let Some((parent, _)) = name.trim_start_matches('/').rsplit_once('/') {
            match seen.get(parent) {
                Some(&ft) if ft == mode::S_IFDIR => {}
                Some(_) => verdict
                    .problems
                    .push(format!("{name:?}: parent {parent:?} is not a directory")),
                None => verdict.problems.push(format!(
                    "{name:?}: parent {parent:?} does not come before it"
                )),
            }
        }
        if kind_name(h.file_type()) == "unknown" {
            verdict
                .problems
                .push(format!("{name:?}: unknown file type in mode {:#o}", h.mode));
        }
        if h.nlink > 1 && h.file_type() == mode::S_IFREG {
            let group = inodes.entry(h.ino).or_insert((0, h.nlink));
            group.0 += 1;
        }
        seen.insert(name.clone(), h.file_type());
    }
    for (ino, (count, nlink)) in inodes {
        if count != nlink {
            verdict.problems.push(format!(
                "inode {ino}: nlink says {nlink} links, the archive has {count}"
            ));
        }
    }
    if !trailer {
        verdict.problems.push("no TRAILER!!! record".into());
    } else {
        let mut rest = Vec::new();
        reader
            .into_inner()
            .read_to_end(&mut rest)
            .map_err(io_err(archive))?;
        if rest.iter().any(|&b| b != 0) {
            verdict
                .problems
                .push("data after the trailer (a second archive segment?)".into());
        }
    }
    Ok(verdict)
}

/// Extracts an archive into `dest`, refusing names that would land outside
/// it (`..`, absolute names, or a path through a symlink the archive made).
pub fn extract(archive: &Path, dest: &Path) -> Result<usize, ArchiveError> {
    use std::os::unix::fs::{symlink, PermissionsExt};

    fs::create_dir_all(dest).map_err(io_err(dest))?;
    let mut reader = open_archive(archive)?;
    let mut links: BTreeMap<u32, PathBuf> = BTreeMap::new();
    let mut symlinks: BTreeSet<String> = BTreeSet::new();
    let mut count = 0;
    while let Some(entry) = reader.next_entry().map_err(format_err(archive))? {
        if entry.name == newc::TRAILER {
            break;
        }
        let unsafe_entry = |reason: String| ArchiveError::Unsafe {
            archive: archive.into(),
            name: entry.name.clone(),
            reason,
        };
        if entry.name.starts_with('/') {
            return Err(unsafe_entry("absolute name".into()));
        }
        let rel = normalize(&entry.name).map_err(|r| unsafe_entry(r.into()))?;
        let mut prefix = String::new();
        for part in rel.split('/') {
            if symlinks.contains(&prefix) {
                return Err(unsafe_entry(format!("its parent {prefix:?} is a symlink")));
            }
            if !prefix.is_empty() {
                prefix.push('/');
            }
            prefix.push_str(part);
        }
        let path = dest.join(&rel);
        let h = entry.header;
        let perm = fs::Permissions::from_mode(h.mode & 0o7777);
        let file_type = h.file_type();
        if file_type != mode::S_IFDIR {
            if let Ok(meta) = fs::symlink_metadata(&path) {
                if meta.is_dir() {
                    fs::remove_dir_all(&path).map_err(io_err(&path))?;
                } else if !(h.nlink > 1 && links.get(&h.ino) == Some(&path)) {
                    fs::remove_file(&path).map_err(io_err(&path))?;
                }
            }
        }
        match file_type {
            mode::S_IFDIR => {
                fs::create_dir_all(&path).map_err(io_err(&path))?;
                fs::set_permissions(&path, perm).map_err(io_err(&path))?;
            }
            mode::S_IFREG => {
                if h.nlink > 1 {
                    if let Some(first) = links.get(&h.ino) {
                        if first != &path {
                            fs::hard_link(first, &path).map_err(io_err(&path))?;
                        }
                        if h.filesize == 0 {
                            continue;
                        }
                    } else {
                        links.insert(h.ino, path.clone());
                    }
                }
                let mut file = File::create(&path).map_err(io_err(&path))?;
                reader.read_data(&mut file).map_err(format_err(archive))?;
                file.set_permissions(perm).map_err(io_err(&path))?;
            }
            mode::S_IFLNK => {
                let mut target = Vec::new();
                reader.read_data(&mut target).map_err(format_err(archive))?;
                let target = String::from_utf8(target)
                    .map_err(|_| unsafe_entry("symlink target is not UTF-8".into()))?;
                symlink(&target, &path).map_err(io_err(&path))?;
                symlinks.insert(rel);
            }
            mode::S_IFCHR | mode::S_IFBLK | mode::S_IFIFO => {
                let kind = match file_type {
                    mode::S_IFCHR => rustix::fs::FileType::CharacterDevice,
                    mode::S_IFBLK => rustix::fs::FileType::BlockDevice,
                    _ => rustix::fs::FileType::Fifo,
                };
                rustix::fs::mknodat(
                    rustix::fs::CWD,
                    &path,
                    kind,
                    rustix::fs::Mode::from_raw_mode(h.mode & 0o7777),
                    rustix::fs::makedev(h.rdev_major, h.rdev_minor),
                )
                .map_err(|e| io_err(&path)(e.into()))?;
            }
            _ => {
                return Err(unsafe_entry(format!(
                    "unsupported file type in mode {:#o}",
                    h.mode
                )))
            }
        }
        count += 1;
    }
    Ok(count)
}
