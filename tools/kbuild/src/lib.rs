//! The kernel build step: a verified source tree and a final `.config` in,
//! `bzImage`, `System.map` and the release string out — reproducibly.
//!
//! Reproducibility comes from one place, [`reproducible_env`]: fixed
//! KBUILD_BUILD_{TIMESTAMP,USER,HOST,VERSION}, SOURCE_DATE_EPOCH, LC_ALL/TZ,
//! and `-ffile-prefix-map` for the (random) scratch paths, so the same inputs
//! give the same bzImage wherever and whenever they are built.
//!
//! The toolchain is an input too: the pinned kernel tool directory
//! (`mvirt-unpack --tools`), whose files a build system hashes into the
//! step's key, so a shared cache never hands out a build from another
//! compiler. The `make` command itself comes from [`kernel_source::kmake`],
//! as mvirt-kconfig's does: PATH is the tool directory's bin/ alone, and
//! with a sandbox nothing else of the machine is there at all.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Errors of the build. Errors with a `source` leave it out of their own
/// message: `{:#}` prints the chain, each cause once.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// `action` says what was being done: "reading", "creating", ...
    #[error("{action} {path}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    #[error("reading {what}")]
    Read {
        what: &'static str,
        // Boxed: PinError is large, and every Result here would carry it.
        source: Box<kernel_source::PinError>,
    },
    #[error(transparent)]
    Toolchain(#[from] kernel_source::kmake::ToolchainError),
    #[error("cannot run the tool directory's make")]
    Spawn(#[source] io::Error),
    #[error("{config} is not a final .config for this source and compiler: olddefconfig changed {changed} (first: {first}). Regenerate it with mvirt-kconfig generate.")]
    NotFinal {
        config: PathBuf,
        changed: usize,
        first: String,
    },
    #[error("`make {target}` failed ({status})")]
    Make { target: String, status: String },
}

fn io<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> BuildError + 'a {
    move |source| BuildError::Io {
        action,
        path: path.into(),
        source,
    }
}

/// A line on stderr. A closed or full stderr is not worth failing (or
/// panicking, as `eprintln!` would) over: the exit status still tells.
fn note(args: fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "{args}");
}

/// Civil date of a Unix time, for KBUILD_BUILD_TIMESTAMP (no time zone
/// database needed: UTC only).
pub fn utc_timestamp(epoch: i64) -> String {
    let days = epoch.div_euclid(86_400);
    let secs = epoch.rem_euclid(86_400);
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// The environment that makes a kernel build reproducible.
///
/// The source tree maps to "" as the kernel's own `-fmacro-prefix-map=$(srctree)/=`
/// does (`__FILE__` is then `kernel/fork.c`, wherever the tree is); `tree`
/// must be the absolute path make sees, or a tree given by a relative path
/// and one given by an absolute path would produce different strings.
pub fn reproducible_env(epoch: i64, tree: &Path, build: &Path) -> Vec<(String, String)> {
    let prefix_map = format!(
        "-ffile-prefix-map={}/= -ffile-prefix-map={}=.",
        tree.display(),
        build.display()
    );
    vec![
        ("SOURCE_DATE_EPOCH".into(), epoch.to_string()),
        ("KBUILD_BUILD_TIMESTAMP".into(), utc_timestamp(epoch)),
        ("KBUILD_BUILD_USER".into(), "mvirt".into()),
        ("KBUILD_BUILD_HOST".into(), "mvirt-os".into()),
        ("KBUILD_BUILD_VERSION".into(), "1".into()),
        ("KCFLAGS".into(), prefix_map.clone()),
        ("KAFLAGS".into(), prefix_map),
        ("LC_ALL".into(), "C".into()),
        ("TZ".into(), "UTC".into()),
    ]
}

/// The directory a build unpacks and compiles in.
pub enum Workdir {
    /// A fresh random directory, removed afterwards (the default: builds
    /// never collide).
    Scratch(tempfile::TempDir),
    /// A fixed directory, emptied first, locked while in use and removed
    /// afterwards, so that the compiler command lines (and thus ccache's
    /// keys) repeat exactly.
    Fixed { path: PathBuf, _lock: std::fs::File },
    /// A directory kept from one build to the next (locked while in use):
    /// the kernel's own dependency tracking then recompiles only what a
    /// change touches. Local builds only.
    Kept { path: PathBuf, _lock: std::fs::File },
}

impl Workdir {
    pub fn scratch(parent: &Path) -> Result<Self, BuildError> {
        tempfile::Builder::new()
            .prefix("mvirt-kbuild-")
            .tempdir_in(parent)
            .map(Workdir::Scratch)
            .map_err(io("creating a build directory in", parent))
    }

    pub fn fixed(path: &Path) -> Result<Self, BuildError> {
        let lock = lock_beside(path)?;
        remove_if_present(path)?;
        std::fs::create_dir_all(path).map_err(io("creating the build directory", path))?;
        let path = std::path::absolute(path).map_err(io("resolving", path))?;
        Ok(Workdir::Fixed { path, _lock: lock })
    }

    pub fn kept(path: &Path) -> Result<Self, BuildError> {
        let lock = lock_beside(path)?;
        std::fs::create_dir_all(path).map_err(io("creating the build directory", path))?;
        let path = std::path::absolute(path).map_err(io("resolving", path))?;
        Ok(Workdir::Kept { path, _lock: lock })
    }

    pub fn path(&self) -> &Path {
        match self {
            Workdir::Scratch(dir) => dir.path(),
            Workdir::Fixed { path, .. } | Workdir::Kept { path, .. } => path,
        }
    }
}

impl Drop for Workdir {
    fn drop(&mut self) {
        if let Workdir::Fixed { path, .. } = self {
            let _ = std::fs::remove_dir_all(path);
        }
    }
}

/// Takes an exclusive lock on `<path>.lock`, waiting (and saying so) while
/// another build holds it.
fn lock_beside(path: &Path) -> Result<std::fs::File, BuildError> {
    use rustix::fs::{flock, FlockOperation};
    let parent = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io("creating the directory", parent))?;
    let lock_path = path.with_extension("lock");
    let lock =
        std::fs::File::create(&lock_path).map_err(io("creating the lock file", &lock_path))?;
    if flock(&lock, FlockOperation::NonBlockingLockExclusive).is_err() {
        note(format_args!(
            "mvirt-kbuild: waiting for another build using {}",
            path.display()
        ));
        flock(&lock, FlockOperation::LockExclusive)
            .map_err(|e| io("locking", &lock_path)(e.into()))?;
    }
    Ok(lock)
}

