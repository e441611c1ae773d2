//! The API over TCP with mutual TLS: the real mvirt-vmm (with the
//! cloud-hypervisor TEST DOUBLE) on 127.0.0.1, the real `mvirt` client
//! code, certificates made by `mvirt pki`, and curl (OpenSSL) as an
//! independent client (also of image uploads).

mod common;

use std::io::Read;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{Host, DOUBLE};

struct Tls {
    host: Host,
    port: u16,
    fingerprint: String,
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// `mvirt pki` in-process; panics on failure.
fn pki(host: &Host, args: &[&str]) {
    let (r, out) = host.mvirt(args);
    assert_eq!(r, Ok(0), "mvirt {args:?}: {out}");
}

fn client(host: &Host, ca: &str, name: &str, role: &str) -> PathBuf {
    let out = host.path(name);
    let ca = s(&host.path(ca));
    pki(
        host,
        &[
            "pki",
            "client",
            "--ca",
            &ca,
            "--name",
            name,
            "--role",
            role,
            "--out",
            &s(&out),
        ],
    );
    out
}

/// The port and fingerprint the daemon's log names.
fn from_log(host: &Host) -> Option<(u16, String)> {
    let log = host.daemon_log();
    let port = log
        .lines()
        .find_map(|l| l.strip_prefix("mvirt-vmm: serving on https://127.0.0.1:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let fingerprint = log
        .lines()
        .find_map(|l| l.strip_prefix("mvirt-vmm: server certificate "))?
        .split_whitespace()
        .next()?
        .to_string();
    Some((port, fingerprint))
}

fn start(host: &mut Host, extra: &[&str]) -> (u16, String) {
    let _ = std::fs::remove_file(host.path("daemon.log"));
    let ca = s(&host.path("ca/ca.crt"));
    let tls_dir = s(&host.path("tls"));
    let mut args = vec![
        "--no-bridge",
        "--listen",
        "127.0.0.1:0",
        "--client-ca",
        &ca,
        "--tls-dir",
        &tls_dir,
    ];
    args.extend_from_slice(extra);
    host.start_daemon_with(Path::new(DOUBLE), &[], &args);
    let mut found = None;
    common::wait_for("the TLS listener", || {
        found = from_log(host);
        found.is_some()
    });
    found.unwrap()
}

fn setup(extra: &[&str]) -> Tls {
    let mut host = Host::new();
    pki(&host, &["pki", "ca", "--out", &s(&host.path("ca"))]);
    pki(
        &host,
        &[
            "pki",
            "ca",
            "--out",
            &s(&host.path("other-ca")),
            "--name",
            "someone else",
        ],
    );
    client(&host, "ca", "alice", "admin");
    client(&host, "ca", "bob", "reader");
    client(&host, "other-ca", "mallory", "admin");
    let (port, fingerprint) = start(&mut host, extra);
    Tls {
        host,
        port,
        fingerprint,
    }
}

impl Tls {
    /// `mvirt` as the holder of `who`'s certificate.
    fn as_(&self, who: &str, args: &[&str]) -> (Result<u8, String>, String) {
        let dir = self.host.path(who);
        let mut argv = vec![
            "--endpoint".to_string(),
            format!("127.0.0.1:{}", self.port),
            "--server-fingerprint".into(),
            self.fingerprint.clone(),
            "--cert".into(),
            s(&dir.join("client.crt")),
            "--key".into(),
            s(&dir.join("client.key")),
        ];
        argv.extend(args.iter().map(|a| a.to_string()));
        let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
        self.host.mvirt(&argv)
    }

    fn refused(&self, who: &str, args: &[&str]) -> String {
        let (r, out) = self.as_(who, args);
        r.expect_err(&format!("{who}: mvirt {args:?} succeeded: {out}"))
    }

    fn vm_names(&self) -> Vec<String> {
        let v = self.host.json(&["vm", "list"]);
        v.as_array()
            .unwrap()
            .iter()
            .map(|vm| vm["spec"]["name"].as_str().unwrap().to_string())
            .collect()
    }
}

fn kernel(t: &Tls) -> String {
    s(&t.host.path("vmlinuz"))
}

#[test]
fn an_admin_certificate_reaches_the_api_and_may_change_things() {
    let t = setup(&[]);
    let (r, out) = t.as_("alice", &["status"]);
    assert_eq!(r, Ok(0), "{out}\n{}", t.host.daemon_log());
    assert!(
        out.contains(&format!("serving on https://127.0.0.1:{}", t.port)),
        "{out}"
    );
    let (r, out) = t.as_("alice", &["vm", "create", "web", "--kernel", &kernel(&t)]);
    assert_eq!(r, Ok(0), "{out}");
    let (r, out) = t.as_("alice", &["vm", "start", "web"]);
    assert_eq!(r, Ok(0), "{out}");
    t.host.wait_state("web", "running");
    let (r, out) = t.as_("bob", &["vm", "list"]);
    assert_eq!(r, Ok(0), "{out}");
    assert!(out.contains("web") && out.contains("running"), "{out}");
    // The console comes through the API, byte for byte what the VM wrote.
    common::wait_for("the double's serial output", || {
        !t.host.serial("web").is_empty()
    });
    let (r, out) = t.as_("bob", &["console", "web"]);
    assert_eq!(r, Ok(0), "{out}");
    assert!(
        !out.is_empty() && t.host.serial("web").starts_with(&out),
        "{out}"
    );
    // Power is the host's PID 1's, asked by the daemon, never this
    // machine's: a daemon without --host-power (a test) says so.
    let e = t.refused("alice", &["shutdown"]);
    assert!(
        e.contains("does not control its host's power") && e.contains("(503)"),
        "{e}"
    );
    let e = t.refused("bob", &["reboot"]);
    assert!(e.contains("role is reader") && e.contains("(403)"), "{e}");
    let (r, out) = t.as_("alice", &["vm", "kill", "web"]);
    assert_eq!(r, Ok(0), "{out}");
}

#[test]
fn a_reader_may_read_but_not_create_start_stop_or_delete() {
    let t = setup(&[]);
    t.host.create("db");
    let before = t.host.state_file("db");
    let (r, out) = t.as_("bob", &["vm", "get", "db"]);
    assert_eq!(r, Ok(0), "{out}");
    for args in [
        vec!["vm", "create", "evil", "--kernel", &kernel(&t)],
        vec!["vm", "start", "db"],
        vec!["vm", "stop", "db"],
        vec!["vm", "kill", "db"],
        vec!["vm", "delete", "db"],
    ] {
        let e = t.refused("bob", &args);
        assert!(
            e.contains("role is reader") && e.contains("(403)"),
            "{args:?}: {e}"
        );
    }
    assert_eq!(t.vm_names(), ["db"]);
    assert_eq!(
        t.host.state_file("db"),
        before,
        "a refused request changed the VM"
    );
}

#[test]
fn certificates_the_host_does_not_trust_are_refused_in_the_handshake() {
    let t = setup(&[]);
    // Another CA's admin.
    let e = t.refused(
        "mallory",
        &["vm", "create", "evil", "--kernel", &kernel(&t)],
    );
    assert!(e.contains("refused this client's certificate"), "{e}");
    // Expired, from the right CA.
    let ca = mvirt_tls::Pem {
        cert: std::fs::read_to_string(t.host.path("ca/ca.crt")).unwrap(),
        key: std::fs::read_to_string(t.host.path("ca/ca.key")).unwrap(),
    };
    let day = Duration::from_secs(86_400);
    let past = mvirt_tls::Validity {
        not_before: std::time::SystemTime::now() - 30 * day,
        not_after: std::time::SystemTime::now() - day,
    };
    let old = mvirt_tls::pki::issue_client(&ca, "eve", mvirt_tls::Role::Admin, past).unwrap();
    let dir = t.host.path("eve");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("client.crt"), &old.cert).unwrap();
    std::fs::write(dir.join("client.key"), &old.key).unwrap();
    let e = t.refused("eve", &["vm", "create", "evil", "--kernel", &kernel(&t)]);
    assert!(e.contains("expired"), "{e}");
    // The wrong server: the client refuses it.
    let wrong = format!("sha256:{}", "00".repeat(32));
    let (r, out) = t.host.mvirt(&[
        "--endpoint",
        &format!("127.0.0.1:{}", t.port),
        "--server-fingerprint",
        &wrong,
        "--cert",
        &s(&t.host.path("alice/client.crt")),
        "--key",
        &s(&t.host.path("alice/client.key")),
        "status",
    ]);
    let e = r.expect_err(&out);
    assert!(e.contains("not the one this client trusts"), "{e}");
    assert!(t.vm_names().is_empty());
    let log = t.host.daemon_log();
    assert!(log.contains("TLS handshake with 127.0.0.1:"), "{log}");
}

#[test]
fn a_certificate_without_a_role_may_do_nothing() {
    let t = setup(&[]);
    // Signed by the right CA with rcgen directly: O is someone else's.
    let ca_key =
        rcgen::KeyPair::from_pem(&std::fs::read_to_string(t.host.path("ca/ca.key")).unwrap())
            .unwrap();
    let mut ca_params = rcgen::CertificateParams::default();
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "mvirt operators");
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Constrained(0));
    let issuer = rcgen::Issuer::new(ca_params, ca_key);
    let mut p = rcgen::CertificateParams::default();
    p.distinguished_name
        .push(rcgen::DnType::CommonName, "carol");
    p.distinguished_name
        .push(rcgen::DnType::OrganizationName, "system:masters");
    p.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ClientAuth];
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = p.signed_by(&key, &issuer).unwrap();
    let dir = t.host.path("carol");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("client.crt"), cert.pem()).unwrap();
    std::fs::write(dir.join("client.key"), key.serialize_pem()).unwrap();
    for args in [vec!["vm", "list"], vec!["status"]] {
        let e = t.refused("carol", &args);
        assert!(
            e.contains("names no mvirt role") && e.contains("(403)"),
            "{e}"
        );
    }
}

