//! tools/fetch/repin-deb.py against real Debian packages made here with
//! `dpkg-deb --build` (apt's own download is what it adds on top; checked
//! by hand against the archive, docs/toolchains.md).

use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

fn repo() -> PathBuf {
    std::env::var_os("MVIRT_REPO_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
}

/// A file of a test package: its path, its content.
type File<'a> = (&'a str, &'a [u8]);

/// A .deb of `package` `version` holding `files` (path in the package →
/// content; a content starting with "->" makes a symlink to the rest).
fn deb(dir: &Path, package: &str, version: &str, files: &[File]) -> PathBuf {
    let root = dir.join(format!("{package}-{version}"));
    std::fs::create_dir_all(root.join("DEBIAN")).unwrap();
    std::fs::write(
        root.join("DEBIAN/control"),
        format!("Package: {package}\nVersion: {version}\nArchitecture: all\nMaintainer: t <t@example.invalid>\nDescription: test\n"),
    )
    .unwrap();
    for (path, content) in files {
        let file = root.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        match content.strip_prefix(b"->") {
            Some(target) => {
                std::os::unix::fs::symlink(std::str::from_utf8(target).unwrap(), &file).unwrap()
            }
            None => std::fs::write(&file, content).unwrap(),
        }
    }
    let out = dir.join(format!("{package}_{version}_all.deb"));
    let status = Command::new("dpkg-deb")
        .args(["--root-owner-group", "--build"])
        .arg(&root)
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    out
}

fn repin(pin: &Path, deb: &Path) -> (bool, String, String) {
    let out = Command::new(repo().join("tools/fetch/repin-deb.py"))
        .arg(pin)
        .arg("--deb")
        .arg(deb)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

const PIN: &str = "# a comment that stays\nname = \"blob.bin\"\nversion = \"1.0\"\npath = \"/usr/share/t/blob.bin\"\npackage = \"t\"\nsha256 = \"0000000000000000000000000000000000000000000000000000000000000000\"\nrepin = \"tools/fetch/repin-deb.py t.toml --write\"\n";

#[test]
fn the_new_pin_has_the_package_s_version_sha256_and_size() {
    let dir = tempfile::tempdir().unwrap();
    let body = b"release 1.1 of the pinned file\n";
    let deb = deb(
        dir.path(),
        "t",
        "1.1-2~deb12u1",
        &[("usr/share/t/blob.bin", body), ("usr/share/t/other", b"x")],
    );
    let pin = dir.path().join("t.toml");
    std::fs::write(&pin, PIN).unwrap();
    let (ok, text, err) = repin(&pin, &deb);
    assert!(ok, "{err}");
    let sha = mvirt_fetch::hex(&Sha256::digest(body));
    assert!(text.starts_with("# a comment that stays\n"), "{text}");
    std::fs::write(&pin, &text).unwrap();
    let new = mvirt_fetch::FilePin::load(&pin).unwrap();
    // An upstream-style version stays upstream-style.
    assert_eq!(new.version, "1.1");
    assert_eq!(new.sha256, sha);
    assert_eq!(new.size, Some(body.len() as u64));
    assert_eq!(
        new.repin.as_deref(),
        Some("tools/fetch/repin-deb.py t.toml --write")
    );
    // A Debian-style version stays Debian-style.
    std::fs::write(&pin, PIN.replace("\"1.0\"", "\"1.0-1\"")).unwrap();
    let (ok, text, err) = repin(&pin, &deb);
    assert!(
        ok && text.contains("version = \"1.1-2~deb12u1\"\n"),
        "{err}{text}"
    );
}

#[test]
fn a_file_found_by_name_elsewhere_and_the_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let pin = dir.path().join("t.toml");
    std::fs::write(&pin, PIN).unwrap();
    // Installed elsewhere by ./bootstrap (the arm64 stub): found by name.
    let moved = deb(dir.path(), "t", "2", &[("usr/lib/t/blob.bin", b"moved")]);
    let (ok, text, err) = repin(&pin, &moved);
    assert!(ok && text.contains("size = 5\n"), "{err}");

    let cases: [(&str, &[File], &str); 3] = [
        ("3", &[("usr/share/t/nothing", b"x")], "holds neither"),
        (
            "4",
            &[("usr/share/t/blob.bin", b"->/etc/passwd")],
            "not a regular file",
        ),
        (
            "5",
            &[("a/blob.bin", b"1"), ("b/blob.bin", b"2")],
            "2 files named",
        ),
    ];
    for (version, files, why) in cases {
        let bad = deb(dir.path(), "t", version, files);
        let (ok, _, err) = repin(&pin, &bad);
        assert!(!ok && err.contains(why), "{version}: {err}");
    }
    std::fs::write(
        &pin,
        "name = \"x\"\nversion = \"1\"\nurl = \"https://a/b\"\nsha256 = \"\"\n",
    )
    .unwrap();
    let (ok, _, err) = repin(&pin, &moved);
    assert!(!ok && err.contains("names no Debian package"), "{err}");
    let (ok, _, err) = repin(&pin, &dir.path().join("t.toml"));
    assert!(!ok && err.contains("repin-deb"), "{err}");
}
