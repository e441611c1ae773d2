//! mvirt-unpack against GNU tar and dpkg-deb (the archives they make, the
//! trees they unpack), and against hostile archives written header by
//! header.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use mvirt_unpack::{unpack, Format, Options, UnpackError};

/// One 512-byte ustar header (and its data, padded).
fn header(name: &str, kind: u8, mode: u32, data: &[u8], link: &str) -> Vec<u8> {
    let mut h = vec![0u8; 512];
    let put = |h: &mut [u8], at: usize, len: usize, v: &[u8]| {
        h[at..at + v.len().min(len)].copy_from_slice(&v[..v.len().min(len)]);
    };
    put(&mut h, 0, 100, name.as_bytes());
    put(&mut h, 100, 8, format!("{mode:07o}\0").as_bytes());
    put(&mut h, 108, 8, b"0000000\0");
    put(&mut h, 116, 8, b"0000000\0");
    put(&mut h, 124, 12, format!("{:011o}\0", data.len()).as_bytes());
    put(&mut h, 136, 12, b"00000000000\0");
    h[156] = kind;
    put(&mut h, 157, 100, link.as_bytes());
    put(&mut h, 257, 8, b"ustar\x0000");
    h[148..156].copy_from_slice(b"        ");
    let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
    put(&mut h, 148, 8, format!("{sum:06o}\0 ").as_bytes());
    h.extend_from_slice(data);
    h.resize(h.len().div_ceil(512) * 512, 0);
    h
}

fn file(name: &str, data: &[u8]) -> Vec<u8> {
    header(name, b'0', 0o644, data, "")
}

fn tar(entries: &[Vec<u8>]) -> Vec<u8> {
    let mut t: Vec<u8> = entries.concat();
    t.extend_from_slice(&[0u8; 1024]);
    t
}

struct Case {
    dir: tempfile::TempDir,
}

impl Case {
    fn new() -> Case {
        Case {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }
    fn run(&self, bytes: &[u8], format: Format) -> Result<mvirt_unpack::Summary, UnpackError> {
        std::fs::write(self.path("a"), bytes).unwrap();
        unpack(
            &self.path("a"),
            format,
            &self.path("out/tree"),
            &Options::default(),
        )
    }
    /// Every name under the case's directory but the archive.
    fn left(&self) -> Vec<String> {
        let out = Command::new("find")
            .arg(self.dir.path())
            .arg("-mindepth")
            .arg("1")
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                l.strip_prefix(&format!("{}/", self.dir.path().display()))
                    .unwrap()
                    .to_string()
            })
            .filter(|l| l != "a" && l != "out")
            .collect()
    }
}

#[test]
fn hostile_archives_are_refused_and_leave_nothing() {
    let long = format!("{}/../../../escaped", "d".repeat(120));
    let shapes: Vec<(&str, Vec<u8>)> = vec![
        ("a parent component", tar(&[file("../escaped", b"x")])),
        (
            "parents in the middle",
            tar(&[file("a/../../escaped", b"x")]),
        ),
        ("an absolute name", tar(&[file("/tmp/escaped", b"x")])),
        (
            "a symlink out",
            tar(&[header("l", b'2', 0o777, b"", "../..")]),
        ),
        (
            "an absolute symlink",
            tar(&[header("l", b'2', 0o777, b"", "/etc")]),
        ),
        (
            "a file through an earlier symlink",
            tar(&[header("l", b'2', 0o777, b"", "."), file("l/x", b"x")]),
        ),
        (
            "a file through a symlink to a directory",
            tar(&[
                header("d", b'5', 0o755, b"", ""),
                header("l", b'2', 0o777, b"", "d"),
                file("l/x", b"x"),
            ]),
        ),
        (
            "a hard link out",
            tar(&[header("h", b'1', 0o644, b"", "../../etc/passwd")]),
        ),
        (
            "a hard link to nothing",
            tar(&[header("h", b'1', 0o644, b"", "nothing")]),
        ),
        (
            "a hard link to a symlink",
            tar(&[
                header("l", b'2', 0o777, b"", "x"),
                header("h", b'1', 0o644, b"", "l"),
            ]),
        ),
        ("a name twice", tar(&[file("x", b"1"), file("x", b"2")])),
        (
            "a file over a directory",
            tar(&[header("x", b'5', 0o755, b"", ""), file("x", b"2")]),
        ),
        (
            "a character device",
            tar(&[header("null", b'3', 0o666, b"", "")]),
        ),
        (
            "a block device",
            tar(&[header("sda", b'4', 0o660, b"", "")]),
        ),
        ("a FIFO", tar(&[header("fifo", b'6', 0o644, b"", "")])),
        ("a control character", tar(&[file("x\u{1b}[2J", b"x")])),
        (
            "a GNU long name with parents",
            tar(&[
                header(
                    "././@LongLink",
                    b'L',
                    0o644,
                    format!("{long}\0").as_bytes(),
                    "",
                ),
                file("short", b"x"),
            ]),
        ),
        (
            "a pax path with parents",
            tar(&[
                header("pax", b'x', 0o644, b"22 path=../../escaped\n", ""),
                file("short", b"x"),
            ]),
        ),
        (
            "a truncated archive",
            file("x", &[7u8; 4096])[..1024].to_vec(),
        ),
        ("garbage", vec![0x5a; 4096]),
    ];
    for (what, bytes) in shapes {
        let case = Case::new();
        let r = case.run(&bytes, Format::Tar);
        assert!(r.is_err(), "{what}: accepted: {r:?}");
        // Refused for what it is, not for a path of the test.
        assert!(
            !matches!(
                r,
                Err(UnpackError::Output { .. }) | Err(UnpackError::Input { .. })
            ),
            "{what}: {r:?}"
        );
        assert_eq!(case.left(), Vec::<String>::new(), "{what}: left behind");
        assert!(!Path::new("/tmp/escaped").exists(), "{what}");
        eprintln!("{what}: {}", r.unwrap_err());
    }
}

