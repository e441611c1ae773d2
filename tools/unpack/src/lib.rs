//! `mvirt-unpack`: a toolchain archive (a tarball, plain or compressed with
//! gzip, xz or zstd, or a Debian package) into a new directory.
//!
//! The archive is input like any other (see the crate `mvirt-atomic`): a
//! regular file of bounded size. Its entries are made beneath the output
//! directory only ([`sink`]): names are relative paths of plain components,
//! symlinks point within the tree, hard links to files of the same archive,
//! and nothing else (devices, FIFOs) is made. Modes are 0755 or 0644 (0755
//! for a directory); owners and times are not kept. The tree is unpacked
//! into a temporary directory beside the output and renamed into place
//! when complete: a failed unpack leaves nothing.

use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

pub mod hermetic;
pub mod names;
pub mod sink;

use sink::Sink;

/// What an archive is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Tar,
    TarGz,
    TarXz,
    TarZst,
    /// A Debian package: its `data.tar.*`. Absolute symlinks in it are
    /// taken from the output directory, as the package's root.
    Deb,
}

impl Format {
    /// The format a file name says (`.tar`, `.tar.gz`/`.tgz`, `.tar.xz`,
    /// `.tar.zst`, `.deb`).
    pub fn from_name(name: &str) -> Option<Format> {
        let ends = |s: &str| name.ends_with(s);
        Some(match () {
            _ if ends(".tar") => Format::Tar,
            _ if ends(".tar.gz") || ends(".tgz") => Format::TarGz,
            _ if ends(".tar.xz") => Format::TarXz,
            _ if ends(".tar.zst") => Format::TarZst,
            _ if ends(".deb") => Format::Deb,
            _ => return None,
        })
    }

    /// The format of a tarball by its first bytes, as tar detects it: the
    /// gzip, xz or zstd magic, else a plain tar (which its headers then
    /// have to prove). Never a `.deb`, which only its name says.
    pub fn sniff(head: &[u8]) -> Format {
        match head {
            [0x1f, 0x8b, ..] => Format::TarGz,
            [0xfd, b'7', b'z', b'X', b'Z', 0, ..] => Format::TarXz,
            [0x28, 0xb5, 0x2f, 0xfd, ..] => Format::TarZst,
            _ => Format::Tar,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Options {
    /// Leading name components dropped (as tar's --strip-components).
    pub strip: usize,
    /// Only entries under these paths (after `strip`); all if empty.
    pub only: Vec<PathBuf>,
    /// The most bytes of file data written.
    pub max_bytes: u64,
    /// The most entries read.
    pub max_entries: u64,
    /// Replace an existing output directory (once the new one is whole).
    pub replace: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            strip: 0,
            only: Vec::new(),
            max_bytes: 8 << 30,
            max_entries: 1 << 20,
            replace: false,
        }
    }
}

/// What an unpack made.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: u64,
    pub dirs: u64,
    pub symlinks: u64,
    pub hard_links: u64,
    pub bytes: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum UnpackError {
    #[error("{path}: {source}")]
    Input { path: PathBuf, source: io::Error },
    #[error("the archive is damaged: {0}")]
    Format(String),
    #[error("entry {name:?} {why}; refused")]
    Name { name: String, why: String },
    #[error("link {name:?} -> {target:?}: {why}; refused")]
    Link {
        name: String,
        target: String,
        why: String,
    },
    #[error("entry {name:?} is a {kind}: only files, directories and links are unpacked")]
    Kind { name: String, kind: String },
    #[error("making {name:?}: {source}")]
    Make { name: String, source: io::Error },
    #[error("the archive holds more than {max} bytes of files (raise --max-bytes if it should)")]
    TooLarge { max: u64 },
    #[error("the archive holds more than {max} entries")]
    TooMany { max: u64 },
    #[error("{path} exists; remove it, or pass --replace")]
    Exists { path: PathBuf },
    #[error("{path}: {source}")]
    Output { path: PathBuf, source: io::Error },
}

/// What may follow a tar's end marker: its padding to a record (10 KiB by
/// default; 1 MiB allows any blocking factor).
const TRAILER_MAX: u64 = 1 << 20;

/// The largest archive read (a toolchain package is far smaller).
pub const MAX_ARCHIVE: u64 = 4 << 30;

/// Unpacks `archive` into the directory `dest` (made by this call).
pub fn unpack(
    archive: &Path,
    format: Format,
    dest: &Path,
    opts: &Options,
) -> Result<Summary, UnpackError> {
    unpack_all(&[(archive, format)], dest, opts)
}

/// Unpacks several archives into one new directory `dest`, in order (e.g.
/// a Rust sysroot from rustc and rust-std components): whole or not at
/// all. A file that two archives both hold is an error.
pub fn unpack_all(
    archives: &[(&Path, Format)],
    dest: &Path,
    opts: &Options,
) -> Result<Summary, UnpackError> {
    let mut files = Vec::new();
    for (archive, format) in archives {
        let (file, _) = mvirt_atomic::open_input(archive, MAX_ARCHIVE).map_err(|source| {
            UnpackError::Input {
                path: archive.into(),
                source,
            }
        })?;
        files.push((file, *format));
    }
    if dest.exists() && !opts.replace {
        return Err(UnpackError::Exists { path: dest.into() });
    }
    let tmp = temp_beside(dest)?;
    let result = Sink::new(&tmp, opts.max_bytes).and_then(|mut sink| {
        let mut walk = Walk {
            sink: &mut sink,
            opts,
            rooted: false,
            summary: Summary::default(),
            entries: 0,
        };
        for (file, format) in files {
            walk.rooted = format == Format::Deb;
            match format {
                Format::Deb => deb(file, &mut walk),
                f => decoded(f, file, &mut walk),
            }?;
        }
        walk.summary.bytes = walk.sink.bytes;
        Ok(walk.summary)
    });
    match result.and_then(|s| commit(&tmp, dest, opts.replace).map(|()| s)) {
        Ok(s) => Ok(s),
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            Err(e)
        }
    }
}

