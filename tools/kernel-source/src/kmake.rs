//! The one way to run the kernel's `make`: both kernel steps build their
//! commands here, so that the architecture, the compiler and the
//! environment a step runs with cannot drift apart between them.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The kernel's name for an architecture's source directory (`arch/…`).
pub fn srcarch(arch: &str) -> &str {
    match arch {
        "x86_64" | "i386" => "x86",
        "aarch64" => "arm64",
        other => other,
    }
}

/// The make target of the bootable image, and the name it keeps in a
/// build's outputs: x86's compressed `bzImage`; elsewhere the plain `Image`,
/// which is itself a PE with the EFI stub (a UKI's stub loads it as such; a
/// compressed `Image.gz` is not).
pub fn image_name(arch: &str) -> &'static str {
    match srcarch(arch) {
        "x86" => "bzImage",
        _ => "Image",
    }
}

/// The bootable image `make` leaves in the build directory, relative to it.
pub fn boot_image(arch: &str) -> String {
    format!("arch/{}/boot/{}", srcarch(arch), image_name(arch))
}

/// The GNU toolchain prefix of a compiler command: `aarch64-linux-gnu-` for
/// `aarch64-linux-gnu-gcc` (or `ccache aarch64-linux-gnu-gcc`), empty for
/// `gcc`. The kernel's make takes the assembler, linker and objcopy from
/// CROSS_COMPILE, so a cross compiler brings its binutils along by name.
pub fn cross_prefix(cc: &str) -> &str {
    let compiler = cc.rsplit(' ').next().unwrap_or(cc);
    compiler
        .strip_suffix("gcc")
        .filter(|p| p.is_empty() || p.ends_with('-'))
        .unwrap_or("")
}

/// How the kernel's make runs: for which architecture, with which
/// compiler, tools and environment, and whether in a sandbox.
#[derive(Clone, Debug)]
pub struct Kmake {
    pub arch: String,
    /// The C compiler command (CC=); it may carry a wrapper (`/usr/bin/ccache gcc`).
    pub cc: String,
    /// The hermetic tool directory (`mvirt-unpack --tools`): make's PATH is
    /// its `bin` alone. None: the caller's PATH (menuconfig only).
    pub tools: Option<PathBuf>,
    /// The environment the tool directory declares (PATH, LD_LIBRARY_PATH,
    /// M4, …), absolute.
    pub env: Vec<(String, PathBuf)>,
    /// Run make in a bubblewrap sandbox: this bwrap.
    pub sandbox: Option<PathBuf>,
}

impl Kmake {
    /// make with the caller's PATH and no sandbox: for an interactive
    /// editor (menuconfig), whose result a pinned step then applies.
    pub fn host(arch: &str, cc: &str) -> Kmake {
        let path = std::env::var_os("PATH").map(PathBuf::from);
        Kmake {
            arch: arch.into(),
            cc: cc.into(),
            tools: None,
            env: path.map(|p| ("PATH".into(), p)).into_iter().collect(),
            sandbox: None,
        }
    }