#[test]
fn the_size_bound_holds_and_leaves_nothing() {
    let case = Case::new();
    std::fs::write(case.path("a"), tar(&[file("big", &[0u8; 8192])])).unwrap();
    let opts = Options {
        max_bytes: 4096,
        ..Options::default()
    };
    let err = unpack(&case.path("a"), Format::Tar, &case.path("out"), &opts).unwrap_err();
    assert!(matches!(err, UnpackError::TooLarge { max: 4096 }), "{err}");
    assert_eq!(case.left(), Vec::<String>::new());
}

#[test]
fn inputs_that_are_not_regular_files_are_refused() {
    let case = Case::new();
    for input in ["/dev/zero", "/dev/null", "/tmp"] {
        let err = unpack(
            Path::new(input),
            Format::Tar,
            &case.path("out"),
            &Options::default(),
        );
        assert!(
            matches!(err, Err(UnpackError::Input { .. })),
            "{input}: {err:?}"
        );
    }
    assert_eq!(case.left(), Vec::<String>::new());
}

/// `find` of a tree: type, mode, name, and a file's content or a link's target.
fn listing(root: &Path) -> String {
    let out = Command::new("find")
        .arg(".")
        .args(["-printf", "%y %m %p %l\\n"])
        .current_dir(root)
        .output()
        .unwrap();
    let mut lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    for l in lines.iter_mut() {
        let name = l.split(' ').nth(2).unwrap();
        if l.starts_with("f ") {
            *l += &format!(" {:?}", std::fs::read(root.join(name)).unwrap());
        }
    }
    lines.join("\n")
}

/// A tree with what toolchain archives hold: nested directories, an
/// executable, symlinks up and across, a hard link.
fn sample_tree(root: &Path) {
    std::fs::create_dir_all(root.join("usr/lib/llvm/bin")).unwrap();
    std::fs::create_dir_all(root.join("usr/bin")).unwrap();
    std::fs::write(root.join("usr/lib/llvm/bin/clang"), b"#!clang\n").unwrap();
    Command::new("chmod")
        .args(["755"])
        .arg(root.join("usr/lib/llvm/bin/clang"))
        .status()
        .unwrap();
    std::fs::write(root.join("usr/lib/libx.so.1"), b"lib").unwrap();
    std::os::unix::fs::symlink("../lib/llvm/bin/clang", root.join("usr/bin/clang")).unwrap();
    std::os::unix::fs::symlink("libx.so.1", root.join("usr/lib/libx.so")).unwrap();
    std::fs::hard_link(
        root.join("usr/lib/libx.so.1"),
        root.join("usr/lib/libx-copy.so"),
    )
    .unwrap();
}