fn output(path: &Path) -> impl FnOnce(io::Error) -> UnpackError + '_ {
    move |source| UnpackError::Output {
        path: path.into(),
        source,
    }
}

/// A new empty directory beside `dest`, for the tree until it is whole.
pub(crate) fn temp_beside(dest: &Path) -> Result<PathBuf, UnpackError> {
    let name = dest.file_name().ok_or_else(|| UnpackError::Output {
        path: dest.into(),
        source: io::Error::other("not a directory name"),
    })?;
    if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(output(parent))?;
    }
    let tmp = dest.with_file_name(format!(
        ".{}.unpack-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    if tmp.symlink_metadata().is_ok() {
        std::fs::remove_dir_all(&tmp).map_err(output(&tmp))?;
    }
    std::fs::create_dir(&tmp).map_err(output(&tmp))?;
    Ok(tmp)
}

/// Renames the whole tree into place.
pub(crate) fn commit(tmp: &Path, dest: &Path, replace: bool) -> Result<(), UnpackError> {
    if replace && dest.symlink_metadata().is_ok() {
        let old = tmp.with_extension("old");
        std::fs::rename(dest, &old).map_err(output(dest))?;
        std::fs::rename(tmp, dest).map_err(output(dest))?;
        return std::fs::remove_dir_all(&old).map_err(output(&old));
    }
    std::fs::rename(tmp, dest).map_err(output(dest))
}

/// A Debian package: an ar archive; its `data.tar.*` member is unpacked.
fn deb(file: std::fs::File, walk: &mut Walk) -> Result<(), UnpackError> {
    let mut ar = ar::Archive::new(BufReader::new(file));
    let damaged = |e: io::Error| UnpackError::Format(format!("not a Debian package: {e}"));
    let mut first = true;
    while let Some(entry) = ar.next_entry() {
        let mut entry = entry.map_err(damaged)?;
        let id = String::from_utf8_lossy(entry.header().identifier()).into_owned();
        if first {
            let mut version = String::new();
            entry
                .by_ref()
                .take(16)
                .read_to_string(&mut version)
                .map_err(damaged)?;
            if id != "debian-binary" || !version.starts_with("2.") {
                return Err(UnpackError::Format(
                    "not a Debian package (no debian-binary 2.x)".into(),
                ));
            }
            first = false;
            continue;
        }
        if let Some(kind) = id.strip_prefix("data.tar") {
            let format = match kind {
                "" => Format::Tar,
                ".gz" => Format::TarGz,
                ".xz" => Format::TarXz,
                ".zst" => Format::TarZst,
                other => {
                    return Err(UnpackError::Format(format!(
                        "data.tar{other}: unknown compression"
                    )))
                }
            };
            return decoded(format, entry, walk);
        }
    }
    Err(UnpackError::Format(
        "a Debian package without data.tar".into(),
    ))
}

