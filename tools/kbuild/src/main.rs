//! `mvirt-kbuild`: the kernel build step.

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
                let expected = std::fs::read_to_string(file)
                    .with_context(|| format!("reading {}", file.display()))?;
                let actual = compiler_identity(&cc)?;
                if expected != actual {
                    return Err(BuildError::CompilerChanged { expected, actual }.into());
                }
            }
            // make runs with -C in the source tree: paths given to it must be absolute.
            std::fs::create_dir_all(&scratch)?;
            let scratch = std::path::absolute(&scratch)?;
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
            eprintln!(
                "mvirt-kbuild: {} → {}/bzImage, System.map, kernel.release",
                products.release,
                out_dir.display()
            );
            Ok(())
        }
        Cmd::Source { source } => {
            if source.source_cache.is_none() {
                anyhow::bail!("give --source-cache DIR: the tree is kept there");
            }
            let tree = source.tree(&std::env::temp_dir())?;
            println!("{}", tree.path.display());
            Ok(())
        }
        Cmd::Tarball { source, output } => {
            std::fs::create_dir_all(&source.downloads)?;
            let (pin, tarball) = source.resolve_tarball()?;
            mvirt_atomic::copy(&tarball, &output, 0o644).with_context(|| {
                format!("copying {} to {}", tarball.display(), output.display())
            })?;
            eprintln!(
                "mvirt-kbuild: {} ({}, sha256 {}) → {}",
                pin.version,
                tarball.display(),
                pin.sha256,
                output.display()
            );
            Ok(())
        }
        Cmd::CompilerId { cc, output } => {
            let id = compiler_identity(&cc)?;
            match output {
                None => print!("{id}"),
                Some(path) => {
                    if std::fs::read_to_string(&path).ok().as_deref() != Some(id.as_str()) {
                        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                            std::fs::create_dir_all(dir)?;
                        }
                        let tmp = path.with_extension("tmp");
                        std::fs::write(&tmp, &id)?;
                        std::fs::rename(&tmp, &path)?;
                    }
                }
            }
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mvirt-kbuild: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
