//! `mvirt-kbuild`: the kernel build step.
//!
//! Standard output carries only what `compiler-id` (without `-o`) prints,
//! written through [`stdout`]: when the reader has gone (EPIPE, `| head`)
//! the program ends quietly with status 0; any other write error (a full
//! disk) is an error, status 1. Messages go to stderr, whose failures are
//! ignored. Every file written goes through mvirt-atomic: whole or not at
//! all, and a failure leaves no directory that the run created for it.
//!
//! Every input is a resolved file or value on the command line (the
//! tarball as mvirt-fetch resolved it, the final .config, the compiler
//! identity, the epoch): the tool neither reads pins nor its caller's
//! environment for them, and has no default paths.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use kernel_source::kmake::{compiler_identity, Toolchain};
use kernel_source::SourceArgs;
use mvirt_kbuild::Options;

#[derive(Parser)]
#[command(
    name = "mvirt-kbuild",
    version,
    about = "Reproducible out-of-tree kernel build: bzImage/Image, System.map, release"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(clap::Args)]
struct BuildArgs {
    #[command(flatten)]
    source: SourceArgs,
    #[command(flatten)]
    toolchain: Toolchain,
    /// The final .config (from mvirt-kconfig generate).
    #[arg(long)]
    config: PathBuf,
    /// The build's timestamp (seconds since the epoch): KBUILD_BUILD_TIMESTAMP.
    #[arg(long)]
    epoch: i64,
    /// Where unpacking and compiling happen (a fresh directory inside it).
    #[arg(long)]
    scratch: PathBuf,
    /// Where the image (bzImage on x86_64, Image on arm64), System.map and
    /// kernel.release go.
    #[arg(long)]
    out_dir: PathBuf,
    /// Parallel jobs (default: the number of CPUs).
    #[arg(long, short)]
    jobs: Option<usize>,
    /// Use ccache (local builds only: a one-option change rebuilds fast).
    /// The build then runs in a fixed directory under --scratch,
    /// mvirt-kbuild-ccache-UID, so that ccache's keys repeat.
    #[arg(long)]
    ccache: bool,
    /// Build in DIR and keep it for the next build: the kernel's own
    /// dependency tracking then recompiles only what a change touches
    /// (local builds only; needs --source-cache so the source path stays).
    #[arg(long, value_name = "DIR")]
    keep_tree: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Build the kernel image from a source tarball and a final .config.
    Build(Box<BuildArgs>),
    /// Print the compiler identity (an input of the kernel steps' cache keys).
    CompilerId {
        /// The C compiler command.
        #[arg(long)]
        cc: String,
        /// Write it here, leaving the file untouched when it is unchanged
        /// (so that make sees a change only when the compiler changes).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

/// Where the build happens: a kept tree, a fixed directory for ccache, or a
/// fresh scratch directory (the default: builds never collide).
fn workdir(args: &BuildArgs) -> Result<mvirt_kbuild::Workdir> {
    // make runs with -C in the source tree: paths given to it must be absolute.
    let scratch = &args.scratch;
    std::fs::create_dir_all(scratch)
        .with_context(|| format!("creating the scratch directory {}", scratch.display()))?;
    let scratch =
        std::path::absolute(scratch).with_context(|| format!("resolving {}", scratch.display()))?;
    if let Some(dir) = &args.keep_tree {
        if args.source.source_cache.is_none() {
            anyhow::bail!(
                "--keep-tree needs --source-cache: a freshly unpacked source tree would change every path and rebuild everything"
            );
        }
        return Ok(mvirt_kbuild::Workdir::kept(dir)?);
    }
    if args.ccache {
        // ccache keys include the -ffile-prefix-map flags, which name the
        // build directory: a fixed directory (emptied, locked) keeps them
        // equal from one build to the next.
        let uid = rustix::process::getuid().as_raw();
        return Ok(mvirt_kbuild::Workdir::fixed(
            &scratch.join(format!("mvirt-kbuild-ccache-{uid}")),
        )?);
    }
    Ok(mvirt_kbuild::Workdir::scratch(&scratch)?)
}

fn build(args: BuildArgs) -> Result<()> {
    // The compiler first: nothing is unpacked for a build that must not run.
    args.toolchain.check()?;
    let work = workdir(&args)?;
    let tree = args.source.tree(work.path())?;
    let opts = Options {
        arch: args.toolchain.arch.clone(),
        jobs: args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        epoch: args.epoch,
        ccache: args.ccache,
        cc: args.toolchain.cc.clone(),
    };
    let products =
        mvirt_kbuild::build(&tree.path, &work.path().join("build"), &args.config, &opts)?;
    mvirt_kbuild::install(&products, &args.out_dir)?;
    note(format_args!(
        "mvirt-kbuild: {} → {}/{}, System.map, kernel.release",
        products.release,
        args.out_dir.display(),
        products.image_name
    ));
    Ok(())
}

fn compiler_id(cc: &str, output: Option<PathBuf>) -> Result<()> {
    let id = compiler_identity(cc)?;
    match output {
        None => stdout(id.as_bytes()),
        Some(path) => {
            // Unchanged: untouched, so that make sees no change.
            if kernel_source::read_text(&path).ok().as_deref() != Some(id.as_str()) {
                mvirt_atomic::write(&path, id.as_bytes(), 0o644)
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            Ok(())
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Cmd::Build(args) => build(*args),
        Cmd::CompilerId { cc, output } => compiler_id(&cc, output),
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
                note(format_args!("mvirt-kbuild: error: {e:#}"));
                ExitCode::FAILURE
            }
        },
    }
}