#[test]
fn curl_reaches_the_api_with_the_certificates_and_not_without() {
    let t = setup(&[]);
    if Command::new("curl").arg("--version").output().is_err() {
        panic!("curl is needed for this test (apt install curl)");
    }
    // The server certificate names this machine's hostname; curl checks
    // names, so it is told that name resolves to 127.0.0.1.
    let crt = t.host.path("tls/server.crt");
    let cert = std::fs::read_to_string(&crt).unwrap();
    let der = mvirt_tls::pki::first_cert(&cert).unwrap();
    assert_eq!(mvirt_tls::fingerprint(&der), t.fingerprint);
    let name = rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned();
    let curl = |who: Option<&str>| {
        let mut c = Command::new("curl");
        c.args(["-sS", "--max-time", "20", "--cacert", &s(&crt)])
            .args(["--resolve", &format!("{name}:{}:127.0.0.1", t.port)]);
        if let Some(who) = who {
            let dir = t.host.path(who);
            c.args([
                "--cert",
                &s(&dir.join("client.crt")),
                "--key",
                &s(&dir.join("client.key")),
            ]);
        }
        c.arg(format!("https://{name}:{}/v1/status", t.port))
            .output()
            .unwrap()
    };
    let ok = curl(Some("alice"));
    let body = String::from_utf8_lossy(&ok.stdout);
    assert!(
        ok.status.success() && body.contains("\"vms\""),
        "{body}{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    for who in [None, Some("mallory")] {
        let r = curl(who);
        assert!(
            !r.status.success(),
            "{who:?}: {}",
            String::from_utf8_lossy(&r.stdout)
        );
        assert!(!String::from_utf8_lossy(&r.stdout).contains("\"vms\""));
    }
}

