//! mvirt-fetch against a real REAPI cache: cache/mvirt-cache (PyPI's
//! buildgrid with its CAS on disk, from ./bootstrap) started on free
//! loopback ports in a temporary directory. The cache is a source of
//! pinned files like a URL: hostile until its bytes match the pin.
//!
//! The URLs here point at a closed loopback port (the real curl fails at
//! once), or at the curl test double of cli.rs when a working download is
//! needed: no test reaches the network.

use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sha2::{Digest, Sha256};

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-fetch");
/// A URL that cannot answer: the real curl fails at once.
const DEAD_URL: &str = "https://127.0.0.1:1/blob";

/// The repository root ($MVIRT_REPO_ROOT under buck2).
fn repo() -> PathBuf {
    std::env::var_os("MVIRT_REPO_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
}

fn sha(bytes: &[u8]) -> String {
    mvirt_fetch::hex(&Sha256::digest(bytes))
}

/// A port free on 127.0.0.1 with port + 10 free too (mvirt-cache's redis).
fn free_ports() -> u16 {
    loop {
        let a = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = a.local_addr().unwrap().port();
        if port < 65000 && TcpListener::bind(("127.0.0.1", port + 10)).is_ok() {
            return port;
        }
    }
}

/// A running mvirt-cache of its own, stopped on drop.
struct Cache {
    dir: tempfile::TempDir,
    port: u16,
}

impl Cache {
    fn start() -> Cache {
        let venv = repo().join(".venv/bin/bgd");
        assert!(venv.exists(), "{} missing: run ./bootstrap", venv.display());
        let cache = Cache {
            dir: tempfile::tempdir().unwrap(),
            port: free_ports(),
        };
        let out = cache.ctl("start");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        cache
    }

    fn ctl(&self, verb: &str) -> std::process::Output {
        Command::new(repo().join("cache/mvirt-cache"))
            .arg(verb)
            .env("MVIRT_CACHE_DIR", self.dir.path().join("reapi"))
            .env("MVIRT_CACHE_PORT", self.port.to_string())
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    fn endpoint(&self) -> String {
        format!("grpc://127.0.0.1:{}", self.port)
    }

    /// The blob's file in buildgrid's disk storage.
    fn blob(&self, sha256: &str) -> PathBuf {
        self.dir
            .path()
            .join("reapi/cas/cas/objects")
            .join(&sha256[..2])
            .join(&sha256[2..])
    }
}

impl Drop for Cache {
    fn drop(&mut self) {
        let _ = self.ctl("stop");
    }
}

/// A test's directory, with the file `blob` and pins for it.
struct Case {
    dir: tempfile::TempDir,
    body: Vec<u8>,
}

impl Case {
    fn new(len: usize) -> Case {
        // Not compressible and not all zeros: a 3-byte pattern over a counter.
        let body: Vec<u8> = (0..len).map(|i| (i * 7 + i / 251) as u8).collect();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("blob"), &body).unwrap();
        Case { dir, body }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// A pin `blob` 1 with `sources` (TOML lines) and the blob's sha256.
    fn pin(&self, file: &str, sources: &str, size: bool) -> PathBuf {
        let size = if size {
            format!("size = {}\n", self.body.len())
        } else {
            String::new()
        };
        let text = format!(
            "name = \"blob\"\nversion = \"1\"\n{sources}\nsha256 = \"{}\"\n{size}repin = \"tools/repin blob\"\n",
            sha(&self.body)
        );
        let path = self.path(file);
        std::fs::write(&path, text).unwrap();
        path
    }

    fn path_pin(&self) -> PathBuf {
        let blob = self.path("blob");
        self.pin(
            "path.toml",
            &format!("path = {:?}", blob.display().to_string()),
            true,
        )
    }

    fn run(&self, args: &[&str]) -> (bool, String) {
        let out = Command::new(BIN)
            .args(args)
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stderr).into(),
        )
    }

    fn fetch(&self, pin: &str, cache: &Cache) -> (bool, String) {
        let endpoint = cache.endpoint();
        self.run(&[
            "--pin",
            pin,
            "--cas",
            &endpoint,
            "--downloads",
            "dl",
            "-o",
            "out/blob",
            "--mode",
            "644",
        ])
    }
}