    /// `make -C tree O=build ARCH=… [CROSS_COMPILE=…] CC=… targets…`, out of
    /// tree, in an environment of our making: the tool directory's variables
    /// (PATH is its `bin` alone), LC_ALL and TZ fixed, and nothing of the
    /// caller's.
    ///
    /// The kernel's make reads dozens of variables from the environment
    /// (KCONFIG_CONFIG, KCPPFLAGS, CROSS_COMPILE, LLVM, KBUILD_OUTPUT, an
    /// outer make's MAKEFLAGS, …). None of them is part of a build system's
    /// action key, so any of them set on one machine would change the result
    /// without changing the key, and a shared cache would hand that result
    /// to everyone. Clearing the environment closes the whole class; a PATH
    /// of declared tools closes the class of tools taken from the machine.
    pub fn command(&self, tree: &Path, build: &Path, targets: &[&str]) -> Command {
        // Absolute: make runs in the tree (-C), the sandbox in the build.
        let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.into());
        let (tree, build) = (&abs(tree), &abs(build));
        let mut args: Vec<OsString> = vec![
            "-C".into(),
            tree.into(),
            format!("O={}", build.display()).into(),
            format!("ARCH={}", self.arch).into(),
        ];
        let prefix = cross_prefix(&self.cc);
        if !prefix.is_empty() {
            args.push(format!("CROSS_COMPILE={prefix}").into());
        }
        match &self.tools {
            Some(dir) => {
                // Both compilers see the toolchain's C library, never the
                // machine's: the kernel's host programs are linked against
                // it, and Kconfig's probes (CC_CAN_LINK) find the same
                // libraries in a sandbox and out of it. Recipes and
                // $(shell) run the declared shell, not /bin/sh.
                let sysroot = format!("--sysroot={}", dir.join("root").display());
                args.push(format!("CC={} {sysroot}", self.cc).into());
                args.push(format!("HOSTCC=gcc {sysroot}").into());
                args.push(format!("SHELL={}", dir.join("bin/sh").display()).into());
            }
            None => args.push(format!("CC={}", self.cc).into()),
        }
        args.extend(targets.iter().map(OsString::from));
        // Set on bwrap too, which hands its environment to make unchanged
        // (bwrap itself loads none of the tool directory's libraries: their
        // names are not its).
        let mut cmd = match (&self.sandbox, &self.tools) {
            (Some(bwrap), Some(dir)) => {
                let mut cmd = Command::new(bwrap);
                cmd.args(sandbox_args(dir, tree, build))
                    .arg("--")
                    .arg(dir.join("bin/make"));
                cmd
            }
            (_, Some(dir)) => Command::new(dir.join("bin/make")),
            (_, None) => Command::new("make"),
        };
        cmd.args(args)
            .env_clear()
            .env("LC_ALL", "C")
            .env("TZ", "UTC")
            .envs(self.env.iter().map(|(k, v)| (k, v)));
        cmd
    }
}

/// bubblewrap's arguments for a make in `tree` writing `build` with the
/// tool directory `dir`: an empty root of its own (tmpfs) holding only the
/// tool directory, the source (read-only) and the build directory, at the
/// paths they have outside; the tool directory's C library and loader as
/// /lib and /lib64; its shell and env as /bin/sh and /usr/bin/env, the two
/// paths the kernel's scripts name in their first lines; fresh /dev, /proc and
/// /tmp; no network, no other process, nothing of the machine's /usr.
/// The directories are made absolute (bwrap binds them at the same paths);
/// `build` must exist.
pub fn sandbox_args(dir: &Path, tree: &Path, build: &Path) -> Vec<OsString> {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.into());
    let (dir, tree, build) = (&abs(dir), &abs(tree), &abs(build));
    let mut a: Vec<OsString> = Vec::new();
    let mut arg = |parts: &[&dyn AsRef<std::ffi::OsStr>]| {
        a.extend(parts.iter().map(|p| p.as_ref().to_os_string()));
    };
    arg(&[&"--unshare-all", &"--die-with-parent", &"--new-session"]);
    arg(&[&"--tmpfs", &"/", &"--dev", &"/dev", &"--proc", &"/proc"]);
    arg(&[&"--tmpfs", &"/tmp"]);
    let root = dir.join("root");
    for sub in ["lib", "lib64"] {
        arg(&[&"--ro-bind", &root.join(sub), &Path::new("/").join(sub)]);
    }
    for (tool, path) in [("bin/sh", "/bin/sh"), ("bin/env", "/usr/bin/env")] {
        arg(&[&"--ro-bind", &dir.join(tool), &path]);
    }
    arg(&[&"--ro-bind", &dir, &dir]);
    arg(&[&"--ro-bind", &tree, &tree]);
    arg(&[&"--bind", &build, &build]);
    arg(&[&"--chdir", &build]);
    a
}