#[test]
fn idle_and_half_done_handshakes_are_closed_and_the_api_keeps_serving() {
    let t = setup(&["--header-timeout-ms", "500"]);
    let conns: Vec<TcpStream> = (0..50)
        .map(|_| TcpStream::connect(("127.0.0.1", t.port)).unwrap())
        .collect();
    let began = Instant::now();
    for mut c in conns {
        c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut buf = [0u8; 64];
        // Closed by the daemon: EOF (or a reset), never the 10 s timeout.
        match c.read(&mut buf) {
            Ok(0) => {}
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
            other => panic!("an idle TLS connection got {other:?}"),
        }
    }
    assert!(
        began.elapsed() < Duration::from_secs(8),
        "{:?}",
        began.elapsed()
    );
    let (r, out) = t.as_("alice", &["status"]);
    assert_eq!(r, Ok(0), "{out}");
}

#[test]
fn the_server_identity_is_kept_across_restarts() {
    let mut t = setup(&[]);
    let key = t.host.path("tls/server.key");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
        0o600
    );
    t.host.kill_daemon();
    let (port, fingerprint) = start(&mut t.host, &[]);
    assert_eq!(fingerprint, t.fingerprint);
    assert!(
        t.host.daemon_log().contains("kept in"),
        "{}",
        t.host.daemon_log()
    );
    t.port = port;
    let (r, out) = t.as_("alice", &["status"]);
    assert_eq!(r, Ok(0), "{out}");
    // A certificate without its key: refused, with what to do.
    t.host.kill_daemon();
    std::fs::remove_file(&key).unwrap();
    let mut cmd = Command::new(common::DAEMON);
    let ca = s(&t.host.path("ca/ca.crt"));
    let out = cmd
        .args([
            "--no-bridge",
            "--socket",
            &s(&t.host.path("x.sock")),
            "--state-dir",
            &s(&t.host.path("state")),
        ])
        .args([
            "--listen",
            "127.0.0.1:0",
            "--client-ca",
            &ca,
            "--tls-dir",
            &s(&t.host.path("tls")),
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("remove") && err.contains("server.crt"),
        "{err}"
    );
}

