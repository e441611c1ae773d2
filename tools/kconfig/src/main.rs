//! `mvirt-kconfig`: the kernel configuration step.
//!
//! The configuration is tinyconfig + one or more Kconfig fragments, each
//! given with its own `--fragment FILE`, applied in the order given (e.g.
//! the common kernel/kernel.config, then kernel/x86_64.config). A symbol
//! belongs to one fragment: one set in two is an error, never an override.
//! `menuconfig` writes back the last fragment only.
//!
//! Standard output carries only `menuconfig`'s diff of the last fragment,
//! written through [`stdout`]: when the reader has gone (EPIPE) the program
//! ends quietly with status 0; any other write error (a full disk) is an
//! error, status 1 (the fragment itself is written by then). Messages go
//! to stderr, whose failures are ignored. Outputs are written through
//! mvirt-atomic: whole or not at all, with no directory left behind that a
//! failed run created for them.
//!
//! Every input is a resolved file or value on the command line (the
//! tarball as mvirt-fetch resolved it, the fragments, the toolchain): no
//! pins, no defaults, nothing read from the caller's environment.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use kernel_source::kmake::{Kmake, Toolchain};
use kernel_source::{PinError, SourceArgs};
use mvirt_kconfig::Kernel;

#[derive(Parser)]
#[command(
    name = "mvirt-kconfig",
    version,
    about = "tinyconfig + Kconfig fragments, applied in order, checked symbol by symbol"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

/// What both subcommands work on: the source, the toolchain Kconfig asks,
/// the fragments and a scratch directory.
#[derive(clap::Args)]
struct Common {
    #[command(flatten)]
    source: SourceArgs,
    #[command(flatten)]
    toolchain: Toolchain,
    /// A Kconfig fragment; repeat the flag for several, applied in the order
    /// given (e.g. --fragment kernel/kernel.config --fragment
    /// kernel/x86_64.config). A symbol may be set in one fragment only.
    #[arg(long = "fragment", value_name = "FILE", required = true)]
    fragments: Vec<PathBuf>,
    /// Where unpacking and make happen (a fresh directory inside it).
    #[arg(long)]
    scratch: PathBuf,
}

