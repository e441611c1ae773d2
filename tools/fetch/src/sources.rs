//! Every source of a pinned file, tried in order until one gives the
//! pinned bytes: the pin's local `path`, the download cache, the shared
//! CAS, each URL. A source that fails is recorded and the next one tried;
//! a failure of our own (creating or writing the output) stops at once.
//! When all fail, the error lists each source and why, and how to re-pin.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use mvirt_atomic::Output;
use sha2::{Digest, Sha256};

use crate::stream::{commit_changed, create_output, NewDirs};
use crate::{download, hex, Cas, PinError, Resolved};

/// One source tried, and why it did not give the pinned file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    /// "path /usr/src/x.tar.xz", "cas grpc://…", "https://…".
    pub source: String,
    pub why: String,
}

impl fmt::Display for Attempt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A multi-line reason (a sha256 mismatch) stays under its source.
        let why = self.why.replace('\n', "\n      ");
        write!(f, "  - {}: {why}", self.source)
    }
}

/// An error's message with its causes (`a: b: c`), on one logical line.
fn chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Whether `err` is about this source (try the next one) rather than our
/// own outputs (stop: another source would fail the same way).
fn source_failed(err: &PinError) -> bool {
    !matches!(
        err,
        PinError::Io {
            action: "creating" | "writing" | "removing",
            ..
        }
    )
}

/// Where the sources are written: the output and, when there is one, the
/// download cache's file (kept for the next run).
pub(crate) struct Targets<'a> {
    pub output: Option<(&'a Path, u32)>,
    pub cached: Option<PathBuf>,
    pub downloads: Option<&'a Path>,
}

impl Targets<'_> {
    /// Fresh outputs for one attempt, under guards that remove the
    /// directories made for them unless kept.
    fn open(&self) -> Result<(Vec<NewDirs>, Vec<Output>), PinError> {
        let (mut dirs, mut outs) = (Vec::new(), Vec::new());
        if let (Some(cached), Some(downloads)) = (&self.cached, self.downloads) {
            dirs.push(NewDirs::create(downloads)?);
            outs.push(
                Output::create(cached, 0o644).map_err(|source| PinError::Io {
                    action: "creating",
                    file: cached.clone(),
                    source,
                })?,
            );
        }
        if let Some((output, mode)) = self.output {
            let (dir, out) = create_output(output, mode)?;
            dirs.push(dir);
            outs.push(out);
        }
        Ok((dirs, outs))
    }
}

/// The sources after the local path and the download cache: the CAS (when
/// one is given and the pin records a size), then each URL.
pub(crate) fn remote(
    pin: &crate::FilePin,
    cas: Option<&Cas>,
    targets: &Targets,
    tried: &mut Vec<Attempt>,
) -> Result<Option<Resolved>, PinError> {
    let sha256 = pin.sha256.to_lowercase();
    if let Some(cas) = cas {
        let source = format!("cas {}", cas.endpoint());
        match pin.size {
            None => tried.push(Attempt {
                source,
                why: "the pin records no `size`, and a CAS names a blob by sha256 and size".into(),
            }),
            Some(size) => match from_cas(cas, &sha256, size, targets) {
                Ok(()) => return Ok(Some(Resolved::Cas)),
                Err(PinError::Cas { source: why, .. }) => tried.push(Attempt {
                    source,
                    why: chain(&why),
                }),
                Err(e) if source_failed(&e) => tried.push(Attempt {
                    source,
                    why: chain(&e),
                }),
                Err(e) => return Err(e),
            },
        }
    }
    for url in pin.urls() {
        let attempt = targets.open().and_then(|(dirs, outs)| {
            let outs = download::download_checked(url, &sha256, outs)?;
            commit_changed(outs, &sha256)?;
            dirs.into_iter().for_each(NewDirs::keep);
            Ok(())
        });
        match attempt {
            Ok(()) => {
                return Ok(Some(Resolved::Downloaded {
                    cache: targets.cached.clone(),
                }))
            }
            Err(e) if source_failed(&e) => tried.push(Attempt {
                source: url.into(),
                why: chain(&e),
            }),
            Err(e) => return Err(e),
        }
    }
    Ok(None)
}

/// The blob from the CAS into fresh outputs, committed only when its
/// sha256 is the pin's.
fn from_cas(cas: &Cas, sha256: &str, size: u64, targets: &Targets) -> Result<(), PinError> {
    crate::note(format_args!(
        "fetch: asking the cache {} for {sha256}",
        cas.endpoint()
    ));
    let (dirs, mut outs) = targets.open()?;
    let mut hasher = Sha256::new();
    let mut written: Result<(), PinError> = Ok(());
    let read = cas.read(sha256, size, &mut |data| {
        hasher.update(data);
        for out in outs.iter_mut() {
            if let Err(source) = out.write_all(data) {
                written = Err(PinError::Io {
                    action: "writing",
                    file: out.dest().into(),
                    source,
                });
                return Err(std::io::Error::other("the output failed"));
            }
        }
        Ok(())
    });
    written?;
    read.map_err(|source| PinError::Cas {
        endpoint: cas.endpoint(),
        source,
    })?;
    let actual = hex(&hasher.finalize());
    if actual != sha256 {
        return Err(PinError::Cas {
            endpoint: cas.endpoint(),
            source: crate::CasError::Corrupt(actual),
        });
    }
    commit_changed(outs, sha256)?;
    dirs.into_iter().for_each(NewDirs::keep);
    Ok(())
}

/// Records a failed local `path` (or passes on a failure of our own).
pub(crate) fn record(
    source: String,
    result: Result<(), PinError>,
    tried: &mut Vec<Attempt>,
) -> Result<bool, PinError> {
    match result {
        Ok(()) => Ok(true),
        Err(e) if source_failed(&e) => {
            tried.push(Attempt {
                source,
                why: chain(&e),
            });
            Ok(false)
        }
        Err(e) => Err(e),
    }
}
