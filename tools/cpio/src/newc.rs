//! The "new ASCII" (newc, magic `070701`) cpio format, as the Linux kernel's
//! initramfs unpacker (`init/initramfs.c`) and `usr/gen_init_cpio.c` define it.
//!
//! A record is a 110-byte header of the magic and thirteen 8-digit hex fields,
//! the NUL-terminated name padded to a multiple of 4 (counted from the start of
//! the header), then the data padded to a multiple of 4. The archive ends with
//! a record named `TRAILER!!!`.
//!
//! This module holds the format only: what may be written and how to read it
//! back. What goes into an archive (policy) lives in [`crate::spec`] and
//! [`crate::plan`].

use std::io::{self, Read, Write};

/// Magic of the newc format without checksums.
pub const MAGIC: &[u8; 6] = b"070701";
/// Name of the record that ends an archive.
pub const TRAILER: &str = "TRAILER!!!";
/// Length of a header: the magic plus 13 fields of 8 hex digits.
pub const HEADER_LEN: usize = 110;
/// Sizes are 32-bit fields: newc cannot hold a file of 4 GiB or more.
pub const MAX_FILE_SIZE: u64 = u32::MAX as u64;
/// The kernel refuses names longer than PATH_MAX (4096, with the NUL).
pub const MAX_NAME_LEN: usize = 4095;
/// The longest symlink target `symlink(2)` takes: PATH_MAX (4096) with the NUL.
pub const MAX_LINK_TARGET: usize = 4095;

/// File-type bits of `mode` (POSIX `S_IFMT` and friends).
pub mod mode {
    pub const S_IFMT: u32 = 0o170000;
    pub const S_IFSOCK: u32 = 0o140000;
    pub const S_IFLNK: u32 = 0o120000;
    pub const S_IFREG: u32 = 0o100000;
    pub const S_IFBLK: u32 = 0o060000;
    pub const S_IFDIR: u32 = 0o040000;
    pub const S_IFCHR: u32 = 0o020000;
    pub const S_IFIFO: u32 = 0o010000;
}

/// Errors of reading or writing the newc format. Each names the record (by
/// name, or by byte offset where no name is known yet).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("entry {name:?}: name is {len} bytes long; newc and the kernel allow at most {MAX_NAME_LEN}")]
    NameTooLong { name: String, len: usize },
    #[error("entry {name:?}: name must not be empty or contain a NUL byte")]
    BadName { name: String },
    #[error("entry {name:?}: its data source gave {actual} bytes, the header says {expected}")]
    SizeChanged {
        name: String,
        expected: u64,
        actual: u64,
    },
    #[error("offset {offset}: not a newc header (magic {found:?}, expected \"070701\")")]
    BadMagic { offset: u64, found: String },
    #[error("offset {offset}: header field `{field}` is not 8 hex digits: {found:?}")]
    BadField {
        offset: u64,
        field: &'static str,
        found: String,
    },
    #[error("offset {offset}: entry name is not valid UTF-8")]
    NameNotUtf8 { offset: u64 },
    #[error("offset {offset}: entry name is not NUL-terminated")]
    NameNotTerminated { offset: u64 },
    #[error("offset {offset}: name size {namesize} is out of range (1..={})", MAX_NAME_LEN + 1)]
    BadNameSize { offset: u64, namesize: u32 },
    #[error("archive ends inside {what} at offset {offset} (truncated?)")]
    Truncated { offset: u64, what: String },
    #[error("offset {offset}: symlink target is {size} bytes; at most {MAX_LINK_TARGET} are allowed (PATH_MAX)")]
    LinkTargetTooLong { offset: u64, size: u32 },
    /// Shown as the I/O error itself: the caller names the archive.
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// The thirteen header fields of a newc record (without the name).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub ino: u32,
    /// File type and permission bits (`S_IF*` | 0o7777).
    pub mode: u32,
    pub uid: u32,
    pub gid: u32,
    pub nlink: u32,
    pub mtime: u32,
    pub filesize: u32,
    pub dev_major: u32,
    pub dev_minor: u32,
    pub rdev_major: u32,
    pub rdev_minor: u32,
}

