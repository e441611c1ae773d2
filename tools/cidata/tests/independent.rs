//! Our volumes read by independent readers (mtools' mdir and mtype,
//! dosfstools' fsck.fat), and volumes made by independent writers
//! (mkfs.vfat + mcopy, as cloud-hypervisor's scripts make them) read by us.
//! Says SKIPPED without mtools and dosfstools (./bootstrap installs them).

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-cidata");

fn run(cmd: &str, args: &[&str]) -> Result<String, String> {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .map_err(|e| format!("{cmd}: {e}"))?;
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    if out.status.success() {
        Ok(text)
    } else {
        Err(text)
    }
}

fn tools_here() -> bool {
    let ok = ["mdir", "mtype", "mcopy", "mkfs.vfat", "fsck.fat"]
        .iter()
        .all(|t| Command::new(t).arg("--help").output().is_ok());
    if !ok {
        eprintln!("*** SKIPPED: mtools and dosfstools are needed (./bootstrap)");
    }
    ok
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn mtools_and_fsck_read_our_volume() {
    if !tools_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let meta = dir.path().join("meta");
    let net = dir.path().join("net");
    std::fs::write(&meta, "instance-id: vm-1\nlocal-hostname: web\n").unwrap();
    std::fs::write(&net, "version: 2\nethernets: {}\n").unwrap();
    let img = dir.path().join("seed.img");
    run(
        BIN,
        &[
            "make",
            "--meta-data",
            &s(&meta),
            "--network-config",
            &s(&net),
            "-o",
            &s(&img),
        ],
    )
    .unwrap();
    let img = s(&img);
    let listing = run("mdir", &["-i", &img, "::"]).unwrap();
    assert!(listing.contains("CIDATA"), "{listing}");
    assert!(
        listing.contains("meta-data") && listing.contains("network-config"),
        "{listing}"
    );
    assert!(listing.contains("2 files"), "{listing}");
    let got = run("mtype", &["-i", &img, "::meta-data"]).unwrap();
    assert_eq!(got, "instance-id: vm-1\nlocal-hostname: web\n");
    let got = run("mtype", &["-i", &img, "::network-config"]).unwrap();
    assert_eq!(got, "version: 2\nethernets: {}\n");
    run("fsck.fat", &["-n", &img]).unwrap();
    let file = run("file", &[&img]).unwrap_or_default();
    assert!(file.contains("CIDATA") || file.is_empty(), "{file}");
}

#[test]
fn we_read_a_volume_mkfs_vfat_and_mcopy_made() {
    if !tools_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let img = s(&dir.path().join("theirs.img"));
    std::fs::File::create(&img)
        .and_then(|f| f.set_len(2 << 20))
        .unwrap();
    run("mkfs.vfat", &["-n", "CIDATA", &img]).unwrap();
    for (name, text) in [
        ("user-data", "#cloud-config\nhostname: theirs\n"),
        ("meta-data", "instance-id: x\n"),
        ("README.TXT", "not a seed file\n"),
    ] {
        let src = dir.path().join(name);
        std::fs::write(&src, text).unwrap();
        run("mcopy", &["-i", &img, &s(&src), &format!("::{name}")]).unwrap();
    }
    run("mmd", &["-i", &img, "::network-config"]).unwrap();
    let listed = run(BIN, &["list", &img]).unwrap();
    assert_eq!(listed.trim(), "meta-data 15\nuser-data 31");
    assert_eq!(
        run(BIN, &["cat", &img, "user-data"]).unwrap().trim(),
        "#cloud-config\nhostname: theirs"
    );

    let other = s(&dir.path().join("other.img"));
    std::fs::File::create(&other)
        .and_then(|f| f.set_len(1 << 20))
        .unwrap();
    run("mkfs.vfat", &["-n", "BOOT", &other]).unwrap();
    let e = run(BIN, &["list", &other]).unwrap_err();
    assert!(e.contains("labelled \"BOOT\", not CIDATA"), "{e}");

    let big = dir.path().join("big");
    std::fs::write(&big, vec![b'x'; (1 << 20) + 1]).unwrap();
    run("mcopy", &["-i", &img, &s(&big), "::vendor-data"]).unwrap();
    let e = run(BIN, &["list", &img]).unwrap_err();
    assert!(e.contains("vendor-data") && e.contains("more than"), "{e}");
}

#[test]
fn a_seed_file_too_large_is_refused_and_no_image_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big");
    std::fs::write(&big, vec![b'x'; (1 << 20) + 1]).unwrap();
    let img = dir.path().join("seed.img");
    let e = run(BIN, &["make", "--user-data", &s(&big), "-o", &s(&img)]).unwrap_err();
    assert!(e.contains("big"), "{e}");
    assert!(!img.exists());
}
