//! `mvirt-kconfig`: the kernel configuration step.

use std::path::PathBuf;
use std::process::{Command, ExitCode};

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use kernel_source::SourceArgs;

#[derive(Parser)]
#[command(
    name = "mvirt-kconfig",
    version,
    about = "tinyconfig + a Kconfig fragment, checked symbol by symbol"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Make the final .config: tinyconfig, the fragment, olddefconfig, then
    /// check that every symbol of the fragment kept its value.
    Generate {
        #[command(flatten)]
        source: Box<SourceArgs>,
        /// The Kconfig fragment.
        #[arg(long, default_value = "kernel/kernel.config")]
        fragment: PathBuf,
        #[arg(long, default_value = "x86_64")]
        arch: String,
        /// Where unpacking and make happen (a fresh directory inside it).
        #[arg(long, env = "TMPDIR", default_value = "/tmp")]
        scratch: PathBuf,
        /// The final .config (written only when the check passes).
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Open menuconfig on the current configuration, then write the
    /// fragment back as a minimal one and show the change.
    Menuconfig {
        #[command(flatten)]
        source: Box<SourceArgs>,
        #[arg(long, default_value = "kernel/kernel.config")]
        fragment: PathBuf,
        /// The current final .config (generated from the fragment if absent).
        #[arg(long, default_value = "target/kernel.config")]
        config: PathBuf,
        #[arg(long, default_value = "x86_64")]
        arch: String,
        #[arg(long, env = "TMPDIR", default_value = "/tmp")]
        scratch: PathBuf,
    },
}

fn scratch_dir(parent: &std::path::Path) -> Result<tempfile::TempDir> {
    std::fs::create_dir_all(parent)?;
    // make runs with -C in the source tree: paths given to it must be absolute.
    let parent = std::path::absolute(parent)?;
    Ok(tempfile::Builder::new()
        .prefix("mvirt-kconfig-")
        .tempdir_in(parent)?)
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Cmd::Generate {
            source,
            fragment,
            arch,
            scratch,
            output,
        } => {
            // A fragment with a syntax error fails before any unpacking.
            mvirt_kconfig::config::read(&fragment, true)?;
            let work = scratch_dir(&scratch)?;
            let tree = source.tree(work.path())?;
            eprintln!(
                "mvirt-kconfig: tinyconfig + {} ({arch})",
                fragment.display()
            );
            let text =
                mvirt_kconfig::generate(&tree.path, &work.path().join("build"), &arch, &fragment)?;
            mvirt_kconfig::write_atomic(&output, text.as_bytes())?;
            let count = mvirt_kconfig::config::read(&fragment, true)?.len();
            eprintln!(
                "mvirt-kconfig: wrote {}: all {count} fragment symbols took effect",
                output.display()
            );
            Ok(())
        }
        Cmd::Menuconfig {
            source,
            fragment,
            config,
            arch,
            scratch,
        } => {
            let work = scratch_dir(&scratch)?;
            let tree = source.tree(work.path())?;
            let build = work.path().join("build");
            let text = match std::fs::read_to_string(&config) {
                Ok(text) => text,
                Err(_) => mvirt_kconfig::generate(&tree.path, &build, &arch, &fragment)?,
            };
            std::fs::create_dir_all(&build)?;
            std::fs::write(build.join(".config"), &text)?;
            let status = Command::new("make")
                .arg("-C")
                .arg(&tree.path)
                .arg(format!("O={}", build.display()))
                .arg(format!("ARCH={arch}"))
                .arg("menuconfig")
                .status()
                .context("running make menuconfig")?;
            if !status.success() {
                bail!("make menuconfig failed ({status}); the fragment is unchanged");
            }
            if std::fs::read_to_string(build.join(".config"))
                .ok()
                .as_deref()
                == Some(&text)
            {
                eprintln!(
                    "mvirt-kconfig: the configuration is unchanged; no change to {}",
                    fragment.display()
                );
                return Ok(());
            }
            eprintln!("mvirt-kconfig: writing a minimal fragment (checked by applying it)");
            let old = std::fs::read_to_string(&fragment)
                .with_context(|| format!("reading {}", fragment.display()))?;
            let new = mvirt_kconfig::minimize(
                &tree.path,
                &work.path().join("min"),
                &arch,
                &build.join(".config"),
                &old,
            )?;
            if new == old {
                eprintln!("mvirt-kconfig: no change to {}", fragment.display());
                return Ok(());
            }
            let before = work.path().join("before");
            std::fs::write(&before, &old)?;
            mvirt_kconfig::write_atomic(&fragment, new.as_bytes())?;
            let _ = Command::new("diff")
                .arg("-u")
                .arg("--label")
                .arg(format!("{} (before)", fragment.display()))
                .arg(&before)
                .arg(&fragment)
                .status();
            eprintln!(
                "mvirt-kconfig: wrote {} (minimal: only what differs from tinyconfig)",
                fragment.display()
            );
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mvirt-kconfig: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
