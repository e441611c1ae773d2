//! `mvirt-kbuild`: the kernel build step.
//!
//! Messages go to stderr, whose failures are ignored. Every file written
//! goes through mvirt-atomic: whole or not at all, and a failure leaves no
//! directory that the run created for it.
//!
//! Every input is a resolved file or value on the command line (the
//! tarball as mvirt-fetch resolved it, the final .config, the kernel
//! tool directory, the epoch): the tool neither reads pins nor its caller's
//! environment for them, and has no default paths.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use kernel_source::kmake::Toolchain;
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
    // The toolchain first: nothing is unpacked for a build that must not run.
    let kmake = args.toolchain.resolve()?;
    if args.ccache && kmake.sandbox.is_some() {
        anyhow::bail!("--ccache runs ccache from this machine, which the sandbox does not hold: build without --sandbox (make SANDBOX=0)");
    }
    let work = workdir(&args)?;
    let tree = args.source.tree(work.path())?;
    let opts = Options {
        kmake,
        jobs: args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
        epoch: args.epoch,
        ccache: args.ccache,
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

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Cmd::Build(args) => build(*args),
    }
}

/// A line on stderr. A closed or full stderr is not worth failing (or
/// panicking, as `eprintln!` would) over: the exit status still tells.
fn note(args: std::fmt::Arguments) {
    let _ = writeln!(io::stderr().lock(), "{args}");
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            note(format_args!("mvirt-kbuild: error: {e:#}"));
            ExitCode::FAILURE
        }
    }
}
