//! mvirt's API over TCP, secured by mutual TLS (rustls, TLS 1.3 only).
//!
//! - [`role`]: what a client certificate allows (`O=mvirt:admin` or
//!   `O=mvirt:reader`).
//! - [`pki`]: the operator's CA, client certificates and the host's
//!   self-signed server certificate (rcgen), and fingerprints.
//! - [`identity`]: the host's server identity, made once and kept.
//! - [`config`]: the rustls server configuration (a client certificate
//!   from a configured CA is required) and the client's (the server is
//!   trusted by its fingerprint).

pub mod config;
pub mod identity;
pub mod pki;
pub mod role;

pub use config::{check_client_cas, client_config, server_config};
pub use pki::{fingerprint, Pem, Validity};
pub use role::{role_of, Role};

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0:?} is not a usable name: 1 to 64 characters, no control characters")]
    Name(String),
    #[error("making {0}: {1}")]
    Generate(&'static str, String),
    #[error("reading PEM: {0}")]
    Pem(String),
    #[error("the CA key is not the key of the CA certificate")]
    KeyMismatch,
    #[error(
        "the CA certificate was not made by `mvirt pki ca` (its subject is not a single CN); \
         issue client certificates with the tool that made it, with O=mvirt:admin or O=mvirt:reader"
    )]
    ForeignCa,
    #[error("{0:?} is not a certificate fingerprint: expected sha256: and 64 hex digits")]
    Fingerprint(String),
    #[error("TLS configuration: {0}")]
    Tls(String),
    #[error("{0} exists but {1} does not: the server key is gone; remove {0} to make a new identity (clients must then trust its new fingerprint)")]
    KeyMissing(PathBuf, PathBuf),
    #[error("{path}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}
