//! Deterministic Authenticode signing for Secure Boot.
//!
//! `sbsign` adds a signing-time attribute, so two signatures of the same
//! image differ. This signer writes none: the PKCS#7 SignedData holds only
//! the content-type and message-digest attributes, and RSA PKCS#1 v1.5 is
//! deterministic, so the same image, key and certificate always give the
//! same signed bytes.
//!
//! References: "Windows Authenticode Portable Executable Signature Format"
//! (the image hash, SpcIndirectDataContent), RFC 2315 (PKCS#7 SignedData),
//! PE/COFF "The Attribute Certificate Table".

use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer};

use sha2::{Digest, Sha256};

use crate::inspect;
use std::mem::size_of;

use crate::pe::{
    self, DataDirectory, Image, PeError, Section, WinCertificate, CERTIFICATE_TABLE,
    WIN_CERT_REVISION_2_0, WIN_CERT_TYPE_PKCS_SIGNED_DATA,
};

#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error("{what}: not a PE image")]
    NotPe {
        what: String,
        #[source]
        source: PeError,
    },
    #[error("{what}: refusing to sign an image that `mvirt-uki verify` refuses: {}", problems.join("; "))]
    Invalid { what: String, problems: Vec<String> },
    #[error("{what}: already signed; sign the unsigned image")]
    AlreadySigned { what: String },
    #[error(
        "{what}: {len} bytes is too large to sign (a certificate table must start below 4 GiB)"
    )]
    TooLarge { what: String, len: usize },
    #[error("{what}: {detail}")]
    Key { what: String, detail: String },
    #[error("{what}: {detail}")]
    Cert { what: String, detail: String },
}

fn parse(bytes: &[u8], what: &str) -> Result<Image, SignError> {
    Image::parse(bytes).map_err(|source| SignError::NotPe {
        what: what.into(),
        source,
    })
}

/// The Authenticode SHA-256 of a PE image: the headers without the checksum
/// and the certificate-table entry, the sections in file order, then any
/// data after them up to the certificate table (as UEFI firmware and
/// Windows compute it).
pub fn image_hash(bytes: &[u8], what: &str) -> Result<[u8; 32], SignError> {
    let image = parse(bytes, what)?;
    hash(&image, bytes).ok_or_else(|| outside(what))
}

fn outside(what: &str) -> SignError {
    SignError::Invalid {
        what: what.into(),
        problems: vec!["its headers, sections or certificate table lie outside the file".into()],
    }
}

/// [`image_hash`] of parsed headers; `None` when a range it covers is not
/// inside `bytes` (which [`inspect::layout_problems`] reports).
fn hash(image: &Image, bytes: &[u8]) -> Option<[u8; 32]> {
    let (_, cert_size) = image.certificate_table?;
    // Left out: the CheckSum field and the certificate table's directory.
    let checksum = image.layout.checksum();
    let checksum_end = checksum + size_of::<u32>();
    let cert_dir = image.layout.data_directory(CERTIFICATE_TABLE);
    let cert_dir_end = cert_dir + size_of::<DataDirectory>();
    let size_of_headers = image.size_of_headers as usize;
    let mut h = Sha256::new();
    h.update(bytes.get(..checksum)?);
    h.update(bytes.get(checksum_end..cert_dir)?);
    h.update(bytes.get(cert_dir_end..size_of_headers)?);
    let mut sections: Vec<&Section> = image
        .sections
        .iter()
        .filter(|s| s.size_of_raw_data > 0)
        .collect();
    sections.sort_by_key(|s| s.pointer_to_raw_data);
    let mut hashed = size_of_headers as u64;
    for s in sections {
        let end = usize::try_from(s.raw_end()).ok()?;
        h.update(bytes.get(s.pointer_to_raw_data as usize..end)?);
        hashed += u64::from(s.size_of_raw_data);
    }
    let end = (bytes.len() as u64).checked_sub(u64::from(cert_size))?;
    if end > hashed {
        h.update(&bytes[hashed as usize..end as usize]);
    }
    Some(h.finalize().into())
}

// --- a minimal DER writer for the fixed Authenticode structures ---------

fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

