//! `mvirt-kbuild`: the kernel build step.
//!
//! Standard output carries only what `source` and `compiler-id` (without
//! `-o`) print, written through [`stdout`]: when the reader has gone
//! (EPIPE, `| head`) the program ends quietly with status 0; any other
//! write error (a full disk) is an error, status 1. Messages go to stderr,
//! whose failures are ignored. Every file written goes through
//! mvirt-atomic: whole or not at all, and a failure leaves no directory
//! that the run created for it.

use std::io::{self, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use kernel_source::SourceArgs;
use mvirt_kbuild::{compiler_identity, BuildError, Options};

#[derive(Parser)]
#[command(
    name = "mvirt-kbuild",
    version,
    about = "Reproducible out-of-tree kernel build: bzImage, System.map, release"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Build bzImage from the pinned source and a final .config.
    Build {
        #[command(flatten)]
        source: Box<SourceArgs>,
        /// The final .config (from mvirt-kconfig generate).
        #[arg(long, default_value = "target/kernel.config")]
        config: PathBuf,
        /// The compiler identity this build is keyed on (from `compiler-id`);
        /// the build refuses to run with a different compiler.
        #[arg(long)]
        compiler_id: Option<PathBuf>,
        /// Where bzImage, System.map and kernel.release go.
        #[arg(long, default_value = "target")]
        out_dir: PathBuf,
        /// Parallel jobs (default: the number of CPUs).
        #[arg(long, short)]
        jobs: Option<usize>,
        #[arg(long, default_value = "x86_64")]
        arch: String,
        /// The C compiler.
        #[arg(long, default_value = "gcc")]
        cc: String,
        /// The build's timestamp (seconds since the epoch).
        #[arg(long, env = "SOURCE_DATE_EPOCH")]
        epoch: i64,
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
        /// Where unpacking and compiling happen (a fresh directory inside it).
        #[arg(long, env = "TMPDIR", default_value = "/tmp")]
        scratch: PathBuf,
    },
    /// Verify and unpack the pinned source into --source-cache; print the tree's path.
    Source {
        #[command(flatten)]
        source: Box<SourceArgs>,
    },
    /// Copy the verified tarball of the pinned version to OUTPUT (a build
    /// system's input: buck2 hands it to the config and build actions).
    Tarball {
        #[command(flatten)]
        source: Box<SourceArgs>,
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Print the compiler identity (an input of the build's cache key).
    CompilerId {
        #[arg(long, default_value = "gcc")]
        cc: String,
        /// Write it here, leaving the file untouched when it is unchanged
        /// (so that make sees a change only when the compiler changes).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Cmd::Build {
            source,
            config,
            compiler_id,
            out_dir,
            jobs,
            arch,
            cc,
            epoch,
            ccache,
            keep_tree,
            scratch,
        } => {
            if let Some(file) = &compiler_id {
                let expected =
                    kernel_source::read_text(file).context("reading the --compiler-id file")?;
                let actual = compiler_identity(&cc)?;
                if expected != actual {
                    return Err(BuildError::CompilerChanged { expected, actual }.into());
                }
            }
            // make runs with -C in the source tree: paths given to it must be absolute.
            std::fs::create_dir_all(&scratch)
                .with_context(|| format!("creating the scratch directory {}", scratch.display()))?;
            let scratch = std::path::absolute(&scratch)
                .with_context(|| format!("resolving {}", scratch.display()))?;
            let work = if let Some(dir) = &keep_tree {
                if source.source_cache.is_none() && source.source_dir.is_none() {
                    anyhow::bail!(
                        "--keep-tree needs --source-cache (or --source-dir): a freshly unpacked source tree would change every path and rebuild everything"
                    );
                }
                mvirt_kbuild::Workdir::kept(dir)?
            } else if ccache {
                // ccache keys include the -ffile-prefix-map flags, which name
                // the build directory: a fixed directory (emptied, locked)
                // keeps them equal from one build to the next.
                let uid = rustix::process::getuid().as_raw();
                mvirt_kbuild::Workdir::fixed(&scratch.join(format!("mvirt-kbuild-ccache-{uid}")))?
            } else {
                mvirt_kbuild::Workdir::scratch(&scratch)?
            };
            let tree = source.tree(work.path())?;
            let opts = Options {
                arch,
                jobs: jobs
                    .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
                epoch,
                ccache,
                cc,
            };
            let products =
                mvirt_kbuild::build(&tree.path, &work.path().join("build"), &config, &opts)?;
            mvirt_kbuild::install(&products, &out_dir)?;
            note(format_args!(
                "mvirt-kbuild: {} → {}/bzImage, System.map, kernel.release",
                products.release,
                out_dir.display()
            ));
            Ok(())
        }
        Cmd::Source { source } => {
            if source.source_cache.is_none() {
                anyhow::bail!("give --source-cache DIR: the tree is kept there");
            }
            let tree = source.tree(&std::env::temp_dir())?;
            let mut line = tree.path.as_os_str().as_bytes().to_vec();
            line.push(b'\n');
            stdout(&line)
        }
        Cmd::Tarball { source, output } => {
            // The downloads directory is made only when a download happens,
            // and after a success: Buck2 declares it as an output of this
            // step, so it must exist then, even when nothing was downloaded.
            let (pin, tarball) = source.resolve_tarball()?;
            kernel_source::copy_tarball(&pin, &tarball, &output)?;
            std::fs::create_dir_all(&source.downloads)
                .with_context(|| format!("creating {}", source.downloads.display()))?;
            note(format_args!(
                "mvirt-kbuild: {} ({}, sha256 {}) → {}",
                pin.version,
                tarball.display(),
                pin.sha256,
                output.display()
            ));
            Ok(())
        }
        Cmd::CompilerId { cc, output } => {
            let id = compiler_identity(&cc)?;
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
