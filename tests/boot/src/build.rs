//! The repository's build outputs and sources, as the tests find them:
//! make's target/ (or buck2's outputs, named by environment variables),
//! UKIs assembled from them, copies of the checkout, and the real
//! cloud-hypervisor the real-VM test packs.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// What a UKI is assembled from, besides its command line and os-release.
pub struct UkiParts {
    pub stub: PathBuf,
    pub linux: PathBuf,
    pub initrd: PathBuf,
    pub uname: PathBuf,
}

/// The repository's build outputs (`make` writes them under target/).
pub struct Build {
    pub repo: PathBuf,
}

impl Build {
    /// The checkout this crate lives in.
    pub fn here() -> Build {
        // $MVIRT_REPO_ROOT under buck2, which runs tests from the project root.
        let repo = std::env::var_os("MVIRT_REPO_ROOT")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
            .canonicalize()
            .expect("repository root");
        Build { repo }
    }

    /// A build output: a file under target/ (make's), or the file an
    /// environment variable names instead (buck2's test targets point
    /// MVIRT_KERNEL, MVIRT_INITRD, MVIRT_KERNEL_RELEASE, MVIRT_STUB and
    /// MVIRT_UKI_TOOL at their own outputs). Panics with "run make first" when missing.
    pub fn target(&self, name: &str) -> PathBuf {
        let var = match name {
            "bzImage" => Some("MVIRT_KERNEL"),
            "initramfs.cpio.gz" => Some("MVIRT_INITRD"),
            "kernel.release" => Some("MVIRT_KERNEL_RELEASE"),
            "linuxx64.efi.stub" => Some("MVIRT_STUB"),
            "release/mvirt-uki" => Some("MVIRT_UKI_TOOL"),
            _ => None,
        };
        if let Some(path) = var.and_then(std::env::var_os) {
            let path = self.repo.join(path);
            assert!(path.exists(), "{} is missing", path.display());
            return path;
        }
        let path = self.repo.join("target").join(name);
        assert!(
            path.exists(),
            "{} is missing: run `make` first",
            path.display()
        );
        path
    }

    /// Copies the checkout's sources as git sees them (tracked and
    /// untracked, not ignored) into `dest`, each with its modification
    /// time: make then sees the copy's inputs as old as the checkout's
    /// (older than downloads and toolchains copied or bound beside them).
    pub fn copy_sources(&self, dest: &Path) -> Result<()> {
        let files = Command::new("git")
            .current_dir(&self.repo)
            .args([
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
            ])
            .output()
            .context("running git ls-files")?;
        if !files.status.success() {
            bail!("git ls-files failed in {}", self.repo.display());
        }
        for file in files.stdout.split(|&b| b == 0).filter(|f| !f.is_empty()) {
            let rel = Path::new(std::str::from_utf8(file).context("a file name")?);
            let src = self.repo.join(rel);
            if src.is_file() {
                copy_with_mtime(&src, &dest.join(rel))?;
            }
        }
        Ok(())
    }

    /// A UKI of the product's kernel with another initrd and command line,
    /// assembled by the same mvirt-uki the build uses (for tests and the
    /// benchmark: the shipped UKI must not power off after booting).
    pub fn uki_with(
        &self,
        dir: &Path,
        name: &str,
        initrd: &Path,
        cmdline: &str,
    ) -> Result<PathBuf> {
        let parts = UkiParts {
            stub: self.target("linuxx64.efi.stub"),
            linux: self.target("bzImage"),
            initrd: initrd.to_path_buf(),
            uname: self.target("kernel.release"),
        };
        self.assemble(&parts, dir, name, cmdline)
    }

    /// `mvirt-uki build` of `parts` with `cmdline` into `dir/name.efi`.
    pub fn assemble(
        &self,
        parts: &UkiParts,
        dir: &Path,
        name: &str,
        cmdline: &str,
    ) -> Result<PathBuf> {
        let cmdline_file = dir.join(format!("{name}.cmdline"));
        std::fs::write(&cmdline_file, cmdline)?;
        let out = dir.join(format!("{name}.efi"));
        let result = Command::new(self.target("release/mvirt-uki"))
            .current_dir(&self.repo)
            .args(["build", "--osrel", "uki/os-release"])
            .arg("--stub")
            .arg(&parts.stub)
            .arg("--linux")
            .arg(&parts.linux)
            .arg("--initrd")
            .arg(&parts.initrd)
            .arg("--uname")
            .arg(&parts.uname)
            .arg("--cmdline")
            .arg(&cmdline_file)
            .arg("-o")
            .arg(&out)
            .output()?;
        if !result.status.success() {
            bail!(
                "mvirt-uki build failed: {}",
                String::from_utf8_lossy(&result.stderr)
            );
        }
        Ok(out)
    }
}

