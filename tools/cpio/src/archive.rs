//! Whole-archive operations: build one from records, list and verify one
//! (extracting is in [`crate::extract`]). Listing and verifying stream: their
//! memory does not grow with the size of the data, padding, link targets or
//! names. Both read through [`crate::scan`], as extract does: what one
//! refuses, all refuse.

use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::check::kind_name;
use crate::compress::{open_decompressed, Compression};
use crate::newc::{self, Entry, Reader, Writer};
use crate::plan::{Content, Record};
use crate::scan::{Scan, Step};

/// Errors of whole-archive operations; each names the archive or entry.
/// The cause is a `source`, not part of the message: `{:#}` prints both.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{path}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{archive}")]
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
    /// A rule of [`crate::check`] broken, found by [`crate::scan`]: by an
    /// entry, or (`name` is `None`) by the archive as a whole.
    #[error("{archive}: {}{reason}", name.as_ref().map(|n| format!("entry {n:?}: ")).unwrap_or_default())]
    Refused {
        archive: PathBuf,
        name: Option<String>,
        reason: String,
    },
}

pub(crate) fn io_err(path: &Path) -> impl FnOnce(io::Error) -> ArchiveError + '_ {
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
                // Planned as a regular file; refused if it is not one now
                // (a FIFO swapped in would block the build).
                let (file, _) = mvirt_atomic::open_input(path, newc::MAX_FILE_SIZE)
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

pub(crate) fn open_archive(archive: &Path) -> Result<Reader<Box<dyn Read>>, ArchiveError> {
    let (file, _) = mvirt_atomic::open_input(archive, u64::MAX).map_err(io_err(archive))?;
    open_stream(file, archive)
}

/// A reader over a possibly compressed stream; `archive` names it in errors.
pub(crate) fn open_stream<'a, R: Read + 'a>(
    input: R,
    archive: &Path,
) -> Result<Reader<Box<dyn Read + 'a>>, ArchiveError> {
    let (input, _) = open_decompressed(input).map_err(io_err(archive))?;
    Ok(Reader::new(input))
}

pub(crate) fn format_err(archive: &Path) -> impl FnOnce(newc::Error) -> ArchiveError + '_ {
    move |source| ArchiveError::Format {
        archive: archive.into(),
        source,
    }
}

/// The entries of an archive, one at a time (the trailer excluded), each
/// checked as `verify` checks it: the first refusal ends the listing with
/// an error. A listing of any size costs the memory of one entry.
pub struct Entries {
    scan: Scan<Box<dyn Read>>,
    archive: PathBuf,
    done: bool,
}

/// Opens an archive for listing.
pub fn entries(archive: &Path) -> Result<Entries, ArchiveError> {
    Ok(Entries {
        scan: Scan::new(open_archive(archive)?),
        archive: archive.into(),
        done: false,
    })
}

impl Entries {
    fn next_listing(&mut self) -> Result<Option<Listing>, ArchiveError> {
        let archive = &self.archive;
        match self.scan.next_step().map_err(format_err(archive))? {
            None => Ok(None),
            Some(Step::Entry(checked)) => Ok(Some(Listing::new(&checked.entry, checked.target))),
            Some(Step::Refused { name, reason }) => Err(ArchiveError::Refused {
                archive: archive.into(),
                name,
                reason,
            }),
        }
    }
}

impl Iterator for Entries {
    type Item = Result<Listing, ArchiveError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let next = self.next_listing().transpose();
        self.done = !matches!(next, Some(Ok(_)));
        next
    }
}

/// Lists every entry (the trailer excluded) into memory; [`entries`]
/// streams instead.
pub fn list(archive: &Path) -> Result<Vec<Listing>, ArchiveError> {
    entries(archive)?.collect()
}

/// `verify` keeps at most this many problems (and counts the rest), so a
/// hostile archive cannot make its report grow without bound.
pub const MAX_PROBLEMS: usize = 1000;

/// What `verify` found.
#[derive(Debug, Default, Serialize)]
pub struct Verdict {
    pub entries: usize,
    pub problems: Vec<String>,
    /// Problems beyond [`MAX_PROBLEMS`], counted but not kept.
    #[serde(skip_serializing_if = "is_zero")]
    pub problems_omitted: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Verdict {
    fn problem(&mut self, text: String) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(text);
        } else {
            self.problems_omitted += 1;
        }
    }

    /// Whether the archive passed.
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks an archive with the rules `list` and `extract` enforce (the
/// same pass, [`crate::scan`]): readable records, safe, printable and
/// unique names with their parents before them, supported file types,
/// clean symlink targets, hard-link groups as large as their nlink, a
/// trailer, and nothing but zero padding after it. Unlike them it goes on
/// after a problem, to report them all.
pub fn verify(archive: &Path) -> Result<Verdict, ArchiveError> {
    let mut scan = Scan::new(open_archive(archive)?);
    let mut verdict = Verdict::default();
    loop {
        match scan.next_step() {
            Ok(None) => return Ok(verdict),
            Ok(Some(Step::Entry(_))) => verdict.entries += 1,
            Ok(Some(Step::Refused {
                name: Some(name),
                reason,
            })) => {
                verdict.entries += 1;
                verdict.problem(format!("{name:?}: {reason}"));
            }
            Ok(Some(Step::Refused { name: None, reason })) => verdict.problem(reason),
            Err(e) => {
                verdict.problem(e.to_string());
                return Ok(verdict);
            }
        }
    }
}