#[derive(Subcommand)]
enum Cmd {
    /// Make the final .config: tinyconfig, the fragments in order,
    /// olddefconfig, then check that every symbol of every fragment kept its
    /// value.
    Generate {
        #[command(flatten)]
        common: Common,
        /// The final .config (written only when the check passes).
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Open menuconfig on the current configuration, then write the last
    /// fragment back as a minimal one over tinyconfig + the earlier
    /// fragments, and show the change. A change to a symbol that an earlier
    /// fragment sets is refused: edit that file by hand.
    Menuconfig {
        #[command(flatten)]
        common: Common,
        /// The current final .config (generated from the fragments if absent).
        #[arg(long)]
        config: PathBuf,
    },
}

fn scratch_dir(parent: &Path) -> Result<tempfile::TempDir> {
    std::fs::create_dir_all(parent)
        .with_context(|| format!("creating the scratch directory {}", parent.display()))?;
    // make runs with -C in the source tree: paths given to it must be absolute.
    let parent =
        std::path::absolute(parent).with_context(|| format!("resolving {}", parent.display()))?;
    tempfile::Builder::new()
        .prefix("mvirt-kconfig-")
        .tempdir_in(&parent)
        .with_context(|| format!("creating a scratch directory in {}", parent.display()))
}

/// The scratch directory and the unpacked tree, once the compiler is known
/// to be the declared one (nothing is unpacked for a step that must not run).
fn unpack(common: &Common) -> Result<(tempfile::TempDir, kernel_source::Tree, Kmake)> {
    let kmake = common.toolchain.resolve()?;
    let work = scratch_dir(&common.scratch)?;
    let tree = common.source.tree(work.path())?;
    Ok((work, tree, kmake))
}

/// The files joined with " + ", for messages.
fn names(files: &[PathBuf]) -> String {
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    names.join(" + ")
}

fn generate(common: Common, output: PathBuf) -> Result<()> {
    // A syntax error in any fragment, or a symbol set in two, fails before
    // anything else.
    let fragments = mvirt_kconfig::read_fragments(&common.fragments)?;
    let count: usize = fragments.iter().map(|f| f.lines.len()).sum();
    let (work, tree, kmake) = unpack(&common)?;
    let arch = &kmake.arch;
    note(format_args!(
        "mvirt-kconfig: tinyconfig + {} ({arch})",
        names(&common.fragments)
    ));
    let kernel = Kernel {
        tree: &tree.path,
        kmake: &kmake,
    };
    let text = mvirt_kconfig::generate(&kernel, &work.path().join("build"), &fragments)?;
    mvirt_kconfig::write_atomic(&output, text.as_bytes())?;
    note(format_args!(
        "mvirt-kconfig: wrote {}: all {count} fragment symbols took effect",
        output.display()
    ));
    Ok(())
}

/// The current configuration: the file, or the fragments' when it is absent.
fn current_config(
    kernel: &Kernel,
    build: &Path,
    config: &Path,
    fragments: &[PathBuf],
) -> Result<String> {
    match kernel_source::read_text(config) {
        Ok(text) => Ok(text),
        Err(PinError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            let fragments = mvirt_kconfig::read_fragments(fragments)?;
            Ok(mvirt_kconfig::generate(kernel, build, &fragments)?)
        }
        Err(e) => Err(e).context("reading the current configuration (--config)"),
    }
}

/// Runs menuconfig on `text` in `build`; the saved .config, or None when
/// nothing changed.
fn edit(kernel: &Kernel, build: &Path, text: &str) -> Result<Option<PathBuf>> {
    std::fs::create_dir_all(build).with_context(|| format!("creating {}", build.display()))?;
    let dot_config = build.join(".config");
    std::fs::write(&dot_config, text)
        .with_context(|| format!("writing {}", dot_config.display()))?;
    // menuconfig draws on the terminal; make says nothing else there. It
    // is the one make that needs to know the terminal: kmake passes no
    // caller variable, so the terminal's are passed here.
    // An interactive editor, not a build step: it runs the machine's make
    // and compiler (mconf needs the machine's ncurses), and what it saves
    // is minimized and applied by the pinned toolchain (generate).
    let host = Kmake::host(&kernel.kmake.arch, &kernel.kmake.cc);
    let mut make = host.command(kernel.tree, build, &[]);
    for var in ["TERM", "TERMINFO", "COLUMNS", "LINES", "MENUCONFIG_COLOR"] {
        if let Some(value) = std::env::var_os(var) {
            make.env(var, value);
        }
    }
    let status = make
        .arg("--no-print-directory")
        .arg("menuconfig")
        .status()
        .context("running make menuconfig")?;
    if !status.success() {
        bail!("make menuconfig failed ({status}); the fragment is unchanged");
    }
    let saved = std::fs::read_to_string(&dot_config).ok();
    if saved.as_deref() == Some(text) {
        return Ok(None);
    }
    // The machine's make recomputed the symbols that describe the
    // toolchain (RUSTC_VERSION, PAHOLE_VERSION, CC_CAN_LINK, …: no prompt,
    // a probe of whatever it found). The pinned toolchain recomputes them
    // again, in a build directory of its own, so that only the person's
    // choices differ from the pinned configuration.
    let applied = build.with_file_name("applied");
    std::fs::create_dir_all(&applied).with_context(|| format!("creating {}", applied.display()))?;
    std::fs::copy(&dot_config, applied.join(".config"))
        .with_context(|| format!("copying {}", dot_config.display()))?;
    kernel.make(&applied, &["olddefconfig"])?;
    let applied = applied.join(".config");
    let now = std::fs::read_to_string(&applied).ok();
    Ok((now.as_deref() != Some(text)).then_some(applied))
}

fn menuconfig(common: Common, config: PathBuf) -> Result<()> {
    let Some((fragment, earlier)) = common.fragments.split_last() else {
        bail!("no --fragment given");
    };
    // The earlier fragments are the base the last one is minimized over: a
    // syntax error there fails before anything else. (The last one is read
    // leniently, as the text to rewrite, as with a single fragment.)
    let earlier = mvirt_kconfig::read_fragments(earlier)?;
    let (work, tree, kmake) = unpack(&common)?;
    let kernel = Kernel {
        tree: &tree.path,
        kmake: &kmake,
    };
    let build = work.path().join("build");
    let text = current_config(&kernel, &build, &config, &common.fragments)?;
    let Some(saved) = edit(&kernel, &build, &text)? else {
        note(format_args!(
            "mvirt-kconfig: the configuration is unchanged; no change to {}",
            fragment.display()
        ));
        return Ok(());
    };
    note(format_args!(
        "mvirt-kconfig: writing a minimal fragment (checked by applying it)"
    ));
    let old = kernel_source::read_text(fragment).context("reading the fragment")?;
    let new = mvirt_kconfig::minimize(&kernel, &work.path().join("min"), &saved, &earlier, &old)?;
    if new == old {
        note(format_args!(
            "mvirt-kconfig: no change to {}",
            fragment.display()
        ));
        return Ok(());
    }
    let before = work.path().join("before");
    std::fs::write(&before, &old).with_context(|| format!("writing {}", before.display()))?;
    mvirt_kconfig::write_atomic(fragment, new.as_bytes())?;
    let mut base = vec![PathBuf::from("tinyconfig")];
    base.extend(earlier.iter().map(|f| f.path.clone()));
    note(format_args!(
        "mvirt-kconfig: wrote {} (minimal: only what differs from {})",
        fragment.display(),
        names(&base)
    ));
    show_diff(&before, fragment)
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Cmd::Generate { common, output } => generate(common, output),
        Cmd::Menuconfig { common, config } => menuconfig(common, config),
    }
}

