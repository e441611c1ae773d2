//! Compression of the archive stream: gzip (the seed's and the default;
//! compressed in parallel, see [`crate::pgzip`]), zstd, or none. Both compressors are set up to be reproducible: the gzip
//! header carries no file name and mtime 0 (like `gzip -n`), zstd frames
//! carry no timestamps at all.

use std::io::{self, BufRead, BufReader, Read, Write};

use crate::pgzip::ParallelGz;

/// How to compress an archive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip { level: u32 },
    Zstd { level: i32 },
}

impl Compression {
    /// The default for a format name (`gzip`, `zstd`, `none`), at an
    /// optional level.
    pub fn from_name(name: &str, level: Option<i32>) -> Result<Compression, String> {
        match name {
            "none" => Ok(Compression::None),
            "gzip" => {
                let level = level.unwrap_or(9);
                if !(1..=9).contains(&level) {
                    return Err(format!("gzip level {level} is out of range 1..=9"));
                }
                Ok(Compression::Gzip {
                    level: level as u32,
                })
            }
            "zstd" => {
                let level = level.unwrap_or(19);
                if !(1..=22).contains(&level) {
                    return Err(format!("zstd level {level} is out of range 1..=22"));
                }
                Ok(Compression::Zstd { level })
            }
            other => Err(format!(
                "unknown compression {other:?} (expected gzip, zstd or none)"
            )),
        }
    }

    /// The format a file name implies: `.gz` → gzip, `.zst` → zstd, else none.
    pub fn name_for_path(path: &std::path::Path) -> &'static str {
        match path.extension().and_then(|e| e.to_str()) {
            Some("gz") => "gzip",
            Some("zst") | Some("zstd") => "zstd",
            _ => "none",
        }
    }

    /// Wraps `out` in a compressor. Call [`Finish::finish`] on the result.
    pub fn writer<'a, W: Write + 'a>(&self, out: W) -> io::Result<Box<dyn Finish<W> + 'a>> {
        Ok(match *self {
            Compression::None => Box::new(Plain(out)),
            Compression::Gzip { level } => Box::new(ParallelGz::new(out, level)?),
            Compression::Zstd { level } => {
                let mut enc = zstd::stream::Encoder::new(out, level)?;
                enc.include_checksum(true)?;
                enc.include_contentsize(false)?;
                Box::new(enc)
            }
        })
    }
}

/// A compressing writer that must be finished to write its trailer.
pub trait Finish<W>: Write {
    fn finish(self: Box<Self>) -> io::Result<W>;
}

struct Plain<W>(W);

impl<W: Write> Write for Plain<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl<W: Write> Finish<W> for Plain<W> {
    fn finish(mut self: Box<Self>) -> io::Result<W> {
        self.0.flush()?;
        Ok(self.0)
    }
}

impl<W: Write> Finish<W> for ParallelGz<W> {
    fn finish(self: Box<Self>) -> io::Result<W> {
        (*self).finish()
    }
}

impl<W: Write> Finish<W> for zstd::stream::Encoder<'static, W> {
    fn finish(self: Box<Self>) -> io::Result<W> {
        (*self).finish()
    }
}

/// Opens a possibly compressed archive, detecting gzip and zstd by magic.
pub fn open_decompressed<'a, R: Read + 'a>(
    input: R,
) -> io::Result<(Box<dyn Read + 'a>, &'static str)> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let head = input.fill_buf()?;
    Ok(if head.starts_with(&[0x1f, 0x8b]) {
        (
            Box::new(flate2::bufread::MultiGzDecoder::new(input)),
            "gzip",
        )
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        (Box::new(zstd::stream::Decoder::with_buffer(input)?), "zstd")
    } else {
        (Box::new(input), "none")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(c: Compression) -> Vec<u8> {
        let mut w = c.writer(Vec::new()).unwrap();
        w.write_all(b"some archive bytes").unwrap();
        let bytes = w.finish().unwrap();
        let mut back = Vec::new();
        open_decompressed(&bytes[..])
            .unwrap()
            .0
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, b"some archive bytes");
        bytes
    }

    #[test]
    fn gzip_header_has_no_name_and_no_time() {
        let bytes = round_trip(Compression::Gzip { level: 9 });
        assert_eq!(bytes[3], 0, "FLG: no FNAME, no FCOMMENT");
        assert_eq!(&bytes[4..8], &[0, 0, 0, 0], "MTIME is zero");
        assert_eq!(bytes[9], 3, "OS = Unix");
    }

    #[test]
    fn zstd_and_none_round_trip() {
        round_trip(Compression::Zstd { level: 3 });
        assert_eq!(round_trip(Compression::None), b"some archive bytes");
    }

    #[test]
    fn levels_are_checked() {
        assert!(Compression::from_name("gzip", Some(10)).is_err());
        assert!(Compression::from_name("zstd", Some(0)).is_err());
        assert!(Compression::from_name("xz", None).is_err());
    }
}
