//! What mvirt-fetch must not trust (issue #25): the user's ~/.curlrc (curl
//! reads it unless `-q` comes first), and an existing output that is a
//! symlink or another user's file.
//!
//! The curl tests run the real curl against a loopback HTTP server (http
//! is allowed because a sha256 pins the content); nothing leaves the host.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-fetch");
const BODY: &[u8] = b"the pinned release\n";

fn sha(bytes: &[u8]) -> String {
    mvirt_fetch::hex(&Sha256::digest(bytes))
}

/// A loopback HTTP/1.0 server answering every request with `BODY`; keeps
/// the request headers it saw.
fn serve() -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/ch-static", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                log.lock().unwrap().push(line.trim_end().to_string());
                line.clear();
            }
            let head = format!(
                "HTTP/1.0 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                BODY.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(BODY);
        }
    });
    (url, seen)
}

/// Runs mvirt-fetch with `home` as HOME (and no other curl configuration);
/// fails the test if it runs over 20 s.
fn fetch(dir: &Path, home: &Path, output: &str) -> (Option<i32>, String) {
    let mut child = Command::new(BIN)
        .current_dir(dir)
        .args(["--pin", "pin.toml", "-o", output])
        .env("HOME", home)
        .env_remove("CURL_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env("PATH", "/usr/bin:/bin")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "mvirt-fetch hung");
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn pin(dir: &Path, url: &str) {
    let text = format!(
        "name = \"ch\"\nversion = \"1\"\nurl = {url:?}\nsha256 = {:?}\n",
        sha(BODY)
    );
    std::fs::write(dir.join("pin.toml"), text).unwrap();
}

#[test]
fn a_curlrc_in_home_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let stolen = dir.path().join("stolen");
    let shapes = [
        // The body would go to another file, not to mvirt-fetch's pipe.
        format!("output = \"{}\"\n", stolen.display()),
        // Through a proxy that is not there.
        "proxy = \"http://127.0.0.1:9\"\n".to_string(),
        // An extra request header.
        "header = \"X-From-Curlrc: yes\"\n".to_string(),
    ];
    for curlrc in shapes {
        let (url, seen) = serve();
        pin(dir.path(), &url);
        std::fs::write(home.join(".curlrc"), &curlrc).unwrap();
        let out = dir.path().join("out");
        let _ = std::fs::remove_file(&out);
        let (code, stderr) = fetch(dir.path(), &home, "out");
        assert_eq!(code, Some(0), "{curlrc}: {stderr}");
        assert_eq!(std::fs::read(&out).unwrap(), BODY, "{curlrc}");
        assert!(!stolen.exists(), "{curlrc}: curl wrote elsewhere");
        let seen = seen.lock().unwrap();
        assert!(
            seen.iter().any(|l| l.starts_with("GET /ch-static")),
            "{seen:?}"
        );
        assert!(
            !seen.iter().any(|l| l.contains("X-From-Curlrc")),
            "{seen:?}"
        );
    }
}

fn local_pin(dir: &Path) -> PathBuf {
    let src = dir.join("src");
    std::fs::write(&src, BODY).unwrap();
    let text = format!(
        "name = \"ch\"\nversion = \"1\"\npath = {src:?}\nsha256 = {:?}\n",
        sha(BODY)
    );
    std::fs::write(dir.join("pin.toml"), text).unwrap();
    src
}

#[test]
fn an_output_that_is_a_symlink_is_refused_even_with_the_right_content() {
    let dir = tempfile::tempdir().unwrap();
    local_pin(dir.path());
    let elsewhere = dir.path().join("elsewhere");
    std::fs::write(&elsewhere, BODY).unwrap();
    std::os::unix::fs::symlink(&elsewhere, dir.path().join("out")).unwrap();
    let (code, stderr) = fetch(dir.path(), dir.path(), "out");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("is a symlink"), "{stderr}");
    let meta = std::fs::symlink_metadata(dir.path().join("out")).unwrap();
    assert!(meta.file_type().is_symlink(), "left as it was");
    // A dangling one, or one to a directory: the same.
    for target in [dir.path().join("missing"), dir.path().to_path_buf()] {
        std::fs::remove_file(dir.path().join("out")).unwrap();
        std::os::unix::fs::symlink(&target, dir.path().join("out")).unwrap();
        let (code, stderr) = fetch(dir.path(), dir.path(), "out");
        assert_eq!(code, Some(1), "{stderr}");
        assert!(stderr.contains("is a symlink"), "{stderr}");
    }
}

#[test]
fn an_output_of_another_user_is_replaced_not_kept() {
    let uid = rustix::process::geteuid().as_raw();
    if uid != 0 {
        eprintln!("SKIPPING: making a file of another user needs root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    local_pin(dir.path());
    let out = dir.path().join("out");
    std::fs::write(&out, BODY).unwrap();
    std::fs::set_permissions(&out, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    std::os::unix::fs::chown(&out, Some(4242), Some(4242)).unwrap();
    let before = std::fs::metadata(&out).unwrap();
    let (code, stderr) = fetch(dir.path(), dir.path(), "out");
    assert_eq!(code, Some(0), "{stderr}");
    let after = std::fs::metadata(&out).unwrap();
    assert_eq!(after.uid(), uid, "now ours");
    assert_ne!(
        after.ino(),
        before.ino(),
        "a new file, not the old one kept"
    );
    assert_eq!(std::fs::read(&out).unwrap(), BODY);
}

#[test]
fn a_path_pin_that_is_not_a_regular_file_is_refused_promptly() {
    let dir = tempfile::tempdir().unwrap();
    let src = local_pin(dir.path());
    std::fs::remove_file(&src).unwrap();
    assert!(Command::new("mkfifo").arg(&src).status().unwrap().success());
    let (code, stderr) = fetch(dir.path(), dir.path(), "out");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("is a FIFO"), "{stderr}");
    assert!(!dir.path().join("out").exists());
}
