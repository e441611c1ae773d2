//! The host's server identity: made once, kept in a directory (on the data
//! disk: /var/lib/mvirt/tls), read back at every start.
//!
//! `server.key` (0600) is written before `server.crt` (0644), each whole or
//! not at all; a directory with a key and no certificate is an interrupted
//! first start (the key is replaced), one with a certificate and no key is
//! refused: someone removed the key, and a new identity must be asked for.

use std::path::{Path, PathBuf};

use crate::pki::{fingerprint, first_cert, new_server, Pem};
use crate::Error;

/// The largest certificate or key file read (PEM).
const MAX_PEM: u64 = 64 << 10;

/// The server identity and where it came from.
#[derive(Debug)]
pub struct ServerIdentity {
    pub pem: Pem,
    /// `sha256:…` of the certificate: what clients pin.
    pub fingerprint: String,
    /// Whether it was made now (first start).
    pub created: bool,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.into(),
        source,
    }
}

fn read(path: &Path) -> Result<Option<String>, Error> {
    match mvirt_atomic::read_input_to_string(path, MAX_PEM) {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(path)(e)),
    }
}

fn paths(dir: &Path) -> (PathBuf, PathBuf) {
    (dir.join("server.crt"), dir.join("server.key"))
}

/// Reads the identity in `dir`, or makes one for `hostname` there.
pub fn load_or_create(dir: &Path, hostname: &str) -> Result<ServerIdentity, Error> {
    let (crt, key) = paths(dir);
    let (cert, secret) = (read(&crt)?, read(&key)?);
    let (pem, created) = match (cert, secret) {
        (Some(cert), Some(key)) => (Pem { cert, key }, false),
        (Some(_), None) => return Err(Error::KeyMissing(crt, key)),
        (None, _) => {
            let pem = new_server(hostname)?;
            std::fs::create_dir_all(dir).map_err(io(dir))?;
            mvirt_atomic::write(&key, pem.key.as_bytes(), 0o600).map_err(io(&key))?;
            mvirt_atomic::write(&crt, pem.cert.as_bytes(), 0o644).map_err(io(&crt))?;
            (pem, true)
        }
    };
    let fingerprint = fingerprint(&first_cert(&pem.cert)?);
    Ok(ServerIdentity {
        pem,
        fingerprint,
        created,
    })
}