#[test]
fn contexts_name_a_host_and_its_credentials() {
    let t = setup(&[]);
    let config = s(&t.host.path("config/mvirt.toml"));
    let alice = t.host.path("alice");
    pki(
        &t.host,
        &[
            "--config",
            &config,
            "config",
            "add",
            "lab",
            "--host",
            &format!("127.0.0.1:{}", t.port),
            "--fingerprint",
            &t.fingerprint,
            "--client-cert",
            &s(&alice.join("client.crt")),
            "--client-key",
            &s(&alice.join("client.key")),
        ],
    );
    let (r, out) = t.host.mvirt(&["--config", &config, "status"]);
    assert_eq!(r, Ok(0), "{out}");
    assert!(out.contains("https://127.0.0.1:"), "{out}");
    let (r, out) = t
        .host
        .mvirt(&["--config", &config, "--context", "nope", "status"]);
    let e = r.expect_err(&out);
    assert!(
        e.contains("no context \"nope\"") && e.contains("lab"),
        "{e}"
    );
    let e = t.host.err(&[
        "--config",
        &config,
        "config",
        "add",
        "x",
        "--host",
        "h:1",
        "--fingerprint",
        "abc",
        "--client-cert",
        "c",
        "--client-key",
        "k",
    ]);
    assert!(e.contains("not a certificate fingerprint"), "{e}");
}

