//! rustls configurations: TLS 1.3 only, ring as the crypto provider.
//!
//! The server requires a client certificate that chains to one of the
//! configured CAs and is valid now; the handshake fails otherwise, so a
//! request without one never reaches the API code. The client trusts
//! exactly one server certificate, named by its SHA-256 fingerprint, and
//! checks that the server holds its key (the handshake signature).

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::server::WebPkiClientVerifier;
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, ServerConfig, SignatureScheme};
use rustls_pki_types::pem::PemObject;
use sha2::{Digest, Sha256};

use crate::pki::{fingerprint, parse_fingerprint, Pem};
use crate::Error;

/// ring's provider: X25519, P-256 and P-384 key exchange, AES-GCM and
/// ChaCha20-Poly1305. rustls 0.23.48 deprecates it for its lack of a
/// post-quantum key exchange (aws-lc-rs has one); aws-lc-rs needs cmake
/// and a C build this project does not pin yet (docs/api.md).
#[allow(deprecated)]
fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn certs(pem: &str) -> Result<Vec<CertificateDer<'static>>, Error> {
    let certs = CertificateDer::pem_slice_iter(pem.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::Pem(e.to_string()))?;
    if certs.is_empty() {
        return Err(Error::Pem("no CERTIFICATE block".into()));
    }
    Ok(certs)
}

fn key(pem: &str) -> Result<PrivateKeyDer<'static>, Error> {
    PrivateKeyDer::from_pem_slice(pem.as_bytes()).map_err(|e| Error::Pem(format!("the key: {e}")))
}

fn tls(e: rustls::Error) -> Error {
    Error::Tls(e.to_string())
}

/// Checks a PEM bundle of client CAs as [`server_config`] takes it;
/// returns how many certificates it holds.
pub fn check_client_cas(client_cas: &str) -> Result<usize, Error> {
    let mut roots = RootCertStore::empty();
    for ca in certs(client_cas)? {
        roots
            .add(ca)
            .map_err(|e| Error::Pem(format!("a client CA: {e}")))?;
    }
    Ok(roots.len())
}

/// The server's configuration: its identity, and the CAs (a PEM bundle)
/// whose client certificates it accepts.
pub fn server_config(identity: &Pem, client_cas: &str) -> Result<Arc<ServerConfig>, Error> {
    let mut roots = RootCertStore::empty();
    for ca in certs(client_cas)? {
        roots
            .add(ca)
            .map_err(|e| Error::Pem(format!("a client CA: {e}")))?;
    }
    let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider())
        .build()
        .map_err(|e| Error::Tls(e.to_string()))?;
    let config = ServerConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS13])
        .map_err(tls)?
        .with_client_cert_verifier(verifier)
        .with_single_cert(certs(&identity.cert)?, key(&identity.key)?)
        .map_err(tls)?;
    Ok(Arc::new(config))
}

/// The client's configuration: its certificate and key, and the server's
/// fingerprint (`sha256:…`).
pub fn client_config(identity: &Pem, server_fingerprint: &str) -> Result<Arc<ClientConfig>, Error> {
    let pinned = PinnedServer {
        fingerprint: parse_fingerprint(server_fingerprint)?,
        provider: provider(),
    };
    let config = ClientConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS13])
        .map_err(tls)?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(pinned))
        .with_client_auth_cert(certs(&identity.cert)?, key(&identity.key)?)
        .map_err(tls)?;
    Ok(Arc::new(config))
}

/// Trusts the one server certificate whose SHA-256 is `fingerprint`.
#[derive(Debug)]
struct PinnedServer {
    fingerprint: [u8; 32],
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for PinnedServer {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let got: [u8; 32] = Sha256::digest(end_entity.as_ref()).into();
        if got == self.fingerprint {
            Ok(ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::General(format!(
                "the server's certificate is {}, not the one this client trusts; \
                 if the host was reinstalled, check the fingerprint on its console",
                fingerprint(end_entity.as_ref())
            )))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}
