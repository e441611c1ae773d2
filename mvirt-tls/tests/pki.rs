//! Certificates made by mvirt-tls, read back by an independent validator
//! (OpenSSL's command line), and the refusals of hostile inputs.

use std::path::Path;
use std::process::Command;

use mvirt_tls::pki::{first_cert, issue_client, new_ca, parse_fingerprint, Pem};
use mvirt_tls::{fingerprint, identity, role_of, Error, Role, Validity};

fn openssl(args: &[&str]) -> (bool, String) {
    let out = Command::new("openssl")
        .args(args)
        .output()
        .expect("openssl is needed for these tests (apt install openssl)");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

/// The named X.509 extensions of a certificate file, as openssl prints them.
fn extensions(cert: &str, names: &str) -> String {
    openssl(&["x509", "-in", cert, "-noout", "-ext", names]).1
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn openssl_verifies_a_client_certificate_against_its_ca_and_reads_its_role() {
    let dir = tempfile::tempdir().unwrap();
    let ca = new_ca("ops", Validity::days(10)).unwrap();
    let other = new_ca("ops", Validity::days(10)).unwrap();
    let alice = issue_client(&ca, "alice", Role::Admin, Validity::days(1)).unwrap();
    let bob = issue_client(&ca, "bob", Role::Reader, Validity::days(1)).unwrap();
    let (ca_f, other_f) = (
        write(dir.path(), "ca.crt", &ca.cert),
        write(dir.path(), "other.crt", &other.cert),
    );
    let alice_f = write(dir.path(), "alice.crt", &alice.cert);
    let (ok, out) = openssl(&[
        "verify",
        "-purpose",
        "sslclient",
        "-CAfile",
        &ca_f,
        &alice_f,
    ]);
    assert!(ok, "{out}");
    // Another CA of the same name: its key differs, so the signature does.
    let (ok, out) = openssl(&["verify", "-CAfile", &other_f, &alice_f]);
    assert!(!ok, "{out}");
    let (_, subject) = openssl(&[
        "x509",
        "-in",
        &alice_f,
        "-noout",
        "-subject",
        "-ext",
        "extendedKeyUsage,basicConstraints",
    ]);
    assert!(
        subject.contains("O = mvirt:admin") && subject.contains("CN = alice"),
        "{subject}"
    );
    assert!(
        subject.contains("TLS Web Client Authentication") && subject.contains("CA:FALSE"),
        "{subject}"
    );
    let text = extensions(&ca_f, "basicConstraints,keyUsage");
    assert!(
        text.contains("CA:TRUE") && text.contains("Certificate Sign"),
        "{text}"
    );
    assert_eq!(role_of(&first_cert(&alice.cert).unwrap()), Ok(Role::Admin));
    assert_eq!(role_of(&first_cert(&bob.cert).unwrap()), Ok(Role::Reader));
}

#[test]
fn fingerprints_match_openssl_and_parse_its_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let id = identity::load_or_create(dir.path(), "host-1").unwrap();
    let crt = dir.path().join("server.crt").display().to_string();
    let (ok, out) = openssl(&["x509", "-in", &crt, "-noout", "-fingerprint", "-sha256"]);
    assert!(ok, "{out}");
    let theirs = out.trim().split('=').nth(1).unwrap().to_string();
    let parsed = parse_fingerprint(&format!("sha256:{theirs}")).unwrap();
    assert_eq!(parse_fingerprint(&id.fingerprint).unwrap(), parsed);
    let san = extensions(&crt, "subjectAltName,extendedKeyUsage");
    assert!(
        san.contains("DNS:host-1") && san.contains("TLS Web Server Authentication"),
        "{san}"
    );
    for bad in [
        "",
        "sha256:",
        "sha1:00",
        "sha256:zz",
        &format!("sha256:{}", "0".repeat(63)),
        &format!("sha256:{}", "é".repeat(32)),
    ] {
        assert!(
            matches!(parse_fingerprint(bad), Err(Error::Fingerprint(_))),
            "{bad:?}"
        );
    }
}

#[test]
fn the_server_identity_is_made_once_and_refused_without_its_key() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let tls = dir.path().join("tls");
    let first = identity::load_or_create(&tls, "h").unwrap();
    assert!(first.created);
    let mode = std::fs::metadata(tls.join("server.key"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let again = identity::load_or_create(&tls, "other-name").unwrap();
    assert!(!again.created);
    assert_eq!(again.fingerprint, first.fingerprint);
    std::fs::remove_file(tls.join("server.key")).unwrap();
    let e = identity::load_or_create(&tls, "h").unwrap_err().to_string();
    assert!(
        e.contains("server key is gone") && e.contains("remove"),
        "{e}"
    );
    // A key without its certificate: an interrupted first start; made anew.
    std::fs::remove_file(tls.join("server.crt")).unwrap();
    std::fs::write(tls.join("server.key"), "half").unwrap();
    let made = identity::load_or_create(&tls, "h").unwrap();
    assert!(made.created && made.fingerprint != first.fingerprint);
    // Hostile files: too large, not PEM, a directory.
    std::fs::write(tls.join("server.crt"), vec![b'A'; 100 << 10]).unwrap();
    assert!(identity::load_or_create(&tls, "h").is_err());
    std::fs::write(tls.join("server.crt"), "garbage").unwrap();
    assert!(matches!(
        identity::load_or_create(&tls, "h"),
        Err(Error::Pem(_))
    ));
    std::fs::remove_file(tls.join("server.crt")).unwrap();
    std::fs::create_dir(tls.join("server.crt")).unwrap();
    assert!(identity::load_or_create(&tls, "h").is_err());
}

#[test]
fn issuing_needs_the_ca_s_own_key_and_a_ca_it_made() {
    let dir = tempfile::tempdir().unwrap();
    let ca = new_ca("ops", Validity::days(10)).unwrap();
    let other = new_ca("ops", Validity::days(10)).unwrap();
    let mixed = Pem {
        cert: ca.cert.clone(),
        key: other.key.clone(),
    };
    assert!(matches!(
        issue_client(&mixed, "x", Role::Admin, Validity::days(1)),
        Err(Error::KeyMismatch)
    ));
    // A CA made by openssl, with more than a CN in its subject.
    let key = dir.path().join("k.pem").display().to_string();
    let crt = dir.path().join("c.pem").display().to_string();
    let (ok, out) = openssl(&[
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        &key,
        "-out",
        &crt,
        "-subj",
        "/CN=ops/O=corp",
        "-days",
        "1",
    ]);
    assert!(ok, "{out}");
    let foreign = Pem {
        cert: std::fs::read_to_string(&crt).unwrap(),
        key: std::fs::read_to_string(&key).unwrap(),
    };
    assert!(matches!(
        issue_client(&foreign, "x", Role::Admin, Validity::days(1)),
        Err(Error::ForeignCa)
    ));
    for name in ["", "a\nb", &"x".repeat(65)] {
        assert!(
            matches!(new_ca(name, Validity::days(1)), Err(Error::Name(_))),
            "{name:?}"
        );
        assert!(matches!(
            issue_client(&ca, name, Role::Reader, Validity::days(1)),
            Err(Error::Name(_))
        ));
    }
    for garbage in [
        "",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        "not pem",
    ] {
        let bad = Pem {
            cert: garbage.into(),
            key: ca.key.clone(),
        };
        assert!(issue_client(&bad, "x", Role::Admin, Validity::days(1)).is_err());
        assert!(mvirt_tls::server_config(&bad, &ca.cert).is_err());
        assert!(mvirt_tls::server_config(&ca, garbage).is_err());
    }
}

#[test]
fn a_role_is_one_organization_of_ours() {
    let server = mvirt_tls::pki::new_server("h").unwrap();
    let e = role_of(&first_cert(&server.cert).unwrap()).unwrap_err();
    assert!(e.to_string().contains("names no mvirt role"), "{e}");
    assert!(role_of(b"\x30\x03\x02\x01\x00").is_err());
    assert!(role_of(&[]).is_err());
    assert!(Role::Reader.may("GET") && Role::Reader.may("HEAD"));
    for m in ["POST", "PUT", "DELETE", "PATCH", "get"] {
        assert!(!Role::Reader.may(m), "{m}");
        assert!(Role::Admin.may(m));
    }
    assert_eq!(
        fingerprint(b""),
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
}