#[test]
fn images_are_pushed_by_admins_over_tls_and_by_curl_and_not_by_readers() {
    let t = setup(&[]);
    let file = t.host.path("guest.img");
    std::fs::write(&file, vec![0x5au8; 3 << 20]).unwrap();
    let (r, out) = t.as_("alice", &["image", "push", &s(&file), "guest", "--quiet"]);
    assert_eq!(r, Ok(0), "{out}\n{}", t.host.daemon_log());
    let e = t.refused("bob", &["image", "push", &s(&file), "other"]);
    assert!(e.contains("role is reader") && e.contains("(403)"), "{e}");
    let (r, out) = t.as_("bob", &["image", "list"]);
    assert_eq!(r, Ok(0), "{out}");
    assert!(out.contains("guest") && !out.contains("other"), "{out}");
    let e = t.refused("bob", &["image", "delete", "guest"]);
    assert!(e.contains("(403)"), "{e}");
    // curl (OpenSSL) uploads with the same certificates: an independent
    // client of the same endpoint (it sends Expect: 100-continue itself).
    let sha = {
        let out = Command::new("sha256sum").arg(&file).output().unwrap();
        String::from_utf8(out.stdout).unwrap()[..64].to_string()
    };
    let name = rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned();
    let dir = t.host.path("alice");
    let curl = Command::new("curl")
        .args([
            "-sS",
            "--max-time",
            "60",
            "--cacert",
            &s(&t.host.path("tls/server.crt")),
        ])
        .args(["--resolve", &format!("{name}:{}:127.0.0.1", t.port)])
        .args([
            "--cert",
            &s(&dir.join("client.crt")),
            "--key",
            &s(&dir.join("client.key")),
        ])
        .args([
            "-H",
            &format!("x-mvirt-sha256: {sha}"),
            "--upload-file",
            &s(&file),
        ])
        .arg(format!("https://{name}:{}/v1/images/by-curl", t.port))
        .output()
        .unwrap();
    let body = String::from_utf8_lossy(&curl.stdout);
    assert!(
        curl.status.success() && body.contains(&sha) && body.contains("by-curl"),
        "{body}{}",
        String::from_utf8_lossy(&curl.stderr)
    );
    let list = t.host.json(&["image", "list"]);
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["by-curl", "guest"]);
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["sha256"] == sha.as_str()));
}

/// A host's daemon (--listen-if-ca) with no CA yet, a CA file that is not
/// PEM, or a server identity it cannot write keeps its unix socket and
/// says why TLS is off; without --listen-if-ca a bad CA is fatal.
#[test]
fn a_host_without_a_usable_ca_keeps_its_unix_socket() {
    let garbage = |host: &Host| {
        let p = host.path("garbage.pem");
        std::fs::write(&p, "not a certificate\n").unwrap();
        s(&p)
    };
    for (case, why) in [
        ("missing", "no client CA at"),
        ("garbage", "the API over TLS is OFF: --client-ca"),
        ("identity", "the API over TLS is OFF: the server identity"),
    ] {
        let mut host = Host::new();
        let ca = match case {
            "missing" => s(&host.path("nowhere/ca.pem")),
            "garbage" => garbage(&host),
            _ => {
                pki(&host, &["pki", "ca", "--out", &s(&host.path("ca"))]);
                s(&host.path("ca/ca.crt"))
            }
        };
        if case == "identity" {
            // A file where the identity's directory should be: it cannot be made.
            std::fs::write(host.path("tls"), "a file, not a directory").unwrap();
        }
        let tls_dir = s(&host.path("tls"));
        host.start_daemon_with(
            Path::new(DOUBLE),
            &[],
            &[
                "--no-bridge",
                "--listen",
                "127.0.0.1:0",
                "--client-ca",
                &ca,
                "--tls-dir",
                &tls_dir,
                "--listen-if-ca",
            ],
        );
        let status = host.json(&["status"]);
        assert!(status["version"].is_string(), "{case}: {status}");
        let log = host.daemon_log();
        assert!(log.contains(why), "{case}: {log}");
        assert!(!log.contains("serving on https://"), "{case}: {log}");
    }
    let mut host = Host::new();
    let ca = garbage(&host);
    let _ = std::fs::remove_file(host.socket());
    let out = Command::new(common::DAEMON)
        .args(["--no-bridge", "--socket", &s(&host.socket()), "--state-dir"])
        .arg(host.path("state"))
        .args([
            "--run-dir",
            &s(&host.path("run")),
            "--listen",
            "127.0.0.1:0",
            "--client-ca",
            &ca,
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("error: --client-ca"));
    host.kill_daemon();
}