/// A DER SET OF: members sorted by their encodings (X.690 11.6).
fn set_of(mut parts: Vec<Vec<u8>>) -> Vec<u8> {
    parts.sort();
    tlv(0x31, &parts.concat())
}

fn oid(content: &[u8]) -> Vec<u8> {
    tlv(0x06, content)
}

const NULL: &[u8] = &[0x05, 0x00];
const OID_SHA256: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];
const OID_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_SIGNED_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
const OID_CONTENT_TYPE: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x03];
const OID_MESSAGE_DIGEST: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x04];
/// SPC_INDIRECT_DATA_OBJID 1.3.6.1.4.1.311.2.1.4
const OID_SPC_INDIRECT_DATA: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x02, 0x01, 0x04];
/// SPC_PE_IMAGE_DATAOBJ 1.3.6.1.4.1.311.2.1.15
const OID_SPC_PE_IMAGE_DATA: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x02, 0x01, 0x0f];

/// SpcIndirectDataContent for a PE image hash.
fn spc_indirect_data(digest: &[u8; 32]) -> Vec<u8> {
    // SpcPeImageData: empty flags, file = SpcLink.file(SpcString.unicode("<<<Obsolete>>>")).
    let obsolete: Vec<u8> = "<<<Obsolete>>>"
        .encode_utf16()
        .flat_map(|u| u.to_be_bytes())
        .collect();
    let file = tlv(0xa0, &tlv(0xa2, &tlv(0x80, &obsolete)));
    let pe_image_data = seq(&[&[0x03, 0x01, 0x00], &file]);
    let data = seq(&[&oid(OID_SPC_PE_IMAGE_DATA), &pe_image_data]);
    let digest_info = seq(&[&seq(&[&oid(OID_SHA256), NULL]), &tlv(0x04, digest)]);
    seq(&[&data, &digest_info])
}

/// The contents of a DER TLV (without its tag and length).
fn contents(der: &[u8]) -> &[u8] {
    let len_byte = der[1];
    let header = if len_byte < 0x80 {
        2
    } else {
        2 + (len_byte & 0x7f) as usize
    };
    &der[header..]
}

/// A signing identity: RSA key and its certificate.
pub struct Identity {
    key: SigningKey<Sha256>,
    cert_der: Vec<u8>,
    issuer_and_serial: Vec<u8>,
}

/// The smallest RSA key `sign` takes: NIST SP 800-131A disallows shorter
/// keys for signatures, and shim and the UEFI db expect 2048 bits or more.
pub const MIN_RSA_BITS: usize = 2048;

impl Identity {
    /// Loads a PEM private key (PKCS#8 or PKCS#1) of at least
    /// [`MIN_RSA_BITS`] and a PEM certificate.
    pub fn from_pem(
        key_pem: &str,
        key_what: &str,
        cert_pem: &str,
        cert_what: &str,
    ) -> Result<Identity, SignError> {
        Identity::from_pem_min_bits(key_pem, key_what, cert_pem, cert_what, MIN_RSA_BITS)
    }

    /// [`Identity::from_pem`] with another bound on the key's size: for
    /// tests and fuzzing only, where a 512-bit key signs fast.
    pub fn from_pem_min_bits(
        key_pem: &str,
        key_what: &str,
        cert_pem: &str,
        cert_what: &str,
        min_bits: usize,
    ) -> Result<Identity, SignError> {
        use rsa::pkcs8::DecodePublicKey;
        use rsa::traits::PublicKeyParts;
        use x509_cert::der::Encode;

        let key = private_key(key_pem, key_what)?;
        let bits = key.n().bits();
        if bits < min_bits {
            return Err(SignError::Key {
                what: key_what.into(),
                detail: format!(
                    "a {bits}-bit RSA key is too weak to sign with: use one of at least \
                     {min_bits} bits (openssl genrsa 2048, or 3072/4096)"
                ),
            });
        }
        let (cert, cert_der) = certificate(cert_pem, cert_what)?;
        let cert_err = |e: x509_cert::der::Error| SignError::Cert {
            what: cert_what.into(),
            detail: e.to_string(),
        };
        // The key must be the certificate's.
        let cert_key = rsa::RsaPublicKey::from_public_key_der(
            &cert
                .tbs_certificate
                .subject_public_key_info
                .to_der()
                .map_err(cert_err)?,
        )
        .map_err(|e| SignError::Cert {
            what: cert_what.into(),
            detail: format!("the certificate's key is not RSA: {e}"),
        })?;
        if cert_key != rsa::RsaPublicKey::from(&key) {
            return Err(SignError::Key {
                what: key_what.into(),
                detail: format!("this key does not belong to the certificate {cert_what}"),
            });
        }
        let issuer = cert.tbs_certificate.issuer.to_der().map_err(cert_err)?;
        let serial = cert
            .tbs_certificate
            .serial_number
            .to_der()
            .map_err(cert_err)?;
        Ok(Identity {
            key: SigningKey::<Sha256>::new(key),
            cert_der,
            issuer_and_serial: seq(&[&issuer, &serial]),
        })
    }