#[test]
fn gnu_tar_archives_unpack_as_gnu_tar_unpacks_them() {
    let case = Case::new();
    sample_tree(&case.path("src/pkg-1.0"));
    for (flag, ext, format) in [
        ("", "tar", Format::Tar),
        ("-z", "tar.gz", Format::TarGz),
        ("-J", "tar.xz", Format::TarXz),
        ("--zstd", "tar.zst", Format::TarZst),
    ] {
        let archive = case.path(&format!("pkg.{ext}"));
        let mut tar = Command::new("tar");
        tar.arg("-c")
            .args(["--sort=name", "--owner=0", "--group=0", "-f"])
            .arg(&archive);
        if !flag.is_empty() {
            tar.arg(flag);
        }
        assert!(tar
            .arg("-C")
            .arg(case.path("src"))
            .arg("pkg-1.0")
            .status()
            .unwrap()
            .success());
        let ours = case.path(&format!("ours-{ext}"));
        let s = unpack(
            &archive,
            format,
            &ours,
            &Options {
                strip: 1,
                ..Options::default()
            },
        )
        .unwrap();
        assert_eq!((s.files, s.symlinks, s.hard_links), (2, 2, 1), "{ext}");
        let gnu = case.path(&format!("gnu-{ext}"));
        std::fs::create_dir(&gnu).unwrap();
        assert!(Command::new("tar")
            .args(["-x", "--strip-components=1", "-f"])
            .arg(&archive)
            .arg("-C")
            .arg(&gnu)
            .status()
            .unwrap()
            .success());
        assert_eq!(listing(&ours), listing(&gnu), "{ext}");
        assert_eq!(Format::from_name(&format!("pkg.{ext}")), Some(format));
    }
}

#[test]
fn a_debian_package_unpacks_as_dpkg_deb_unpacks_it_with_absolute_links_made_relative() {
    if Command::new("dpkg-deb").arg("--version").output().is_err() {
        eprintln!("SKIPPING: no dpkg-deb");
        return;
    }
    let case = Case::new();
    let pkg = case.path("pkg");
    sample_tree(&pkg);
    std::os::unix::fs::symlink("/usr/lib/libx.so.1", pkg.join("usr/bin/abs")).unwrap();
    std::fs::create_dir(pkg.join("DEBIAN")).unwrap();
    std::fs::File::create(pkg.join("DEBIAN/control"))
        .unwrap()
        .write_all(
            b"Package: t\nVersion: 1\nArchitecture: all\nMaintainer: t <t@t>\nDescription: t\n",
        )
        .unwrap();
    let deb = case.path("t.deb");
    for compression in ["xz", "gzip", "zstd", "none"] {
        let built = Command::new("dpkg-deb")
            .args(["--root-owner-group", "-Z", compression, "--build"])
            .arg(&pkg)
            .arg(&deb)
            .output()
            .unwrap();
        assert!(
            built.status.success(),
            "{}",
            String::from_utf8_lossy(&built.stderr)
        );
        let ours = case.path(&format!("ours-{compression}"));
        unpack(&deb, Format::Deb, &ours, &Options::default()).unwrap();
        let theirs = case.path(&format!("dpkg-{compression}"));
        assert!(Command::new("dpkg-deb")
            .arg("-x")
            .arg(&deb)
            .arg(&theirs)
            .status()
            .unwrap()
            .success());
        // The one difference: the absolute link, made relative to the root.
        assert_eq!(
            std::fs::read_link(ours.join("usr/bin/abs")).unwrap(),
            Path::new("../../usr/lib/libx.so.1")
        );
        assert_eq!(std::fs::read(ours.join("usr/bin/abs")).unwrap(), b"lib");
        std::fs::remove_file(ours.join("usr/bin/abs")).unwrap();
        std::fs::remove_file(theirs.join("usr/bin/abs")).unwrap();
        assert_eq!(listing(&ours), listing(&theirs), "{compression}");
    }
    // Not a package: refused.
    std::fs::write(case.path("fake.deb"), b"!<arch>\nnot really").unwrap();
    assert!(unpack(
        &case.path("fake.deb"),
        Format::Deb,
        &case.path("fake"),
        &Options::default()
    )
    .is_err());
    assert!(!case.path("fake").exists());
}

#[test]
fn an_existing_output_is_kept_unless_replace_is_said() {
    let case = Case::new();
    std::fs::write(case.path("a"), tar(&[file("x", b"new")])).unwrap();
    std::fs::create_dir(case.path("out")).unwrap();
    std::fs::write(case.path("out/old"), b"old").unwrap();
    let err = unpack(
        &case.path("a"),
        Format::Tar,
        &case.path("out"),
        &Options::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("pass --replace"), "{err}");
    assert!(case.path("out/old").exists());
    let opts = Options {
        replace: true,
        ..Options::default()
    };
    unpack(&case.path("a"), Format::Tar, &case.path("out"), &opts).unwrap();
    assert_eq!(std::fs::read(case.path("out/x")).unwrap(), b"new");
    assert!(!case.path("out/old").exists());
}

