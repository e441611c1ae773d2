//! `mvirt-cpio`: build, list, verify and extract initramfs archives.
//!
//! Output goes through a locked, buffered stdout and every write is checked:
//! when the reader of a pipe goes away (`mvirt-cpio list x | head -1`) the
//! tool stops quietly with status 0; any other write error (a full disk) is
//! an error, status 1.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use mvirt_cpio::{Compression, Devices, ExtractOptions, Inputs, Listing};

#[derive(Parser)]
#[command(
    name = "mvirt-cpio",
    version,
    about = "Deterministic newc cpio archives from a spec",
    after_help = "Output to a closed pipe ends the command quietly with status 0."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build an archive from a spec (sorted, uid/gid 0, one mtime, no host metadata).
    Build(BuildArgs),
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
    /// Extract into a directory, touching nothing outside it (no symlink is
    /// ever followed; a directory in the way is an error, not deleted).
    Extract {
        archive: PathBuf,
        dest: PathBuf,
        /// Device nodes: `auto` creates them as root and refuses them
        /// otherwise; `create`, `skip` or `refuse` says so explicitly.
        #[arg(long, value_enum, default_value_t = DeviceChoice::Auto)]
        devices: DeviceChoice,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum DeviceChoice {
    Auto,
    Create,
    Skip,
    Refuse,
}

impl DeviceChoice {
    fn policy(self) -> Devices {
        match self {
            DeviceChoice::Auto => Devices::for_this_process(),
            DeviceChoice::Create => Devices::Create,
            DeviceChoice::Skip => Devices::Skip,
            DeviceChoice::Refuse => Devices::Refuse,
        }
    }
}

/// A failed write to stdout, told apart from the command's own errors so
/// that a closed pipe can end the program quietly.
#[derive(Debug, thiserror::Error)]
#[error("writing to standard output")]
struct StdoutError(#[source] io::Error);

/// Locked, buffered stdout whose every write error is a [`StdoutError`].
struct Out(io::BufWriter<io::StdoutLock<'static>>);

impl Out {
    fn new() -> Out {
        Out(io::BufWriter::with_capacity(1 << 16, io::stdout().lock()))
    }

    fn text(&mut self, text: &str) -> Result<(), StdoutError> {
        self.0.write_all(text.as_bytes()).map_err(StdoutError)
    }

    fn line(&mut self, text: &str) -> Result<(), StdoutError> {
        self.text(text)?;
        self.text("\n")
    }

    fn finish(mut self) -> Result<(), StdoutError> {
        self.0.flush().map_err(StdoutError)
    }
}

/// A message on stderr; a failure to write it is not worth failing for.
fn note(text: &str) {
    let _ = writeln!(io::stderr().lock(), "mvirt-cpio: {text}");
}

/// `list --json`: the same pretty JSON array as serializing the whole
/// list, written one entry at a time.
fn list_json(out: &mut Out, entries: mvirt_cpio::Entries) -> Result<()> {
    let mut first = true;
    for entry in entries {
        let entry: Listing = entry?;
        let text = serde_json::to_string_pretty(&entry)?.replace('\n', "\n  ");
        out.text(if first { "[\n  " } else { ",\n  " })?;
        out.text(&text)?;
        first = false;
    }
    out.line(if first { "[]" } else { "\n]" })?;
    Ok(())
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

#[derive(Args)]
struct BuildArgs {
    /// The TOML spec of what goes where (relative sources resolve against its directory).
    #[arg(long)]
    spec: PathBuf,
    /// Bind a spec source `@NAME` to a file: --input pideins=target/pideins.
    #[arg(long = "input", value_name = "NAME=PATH")]
    inputs: Vec<String>,
    /// Leave out the entry of an `optional = true` input: --omit cloud-hypervisor.
    #[arg(long = "omit", value_name = "NAME")]
    omits: Vec<String>,
    /// mtime of every entry (seconds since the epoch): the caller's
    /// SOURCE_DATE_EPOCH, passed explicitly; the tool reads no environment.
    #[arg(long)]
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
}

fn build(args: BuildArgs) -> Result<bool> {
    let inputs = parse_inputs(&args.inputs, &args.omits)?;
    let name = args
        .compress
        .as_deref()
        .unwrap_or_else(|| Compression::name_for_path(&args.output));
    let compression = Compression::from_name(name, args.level).map_err(anyhow::Error::msg)?;
    let count = mvirt_cpio::build(&args.spec, &inputs, args.mtime, compression, &args.output)?;
    note(&format!(
        "wrote {} ({count} entries, {name})",
        args.output.display()
    ));
    Ok(true)
}

fn list(archive: &Path, json: bool) -> Result<bool> {
    let entries = mvirt_cpio::entries(archive)?;
    let mut out = Out::new();
    let listed = if json {
        list_json(&mut out, entries)
    } else {
        entries.into_iter().try_for_each(|entry| {
            out.line(&entry?.long_line())?;
            Ok(())
        })
    };
    // What was listed before a broken record is still shown.
    out.finish()?;
    listed.map(|()| true)
}

fn verify(archive: &Path, json: bool) -> Result<bool> {
    let verdict = mvirt_cpio::verify(archive)?;
    let mut out = Out::new();
    let name = archive.display();
    if json {
        out.line(&serde_json::to_string_pretty(&verdict)?)?;
    } else if verdict.ok() {
        out.line(&format!("{name}: OK, {} entries", verdict.entries))?;
    } else {
        for problem in &verdict.problems {
            out.line(&format!("{name}: {problem}"))?;
        }
        if verdict.problems_omitted > 0 {
            let more = verdict.problems_omitted;
            out.line(&format!("{name}: ... and {more} more problems"))?;
        }
    }
    out.finish()?;
    Ok(verdict.ok())
}

fn extract(archive: &Path, dest: &Path, devices: DeviceChoice) -> Result<bool> {
    let options = ExtractOptions {
        devices: devices.policy(),
    };
    let done = mvirt_cpio::extract(archive, dest, &options)
        .with_context(|| format!("extracting into {}", dest.display()))?;
    let skipped = match done.skipped_devices {
        0 => String::new(),
        n => format!(" ({n} device nodes skipped)"),
    };
    note(&format!(
        "extracted {} entries into {}{skipped}",
        done.entries,
        dest.display()
    ));
    Ok(true)
}

fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Build(args) => build(args),
        Command::List { archive, json } => list(&archive, json),
        Command::Verify { archive, json } => verify(&archive, json),
        Command::Extract {
            archive,
            dest,
            devices,
        } => extract(&archive, &dest, devices),
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => match e.downcast_ref::<StdoutError>() {
            // The reader is gone (`| head`): nothing left to say to it.
            Some(StdoutError(io)) if io.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            _ => {
                note(&format!("error: {e:#}"));
                ExitCode::FAILURE
            }
        },
    }
}
