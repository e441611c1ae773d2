//! Inputs a user names: a regular file of bounded size, or an error.
//!
//! `std::fs::read` on a FIFO blocks until a writer comes (forever, in a
//! build), on `/dev/zero` reads until memory runs out, and on a directory
//! fails with a bare EISDIR. [`open_input`] opens with `O_NONBLOCK |
//! O_NOCTTY` (and `O_CLOEXEC`, as std always does), so that opening a
//! FIFO or a terminal neither waits nor takes it over, then `fstat`s the
//! open file and refuses anything but a regular file, or one larger than
//! the caller's bound. `O_NONBLOCK` stays set: open(2) documents that it
//! has no effect on regular files, the only thing that gets past the check.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use crate::kind::type_name;

// The generic Linux values (include/uapi/asm-generic/fcntl.h), which
// x86_64 and arm64, the architectures mvirt-os builds on, use.
#[cfg(not(any(
    target_arch = "mips",
    target_arch = "mips64",
    target_arch = "sparc",
    target_arch = "sparc64"
)))]
const O_NONBLOCK: i32 = 0o4000;
#[cfg(not(any(
    target_arch = "mips",
    target_arch = "mips64",
    target_arch = "sparc",
    target_arch = "sparc64"
)))]
const O_NOCTTY: i32 = 0o400;

/// ENXIO: what open(2) of a unix socket fails with.
const ENXIO: i32 = 6;

fn refused(what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("is {what}, not a regular file: name a regular file as this input"),
    )
}

fn too_large(size: u64, max_bytes: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "is {size} bytes or more; this input may be at most {max_bytes} bytes \
             (is it the right file?)"
        ),
    )
}

/// Opens `path` for reading if it is a regular file of at most
/// `max_bytes`; returns the file and its size. A FIFO, socket, device
/// node or directory is refused with an error naming its type (the caller
/// names the path), without waiting and without reading from it.
pub fn open_input(path: impl AsRef<Path>, max_bytes: u64) -> io::Result<(File, u64)> {
    let path = path.as_ref();
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(O_NONBLOCK | O_NOCTTY)
        .open(path)
        .map_err(|e| explain_open_error(path, e))?;
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Err(refused(type_name(meta.file_type())));
    }
    if meta.len() > max_bytes {
        return Err(too_large(meta.len(), max_bytes));
    }
    Ok((file, meta.len()))
}

/// A socket cannot be opened at all (ENXIO): say what it is.
fn explain_open_error(path: &Path, e: io::Error) -> io::Error {
    if e.raw_os_error() == Some(ENXIO) {
        if let Ok(meta) = std::fs::metadata(path) {
            return refused(type_name(meta.file_type()));
        }
    }
    e
}

/// Reads `path` whole if it is a regular file of at most `max_bytes`
/// ([`open_input`]). A file that grows while it is read is refused when it
/// passes the bound: no more than `max_bytes + 1` bytes are ever read.
pub fn read_input(path: impl AsRef<Path>, max_bytes: u64) -> io::Result<Vec<u8>> {
    let path = path.as_ref();
    let (file, len) = open_input(path, max_bytes)?;
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64, max_bytes));
    }
    Ok(bytes)
}

/// [`read_input`] of a UTF-8 text file.
pub fn read_input_to_string(path: impl AsRef<Path>, max_bytes: u64) -> io::Result<String> {
    String::from_utf8(read_input(path, max_bytes)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "is not UTF-8 text"))
}