fn remove_if_present(path: &Path) -> Result<(), BuildError> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            Err(io("emptying the build directory", path)(e))
        }
        _ => Ok(()),
    }
}

/// How to build.
#[derive(Clone, Debug)]
pub struct Options {
    /// How make runs (architecture, compiler, tools, sandbox).
    pub kmake: kernel_source::kmake::Kmake,
    pub jobs: usize,
    pub epoch: i64,
    /// Wrap the compiler in ccache (local builds only; off for hermetic
    /// and remote actions).
    pub ccache: bool,
}

/// The build's products, inside the build directory.
pub struct Products {
    /// The image's make target and output name (`bzImage`, `Image`).
    pub image_name: &'static str,
    pub image: PathBuf,
    pub system_map: PathBuf,
    pub release: String,
}

fn make(tree: &Path, build: &Path, opts: &Options, targets: &[&str], quiet: bool) -> Command {
    let mut kmake = opts.kmake.clone();
    if opts.ccache {
        // The machine's ccache, named by its path (PATH holds only the
        // declared tools); it finds the compiler on that PATH.
        let ccache = kernel_source::kmake::on_path("ccache");
        let ccache = ccache.map_or("ccache".into(), |p| p.display().to_string());
        kmake.cc = format!("{ccache} {}", kmake.cc);
    }
    let mut cmd = kmake.command(tree, build, &[]);
    cmd.arg(format!("-j{}", opts.jobs.max(1)));
    if opts.ccache {
        // ccache finds its store through these (kmake clears the rest).
        for var in ["HOME", "CCACHE_DIR"] {
            if let Some(value) = std::env::var_os(var) {
                cmd.env(var, value);
            }
        }
        cmd.env("CCACHE_BASEDIR", build.parent().unwrap_or(build))
            .env("CCACHE_NOHASHDIR", "1")
            .env("CCACHE_SLOPPINESS", "time_macros");
    }
    if quiet {
        cmd.arg("-s");
    }
    cmd.args(targets)
        .envs(reproducible_env(opts.epoch, tree, build));
    cmd
}

fn run(mut cmd: Command, target: &str) -> Result<(), BuildError> {
    let status = cmd.status().map_err(BuildError::Spawn)?;
    if !status.success() {
        return Err(BuildError::Make {
            target: target.into(),
            status: status.to_string(),
        });
    }
    Ok(())
}

fn config_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.starts_with("CONFIG_") || l.starts_with("# CONFIG_"))
        .collect()
}