/// Decompresses `reader` as `format` says and walks the tar inside. xz is
/// decoded on a second thread into a pipe (lzma-rs writes, tar reads).
fn decoded<R: Read + Send>(format: Format, reader: R, walk: &mut Walk) -> Result<(), UnpackError> {
    let damaged = |e: io::Error| UnpackError::Format(e.to_string());
    match format {
        Format::Tar => walk.tar(reader),
        Format::TarGz => walk.tar(flate2::read::MultiGzDecoder::new(BufReader::new(reader))),
        Format::TarZst => walk.tar(zstd::stream::read::Decoder::new(reader).map_err(damaged)?),
        Format::TarXz => {
            let (pipe_r, mut pipe_w) = io::pipe().map_err(damaged)?;
            std::thread::scope(|s| {
                let xz = s.spawn(move || {
                    lzma_rs::xz_decompress(&mut BufReader::new(reader), &mut pipe_w)
                });
                let walked = walk.tar(pipe_r);
                let xz = xz.join().unwrap_or_else(|_| {
                    Err(lzma_rs::error::Error::IoError(io::Error::other("panicked")))
                });
                match (walked, xz) {
                    // The tar reader stopped early (its own error): the
                    // decoder's broken pipe says nothing more.
                    (Err(w), Err(lzma_rs::error::Error::IoError(e)))
                        if e.kind() == io::ErrorKind::BrokenPipe =>
                    {
                        Err(w)
                    }
                    // A damaged stream (a bad check at its very end too).
                    (_, Err(x)) => Err(UnpackError::Format(format!("xz: {x}"))),
                    (w, Ok(())) => w,
                }
            })
        }
        Format::Deb => Err(UnpackError::Format(
            "a Debian package inside an archive".into(),
        )),
    }
}

struct Walk<'a> {
    sink: &'a mut Sink,
    opts: &'a Options,
    rooted: bool,
    summary: Summary,
    entries: u64,
}

impl Walk<'_> {
    fn tar(&mut self, reader: impl Read) -> Result<(), UnpackError> {
        let damaged = |e: io::Error| UnpackError::Format(e.to_string());
        let mut archive = tar::Archive::new(reader);
        for entry in archive.entries().map_err(damaged)? {
            self.entries += 1;
            if self.entries > self.opts.max_entries {
                return Err(UnpackError::TooMany {
                    max: self.opts.max_entries,
                });
            }
            self.entry(entry.map_err(damaged)?)?;
        }
        // What follows the end marker (a tarball is padded to its record
        // size) is read to the end, so that a compressed stream is checked
        // whole; more than a little of it is not a tarball's padding.
        let mut rest = archive.into_inner().take(TRAILER_MAX + 1);
        let n = io::copy(&mut rest, &mut io::sink()).map_err(damaged)?;
        if n > TRAILER_MAX {
            return Err(UnpackError::Format(format!(
                "more than {TRAILER_MAX} bytes after the end of the tar"
            )));
        }
        Ok(())
    }

    fn wanted(&self, path: &Path) -> bool {
        self.opts.only.is_empty() || self.opts.only.iter().any(|o| path.starts_with(o))
    }

    fn entry<R: Read>(&mut self, mut entry: tar::Entry<R>) -> Result<(), UnpackError> {
        use tar::EntryType as T;
        let kind = entry.header().entry_type();
        if matches!(kind, T::XGlobalHeader) {
            return Ok(()); // a pax comment (git archive's commit id)
        }
        let raw = entry
            .path()
            .map_err(|e| UnpackError::Format(e.to_string()))?
            .into_owned();
        let Some(path) = names::entry_path(&raw, self.opts.strip)? else {
            return Ok(());
        };
        if !self.wanted(&path) {
            return Ok(());
        }
        match kind {
            T::Directory => {
                self.sink.mkdir(&path)?;
                self.summary.dirs += 1;
            }
            T::Regular | T::Continuous => {
                let exec = entry.header().mode().is_ok_and(|m| m & 0o111 != 0);
                self.sink.file(&path, &mut entry, exec)?;
                self.summary.files += 1;
            }
            T::Symlink => {
                let target = self.link_name(&entry, &raw)?;
                let target = names::link_target(&path, &target, self.rooted)?;
                self.sink.symlink(&path, &target)?;
                self.summary.symlinks += 1;
            }
            T::Link => {
                let target = self.link_name(&entry, &raw)?;
                let target = names::entry_path(&target, self.opts.strip)?.ok_or_else(|| {
                    UnpackError::Link {
                        name: raw.display().to_string(),
                        target: target.display().to_string(),
                        why: "names no file".into(),
                    }
                })?;
                self.sink.hard_link(&path, &target)?;
                self.summary.hard_links += 1;
            }
            other => {
                return Err(UnpackError::Kind {
                    name: raw.display().to_string(),
                    kind: format!("{other:?}"),
                })
            }
        }
        Ok(())
    }

    fn link_name<R: Read>(
        &self,
        entry: &tar::Entry<R>,
        raw: &Path,
    ) -> Result<PathBuf, UnpackError> {
        entry
            .link_name()
            .map_err(|e| UnpackError::Format(e.to_string()))?
            .map(|t| t.into_owned())
            .ok_or_else(|| UnpackError::Link {
                name: raw.display().to_string(),
                target: String::new(),
                why: "no target".into(),
            })
    }
}