impl Header {
    /// The file-type bits of `mode`.
    pub fn file_type(&self) -> u32 {
        self.mode & mode::S_IFMT
    }

    fn encode(&self, namesize: u32) -> [u8; HEADER_LEN] {
        let fields = [
            self.ino,
            self.mode,
            self.uid,
            self.gid,
            self.nlink,
            self.mtime,
            self.filesize,
            self.dev_major,
            self.dev_minor,
            self.rdev_major,
            self.rdev_minor,
            namesize,
            0, // check: only used by the `070702` (crc) variant
        ];
        let mut out = [0u8; HEADER_LEN];
        out[..6].copy_from_slice(MAGIC);
        for (i, value) in fields.iter().enumerate() {
            let hex = format!("{value:08X}");
            out[6 + i * 8..14 + i * 8].copy_from_slice(hex.as_bytes());
        }
        out
    }

    /// The header fields and namesize of a raw header that starts at byte
    /// `offset` of the archive.
    fn decode(raw: &[u8; HEADER_LEN], offset: u64) -> Result<(Header, u32), Error> {
        if &raw[..6] != MAGIC {
            return Err(Error::BadMagic {
                offset,
                found: String::from_utf8_lossy(&raw[..6]).into_owned(),
            });
        }
        let mut fields = [0u32; 13];
        for (i, field) in fields.iter_mut().enumerate() {
            let text = &raw[6 + i * 8..14 + i * 8];
            *field = std::str::from_utf8(text)
                .ok()
                .filter(|t| t.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|t| u32::from_str_radix(t, 16).ok())
                .ok_or_else(|| Error::BadField {
                    offset,
                    field: FIELD_NAMES[i],
                    found: String::from_utf8_lossy(text).into_owned(),
                })?;
        }
        let header = Header {
            ino: fields[0],
            mode: fields[1],
            uid: fields[2],
            gid: fields[3],
            nlink: fields[4],
            mtime: fields[5],
            filesize: fields[6],
            dev_major: fields[7],
            dev_minor: fields[8],
            rdev_major: fields[9],
            rdev_minor: fields[10],
        };
        Ok((header, fields[11]))
    }
}

const FIELD_NAMES: [&str; 13] = [
    "ino",
    "mode",
    "uid",
    "gid",
    "nlink",
    "mtime",
    "filesize",
    "devmajor",
    "devminor",
    "rdevmajor",
    "rdevminor",
    "namesize",
    "check",
];

fn pad4(len: u64) -> u64 {
    (4 - len % 4) % 4
}

/// Checks a record name against the format's limits.
pub fn check_name(name: &str) -> Result<(), Error> {
    if name.is_empty() || name.contains('\0') {
        return Err(Error::BadName { name: name.into() });
    }
    if name.len() > MAX_NAME_LEN {
        return Err(Error::NameTooLong {
            name: name.into(),
            len: name.len(),
        });
    }
    Ok(())
}

/// Writes newc records to a byte stream.
pub struct Writer<W: Write> {
    out: W,
    offset: u64,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W) -> Self {
        Writer { out, offset: 0 }
    }

    /// Writes one record. `data` must yield exactly `header.filesize` bytes.
    pub fn write_entry(
        &mut self,
        name: &str,
        header: &Header,
        data: &mut dyn Read,
    ) -> Result<(), Error> {
        check_name(name)?;
        let namesize = name.len() as u32 + 1;
        self.put(&header.encode(namesize))?;
        self.put(name.as_bytes())?;
        self.put(&[0])?;
        self.pad()?;
        let expected = u64::from(header.filesize);
        let copied = io::copy(&mut data.take(expected + 1), &mut self.out)?;
        self.offset += copied;
        if copied != expected {
            return Err(Error::SizeChanged {
                name: name.into(),
                expected,
                actual: copied,
            });
        }
        self.pad()
    }

    /// Writes the trailer, pads the archive to a 512-byte block as GNU cpio
    /// does, and returns the inner writer.
    pub fn finish(mut self) -> Result<W, Error> {
        let trailer = Header {
            nlink: 1,
            ..Header::default()
        };
        self.write_entry(TRAILER, &trailer, &mut io::empty())?;
        let block = (512 - self.offset % 512) % 512;
        self.put(&vec![0; block as usize])?;
        self.out.flush()?;
        Ok(self.out)
    }

    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.out.write_all(bytes)?;
        self.offset += bytes.len() as u64;
        Ok(())
    }

    fn pad(&mut self) -> Result<(), Error> {
        let n = pad4(self.offset);
        self.put(&[0; 3][..n as usize])
    }
}