#[test]
fn a_seeded_file_comes_from_the_cache_when_every_url_is_dead() {
    let cache = Cache::start();
    let case = Case::new(3 << 20);
    let endpoint = cache.endpoint();
    case.path_pin();
    let (ok, err) = case.run(&["seed", "--cas", &endpoint, "path.toml"]);
    assert!(ok && err.contains("uploaded"), "{err}");
    let (ok, err) = case.run(&["seed", "--cas", &endpoint, "path.toml"]);
    assert!(ok && err.contains("already in"), "{err}");

    case.pin("url.toml", &format!("url = {DEAD_URL:?}"), true);
    let (ok, err) = case.fetch("url.toml", &cache);
    assert!(ok, "{err}");
    assert!(
        !err.contains("downloading"),
        "the cache answered first: {err}"
    );
    assert_eq!(std::fs::read(case.path("out/blob")).unwrap(), case.body);
    // Kept in the download cache too: the next run needs no source at all.
    assert_eq!(std::fs::read(case.path("dl/blob-1")).unwrap(), case.body);
}

#[test]
fn a_corrupt_or_short_blob_is_refused_and_the_next_source_tried() {
    let cache = Cache::start();
    let case = Case::new(1 << 20);
    let endpoint = cache.endpoint();
    let (ok, err) = case.run(&[
        "seed",
        "--cas",
        &endpoint,
        case.path_pin().to_str().unwrap(),
    ]);
    assert!(ok, "{err}");
    case.pin("url.toml", &format!("url = {DEAD_URL:?}"), true);
    let blob = cache.blob(&sha(&case.body));
    let shapes: [(&str, Vec<u8>, &str); 3] = [
        (
            "same size, other bytes",
            vec![0u8; case.body.len()],
            "corrupt blob",
        ),
        ("cut short", case.body[..1000].to_vec(), "1000"),
        ("empty", Vec::new(), "cache"),
    ];
    for (shape, bytes, why) in shapes {
        std::fs::write(&blob, &bytes).unwrap();
        let (ok, err) = case.fetch("url.toml", &cache);
        assert!(!ok, "{shape}: {err}");
        assert!(
            err.contains(&format!("cas {endpoint}")) && err.contains(why),
            "{shape}: {err}"
        );
        assert!(
            err.contains(DEAD_URL),
            "{shape}: the URL was tried next: {err}"
        );
        assert!(err.contains("tools/repin blob"), "{shape}: {err}");
        assert!(
            !case.path("out").exists() && !case.path("dl").exists(),
            "{shape}: wrote something"
        );
    }
    std::fs::remove_file(&blob).unwrap();
    let (ok, err) = case.fetch("url.toml", &cache);
    assert!(!ok && err.contains("does not hold the blob"), "{err}");
}

#[test]
fn the_order_is_path_download_cache_cas_urls() {
    let cache = Cache::start();
    let case = Case::new(4096);
    let endpoint = cache.endpoint();
    // Not seeded: the CAS misses, the path (listed with a URL) gives it.
    let blob = case.path("blob");
    case.pin(
        "both.toml",
        &format!(
            "path = {:?}\nurl = {DEAD_URL:?}",
            blob.display().to_string()
        ),
        true,
    );
    let (ok, err) = case.fetch("both.toml", &cache);
    assert!(ok && !err.contains("asking the cache"), "{err}");
    // A path that changed (an upgraded package) falls through to the CAS.
    let (ok, err) = case.run(&["seed", "--cas", &endpoint, "both.toml"]);
    assert!(ok, "{err}");
    std::fs::write(&blob, b"a newer release").unwrap();
    std::fs::remove_dir_all(case.path("out")).unwrap();
    let (ok, err) = case.fetch("both.toml", &cache);
    assert!(ok && err.contains("asking the cache"), "{err}");
    assert_eq!(std::fs::read(case.path("out/blob")).unwrap(), case.body);
}

