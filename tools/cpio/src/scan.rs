//! The one pass in which `verify`, `list` and `extract` read an archive,
//! so that they cannot disagree about it: every entry goes through
//! [`Validator`] (and a symlink's target through [`check::link_target`]),
//! and the archive's end through the checks only the whole archive shows.
//!
//! The end: after `TRAILER!!!` only zero bytes may follow. The kernel
//! (`init/initramfs.c`, `unpack_to_rootfs`) skips zero padding after a
//! trailer and unpacks whatever comes next as another archive, plain or
//! compressed (detected by magic); mvirt-cpio reads one archive, so it
//! refuses such data rather than skip it and show less than the kernel
//! would unpack. A gzip or zstd stream's later members or frames are part
//! of the decompressed stream, so the same check covers them.

use std::collections::VecDeque;
use std::io::{self, Read};

use crate::check::{self, Validator};
use crate::newc::{self, mode, Entry, Reader, TRAILER};

/// An entry that passed every check.
#[derive(Debug)]
pub struct Checked {
    pub entry: Entry,
    /// The normalized name ([`check::normalize`]).
    pub rel: String,
    /// A symlink's target, read and checked; its data is consumed.
    pub target: Option<String>,
}

/// One step of a [`Scan`].
#[derive(Debug)]
pub enum Step {
    /// An entry that passed; a file's data is next in [`Scan::reader`].
    Entry(Checked),
    /// A rule broken by the entry `name`, or by the archive as a whole
    /// (`None`: no trailer, data after it, hard-link groups). A scan can
    /// go on after one (`verify` does, to report every problem).
    Refused {
        name: Option<String>,
        reason: String,
    },
}

/// A checking pass over a (decompressed) newc stream.
pub struct Scan<R: Read> {
    reader: Reader<R>,
    validator: Validator,
    /// Problems of the whole archive, once its end was reached.
    end: Option<VecDeque<String>>,
}

impl<R: Read> Scan<R> {
    pub fn new(reader: Reader<R>) -> Scan<R> {
        Scan {
            reader,
            validator: Validator::default(),
            end: None,
        }
    }

    /// The reader, for the data of the entry just returned.
    pub fn reader(&mut self) -> &mut Reader<R> {
        &mut self.reader
    }

    /// The next step, `None` at the end. An unreadable record is an error:
    /// nothing after it can be read.
    pub fn next_step(&mut self) -> Result<Option<Step>, newc::Error> {
        if let Some(end) = &mut self.end {
            return Ok(end
                .pop_front()
                .map(|reason| Step::Refused { name: None, reason }));
        }
        let entry = match self.reader.next_entry()? {
            Some(entry) if entry.name != TRAILER => entry,
            // A reader gives `None` only after the trailer.
            _ => {
                self.end = Some(self.end_problems()?);
                return self.next_step();
            }
        };
        match self.check(&entry) {
            Ok((rel, target)) => Ok(Some(Step::Entry(Checked { entry, rel, target }))),
            Err(Fail::Rule(reason)) => Ok(Some(Step::Refused {
                name: Some(entry.name),
                reason,
            })),
            Err(Fail::Format(e)) => Err(e),
        }
    }

    fn check(&mut self, entry: &Entry) -> Result<(String, Option<String>), Fail> {
        let rel = self.validator.entry(entry).map_err(Fail::Rule)?;
        if entry.header.file_type() != mode::S_IFLNK {
            return Ok((rel, None));
        }
        let bytes = self.reader.read_link_target().map_err(Fail::Format)?;
        let target = check::link_target(&bytes).map_err(|r| Fail::Rule(r.into()))?;
        Ok((rel, Some(target.to_string())))
    }

    /// What only the end shows: data after the trailer, then hard-link
    /// groups that do not have as many members as their nlink says.
    fn end_problems(&mut self) -> Result<VecDeque<String>, newc::Error> {
        let mut problems = VecDeque::new();
        let after = match only_zeros(self.reader.get_mut()) {
            Ok(true) => None,
            Ok(false) => Some(String::new()),
            // E.g. a gzip member followed by plain data.
            Err(e) => Some(format!(" (it does not decompress: {e})")),
        };
        if let Some(detail) = after {
            problems.push_back(format!(
                "data after the trailer{detail}: the kernel would unpack it as another \
                 archive segment, which mvirt-cpio does not read; refusing it rather than \
                 ignoring it (build one archive, or check each segment separately)"
            ));
        }
        problems.extend(std::mem::take(&mut self.validator).finish());
        Ok(problems)
    }
}

enum Fail {
    Rule(String),
    Format(newc::Error),
}

/// Whether the rest of a stream is zero bytes, read in small pieces.
fn only_zeros(mut input: impl Read) -> io::Result<bool> {
    const CHUNK: usize = 64 * 1024;
    static ZEROS: [u8; CHUNK] = [0; CHUNK];
    let mut buf = vec![0u8; CHUNK];
    loop {
        match input.read(&mut buf) {
            Ok(0) => return Ok(true),
            // A slice comparison is a memcmp: fast even in a debug build.
            Ok(n) if buf[..n] != ZEROS[..n] => return Ok(false),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}