/// One record as read back: its name, header and where it started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub header: Header,
    /// Byte offset of the header in the (uncompressed) archive.
    pub offset: u64,
}

/// Reads newc records from a byte stream, one at a time.
///
/// [`Reader::next_entry`] skips whatever data of the previous record was not
/// read with [`Reader::read_data`].
pub struct Reader<R: Read> {
    input: R,
    offset: u64,
    /// Data bytes (plus padding) of the current record still unread.
    pending: u64,
    pending_pad: u64,
    /// Where the current record's header starts.
    entry_offset: u64,
    done: bool,
}

impl<R: Read> Reader<R> {
    pub fn new(input: R) -> Self {
        Reader {
            input,
            offset: 0,
            pending: 0,
            pending_pad: 0,
            entry_offset: 0,
            done: false,
        }
    }

    /// The next record, or `None` after the trailer.
    pub fn next_entry(&mut self) -> Result<Option<Entry>, Error> {
        if self.done {
            return Ok(None);
        }
        self.skip_data()?;
        let start = self.offset;
        self.entry_offset = start;
        let mut raw = [0u8; HEADER_LEN];
        self.fill(&mut raw, "a header")?;
        let (header, namesize) = Header::decode(&raw, start)?;
        let name = self.read_name(namesize, start)?;
        self.pending = u64::from(header.filesize);
        self.pending_pad = pad4(self.offset + self.pending);
        if name == TRAILER {
            self.skip_data()?;
            self.done = true;
        }
        Ok(Some(Entry {
            name,
            header,
            offset: start,
        }))
    }

    /// Copies the current record's data to `out`; returns the byte count.
    pub fn read_data(&mut self, out: &mut dyn Write) -> Result<u64, Error> {
        let want = self.pending;
        let copied = io::copy(&mut (&mut self.input).take(want), out)?;
        self.offset += copied;
        self.pending -= copied;
        if copied != want {
            return Err(self.truncated("entry data"));
        }
        let pad = std::mem::take(&mut self.pending_pad);
        self.skip(pad, "data padding")?;
        Ok(copied)
    }

    /// The current record's data as a symlink target, refusing (before
    /// reading anything) one longer than [`MAX_LINK_TARGET`], so that a
    /// hostile size field cannot make the caller buffer gigabytes.
    pub fn read_link_target(&mut self) -> Result<Vec<u8>, Error> {
        if self.pending > MAX_LINK_TARGET as u64 {
            return Err(Error::LinkTargetTooLong {
                offset: self.entry_offset,
                size: self.pending as u32,
            });
        }
        let mut target = Vec::with_capacity(self.pending as usize);
        self.read_data(&mut target)?;
        Ok(target)
    }