/// The kernel toolchain arguments both kernel steps take: what to build
/// for and with. The tool directory is an input of the step (a build system
/// hashes its files into the step's key): its digest is the toolchain's
/// identity.
#[derive(Clone, Debug, clap::Args)]
pub struct Toolchain {
    /// The kernel architecture (ARCH=): x86_64, arm64.
    #[arg(long)]
    pub arch: String,
    /// The C compiler, a tool of --tools (CC=): gcc, aarch64-linux-gnu-gcc.
    #[arg(long)]
    pub cc: String,
    /// The pinned kernel toolchain: a hermetic tool directory made by
    /// `mvirt-unpack --tools` (make's PATH is its bin/ alone).
    #[arg(long, value_name = "DIR")]
    pub tools: PathBuf,
    /// Run make in a bubblewrap sandbox (bwrap on PATH): an empty root
    /// holding only the tool directory, the source and the build directory.
    #[arg(long)]
    pub sandbox: bool,
}

/// Errors of resolving the toolchain.
#[derive(Debug, thiserror::Error)]
pub enum ToolchainError {
    #[error("{dir} is not a kernel tool directory ({why}): make it with `mvirt-unpack --tools toolchains/kernel/toolchain.toml` (make does)")]
    NotTools { dir: PathBuf, why: String },
    #[error("{dir}: the compiler {cc:?} is not one of its tools (bin/{cc})")]
    NoCompiler { dir: PathBuf, cc: String },
    #[error("--sandbox needs bubblewrap, and bwrap is not on PATH: apt-get install bubblewrap, or build without the sandbox (make SANDBOX=0)")]
    NoBwrap,
    #[error("{dir}: its tools do not run on this machine ({why}): they are Debian 12 binaries and need the machine's glibc loader, 2.36 or later; build in the sandbox (--sandbox, bubblewrap), where they run on the toolchain's own glibc")]
    HostLoader { dir: PathBuf, why: String },
    #[error("{0}")]
    Other(String),
}

impl Toolchain {
    /// The make this toolchain runs, once its directory is checked.
    pub fn resolve(&self) -> Result<Kmake, ToolchainError> {
        let dir =
            std::path::absolute(&self.tools).map_err(|e| ToolchainError::Other(e.to_string()))?;
        let not_tools = |why: String| ToolchainError::NotTools {
            dir: dir.clone(),
            why,
        };
        for need in ["bin/make", "bin/sh", "bin/env", "env.toml", "root/lib64"] {
            if !dir.join(need).exists() {
                return Err(not_tools(format!("no {need}")));
            }
        }
        if self.cc.contains('/') || !dir.join("bin").join(&self.cc).is_file() {
            return Err(ToolchainError::NoCompiler {
                dir,
                cc: self.cc.clone(),
            });
        }
        let env = mvirt_unpack_env(&dir).map_err(not_tools)?;
        let sandbox = if self.sandbox {
            Some(on_path("bwrap").ok_or(ToolchainError::NoBwrap)?)
        } else {
            runs_here(&dir, &env)?;
            None
        };
        Ok(Kmake {
            arch: self.arch.clone(),
            cc: self.cc.clone(),
            tools: Some(dir),
            env,
            sandbox,
        })
    }
}

/// Outside the sandbox the tools run on the machine's loader and C
/// library, the one thing of the machine they still take: checked by
/// running the tool directory's make, so that a too-old glibc is an error
/// that says so, not a failure halfway through a kernel build.
fn runs_here(dir: &Path, env: &[(String, PathBuf)]) -> Result<(), ToolchainError> {
    let host_loader = |why: String| ToolchainError::HostLoader {
        dir: dir.into(),
        why,
    };
    let out = Command::new(dir.join("bin/make"))
        .arg("--version")
        .env_clear()
        .envs(env.iter().map(|(k, v)| (k, v)))
        .output()
        .map_err(|e| host_loader(format!("bin/make: {e}")))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let first = err.lines().next().unwrap_or("no message").to_string();
        return Err(host_loader(format!("bin/make --version: {first}")));
    }
    Ok(())
}

