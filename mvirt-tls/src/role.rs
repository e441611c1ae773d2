//! What a client may do, as its certificate says: the subject's
//! organization (O) is `mvirt:admin` or `mvirt:reader` (Talos' convention,
//! `os:admin`, with our prefix). A certificate with no such O, or with
//! both, has no role: the daemon answers it 403 and does nothing.

use x509_cert::der::asn1::{PrintableStringRef, Utf8StringRef};
use x509_cert::der::{Decode, Tag, Tagged};
use x509_cert::Certificate;

/// The O of an administrator's certificate.
pub const ADMIN_ORGANIZATION: &str = "mvirt:admin";
/// The O of a read-only certificate.
pub const READER_ORGANIZATION: &str = "mvirt:reader";

/// The OID of the organizationName attribute (2.5.4.10).
const ORGANIZATION: x509_cert::der::oid::ObjectIdentifier =
    x509_cert::der::oid::ObjectIdentifier::new_unwrap("2.5.4.10");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Everything the API offers.
    Admin,
    /// Reads only: status, the VM list, a VM, its console.
    Reader,
}

impl Role {
    pub fn organization(self) -> &'static str {
        match self {
            Role::Admin => ADMIN_ORGANIZATION,
            Role::Reader => READER_ORGANIZATION,
        }
    }

    /// Whether the role may make a request with this HTTP method: readers
    /// only `GET` (and `HEAD`).
    pub fn may(self, method: &str) -> bool {
        match self {
            Role::Admin => true,
            Role::Reader => matches!(method, "GET" | "HEAD"),
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Role::Admin => "admin",
            Role::Reader => "reader",
        })
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "admin" => Ok(Role::Admin),
            "reader" => Ok(Role::Reader),
            other => Err(format!("unknown role {other:?}: admin or reader")),
        }
    }
}

#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum RoleError {
    #[error("the client certificate is not valid DER: {0}")]
    Der(String),
    #[error(
        "the client certificate names no mvirt role: its subject needs O={ADMIN_ORGANIZATION} \
         or O={READER_ORGANIZATION} (make one with `mvirt pki client`)"
    )]
    None,
    #[error("the client certificate names more than one mvirt role ({0}); it gets none")]
    Several(String),
}

/// The organization values of a certificate's subject (UTF8String or
/// PrintableString; others are skipped).
pub fn organizations(cert: &Certificate) -> Vec<String> {
    let mut found = Vec::new();
    for rdn in cert.tbs_certificate.subject.0.iter() {
        for atv in rdn.0.iter().filter(|atv| atv.oid == ORGANIZATION) {
            let value = match atv.value.tag() {
                Tag::Utf8String => atv
                    .value
                    .decode_as::<Utf8StringRef>()
                    .map(|s| s.to_string()),
                Tag::PrintableString => atv
                    .value
                    .decode_as::<PrintableStringRef>()
                    .map(|s| s.to_string()),
                _ => continue,
            };
            if let Ok(v) = value {
                found.push(v);
            }
        }
    }
    found
}

/// The role a client certificate (DER) gives.
pub fn role_of(cert_der: &[u8]) -> Result<Role, RoleError> {
    let cert = Certificate::from_der(cert_der).map_err(|e| RoleError::Der(e.to_string()))?;
    let roles: Vec<Role> = organizations(&cert)
        .iter()
        .filter_map(|o| match o.as_str() {
            ADMIN_ORGANIZATION => Some(Role::Admin),
            READER_ORGANIZATION => Some(Role::Reader),
            _ => None,
        })
        .collect();
    match roles.as_slice() {
        [] => Err(RoleError::None),
        [one] => Ok(*one),
        [first, rest @ ..] if rest.iter().all(|r| r == first) => Ok(*first),
        _ => Err(RoleError::Several(
            roles
                .iter()
                .map(|r| r.organization())
                .collect::<Vec<_>>()
                .join(", "),
        )),
    }
}
