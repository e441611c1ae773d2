//! The one way to run the kernel's `make`: both kernel steps build their
//! commands here, so that the architecture, the compiler and the
//! environment a step runs with cannot drift apart between them.

use std::io;
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

/// `make -C tree O=build ARCH=… [CROSS_COMPILE=…] CC=… targets…`, out of tree, in an
/// environment of our making: only PATH (to find the toolchain, which the
/// compiler identity names) is taken from the caller; LC_ALL and TZ are
/// fixed.
///
/// The kernel's make reads dozens of variables from the environment
/// (KCONFIG_CONFIG, KCPPFLAGS, CROSS_COMPILE, LLVM, KBUILD_OUTPUT, an outer
/// make's MAKEFLAGS, …). None of them is part of a build system's action
/// key, so any of them set on one machine would change the result without
/// changing the key, and a shared cache would hand that result to everyone.
/// Clearing the environment closes the whole class. `cc` is the compiler
/// command (it may carry a wrapper: `ccache gcc`).
pub fn command(tree: &Path, build: &Path, arch: &str, cc: &str, targets: &[&str]) -> Command {
    let mut cmd = Command::new("make");
    cmd.arg("-C")
        .arg(tree)
        .arg(format!("O={}", build.display()))
        .arg(format!("ARCH={arch}"));
    let prefix = cross_prefix(cc);
    if !prefix.is_empty() {
        cmd.arg(format!("CROSS_COMPILE={prefix}"));
    }
    cmd.arg(format!("CC={cc}"))
        .args(targets)
        .env_clear()
        .env("LC_ALL", "C")
        .env("TZ", "UTC");
    if let Some(path) = std::env::var_os("PATH") {
        cmd.env("PATH", path);
    }
    cmd
}

/// The kernel toolchain arguments both kernel steps take: what to build for
/// and with. The compiler identity file is what the step's result is keyed
/// on (a build system hashes it into the step's key); a step refuses to run
/// when the compiler it would use is not that one ([`Toolchain::check`]).
#[derive(Clone, Debug, clap::Args)]
pub struct Toolchain {
    /// The kernel architecture (ARCH=): x86_64, arm64.
    #[arg(long)]
    pub arch: String,
    /// The C compiler command (CC=).
    #[arg(long)]
    pub cc: String,
    /// The identity of the compiler this step is keyed on (the output of
    /// `mvirt-kbuild compiler-id --cc CC`).
    #[arg(long, value_name = "FILE")]
    pub compiler_id: PathBuf,
}

/// Errors of asking about the toolchain.
#[derive(Debug, thiserror::Error)]
pub enum ToolchainError {
    #[error("reading the compiler identity")]
    Read(#[source] crate::PinError),
    #[error("cannot run {tool} (is it installed and on PATH?)")]
    Spawn { tool: String, source: io::Error },
    #[error("`{tool} {args}` failed ({status})")]
    Tool {
        tool: String,
        args: String,
        status: String,
    },
    #[error("the compiler changed: this step is keyed on\n{expected}\nbut `{cc}` is\n{actual}\nRegenerate the identity file (mvirt-kbuild compiler-id --cc {cc} -o FILE) so the step is keyed on the compiler it uses.")]
    Changed {
        cc: String,
        expected: String,
        actual: String,
    },
}

impl Toolchain {
    /// Refuses a compiler other than the one the step is keyed on.
    pub fn check(&self) -> Result<(), ToolchainError> {
        let expected = crate::read_text(&self.compiler_id).map_err(ToolchainError::Read)?;
        let actual = compiler_identity(&self.cc)?;
        if expected != actual {
            return Err(ToolchainError::Changed {
                cc: self.cc.clone(),
                expected,
                actual,
            });
        }
        Ok(())
    }
}

fn first_line(tool: &str, args: &[&str]) -> Result<String, ToolchainError> {
    let out = Command::new(tool)
        .args(args)
        .env("LC_ALL", "C")
        .output()
        .map_err(|source| ToolchainError::Spawn {
            tool: tool.into(),
            source,
        })?;
    if !out.status.success() {
        return Err(ToolchainError::Tool {
            tool: tool.into(),
            args: args.join(" "),
            status: out.status.to_string(),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .to_string())
}

/// What the kernel is built with: compiler, assembler/linker and make, one
/// line each. The text is an input of the kernel steps' cache keys.
pub fn compiler_identity(cc: &str) -> Result<String, ToolchainError> {
    // The linker make uses: the compiler's prefix + ld (CROSS_COMPILE).
    let ld = format!("{}ld", cross_prefix(cc));
    Ok(format!(
        "cc: {}\ntarget: {}\nld: {}\nmake: {}\n",
        first_line(cc, &["--version"])?,
        first_line(cc, &["-dumpmachine"])?,
        first_line(&ld, &["--version"])?,
        first_line("make", &["--version"])?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_names_the_compiler() {
        let id = compiler_identity("gcc").unwrap();
        assert!(id.starts_with("cc: gcc"), "{id}");
        assert!(id.contains("\nld: GNU ld"), "{id}");
    }

    #[test]
    fn another_compiler_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let id = dir.path().join("compiler.id");
        std::fs::write(&id, "cc: gcc (Imaginary) 99.1\n").unwrap();
        let tc = Toolchain {
            arch: "x86_64".into(),
            cc: "gcc".into(),
            compiler_id: id.clone(),
        };
        let err = tc.check().unwrap_err().to_string();
        assert!(err.contains("gcc (Imaginary) 99.1"), "{err}");
        std::fs::write(&id, compiler_identity("gcc").unwrap()).unwrap();
        tc.check().unwrap();
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
            cross_prefix("ccache aarch64-linux-gnu-gcc"),
            "aarch64-linux-gnu-"
        );
        // Not a GNU prefix: no CROSS_COMPILE (make would then name `ld`).
        assert_eq!(cross_prefix("clang"), "");
        assert_eq!(cross_prefix("xgcc"), "");
        let args = |cc| {
            let cmd = command(Path::new("/t"), Path::new("/b"), "arm64", cc, &[]);
            cmd.get_args()
                .map(|a| a.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
        };
        assert!(
            args("aarch64-linux-gnu-gcc").contains(&"CROSS_COMPILE=aarch64-linux-gnu-".to_string())
        );
        assert!(!args("gcc").iter().any(|a| a.starts_with("CROSS_COMPILE")));
    }

    #[test]
    fn a_cross_identity_names_the_cross_linker() {
        let id = compiler_identity("aarch64-linux-gnu-gcc").unwrap();
        assert!(id.contains("\ntarget: aarch64-linux-gnu\n"), "{id}");
        assert!(id.contains("\nld: GNU ld"), "{id}");
    }

    /// What the environment holds when make runs: a real make prints it.
    fn make_sees() -> String {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("Makefile"), "show:\n\t@env | sort\n").unwrap();
        let out = command(dir.path(), dir.path(), "x86_64", "gcc", &["show"])
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
    fn the_command_names_arch_and_compiler() {
        let cmd = command(
            Path::new("/t"),
            Path::new("/b"),
            "x86_64",
            "gcc",
            &["tinyconfig"],
        );
        let args: Vec<_> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            args,
            ["-C", "/t", "O=/b", "ARCH=x86_64", "CC=gcc", "tinyconfig"]
        );
    }

    #[test]
    fn the_callers_environment_does_not_reach_make() {
        // Set in this process: what a user's shell or a build daemon passes.
        std::env::set_var("KCONFIG_CONFIG", "/tmp/elsewhere");
        let cmd = command(Path::new("/t"), Path::new("/b"), "x86_64", "gcc", &[]);
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
}
