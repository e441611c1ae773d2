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

use goblin::pe::PE;
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer};

use sha2::{Digest, Sha256};

use crate::pe::{self, Layout, CERTIFICATE_TABLE};

#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error("{what}: not a PE image: {detail}")]
    NotPe { what: String, detail: String },
    #[error("{what}: already signed; sign the unsigned image")]
    AlreadySigned { what: String },
    #[error("{what}: {detail}")]
    Key { what: String, detail: String },
    #[error("{what}: {detail}")]
    Cert { what: String, detail: String },
}

/// The Authenticode SHA-256 of a PE image: the headers without the checksum
/// and the certificate-table entry, the sections in file order, then any
/// data after them up to the certificate table (as UEFI firmware and
/// Windows compute it).
pub fn image_hash(bytes: &[u8], what: &str) -> Result<[u8; 32], SignError> {
    let pe = PE::parse(bytes).map_err(|e| SignError::NotPe {
        what: what.into(),
        detail: e.to_string(),
    })?;
    let layout = Layout::of(&pe, bytes);
    let optional = pe.header.optional_header.ok_or_else(|| SignError::NotPe {
        what: what.into(),
        detail: "no optional header".into(),
    })?;
    let size_of_headers = optional.windows_fields.size_of_headers as usize;
    let cert_dir = layout.data_directory(CERTIFICATE_TABLE);
    let cert_size = pe::read_u32(bytes, cert_dir + 4) as usize;
    let mut h = Sha256::new();
    h.update(&bytes[..layout.checksum()]);
    h.update(&bytes[layout.checksum() + 4..cert_dir]);
    h.update(&bytes[cert_dir + 8..size_of_headers]);
    let mut sections: Vec<_> = pe
        .sections
        .iter()
        .filter(|s| s.size_of_raw_data > 0)
        .collect();
    sections.sort_by_key(|s| s.pointer_to_raw_data);
    let mut hashed = size_of_headers;
    for s in sections {
        let start = s.pointer_to_raw_data as usize;
        let end = (start + s.size_of_raw_data as usize).min(bytes.len());
        h.update(&bytes[start..end]);
        hashed += s.size_of_raw_data as usize;
    }
    let end = bytes.len() - cert_size;
    if end > hashed {
        h.update(&bytes[hashed..end]);
    }
    Ok(h.finalize().into())
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

impl Identity {
    /// Loads a PEM private key (PKCS#8 or PKCS#1) and a PEM certificate.
    pub fn from_pem(
        key_pem: &str,
        key_what: &str,
        cert_pem: &str,
        cert_what: &str,
    ) -> Result<Identity, SignError> {
        use rsa::pkcs1::DecodeRsaPrivateKey;
        use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
        use x509_cert::der::{DecodePem, Encode};

        let key = rsa::RsaPrivateKey::from_pkcs8_pem(key_pem)
            .or_else(|_| rsa::RsaPrivateKey::from_pkcs1_pem(key_pem))
            .map_err(|e| SignError::Key {
                what: key_what.into(),
                detail: format!("not an unencrypted RSA private key in PEM: {e}"),
            })?;
        let cert =
            x509_cert::Certificate::from_pem(cert_pem.as_bytes()).map_err(|e| SignError::Cert {
                what: cert_what.into(),
                detail: format!("not a PEM X.509 certificate: {e}"),
            })?;
        let cert_err = |e: x509_cert::der::Error| SignError::Cert {
            what: cert_what.into(),
            detail: e.to_string(),
        };
        let cert_der = cert.to_der().map_err(cert_err)?;
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

/// Signs an unsigned PE image: pads it to 8 bytes, appends the attribute
/// certificate table (one WIN_CERTIFICATE of type PKCS_SIGNED_DATA), points
/// the certificate data directory at it and fixes the checksum.
pub fn sign(bytes: &[u8], what: &str, identity: &Identity) -> Result<Vec<u8>, SignError> {
    let pe = PE::parse(bytes).map_err(|e| SignError::NotPe {
        what: what.into(),
        detail: e.to_string(),
    })?;
    let layout = Layout::of(&pe, bytes);
    let dir = layout.data_directory(CERTIFICATE_TABLE);
    if pe::read_u32(bytes, dir + 4) != 0 {
        return Err(SignError::AlreadySigned { what: what.into() });
    }
    let mut out = bytes.to_vec();
    out.resize(out.len().next_multiple_of(8), 0);
    let digest = image_hash(&out, what)?;
    let pkcs7 = identity.signed_data(&digest);
    let table_len = (8 + pkcs7.len()).next_multiple_of(8);
    let at = out.len();
    out.extend_from_slice(&(table_len as u32).to_le_bytes());
    out.extend_from_slice(&0x0200u16.to_le_bytes()); // WIN_CERT_REVISION_2_0
    out.extend_from_slice(&0x0002u16.to_le_bytes()); // WIN_CERT_TYPE_PKCS_SIGNED_DATA
    out.extend_from_slice(&pkcs7);
    out.resize(at + table_len, 0);
    pe::write_u32(&mut out, dir, at as u32);
    pe::write_u32(&mut out, dir + 4, table_len as u32);
    let sum = pe::checksum(&out, layout.checksum());
    pe::write_u32(&mut out, layout.checksum(), sum);
    Ok(out)
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
