//! mvirt-kconfig against Debian's real linux-source-6.12 tarball (installed
//! by ./bootstrap): the fragment check and the source pin, end to end.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-kconfig");

/// The repository root: $MVIRT_REPO_ROOT when set (buck2 runs tests from
/// the project root and sets it to "."), else two levels above this crate.
fn repo() -> PathBuf {
    std::env::var_os("MVIRT_REPO_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
}

fn run(args: &[&str], extra: &[&Path]) -> Output {
    Command::new(BIN)
        .current_dir(repo())
        .args(args)
        .args(extra)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// One unpack of the real tree serves every case (it takes ~20 s).
#[test]
fn the_check_names_typos_and_unmet_dependencies() {
    let tmp = tempfile::tempdir().unwrap();
    let tree = tmp.path().join("linux");
    std::fs::create_dir_all(&tree).unwrap();
    let pins = repo().join("kernel/sources.toml");
    let version = std::fs::read_to_string(repo().join("kernel/kernel.version")).unwrap();
    let text = std::fs::read_to_string(&pins).unwrap();
    assert!(text.contains(version.trim()));
    let tarball = "/usr/src/linux-source-6.12.tar.xz";
    assert!(
        Path::new(tarball).exists(),
        "{tarball} missing: run ./bootstrap"
    );
    let ok = Command::new("tar")
        .args(["-xf", tarball, "--strip-components=1", "-C"])
        .arg(&tree)
        .status()
        .unwrap();
    assert!(ok.success());

    let case = |name: &str, fragment: &str| {
        let frag = tmp.path().join(format!("{name}.config"));
        std::fs::write(&frag, fragment).unwrap();
        let output = tmp.path().join(format!("{name}.out"));
        let out = Command::new(BIN)
            .args(["generate", "--source-dir"])
            .arg(&tree)
            .arg("--fragment")
            .arg(&frag)
            .arg("--scratch")
            .arg(tmp.path())
            .arg("-o")
            .arg(&output)
            .output()
            .unwrap();
        (out, output)
    };

    // The product's fragment: every symbol takes effect.
    let product = std::fs::read_to_string(repo().join("kernel/kernel.config")).unwrap();
    let (out, output) = case("product", &product);
    assert!(out.status.success(), "{}", stderr(&out));
    let config = std::fs::read_to_string(&output).unwrap();
    for want in [
        "CONFIG_EFI_STUB=y",
        "CONFIG_KVM_GUEST=y",
        "CONFIG_VHOST_NET=y",
        "CONFIG_64BIT=y",
    ] {
        assert!(config.lines().any(|l| l == want), "{want} missing");
    }
    assert!(stderr(&out).contains("fragment symbols took effect"));

    // A typo: named with its line and the nearest real symbol; no output.
    let (out, output) = case("typo", "CONFIG_64BIT=y\n# virtio\nCONFIG_VIRTIO_PCII=y\n");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("line 3: CONFIG_VIRTIO_PCII=y"), "{err}");
    assert!(err.contains("did you mean CONFIG_VIRTIO_PCI?"), "{err}");
    assert!(!output.exists());

    // A dependency that is off: the check names it.
    let (out, output) = case(
        "dep",
        "CONFIG_64BIT=y\n# CONFIG_SHMEM is not set\nCONFIG_TMPFS=y\n",
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("line 3: CONFIG_TMPFS=y"), "{err}");
    assert!(
        err.contains("`depends on SHMEM` is unmet: CONFIG_SHMEM is not set"),
        "{err}"
    );
    assert!(err.contains("add CONFIG_SHMEM=y"), "{err}");
    assert!(!output.exists());

    // EFI without ACPI (tinyconfig has it off): the missing dependency is named.
    let (out, _) = case("efi", "CONFIG_64BIT=y\nCONFIG_EFI=y\n");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("CONFIG_ACPI is not set"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_wrong_tarball_hash_stops_before_anything_is_unpacked() {
    let tmp = tempfile::tempdir().unwrap();
    let pins = tmp.path().join("sources.toml");
    std::fs::write(
        &pins,
        format!(
            "[[source]]\nversion = \"6.12.117\"\nsha256 = \"{}\"\npath = \"/usr/src/linux-source-6.12.tar.xz\"\ntop = \"linux-source-6.12\"\n",
            "1".repeat(64)
        ),
    )
    .unwrap();
    let output = tmp.path().join("out.config");
    let out = run(
        &["generate", "--pins"],
        &[
            &pins,
            Path::new("--scratch"),
            tmp.path(),
            Path::new("-o"),
            &output,
        ],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("linux-source-6.12.tar.xz: sha256 mismatch"),
        "{err}"
    );
    assert!(err.contains(&"1".repeat(64)), "{err}");
    assert!(
        err.contains("585a4a074597aefa2b1a68ada83a3184ba351c127544dea80618bbcceaa3961f"),
        "{err}"
    );
    assert!(err.contains("update the pin"), "{err}");
    assert!(!output.exists());
    // Nothing was unpacked into the scratch directory.
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_unpinned_version_is_refused_with_the_known_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let version = tmp.path().join("kernel.version");
    std::fs::write(&version, "6.99.1\n").unwrap();
    let out = run(
        &["generate", "--version-file"],
        &[&version, Path::new("-o"), &tmp.path().join("x")],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("\"6.99.1\" has no pinned source (pinned: 6.12.117, 6.18.4)"),
        "{err}"
    );
}