    /// The PKCS#7 ContentInfo (SignedData) signing `digest`.
    pub fn signed_data(&self, digest: &[u8; 32]) -> Vec<u8> {
        let content = spc_indirect_data(digest);
        // Authenticode: the message digest covers the content's value,
        // without its SEQUENCE tag and length.
        let message_digest = Sha256::digest(contents(&content));
        let attrs = vec![
            seq(&[
                &oid(OID_CONTENT_TYPE),
                &set_of(vec![oid(OID_SPC_INDIRECT_DATA)]),
            ]),
            seq(&[
                &oid(OID_MESSAGE_DIGEST),
                &set_of(vec![tlv(0x04, &message_digest)]),
            ]),
        ];
        // Signed as a SET OF, stored as [0] IMPLICIT.
        let attrs_set = set_of(attrs);
        let signature = self.key.sign(&attrs_set).to_vec();
        let signer_info = seq(&[
            &[0x02, 0x01, 0x01],
            &self.issuer_and_serial,
            &seq(&[&oid(OID_SHA256), NULL]),
            &tlv(0xa0, contents(&attrs_set)),
            &seq(&[&oid(OID_RSA), NULL]),
            &tlv(0x04, &signature),
        ]);
        let signed_data = seq(&[
            &[0x02, 0x01, 0x01],
            &set_of(vec![seq(&[&oid(OID_SHA256), NULL])]),
            &seq(&[&oid(OID_SPC_INDIRECT_DATA), &tlv(0xa0, &content)]),
            &tlv(0xa0, &self.cert_der),
            &set_of(vec![signer_info]),
        ]);
        seq(&[&oid(OID_SIGNED_DATA), &tlv(0xa0, &signed_data)])
    }
}

/// Decodes PEM text into its label and DER bytes. Done here rather than by
/// `der`'s `DecodePem`: der 0.7's streaming PEM reader loops forever on some
/// inputs (a certificate whose body is `MA==`); pem-rfc7468's one-shot
/// decoder does not, and the DER parsers below then see a plain slice.
fn pem(text: &str) -> Result<(&str, Vec<u8>), String> {
    x509_cert::der::pem::decode_vec(text.as_bytes()).map_err(|e| format!("bad PEM: {e}"))
}

/// An unencrypted RSA private key: PKCS#8 `PRIVATE KEY` or PKCS#1 `RSA
/// PRIVATE KEY`.
fn private_key(text: &str, what: &str) -> Result<rsa::RsaPrivateKey, SignError> {
    use rsa::pkcs1::DecodeRsaPrivateKey;
    use rsa::pkcs8::DecodePrivateKey;

    let key = pem(text).and_then(|(label, der)| match label {
        "PRIVATE KEY" => rsa::RsaPrivateKey::from_pkcs8_der(&der).map_err(|e| e.to_string()),
        "RSA PRIVATE KEY" => rsa::RsaPrivateKey::from_pkcs1_der(&der).map_err(|e| e.to_string()),
        "ENCRYPTED PRIVATE KEY" => {
            Err("it is encrypted; decrypt it first (openssl pkey -in KEY -out PLAIN)".into())
        }
        other => Err(format!("the PEM holds a {other:?}")),
    });
    key.map_err(|detail| SignError::Key {
        what: what.into(),
        detail: format!("not an unencrypted RSA private key in PEM: {detail}"),
    })
}