/// `tar -cJ` of `files` (name, content) under `dir`, into `archive`.
fn gnu_tar_xz(dir: &Path, archive: &Path, files: &[(&str, &str)]) {
    for (name, content) in files {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    let names: Vec<&str> = files.iter().map(|(n, _)| *n).collect();
    assert!(Command::new("tar")
        .arg("-cJf")
        .arg(archive)
        .arg("-C")
        .arg(dir)
        .args(names)
        .status()
        .unwrap()
        .success());
}

#[test]
fn several_archives_make_one_tree_and_a_file_in_two_is_refused() {
    let case = Case::new();
    gnu_tar_xz(
        &case.path("a"),
        &case.path("rustc.tar.xz"),
        &[("c/bin/rustc", "rustc"), ("c/lib/x.so", "x")],
    );
    gnu_tar_xz(
        &case.path("b"),
        &case.path("std.tar.xz"),
        &[("s/lib/rustlib/t/lib/std.rlib", "std")],
    );
    gnu_tar_xz(
        &case.path("c"),
        &case.path("again.tar.xz"),
        &[("d/bin/rustc", "other")],
    );
    let opts = Options {
        strip: 1,
        ..Options::default()
    };
    let two = [
        (case.path("rustc.tar.xz"), Format::TarXz),
        (case.path("std.tar.xz"), Format::TarXz),
    ];
    let two: Vec<(&Path, Format)> = two.iter().map(|(p, f)| (p.as_path(), *f)).collect();
    let s = mvirt_unpack::unpack_all(&two, &case.path("sysroot"), &opts).unwrap();
    assert_eq!(s.files, 3);
    assert_eq!(
        std::fs::read(case.path("sysroot/lib/rustlib/t/lib/std.rlib")).unwrap(),
        b"std"
    );
    let again = case.path("again.tar.xz");
    let clash = [two[0], (again.as_path(), Format::TarXz)];
    let err = mvirt_unpack::unpack_all(&clash, &case.path("clash"), &opts).unwrap_err();
    assert!(
        err.to_string().contains("\"bin/rustc\" appears twice"),
        "{err}"
    );
    assert!(!case.path("clash").exists());
}

#[test]
fn a_damaged_xz_stream_is_refused_even_past_the_tar_end() {
    let case = Case::new();
    // A tar padded with 256 KiB of zeros (more than a pipe holds: the
    // decoder is still writing when the tar reader reaches the end marker).
    let mut plain = tar(&[file("x", b"hello")]);
    plain.extend_from_slice(&[0u8; 256 << 10]);
    std::fs::write(case.path("ok.tar"), &plain).unwrap();
    assert!(Command::new("xz")
        .arg("-k")
        .arg(case.path("ok.tar"))
        .status()
        .unwrap()
        .success());
    let good = std::fs::read(case.path("ok.tar.xz")).unwrap();
    // The stream's check and index sit in its last bytes, after the tar's
    // end marker: a reader that stopped at the marker would never see them.
    for at in [good.len() - 30, good.len() - 10, good.len() / 2] {
        let mut bad = good.clone();
        bad[at] ^= 0x55;
        let r = case.run(&bad, Format::TarXz);
        assert!(
            r.is_err(),
            "a flipped byte at {at} of {} went unnoticed",
            good.len()
        );
        assert!(!case.path("out/tree").exists());
    }
    case.run(&good, Format::TarXz).unwrap();
}

#[test]
fn the_magic_bytes_tell_the_compression() {
    let plain = tar(&[file("a", b"x")]);
    let cases: [(&str, &[&str], Format); 3] = [
        ("gzip", &["-c"], Format::TarGz),
        ("xz", &["-c"], Format::TarXz),
        ("zstd", &["-c", "-q"], Format::TarZst),
    ];
    for (tool, args, want) in cases {
        let mut child = Command::new(tool)
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&plain).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{tool}");
        assert_eq!(Format::sniff(&out.stdout), want, "{tool}");
    }
    assert_eq!(Format::sniff(&plain), Format::Tar);
    // Short or empty input is a plain tar, whose headers then decide.
    for head in [&b""[..], b"\x1f", b"\xfd7zX"] {
        assert_eq!(Format::sniff(head), Format::Tar, "{head:?}");
    }
}
