//! `mvirt-fetch`: resolve a pinned binary for the image — the pinned
//! download (checked by sha256), or an explicit local stand-in.
//!
//! It writes nothing to stdout (clap's `--help`/`--version` ignore a closed
//! one and exit 0). Messages and errors go to stderr; a closed stderr loses
//! them but changes no exit status: 0 on success, 1 on any error.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use mvirt_fetch::{resolve, seed, Cas, Fetch, FilePin, PinError, Resolved, Seeded};

#[derive(Parser)]
#[command(
    name = "mvirt-fetch",
    version,
    about = "Resolve a pinned file: from its local path, the download cache, a shared CAS or its URLs; or an explicit local file",
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    fetch: Args,
}

#[derive(Subcommand)]
enum Command {
    /// Put pinned files into a shared CAS (unless it holds them), taking each
    /// from its local path, the download cache or its URLs.
    Seed {
        #[command(flatten)]
        cas: CasArgs,
        /// Download cache, for pins that must be downloaded first.
        #[arg(long)]
        downloads: Option<PathBuf>,
        /// The pins.
        #[arg(required = true)]
        pins: Vec<PathBuf>,
    },
}

#[derive(clap::Args)]
struct Args {
    /// The pin (name, version, sha256, size; `path` and/or `url`/`urls`).
    #[arg(long, required = true)]
    pin: Option<PathBuf>,
    /// A local regular file to use instead of the pinned one (printed with
    /// the sha256 of the bytes written).
    #[arg(long)]
    local: Option<PathBuf>,
    /// Download cache, created only when a download is needed. Without it a
    /// download goes straight to --output, uncached.
    #[arg(long)]
    downloads: Option<PathBuf>,
    /// Where the resolved file goes (rewritten only when its content changes).
    #[arg(long, short, required = true)]
    output: Option<PathBuf>,
    /// The output's permission bits, in octal (755 for a program, 644 for data).
    #[arg(long, value_parser = parse_mode, default_value = "755")]
    mode: u32,
    #[command(flatten)]
    cas: CasArgs,
}

#[derive(clap::Args)]
struct CasArgs {
    /// A Remote Execution API cache (grpc://HOST:PORT, docs/cache.md) to
    /// ask for the file by sha256 and size before any URL.
    #[arg(long, value_name = "ENDPOINT")]
    cas: Option<String>,
    /// The cache's instance name (mvirt-cache and .buckconfig use `main`).
    #[arg(long, default_value = "main", value_name = "NAME")]
    cas_instance: String,
}

impl CasArgs {
    fn open(&self) -> Result<Option<Cas>> {
        let Some(endpoint) = &self.cas else {
            return Ok(None);
        };
        Ok(Some(Cas::new(endpoint, &self.cas_instance)?))
    }
}

fn parse_mode(text: &str) -> Result<u32, String> {
    match u32::from_str_radix(text, 8) {
        Ok(mode) if mode <= 0o777 => Ok(mode),
        _ => Err(format!(
            "{text:?} is not a permission mode: three octal digits, e.g. 755 or 644"
        )),
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Some(Command::Seed {
            cas,
            downloads,
            pins,
        }) => seed_all(&cas, downloads.as_deref(), &pins),
        None => fetch(cli.fetch),
    }
}

fn fetch(args: Args) -> Result<()> {
    let (pin_file, output) = (
        args.pin.unwrap_or_default(),
        args.output.unwrap_or_default(),
    );
    let pin = FilePin::load(&pin_file)?;
    let cas = args.cas.open()?;
    let request = Fetch {
        pin: &pin,
        local: args.local.as_deref(),
        downloads: args.downloads.as_deref(),
        output: &output,
        mode: args.mode,
        cas: cas.as_ref(),
    };
    match resolve(&request) {
        Ok(Resolved::Local { sha256 }) => {
            note(&format!(
                "mvirt-fetch: {}: using the local file {} (sha256 {sha256}) instead of the pinned {} release",
                pin.name,
                args.local.unwrap_or_default().display(),
                pin.version
            ));
            Ok(())
        }
        Ok(_) => Ok(()),
        Err(e @ PinError::NoSha256 { .. }) => {
            bail!("{}: {e} {}", pin_file.display(), offline_hint(&pin.name))
        }
        Err(e @ PinError::NoSource { .. }) if pin.urls().next().is_some() => {
            bail!("{}: {e}\n{}", pin_file.display(), offline_hint(&pin.name))
        }
        Err(e @ PinError::NoSource { .. }) => bail!("{}: {e}", pin_file.display()),
        Err(e) => Err(e.into()),
    }
}

/// Seeds every pin, going on past failures; fails if any failed.
fn seed_all(cas: &CasArgs, downloads: Option<&Path>, pins: &[PathBuf]) -> Result<()> {
    let cas = cas.open()?.context("seed needs --cas grpc://HOST:PORT")?;
    let mut failed = 0;
    for pin_file in pins {
        let result = FilePin::load(pin_file)
            .and_then(|pin| seed(&pin, &cas, downloads).map(|done| (pin, done)));
        match result {
            Ok((pin, Seeded::Already)) => note(&format!(
                "mvirt-fetch: {} {}: already in {}",
                pin.name,
                pin.version,
                cas.endpoint()
            )),
            Ok((pin, Seeded::Uploaded { from })) => note(&format!(
                "mvirt-fetch: {} {}: uploaded to {} from {from}",
                pin.name,
                pin.version,
                cas.endpoint()
            )),
            Err(e) => {
                failed += 1;
                note(&format!(
                    "mvirt-fetch: {}: {:#}",
                    pin_file.display(),
                    anyhow::Error::new(e)
                ));
            }
        }
    }
    if failed > 0 {
        bail!("{failed} of {} pins were not seeded", pins.len());
    }
    Ok(())
}

/// What to do when the pinned download cannot happen. It names this
/// tool's own flag only: how a build system passes it on is the build
/// system's to say (the Makefile and docs/buck2.md do).
fn offline_hint(name: &str) -> String {
    format!(
        "On a machine without internet, name a copy of {name} that you have with --local FILE (its sha256 is printed), or ask a cache that holds it with --cas (cache/mvirt-cache seed fills one)."
    )
}

/// A line on stderr, which may be closed: that must not panic.
fn note(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            note(&format!("mvirt-fetch: error: {e:#}"));
            ExitCode::FAILURE
        }
    }
}