#[test]
fn without_a_size_or_with_the_cache_down_the_reason_is_listed() {
    let cache = Cache::start();
    let case = Case::new(100);
    case.pin("nosize.toml", &format!("url = {DEAD_URL:?}"), false);
    let (ok, err) = case.fetch("nosize.toml", &cache);
    assert!(!ok && err.contains("records no `size`"), "{err}");
    // Seeding needs no size: the sha256 vouches for the bytes' length.
    let blob = case.path("blob");
    case.pin(
        "p.toml",
        &format!("path = {:?}", blob.display().to_string()),
        false,
    );
    let (ok, err) = case.run(&["seed", "--cas", &cache.endpoint(), "p.toml"]);
    assert!(ok && err.contains("uploaded"), "{err}");

    let down = format!("grpc://127.0.0.1:{}", free_ports());
    case.pin("url.toml", &format!("url = {DEAD_URL:?}"), true);
    let (ok, err) = case.run(&["--pin", "url.toml", "--cas", &down, "-o", "out/blob"]);
    assert!(!ok && err.contains("cannot connect"), "{err}");
    assert!(err.contains(DEAD_URL), "{err}");
}

#[test]
fn seed_refuses_a_file_that_is_not_the_pinned_one() {
    let cache = Cache::start();
    let case = Case::new(100);
    let pin = case.path_pin();
    std::fs::write(case.path("blob"), b"tampered").unwrap();
    let (ok, err) = case.run(&["seed", "--cas", &cache.endpoint(), pin.to_str().unwrap()]);
    assert!(!ok && err.contains("sha256 mismatch"), "{err}");
    assert!(!cache.blob(&sha(&case.body)).exists());
    assert!(!cache.blob(&sha(b"tampered")).exists());
}

/// A working download, through the curl test double of cli.rs, refills a
/// cache that lost the blob: `seed --downloads` downloads first.
#[test]
fn seed_downloads_what_it_has_no_copy_of() {
    let cache = Cache::start();
    let case = Case::new(5000);
    let curl_dir = case.path("bin");
    std::fs::create_dir(&curl_dir).unwrap();
    let curl = curl_dir.join("curl");
    std::fs::write(&curl, "#!/bin/sh\ncat \"$FAKE_CURL_BODY\"\n").unwrap();
    std::fs::set_permissions(&curl, std::fs::Permissions::from_mode(0o755)).unwrap();
    case.pin("url.toml", "url = \"https://mirror.invalid/blob\"", true);
    let out = Command::new(BIN)
        .args([
            "seed",
            "--cas",
            &cache.endpoint(),
            "--downloads",
            "dl",
            "url.toml",
        ])
        .current_dir(case.dir.path())
        .env("PATH", format!("{}:/usr/bin:/bin", curl_dir.display()))
        .env("FAKE_CURL_BODY", case.path("blob"))
        .output()
        .unwrap();
    assert_uploaded(&out, &cache, &case);
}

/// `cache/mvirt-cache seed PIN`: the command docs/cache.md gives a team.
#[test]
fn mvirt_cache_seed_fills_its_own_cache() {
    let cache = Cache::start();
    let case = Case::new(2000);
    let pin = case.path_pin();
    let out = Command::new(repo().join("cache/mvirt-cache"))
        .arg("seed")
        .arg(&pin)
        .env("MVIRT_CACHE_DIR", cache.dir.path().join("reapi"))
        .env("MVIRT_CACHE_PORT", cache.port.to_string())
        .env("MVIRT_FETCH", BIN)
        .output()
        .unwrap();
    assert_uploaded(&out, &cache, &case);
}

/// The seed run `out` uploaded the case's blob, and the cache holds it.
#[track_caller]
fn assert_uploaded(out: &std::process::Output, cache: &Cache, case: &Case) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && err.contains("uploaded"), "{err}");
    let held = std::fs::read(cache.blob(&sha(&case.body))).unwrap();
    assert_eq!(held, case.body);
}