    /// Bytes read so far (the end of the trailer once `next_entry` gave `None`).
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// The inner reader, positioned after what was read (e.g. to check what
    /// follows the trailer).
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.input
    }

    /// The inner reader, positioned after what was read.
    pub fn into_inner(self) -> R {
        self.input
    }

    /// The name after a header: `namesize` bytes with the NUL, then the
    /// padding to a multiple of 4.
    fn read_name(&mut self, namesize: u32, start: u64) -> Result<String, Error> {
        if namesize == 0 || namesize as usize > MAX_NAME_LEN + 1 {
            return Err(Error::BadNameSize {
                offset: start,
                namesize,
            });
        }
        let mut name = vec![0u8; namesize as usize];
        self.fill(&mut name, "an entry name")?;
        if name.pop() != Some(0) || name.contains(&0) {
            return Err(Error::NameNotTerminated { offset: start });
        }
        let name = String::from_utf8(name).map_err(|_| Error::NameNotUtf8 { offset: start })?;
        self.skip(pad4(self.offset), "name padding")?;
        Ok(name)
    }

    fn skip_data(&mut self) -> Result<(), Error> {
        if self.pending > 0 || self.pending_pad > 0 {
            self.read_data(&mut io::sink())?;
        }
        Ok(())
    }

    fn fill(&mut self, buf: &mut [u8], what: &str) -> Result<(), Error> {
        match self.input.read_exact(buf) {
            Ok(()) => {
                self.offset += buf.len() as u64;
                Ok(())
            }
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Err(self.truncated(what)),
            Err(e) => Err(e.into()),
        }
    }

    fn skip(&mut self, n: u64, what: &str) -> Result<(), Error> {
        let skipped = io::copy(&mut (&mut self.input).take(n), &mut io::sink())?;
        self.offset += skipped;
        if skipped != n {
            return Err(self.truncated(what));
        }
        Ok(())
    }

    fn truncated(&self, what: &str) -> Error {
        Error::Truncated {
            offset: self.offset,
            what: what.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(size: u32) -> Header {
        Header {
            ino: 1,
            mode: mode::S_IFREG | 0o644,
            nlink: 1,
            filesize: size,
            ..Header::default()
        }
    }

    #[test]
    fn round_trip() {
        let mut w = Writer::new(Vec::new());
        w.write_entry("a", &file(5), &mut &b"hello"[..]).unwrap();
        w.write_entry("dir/b", &file(0), &mut io::empty()).unwrap();
        let bytes = w.finish().unwrap();
        assert_eq!(bytes.len() % 512, 0);
        assert_eq!(&bytes[..6], MAGIC);

        let mut r = Reader::new(&bytes[..]);
        let a = r.next_entry().unwrap().unwrap();
        assert_eq!(a.name, "a");
        assert_eq!(a.header, file(5));
        let mut data = Vec::new();
        r.read_data(&mut data).unwrap();
        assert_eq!(data, b"hello");
        let b = r.next_entry().unwrap().unwrap();
        assert_eq!(b.name, "dir/b");
        // Every header starts on a 4-byte boundary.
        assert_eq!(b.offset % 4, 0);
        assert_eq!(r.next_entry().unwrap().unwrap().name, TRAILER);
        assert!(r.next_entry().unwrap().is_none());
    }

    #[test]
    fn header_is_upper_hex_like_gen_init_cpio() {
        let h = Header {
            mode: 0o100755,
            ..Header::default()
        };
        let raw = h.encode(5);
        assert_eq!(&raw[14..22], b"000081ED");
        assert_eq!(&raw[94..102], b"00000005");
    }

    #[test]
    fn short_data_is_an_error_naming_the_entry() {
        let mut w = Writer::new(Vec::new());
        let err = w.write_entry("x", &file(10), &mut &b"abc"[..]).unwrap_err();
        assert!(err.to_string().contains("\"x\""), "{err}");
    }

    #[test]
    fn too_long_name_is_refused() {
        let mut w = Writer::new(Vec::new());
        let name = "a".repeat(MAX_NAME_LEN + 1);
        assert!(matches!(
            w.write_entry(&name, &file(0), &mut io::empty()),
            Err(Error::NameTooLong { .. })
        ));
    }

    #[test]
    fn truncated_archive_is_reported() {
        let mut w = Writer::new(Vec::new());
        w.write_entry("a", &file(5), &mut &b"hello"[..]).unwrap();
        let bytes = w.finish().unwrap();
        let mut r = Reader::new(&bytes[..114]);
        r.next_entry().unwrap();
        assert!(matches!(
            r.read_data(&mut io::sink()),
            Err(Error::Truncated { .. })
        ));
    }

    #[test]
    fn bad_magic_and_bad_hex_are_reported() {
        let mut r = Reader::new(&b"070707"[..]);
        assert!(matches!(r.next_entry(), Err(Error::Truncated { .. })));
        let mut bytes = file(0).encode(2).to_vec();
        bytes[0] = b'1';
        assert!(matches!(
            Reader::new(&bytes[..]).next_entry(),
            Err(Error::BadMagic { .. })
        ));
        let mut bytes = file(0).encode(2).to_vec();
        bytes[10] = b'g';
        let err = Reader::new(&bytes[..]).next_entry().unwrap_err();
        assert!(err.to_string().contains("`ino`"), "{err}");
    }
}