fn mvirt_unpack_env(dir: &Path) -> Result<Vec<(String, PathBuf)>, String> {
    mvirt_unpack::hermetic::environment(dir).map_err(|e| e.to_string())
}

/// `tool` as the caller's PATH finds it, absolute.
pub fn on_path(tool: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join(tool))
        .find(|p| p.is_file())
        .and_then(|p| std::path::absolute(p).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Kmake with the tool directory `dir` (a test double: its bin/make
    /// may be the machine's; the real directory is checked by the kernel
    /// builds and tests/boot's sandbox tests).
    fn kmake(dir: &Path, arch: &str, cc: &str) -> Kmake {
        Kmake {
            arch: arch.into(),
            cc: cc.into(),
            tools: Some(dir.into()),
            env: vec![("PATH".into(), dir.join("bin"))],
            sandbox: None,
        }
    }

    fn args(cmd: &Command) -> Vec<String> {
        cmd.get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn architectures_map_to_their_source_directories() {
        assert_eq!(srcarch("x86_64"), "x86");
        assert_eq!(srcarch("arm64"), "arm64");
        assert_eq!(boot_image("x86_64"), "arch/x86/boot/bzImage");
        assert_eq!(boot_image("arm64"), "arch/arm64/boot/Image");
    }

    #[test]
    fn a_cross_compiler_brings_its_prefix() {
        assert_eq!(cross_prefix("gcc"), "");
        assert_eq!(cross_prefix("ccache gcc"), "");
        assert_eq!(cross_prefix("aarch64-linux-gnu-gcc"), "aarch64-linux-gnu-");
        assert_eq!(
            cross_prefix("/usr/bin/ccache aarch64-linux-gnu-gcc"),
            "aarch64-linux-gnu-"
        );
        // Not a GNU prefix: no CROSS_COMPILE (make would then name `ld`).
        assert_eq!(cross_prefix("clang"), "");
        assert_eq!(cross_prefix("xgcc"), "");
        let cross = |cc| {
            args(&kmake(Path::new("/tc"), "arm64", cc).command(
                Path::new("/t"),
                Path::new("/b"),
                &[],
            ))
        };
        assert!(cross("aarch64-linux-gnu-gcc")
            .contains(&"CROSS_COMPILE=aarch64-linux-gnu-".to_string()));
        assert!(!cross("gcc").iter().any(|a| a.starts_with("CROSS_COMPILE")));
    }

    #[test]
    fn the_command_runs_the_tool_directorys_make_and_shell() {
        let cmd = kmake(Path::new("/tc"), "x86_64", "gcc").command(
            Path::new("/t"),
            Path::new("/b"),
            &["tinyconfig"],
        );
        assert_eq!(cmd.get_program(), "/tc/bin/make");
        assert_eq!(
            args(&cmd),
            [
                "-C",
                "/t",
                "O=/b",
                "ARCH=x86_64",
                "CC=gcc --sysroot=/tc/root",
                "HOSTCC=gcc --sysroot=/tc/root",
                "SHELL=/tc/bin/sh",
                "tinyconfig"
            ]
        );
    }

    #[test]
    fn in_the_sandbox_make_sees_only_the_declared_paths() {
        let mut k = kmake(Path::new("/tc"), "x86_64", "gcc");
        k.sandbox = Some("/usr/bin/bwrap".into());
        let cmd = k.command(Path::new("/t"), Path::new("/b"), &["bzImage"]);
        assert_eq!(cmd.get_program(), "/usr/bin/bwrap");
        let a = args(&cmd).join(" ");
        for part in [
            "--unshare-all",
            "--tmpfs / ",
            "--ro-bind /tc/root/lib /lib ",
            "--ro-bind /tc/root/lib64 /lib64 ",
            "--ro-bind /tc/bin/sh /bin/sh ",
            "--ro-bind /tc/bin/env /usr/bin/env ",
            "--ro-bind /tc /tc ",
            "--ro-bind /t /t ",
            "--bind /b /b ",
            "-- /tc/bin/make -C /t O=/b ",
        ] {
            assert!(a.contains(part), "{part:?} not in {a}");
        }
        // Nothing else of the machine is bound.
        let binds = args(&cmd).iter().filter(|x| x.contains("bind")).count();
        assert_eq!(binds, 7, "{a}");
    }

    /// What the environment holds when make runs: a real make prints it.
    fn make_sees() -> String {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        std::fs::create_dir(&bin).unwrap();
        // The machine's make, env and sort as the tool directory's: PATH is
        // that directory alone.
        for tool in ["make", "env", "sort"] {
            let found = on_path(tool).unwrap_or_else(|| panic!("{tool} on PATH for this test"));
            std::os::unix::fs::symlink(found, bin.join(tool)).unwrap();
        }
        std::fs::write(dir.path().join("Makefile"), "show:\n\t@env | sort\n").unwrap();
        let mut k = kmake(dir.path(), "x86_64", "gcc");
        k.tools = None;
        let out = k
            .command(dir.path(), dir.path(), &["show"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    #[test]
    fn the_callers_environment_does_not_reach_make() {
        // Set in this process: what a user's shell or a build daemon passes.
        std::env::set_var("KCONFIG_CONFIG", "/tmp/elsewhere");
        let cmd =
            kmake(Path::new("/tc"), "x86_64", "gcc").command(Path::new("/t"), Path::new("/b"), &[]);
        let mut passed: Vec<String> = cmd
            .get_envs()
            .filter(|(_, v)| v.is_some())
            .map(|(k, _)| k.to_string_lossy().into_owned())
            .collect();
        passed.sort();
        assert_eq!(passed, ["LC_ALL", "PATH", "TZ"], "only these are passed");
        let env = make_sees();
        assert!(!env.contains("KCONFIG_CONFIG"), "{env}");
        assert!(env.contains("LC_ALL=C"), "{env}");
    }

    #[test]
    fn a_directory_that_is_not_a_toolchain_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let tc = Toolchain {
            arch: "x86_64".into(),
            cc: "gcc".into(),
            tools: dir.path().into(),
            sandbox: false,
        };
        let err = tc.resolve().unwrap_err().to_string();
        assert!(
            err.contains("not a kernel tool directory (no bin/make)"),
            "{err}"
        );
        assert!(err.contains("mvirt-unpack --tools"), "{err}");
    }

    /// A tool directory whose make cannot run here (a test double standing
    /// in for binaries that need a newer glibc than the machine's: the
    /// loader's message, then exit 1) is refused before any build step.
    #[test]
    fn tools_that_do_not_run_on_this_machine_are_refused_up_front() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for sub in ["bin", "root/lib64"] {
            std::fs::create_dir_all(d.join(sub)).unwrap();
        }
        std::fs::write(d.join("env.toml"), "").unwrap();
        let make = "#!/bin/sh\necho \"make: /lib/x86_64-linux-gnu/libc.so.6: version GLIBC_2.99 not found\" >&2\nexit 1\n";
        for tool in ["make", "sh", "env", "gcc"] {
            let path = d.join("bin").join(tool);
            std::fs::write(&path, make).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let tc = Toolchain {
            arch: "x86_64".into(),
            cc: "gcc".into(),
            tools: d.into(),
            sandbox: false,
        };
        let err = tc.resolve().unwrap_err().to_string();
        for part in ["do not run on this machine", "GLIBC_2.99", "--sandbox"] {
            assert!(err.contains(part), "{part:?} not in {err}");
        }
    }
}
