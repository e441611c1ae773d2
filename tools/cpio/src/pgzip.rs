//! Parallel gzip in pigz's format: one standard gzip member whose deflate
//! stream is cut into fixed-size chunks, each compressed on its own thread
//! with the previous 32 KiB as its dictionary and ended by a sync flush
//! (the last one by the final block). Any gzip reader reads it; the output
//! does not depend on the number of threads, only on the chunk size.

use std::io::{self, Write};

use flate2::{Compress, Compression, Crc, FlushCompress, Status};

/// Input per chunk: large enough that sync markers cost nothing measurable.
const CHUNK: usize = 1 << 20;
/// Deflate's window: what a chunk may refer back to.
const WINDOW: usize = 32 * 1024;

pub struct ParallelGz<W: Write> {
    out: W,
    level: u32,
    threads: usize,
    current: Vec<u8>,
    pending: Vec<Vec<u8>>,
    dictionary: Vec<u8>,
    crc: Crc,
}

fn compress_chunk(level: u32, dictionary: &[u8], input: &[u8], last: bool) -> io::Result<Vec<u8>> {
    let mut c = Compress::new(Compression::new(level), false);
    if !dictionary.is_empty() {
        c.set_dictionary(dictionary).map_err(io::Error::other)?;
    }
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Sync
    };
    let mut out = Vec::with_capacity(input.len() / 2 + 1024);
    loop {
        if out.capacity() - out.len() < 64 * 1024 {
            out.reserve(256 * 1024);
        }
        let consumed = c.total_in() as usize;
        let status = c
            .compress_vec(&input[consumed..], &mut out, flush)
            .map_err(io::Error::other)?;
        let all_in = c.total_in() as usize == input.len();
        match status {
            Status::StreamEnd => break,
            _ if !last && all_in && out.len() < out.capacity() => break,
            _ => {}
        }
    }
    Ok(out)
}

impl<W: Write> ParallelGz<W> {
    pub fn new(mut out: W, level: u32) -> io::Result<Self> {
        // RFC 1952 header: no name, no comment, mtime 0 (as `gzip -n`), OS Unix.
        let xfl = match level {
            9 => 2,
            1 => 4,
            _ => 0,
        };
        out.write_all(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3])?;
        Ok(ParallelGz {
            out,
            level,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            current: Vec::with_capacity(CHUNK),
            pending: Vec::new(),
            dictionary: Vec::new(),
            crc: Crc::new(),
        })
    }

    fn compress_pending(&mut self, last: bool) -> io::Result<()> {
        let chunks = std::mem::take(&mut self.pending);
        if chunks.is_empty() {
            return Ok(());
        }
        let mut dictionaries = Vec::with_capacity(chunks.len());
        let mut prev: &[u8] = &self.dictionary;
        for chunk in &chunks {
            dictionaries.push(prev);
            prev = &chunk[chunk.len().saturating_sub(WINDOW)..];
        }
        let n = chunks.len();
        let level = self.level;
        let results: Vec<io::Result<Vec<u8>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .iter()
                .zip(&dictionaries)
                .enumerate()
                .map(|(i, (chunk, dict))| {
                    scope.spawn(move || compress_chunk(level, dict, chunk, last && i == n - 1))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err(io::Error::other("compressor thread panicked")))
                })
                .collect()
        });
        for (chunk, result) in chunks.iter().zip(results) {
            self.crc.update(chunk);
            self.out.write_all(&result?)?;
        }
        let tail = &chunks[n - 1];
        let mut dict = if tail.len() >= WINDOW {
            Vec::new()
        } else {
            self.dictionary.clone()
        };
        dict.extend_from_slice(tail);
        let keep = dict.len().saturating_sub(WINDOW);
        self.dictionary = dict.split_off(keep);
        Ok(())
    }

    /// Writes the last chunk and the trailer (CRC-32, length mod 2^32).
    pub fn finish(mut self) -> io::Result<W> {
        let last = std::mem::take(&mut self.current);
        self.pending.push(last);
        self.compress_pending(true)?;
        let crc = self.crc.sum();
        let len = self.crc.amount();
        self.out.write_all(&crc.to_le_bytes())?;
        self.out.write_all(&len.to_le_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

impl<W: Write> Write for ParallelGz<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = buf.len().min(CHUNK - self.current.len());
        self.current.extend_from_slice(&buf[..n]);
        if self.current.len() == CHUNK {
            let full = std::mem::replace(&mut self.current, Vec::with_capacity(CHUNK));
            self.pending.push(full);
            if self.pending.len() >= self.threads.max(2) {
                self.compress_pending(false)?;
            }
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn round_trip(data: &[u8], threads: usize) -> Vec<u8> {
        let mut w = ParallelGz::new(Vec::new(), 9).unwrap();
        w.threads = threads;
        w.write_all(data).unwrap();
        let gz = w.finish().unwrap();
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, data);
        gz
    }

    #[test]
    fn round_trips_across_chunks_and_ignores_thread_count() {
        let data: Vec<u8> = (0..(3 * CHUNK + 12345))
            .map(|i| ((i / 7) % 251) as u8)
            .collect();
        let one = round_trip(&data, 1);
        let four = round_trip(&data, 4);
        assert_eq!(one, four, "output must not depend on the thread count");
        round_trip(b"", 2);
        round_trip(b"x", 2);
    }

    #[test]
    fn gunzip_reads_it() {
        let data = vec![b'a'; CHUNK * 2 + 3];
        let gz = round_trip(&data, 2);
        let mut child = std::process::Command::new("gzip")
            .args(["-dc"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&gz).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        assert_eq!(out.stdout, data);
    }
}
