//! A VM's logs (its serial console, cloud-hypervisor's own log) served in
//! chunks over the API, so `mvirt console` works from another machine.
//!
//! A client asks from an offset and gets at most [`MAX_CHUNK`] bytes and
//! the offset to ask from next. A log shorter than the offset was
//! rewritten (the VM started again): the chunk starts over at 0 and says
//! so. The files are the daemon's own (derived from the VM's name, never
//! from a request), opened without following links.

use std::io::{Read, Seek, SeekFrom};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

/// The most a chunk holds.
pub const MAX_CHUNK: usize = mvirt_api::MAX_LOG_CHUNK;

#[derive(Debug, PartialEq, Eq)]
pub struct Chunk {
    pub data: Vec<u8>,
    /// Where the next chunk starts.
    pub next: u64,
    /// The log was shorter than the offset asked for: this chunk is from 0.
    pub restarted: bool,
}

/// Up to [`MAX_CHUNK`] bytes of `path` from `offset`; a log not written
/// yet (the VM never started) is empty.
pub fn chunk(path: &Path, offset: u64) -> std::io::Result<Chunk> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path);
    let mut file = match file {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Chunk {
                data: Vec::new(),
                next: 0,
                restarted: offset > 0,
            })
        }
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let restarted = offset > meta.len();
    let start = if restarted { 0 } else { offset };
    file.seek(SeekFrom::Start(start))?;
    let mut data = Vec::new();
    file.take(MAX_CHUNK as u64).read_to_end(&mut data)?;
    Ok(Chunk {
        next: start + data.len() as u64,
        data,
        restarted,
    })
}

/// The `offset=N` of a query string (0 when absent). Anything else in it,
/// or a second offset, is refused rather than guessed at.
pub fn offset_of(query: &str) -> Result<u64, String> {
    let mut offset = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let Some(v) = pair.strip_prefix("offset=") else {
            return Err(format!("unknown query parameter {pair:?} (only offset=N)"));
        };
        if offset.is_some() {
            return Err("offset given twice".into());
        }
        let n = v
            .parse()
            .map_err(|_| format!("offset={v:?} is not a byte offset"))?;
        offset = Some(n);
    }
    Ok(offset.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_follow_a_growing_log_and_start_over_when_it_is_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("serial.log");
        assert_eq!(chunk(&log, 0).unwrap().data, b"");
        std::fs::write(&log, b"hello ").unwrap();
        let c = chunk(&log, 0).unwrap();
        assert_eq!(
            (c.data.as_slice(), c.next, c.restarted),
            (&b"hello "[..], 6, false)
        );
        std::fs::write(&log, b"hello world").unwrap();
        assert_eq!(chunk(&log, 6).unwrap().data, b"world");
        std::fs::write(&log, b"new").unwrap();
        let c = chunk(&log, 11).unwrap();
        assert_eq!((c.data.as_slice(), c.restarted), (&b"new"[..], true));
        std::fs::write(&log, vec![b'x'; MAX_CHUNK * 2 + 5]).unwrap();
        assert_eq!(chunk(&log, 0).unwrap().data.len(), MAX_CHUNK);
        assert_eq!(chunk(&log, 2 * MAX_CHUNK as u64).unwrap().data.len(), 5);
        std::os::unix::fs::symlink("/etc/passwd", dir.path().join("link")).unwrap();
        assert!(chunk(&dir.path().join("link"), 0).is_err());
        assert!(chunk(dir.path(), 0).is_err());
    }

    #[test]
    fn offsets_come_from_the_query() {
        assert_eq!(offset_of(""), Ok(0));
        assert_eq!(offset_of("offset=42"), Ok(42));
        assert_eq!(offset_of("&offset=7&"), Ok(7));
        assert!(offset_of("offset=-1").is_err());
        assert!(offset_of("offset=99999999999999999999999").is_err());
        assert!(offset_of("offset=1&offset=2").is_err());
        assert!(offset_of("follow=1").is_err());
        assert!(offset_of("offset").is_err());
    }
}
