//! The certificates mvirt uses, made with rcgen (ECDSA P-256 keys):
//! - an operator's CA (`mvirt pki ca`): the host trusts client
//!   certificates it signed;
//! - client certificates with a role (`mvirt pki client`);
//! - the host's own server certificate, self-signed, made at first boot;
//!   clients pin it by its SHA-256 fingerprint (as Incus and SSH do), so
//!   the host needs no name anyone has to agree on.

use std::time::{Duration, SystemTime};

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose,
};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::CertificateDer;
use sha2::{Digest, Sha256};
use x509_cert::der::Decode;

use crate::role::Role;
use crate::Error;

/// A certificate and its private key, both PEM.
#[derive(Clone)]
pub struct Pem {
    pub cert: String,
    pub key: String,
}

impl std::fmt::Debug for Pem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the key.
        f.debug_struct("Pem")
            .field("cert", &self.cert)
            .finish_non_exhaustive()
    }
}

/// When a certificate is valid.
#[derive(Clone, Copy, Debug)]
pub struct Validity {
    pub not_before: SystemTime,
    pub not_after: SystemTime,
}

impl Validity {
    /// From an hour ago (clocks differ) for `days` days.
    pub fn days(days: u32) -> Validity {
        let now = SystemTime::now();
        Validity {
            not_before: now - Duration::from_secs(3600),
            not_after: now + Duration::from_secs(u64::from(days) * 86_400),
        }
    }
}

/// The largest validity `mvirt pki` accepts, in days (100 years).
pub const MAX_DAYS: u32 = 36_500;

fn params(validity: Validity, dn: DistinguishedName) -> CertificateParams {
    let mut p = CertificateParams::default();
    p.not_before = validity.not_before.into();
    p.not_after = validity.not_after.into();
    p.distinguished_name = dn;
    p
}

fn common_name(name: &str) -> Result<DistinguishedName, Error> {
    if name.is_empty() || name.len() > 64 || name.chars().any(char::is_control) {
        return Err(Error::Name(name.into()));
    }
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, name);
    Ok(dn)
}

fn rcgen(what: &'static str) -> impl FnOnce(rcgen::Error) -> Error {
    move |e| Error::Generate(what, e.to_string())
}

/// A new CA named `name`.
pub fn new_ca(name: &str, validity: Validity) -> Result<Pem, Error> {
    let mut p = params(validity, common_name(name)?);
    p.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    p.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let key = KeyPair::generate().map_err(rcgen("the CA key"))?;
    let cert = p.self_signed(&key).map_err(rcgen("the CA certificate"))?;
    Ok(Pem {
        cert: cert.pem(),
        key: key.serialize_pem(),
    })
}

/// The first certificate of a PEM text.
pub fn first_cert(pem: &str) -> Result<CertificateDer<'static>, Error> {
    CertificateDer::pem_slice_iter(pem.as_bytes())
        .next()
        .ok_or_else(|| Error::Pem("no CERTIFICATE block".into()))?
        .map_err(|e| Error::Pem(e.to_string()))
}

/// The CA of `ca` as an issuer: its certificate must be one `new_ca` made
/// (a subject of one CN, a CA), and its key must be the certificate's.
fn issuer(ca: &Pem) -> Result<Issuer<'static, KeyPair>, Error> {
    let der = first_cert(&ca.cert)?;
    let cert = x509_cert::Certificate::from_der(&der).map_err(|e| Error::Pem(e.to_string()))?;
    let key = KeyPair::from_pem(&ca.key).map_err(|e| Error::Pem(format!("the CA key: {e}")))?;
    let spki = x509_cert::der::Encode::to_der(&cert.tbs_certificate.subject_public_key_info)
        .map_err(|e| Error::Pem(e.to_string()))?;
    if spki != rcgen::PublicKeyData::subject_public_key_info(&key) {
        return Err(Error::KeyMismatch);
    }
    let subject = &cert.tbs_certificate.subject.0;
    let cn = match subject.as_slice() {
        [rdn] => match rdn.0.as_slice() {
            [atv] if atv.oid.to_string() == "2.5.4.3" => atv
                .value
                .decode_as::<x509_cert::der::asn1::Utf8StringRef>()
                .map(|s| s.to_string())
                .ok(),
            _ => None,
        },
        _ => None,
    };
    let cn = cn.ok_or(Error::ForeignCa)?;
    let mut p = params(Validity::days(1), common_name(&cn)?);
    p.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    p.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    Ok(Issuer::new(p, key))
}

/// A client certificate for `name` with `role`, signed by `ca`.
pub fn issue_client(ca: &Pem, name: &str, role: Role, validity: Validity) -> Result<Pem, Error> {
    let issuer = issuer(ca)?;
    let mut dn = common_name(name)?;
    dn.push(DnType::OrganizationName, role.organization());
    let mut p = params(validity, dn);
    p.is_ca = IsCa::ExplicitNoCa;
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    p.use_authority_key_identifier_extension = true;
    let key = KeyPair::generate().map_err(rcgen("the client key"))?;
    let cert = p
        .signed_by(&key, &issuer)
        .map_err(rcgen("the client certificate"))?;
    Ok(Pem {
        cert: cert.pem(),
        key: key.serialize_pem(),
    })
}

/// A self-signed server certificate for the host `hostname`.
pub fn new_server(hostname: &str) -> Result<Pem, Error> {
    let mut p = params(Validity::days(MAX_DAYS), common_name(hostname)?);
    // Clients trust it by fingerprint; the name is for people and for
    // clients that check names (curl --cacert). A hostname that is no DNS
    // name (an underscore...) gets none.
    if let Ok(dns) = hostname.try_into() {
        p.subject_alt_names = vec![rcgen::SanType::DnsName(dns)];
    }
    p.is_ca = IsCa::ExplicitNoCa;
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let key = KeyPair::generate().map_err(rcgen("the server key"))?;
    let cert = p
        .self_signed(&key)
        .map_err(rcgen("the server certificate"))?;
    Ok(Pem {
        cert: cert.pem(),
        key: key.serialize_pem(),
    })
}

/// `sha256:` and the lowercase hex SHA-256 of a certificate's DER.
pub fn fingerprint(cert_der: &[u8]) -> String {
    let digest = Sha256::digest(cert_der);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// Parses a fingerprint as [`fingerprint`] prints it (also accepting
/// uppercase hex and `:` between bytes, as openssl prints them).
pub fn parse_fingerprint(text: &str) -> Result<[u8; 32], Error> {
    let bad = || Error::Fingerprint(text.into());
    let hex = text
        .strip_prefix("sha256:")
        .ok_or_else(bad)?
        .replace(':', "");
    if hex.len() != 64 || !hex.is_ascii() {
        return Err(bad());
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).map_err(|_| bad())?;
    }
    Ok(out)
}