/// A PEM X.509 certificate, parsed and as DER.
fn certificate(text: &str, what: &str) -> Result<(x509_cert::Certificate, Vec<u8>), SignError> {
    use x509_cert::der::Decode;

    let cert = pem(text).and_then(|(label, der)| match label {
        "CERTIFICATE" => x509_cert::Certificate::from_der(&der)
            .map(|cert| (cert, der))
            .map_err(|e| e.to_string()),
        other => Err(format!("the PEM holds a {other:?}")),
    });
    cert.map_err(|detail| SignError::Cert {
        what: what.into(),
        detail: format!("not a PEM X.509 certificate: {detail}"),
    })
}

/// Signs an unsigned PE image: pads it to 8 bytes, appends the attribute
/// certificate table (one WIN_CERTIFICATE of type PKCS_SIGNED_DATA), points
/// the certificate data directory at it and fixes the checksum. Refuses an
/// image that [`inspect::verify`] refuses.
pub fn sign(bytes: &[u8], what: &str, identity: &Identity) -> Result<Vec<u8>, SignError> {
    sign_requiring(bytes, what, identity, &[])
}

/// [`sign`], also refusing an image that lacks one of the `required`
/// sections (as `verify --require` does).
pub fn sign_requiring(
    bytes: &[u8],
    what: &str,
    identity: &Identity,
    required: &[&str],
) -> Result<Vec<u8>, SignError> {
    let image = parse(bytes, what)?;
    if image.is_signed() {
        return Err(SignError::AlreadySigned { what: what.into() });
    }
    let problems = inspect::verify(bytes, what, required).map_err(|e| match e {
        inspect::InspectError::NotPe { what, source } => SignError::NotPe { what, source },
    })?;
    if !problems.is_empty() {
        return Err(SignError::Invalid {
            what: what.into(),
            problems,
        });
    }
    let not_pe = |source| SignError::NotPe {
        what: what.into(),
        source,
    };
    let mut out = bytes.to_vec();
    out.resize(out.len().next_multiple_of(8), 0);
    let too_large = || SignError::TooLarge {
        what: what.into(),
        len: bytes.len(),
    };
    let at = u32::try_from(out.len()).map_err(|_| too_large())?;
    let digest = hash(&image, &out).ok_or_else(|| outside(what))?;
    let pkcs7 = identity.signed_data(&digest);
    let table_len = (size_of::<WinCertificate>() + pkcs7.len()).next_multiple_of(8);
    let certificate = WinCertificate {
        length: table_len as u32,
        revision: WIN_CERT_REVISION_2_0,
        certificate_type: WIN_CERT_TYPE_PKCS_SIGNED_DATA,
    };
    let header_at = out.len();
    out.resize(header_at + size_of::<WinCertificate>(), 0);
    pe::write(&mut out, header_at, certificate, "certificate table").map_err(not_pe)?;
    out.extend_from_slice(&pkcs7);
    out.resize(at as usize + table_len, 0);
    point_at_certificate_table(&image, &mut out, at, table_len as u32).map_err(not_pe)?;
    Ok(out)
}

/// Points the certificate data directory at the table (`at`, `len`) and
/// fixes the checksum.
fn point_at_certificate_table(
    image: &Image,
    out: &mut [u8],
    at: u32,
    len: u32,
) -> Result<(), PeError> {
    let layout = image.layout;
    layout.update_data_directory(out, CERTIFICATE_TABLE, |dir| {
        dir.virtual_address = at;
        dir.size = len;
    })?;
    let sum = pe::checksum(out, layout.checksum());
    layout.update_optional(out, |optional| optional.check_sum = sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_lengths() {
        assert_eq!(tlv(0x04, &[1, 2]), [0x04, 2, 1, 2]);
        let long = tlv(0x04, &[0; 300]);
        assert_eq!(&long[..4], &[0x04, 0x82, 0x01, 0x2c]);
        assert_eq!(contents(&long).len(), 300);
    }

    #[test]
    fn set_of_is_sorted() {
        assert_eq!(set_of(vec![vec![2], vec![1]]), [0x31, 2, 1, 2]);
    }
}
