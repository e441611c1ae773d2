//! Seeding the shared cache: every pinned file into the CAS, so that a
//! team's cache server is also the mirror of what the build pins (and a
//! file Debian or a release page dropped stays buildable).

use std::io::Seek;
use std::path::Path;

use crate::sources::{self, Attempt, Targets};
use crate::stream::copy_hashed;
use crate::{is_sha256, open_regular, Cas, FilePin, PinError};

/// What [`seed`] did for one pin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seeded {
    /// The CAS held it already.
    Already,
    /// Uploaded, from this local file.
    Uploaded { from: String },
}

/// Puts the pinned file into the CAS unless it is there. The file comes
/// from the pin's sources except the CAS (its `path`, the download cache
/// `downloads`, each URL, downloading into `downloads`) and is checked
/// against the pin before it is sent. A pin without a `size` is seeded with
/// the size of the bytes its sha256 vouches for.
pub fn seed(pin: &FilePin, cas: &Cas, downloads: Option<&Path>) -> Result<Seeded, PinError> {
    pin.check().map_err(|message| PinError::Invalid {
        file: format!("pin {:?}", pin.name).into(),
        message,
    })?;
    if !is_sha256(&pin.sha256) {
        return Err(PinError::Invalid {
            file: format!("pin {:?}", pin.name).into(),
            message: "it has no sha256 recorded, so nothing can be checked or seeded".into(),
        });
    }
    let sha256 = pin.sha256.to_lowercase();
    let cas_error = |source| PinError::Cas {
        endpoint: cas.endpoint(),
        source,
    };
    if let Some(size) = pin.size {
        if cas.contains(&sha256, size).map_err(cas_error)? {
            return Ok(Seeded::Already);
        }
    }
    let (mut file, from) = local_copy(pin, downloads)?;
    let actual = copy_hashed(&mut file, &mut [] as &mut [std::io::Sink], None)
        .map_err(|e| e.into_pin_error(Path::new(&from), &[]))?;
    let size = file
        .stream_position()
        .and_then(|len| file.rewind().map(|()| len))
        .map_err(|source| PinError::Io {
            action: "reading",
            file: from.clone().into(),
            source,
        })?;
    // The sha256 decides; a pin's size that disagrees is a broken pin.
    if actual != sha256 || pin.size.is_some_and(|pinned| pinned != size) {
        return Err(PinError::Invalid {
            file: from.into(),
            message: format!(
                "it is {size} bytes with sha256 {actual}, the pin says {} bytes with sha256 {sha256}",
                pin.size.map_or("(no size)".into(), |s| s.to_string())
            ),
        });
    }
    if pin.size.is_none() && cas.contains(&sha256, size).map_err(cas_error)? {
        return Ok(Seeded::Already);
    }
    cas.write(file, &sha256, size).map_err(cas_error)?;
    Ok(Seeded::Uploaded { from })
}

/// A local copy of the pinned file: its `path` when that holds the pinned
/// bytes, else the download cache's copy (downloaded first if need be).
fn local_copy(
    pin: &FilePin,
    downloads: Option<&Path>,
) -> Result<(std::fs::File, String), PinError> {
    let mut tried: Vec<Attempt> = Vec::new();
    if let Some(path) = &pin.path {
        let check = pin
            .local_path()
            .and_then(|_| crate::verify(path, &pin.sha256));
        if sources::record(format!("path {}", path.display()), check, &mut tried)? {
            return Ok((open_regular(path)?, path.display().to_string()));
        }
    }
    if let Some(downloads) = downloads {
        let cached = downloads.join(pin.cache_name());
        let check = crate::verify(&cached, &pin.sha256);
        let fresh = sources::record(
            format!("the download cache {}", cached.display()),
            check,
            &mut tried,
        )? || {
            let targets = Targets {
                output: None,
                cached: Some(cached.clone()),
                downloads: Some(downloads),
            };
            sources::remote(pin, None, &targets, &mut tried)?.is_some()
        };
        if fresh {
            return Ok((open_regular(&cached)?, cached.display().to_string()));
        }
    } else if pin.urls().next().is_some() {
        tried.push(Attempt {
            source: "downloads".into(),
            why: "no --downloads directory to download into".into(),
        });
    }
    Err(crate::no_source(pin, tried))
}