/// Shows the fragment's change as `diff -u` on stdout. diff's output is
/// captured and written here, so that a closed or full stdout is handled
/// as every other write to it is.
fn show_diff(before: &Path, fragment: &Path) -> Result<()> {
    let diff = Command::new("diff")
        .arg("-u")
        .arg("--label")
        .arg(format!("{} (before)", fragment.display()))
        .arg("--label")
        .arg(fragment)
        .arg(before)
        .arg(fragment)
        .output();
    match diff {
        // 0: no difference, 1: differences; 2 is trouble, told on stderr.
        Ok(out) if matches!(out.status.code(), Some(0 | 1)) => stdout(&out.stdout),
        Ok(out) => {
            note(format_args!(
                "mvirt-kconfig: diff failed ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ));
            Ok(())
        }
        Err(e) => {
            note(format_args!(
                "mvirt-kconfig: cannot run diff to show the change: {e}"
            ));
            Ok(())
        }
    }
}

/// A failed write to stdout, told apart from the command's own errors so
/// that a closed pipe can end the program quietly.
#[derive(Debug, thiserror::Error)]
#[error("writing to standard output")]
struct StdoutError(#[source] io::Error);

/// Writes `bytes` to stdout through its lock, flushed, every error checked.
fn stdout(bytes: &[u8]) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| StdoutError(e).into())
}

/// A line on stderr. A closed or full stderr is not worth failing (or
/// panicking, as `eprintln!` would) over: the exit status still tells.
fn note(args: std::fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "{args}");
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => match e.downcast_ref::<StdoutError>() {
            // The reader is gone (`| head`): nothing left to say to it.
            Some(StdoutError(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            _ => {
                note(format_args!("mvirt-kconfig: error: {e:#}"));
                ExitCode::FAILURE
            }
        },
    }
}