/// Builds the boot image (`bzImage` on x86, `Image` on arm64, see
/// [`kernel_source::kmake::image_name`]) from `tree` with `config` in the
/// build directory `build`.
pub fn build(
    tree: &Path,
    build: &Path,
    config: &Path,
    opts: &Options,
) -> Result<Products, BuildError> {
    std::fs::create_dir_all(build).map_err(io("creating the build directory", build))?;
    // Absolute, as make's $(srctree) is (see `reproducible_env`).
    let tree = &std::path::absolute(tree).map_err(io("resolving", tree))?;
    let build = &std::path::absolute(build).map_err(io("resolving", build))?;
    let wanted = kernel_source::read_text(config).map_err(|source| BuildError::Read {
        what: "the final .config",
        source: Box::new(source),
    })?;
    let dot_config = build.join(".config");
    std::fs::write(&dot_config, &wanted).map_err(io("writing", &dot_config))?;
    let mut cmd = make(tree, build, opts, &["olddefconfig"], true);
    cmd.stdout(Stdio::null());
    run(cmd, "olddefconfig")?;
    let got = std::fs::read_to_string(&dot_config).map_err(io("reading", &dot_config))?;
    let (a, b) = (config_lines(&wanted), config_lines(&got));
    if a != b {
        let changed = a.iter().filter(|l| !b.contains(l)).count()
            + b.iter().filter(|l| !a.contains(l)).count();
        let first = b
            .iter()
            .find(|l| !a.contains(l))
            .or_else(|| a.iter().find(|l| !b.contains(l)))
            .unwrap_or(&"(line order)")
            .to_string();
        return Err(BuildError::NotFinal {
            config: config.into(),
            changed,
            first,
        });
    }
    let image = kernel_source::kmake::image_name(&opts.kmake.arch);
    note(format_args!(
        "mvirt-kbuild: make -j{} {image} (ARCH={}){}",
        opts.jobs,
        opts.kmake.arch,
        if opts.ccache { " (ccache)" } else { "" }
    ));
    let started = std::time::Instant::now();
    run(make(tree, build, opts, &[image], false), image)?;
    note(format_args!(
        "mvirt-kbuild: {image} built in {:.1} s",
        started.elapsed().as_secs_f64()
    ));
    // The build writes the release string here (`make kernelrelease` prints
    // this file); reading it saves one more pass over the kernel's Makefiles.
    let release_file = build.join("include/config/kernel.release");
    let release = std::fs::read_to_string(&release_file)
        .map_err(io("reading", &release_file))?
        .trim()
        .to_string();
    if release.is_empty() {
        return Err(BuildError::Make {
            target: "kernelrelease".into(),
            status: format!("{} is empty", release_file.display()),
        });
    }
    Ok(Products {
        image_name: image,
        image: build.join(kernel_source::kmake::boot_image(&opts.kmake.arch)),
        system_map: build.join("System.map"),
        release,
    })
}

/// Copies the products into `out_dir` as the image's name (`bzImage`,
/// `Image`), `System.map` and
/// `kernel.release`. Each is staged beside its destination first and renamed
/// only once all are staged, so a failure leaves no new output.
pub fn install(products: &Products, out_dir: &Path) -> Result<(), BuildError> {
    let stage = |name: &str, bytes: &[u8]| -> Result<mvirt_atomic::Output, BuildError> {
        let dest = out_dir.join(name);
        let mut out = mvirt_atomic::Output::create(&dest, 0o644).map_err(io("creating", &dest))?;
        out.write_all(bytes).map_err(io("writing", &dest))?;
        Ok(out)
    };
    let read = |p: &Path| std::fs::read(p).map_err(io("reading", p));
    let staged = vec![
        stage(products.image_name, &read(&products.image)?)?,
        stage("System.map", &read(&products.system_map)?)?,
        stage(
            "kernel.release",
            format!("{}\n", products.release).as_bytes(),
        )?,
    ];
    mvirt_atomic::commit_all(staged).map_err(io("writing the build's products into", out_dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_civil_dates() {
        assert_eq!(utc_timestamp(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc_timestamp(1_767_225_600), "2026-01-01 00:00:00 UTC");
        assert_eq!(utc_timestamp(951_782_400 + 3661), "2000-02-29 01:01:01 UTC");
    }

    #[test]
    fn env_maps_both_scratch_paths() {
        let env = reproducible_env(5, Path::new("/s/src"), Path::new("/s/build"));
        let kcflags = &env.iter().find(|(k, _)| k == "KCFLAGS").unwrap().1;
        assert!(kcflags.contains("-ffile-prefix-map=/s/src/="));
        assert!(kcflags.contains("-ffile-prefix-map=/s/build=."));
    }

    #[test]
    fn fixed_workdir_starts_empty_and_is_removed() {
        let parent = tempfile::tempdir().unwrap();
        let fixed = parent.path().join("fixed");
        std::fs::create_dir_all(fixed.join("stale")).unwrap();
        let work = Workdir::fixed(&fixed).unwrap();
        assert_eq!(work.path(), fixed);
        assert_eq!(std::fs::read_dir(work.path()).unwrap().count(), 0);
        drop(work);
        assert!(!fixed.exists());
        // The same path again: ccache sees the same command lines.
        assert_eq!(Workdir::fixed(&fixed).unwrap().path(), fixed);
    }
}