/// Copies `src` to `dst` (making its directory) with `src`'s modification time.
pub fn copy_with_mtime(src: &Path, dst: &Path) -> Result<()> {
    if let Some(dir) = dst.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::copy(src, dst).with_context(|| format!("copying {}", src.display()))?;
    let mtime = std::fs::metadata(src)?.modified()?;
    std::fs::File::options()
        .write(true)
        .open(dst)?
        .set_modified(mtime)
        .with_context(|| format!("setting the time of {}", dst.display()))
}

/// Lays out an ESP directory with `uki` as the removable-media boot path.
pub fn make_esp(dir: &Path, uki: &Path) -> Result<PathBuf> {
    let esp = dir.join("esp");
    std::fs::create_dir_all(esp.join("EFI/BOOT"))?;
    std::fs::copy(uki, esp.join("EFI/BOOT/BOOTX64.EFI"))
        .with_context(|| format!("copying {}", uki.display()))?;
    Ok(esp)
}

/// Where a real cloud-hypervisor for the real-VM test comes from, in order:
/// `$MVIRT_CLOUD_HYPERVISOR`; the pinned release once `make` downloaded it
/// into target/downloads (its sha256 is checked by mvirt-fetch); else a
/// `cloud-hypervisor` on PATH. It must be a static binary: it runs inside
/// the image, which has no libc. `None` (with the reason) when there is none.
pub fn real_cloud_hypervisor(build: &Build) -> std::result::Result<(PathBuf, String), String> {
    if let Some(path) = std::env::var_os("MVIRT_CLOUD_HYPERVISOR") {
        let path = PathBuf::from(path);
        return static_binary(&path).map(|()| (path, "$MVIRT_CLOUD_HYPERVISOR".into()));
    }
    // The pin is read by mvirt-fetch's own reader: one pin format, one parser.
    let pin = mvirt_fetch::FilePin::load(&build.repo.join("initramfs/cloud-hypervisor.toml"))
        .map_err(|e| e.to_string())?;
    let version = &pin.version;
    let cached = build.repo.join("target/downloads").join(pin.cache_name());
    if cached.is_file() {
        return Ok((cached, format!("the pinned {version} release")));
    }
    let path_var = std::env::var_os("PATH").unwrap_or_default();
    let on_path = std::env::split_paths(&path_var)
        .map(|d| d.join("cloud-hypervisor"))
        .find(|p| p.is_file());
    match on_path {
        Some(path) => static_binary(&path).map(|()| (path, "cloud-hypervisor on PATH".into())),
        None => Err(format!(
            "no cloud-hypervisor: set MVIRT_CLOUD_HYPERVISOR=/path/to/cloud-hypervisor-static, \
             let `make` download the pinned {version} release into target/downloads, \
             or put a static cloud-hypervisor on PATH"
        )),
    }
}

/// Ok if `path` is an x86_64 ELF executable without a program interpreter
/// (statically linked).
pub fn static_binary(path: &Path) -> std::result::Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let u16_at = |i: usize| {
        bytes
            .get(i..i + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let u32_at = |i: usize| {
        bytes
            .get(i..i + 4)
            .map(|b| u32::from_le_bytes(b.try_into().unwrap()))
    };
    let u64_at = |i: usize| {
        bytes
            .get(i..i + 8)
            .map(|b| u64::from_le_bytes(b.try_into().unwrap()))
    };
    let not_static = |why: &str| Err(format!("{}: {why}", path.display()));
    if !bytes.starts_with(b"\x7fELF\x02\x01") || u16_at(0x12) != Some(0x3e) {
        return not_static("not an x86_64 ELF executable");
    }
    let (Some(phoff), Some(phentsize), Some(phnum)) = (u64_at(0x20), u16_at(0x36), u16_at(0x38))
    else {
        return not_static("truncated ELF header");
    };
    const PT_INTERP: u32 = 3;
    for i in 0..usize::from(phnum) {
        let at = usize::try_from(phoff)
            .unwrap_or(usize::MAX)
            .saturating_add(i.saturating_mul(usize::from(phentsize)));
        match u32_at(at) {
            None => return not_static("truncated program headers"),
            Some(PT_INTERP) => {
                return not_static(
                    "dynamically linked (the image has no libc): use the static build",
                )
            }
            Some(_) => {}
        }
    }
    Ok(())
}
