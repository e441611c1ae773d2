//! `mvirt-cpio`: build, list, verify and extract initramfs archives.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use mvirt_cpio::{Compression, Inputs};

#[derive(Parser)]
#[command(
    name = "mvirt-cpio",
    version,
    about = "Deterministic newc cpio archives from a spec"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build an archive from a spec (sorted, uid/gid 0, one mtime, no host metadata).
    Build {
        /// The TOML spec of what goes where (relative sources resolve against its directory).
        #[arg(long)]
        spec: PathBuf,
        /// Bind a spec source `@NAME` to a file: --input pideins=target/pideins.
        #[arg(long = "input", value_name = "NAME=PATH")]
        inputs: Vec<String>,
        /// Leave out the entry of an `optional = true` input: --omit cloud-hypervisor.
        #[arg(long = "omit", value_name = "NAME")]
        omits: Vec<String>,
        /// mtime of every entry (seconds since the epoch).
        #[arg(long, env = "SOURCE_DATE_EPOCH", default_value_t = 0)]
        mtime: u32,
        /// gzip, zstd or none; by default taken from the output's extension.
        #[arg(long)]
        compress: Option<String>,
        /// Compression level (gzip 1-9, default 9; zstd 1-22, default 19).
        #[arg(long)]
        level: Option<i32>,
        /// The archive to write (atomically: nothing is left on failure).
        #[arg(long, short)]
        output: PathBuf,
    },
    /// List the entries, like `lsinitramfs -l`.
    List {
        archive: PathBuf,
        /// One JSON array instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Check the archive's structure and names; exit 1 on any problem.
    Verify {
        archive: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Extract into a directory, refusing entries that would escape it.
    Extract { archive: PathBuf, dest: PathBuf },
}

fn parse_inputs(inputs: &[String], omits: &[String]) -> Result<Inputs> {
    let mut out = Inputs::default();
    for input in inputs {
        let Some((name, path)) = input.split_once('=') else {
            bail!("--input {input:?}: expected NAME=PATH");
        };
        if name.is_empty() || path.is_empty() {
            bail!("--input {input:?}: expected NAME=PATH with both parts");
        }
        if out.bound.insert(name.into(), path.into()).is_some() {
            bail!("--input {name}: given twice");
        }
    }
    for name in omits {
        if out.bound.contains_key(name) {
            bail!("--omit {name}: it is also bound with --input");
        }
        out.omitted.insert(name.clone());
    }
    Ok(out)
}

fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Build {
            spec,
            inputs,
            omits,
            mtime,
            compress,
            level,
            output,
        } => {
            let inputs = parse_inputs(&inputs, &omits)?;
            let name = compress
                .as_deref()
                .unwrap_or_else(|| Compression::name_for_path(&output));
            let compression = Compression::from_name(name, level).map_err(anyhow::Error::msg)?;
            let count = mvirt_cpio::build(&spec, &inputs, mtime, compression, &output)?;
            eprintln!(
                "mvirt-cpio: wrote {} ({count} entries, {name})",
                output.display()
            );
            Ok(true)
        }
        Command::List { archive, json } => {
            let entries = mvirt_cpio::list(&archive)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&entries)?);
            } else {
                for entry in &entries {
                    println!("{}", entry.long_line());
                }
            }
            Ok(true)
        }
        Command::Verify { archive, json } => {
            let verdict = mvirt_cpio::verify(&archive)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&verdict)?);
            } else if verdict.problems.is_empty() {
                println!("{}: OK, {} entries", archive.display(), verdict.entries);
            } else {
                for problem in &verdict.problems {
                    println!("{}: {problem}", archive.display());
                }
            }
            Ok(verdict.problems.is_empty())
        }
        Command::Extract { archive, dest } => {
            let count = mvirt_cpio::extract(&archive, &dest)
                .with_context(|| format!("extracting into {}", dest.display()))?;
            eprintln!(
                "mvirt-cpio: extracted {count} entries into {}",
                dest.display()
            );
            Ok(true)
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("mvirt-cpio: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
