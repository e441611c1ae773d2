//! `mvirt-fetch`: resolve a pinned binary for the image — the pinned
//! download (checked by sha256), or an explicit local stand-in.
//!
//! It writes nothing to stdout (clap's `--help`/`--version` ignore a closed
//! one and exit 0). Messages and errors go to stderr; a closed stderr loses
//! them but changes no exit status: 0 on success, 1 on any error.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::Parser;
use mvirt_fetch::{resolve, Fetch, FilePin, PinError, Resolved};

#[derive(Parser)]
#[command(
    name = "mvirt-fetch",
    version,
    about = "Resolve a pinned binary: the pinned download, or an explicit local file"
)]
struct Args {
    /// The pin (name, version, url or path, sha256).
    #[arg(long)]
    pin: PathBuf,
    /// A local regular file to use instead of the pinned one (printed with
    /// the sha256 of the bytes written).
    #[arg(long)]
    local: Option<PathBuf>,
    /// Download cache, created only when a download is needed. Without it a
    /// download goes straight to --output, uncached.
    #[arg(long)]
    downloads: Option<PathBuf>,
    /// Where the resolved file goes (rewritten only when its content changes).
    #[arg(long, short)]
    output: PathBuf,
    /// The output's permission bits, in octal (755 for a program, 644 for data).
    #[arg(long, value_parser = parse_mode, default_value = "755")]
    mode: u32,
}

fn parse_mode(text: &str) -> Result<u32, String> {
    match u32::from_str_radix(text, 8) {
        Ok(mode) if mode <= 0o777 => Ok(mode),
        _ => Err(format!(
            "{text:?} is not a permission mode: three octal digits, e.g. 755 or 644"
        )),
    }
}

fn run(args: Args) -> Result<()> {
    let pin = FilePin::load(&args.pin)?;
    let request = Fetch {
        pin: &pin,
        local: args.local.as_deref(),
        downloads: args.downloads.as_deref(),
        output: &args.output,
        mode: args.mode,
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
            bail!("{}: {e} {}", args.pin.display(), offline_hint(&pin.name))
        }
        Err(e @ (PinError::Download { .. } | PinError::Curl { .. })) => {
            Err(anyhow::Error::new(e).context(offline_hint(&pin.name)))
        }
        Err(e) => Err(e.into()),
    }
}

/// What to do when the pinned download cannot happen. It names this
/// tool's own flag only: how a build system passes it on is the build
/// system's to say (the Makefile and docs/buck2.md do).
fn offline_hint(name: &str) -> String {
    format!(
        "On a machine without internet, name a copy of {name} that you have with --local FILE (its sha256 is printed), or leave {name} out of the image."
    )
}

/// A line on stderr, which may be closed: that must not panic.
fn note(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            note(&format!("mvirt-fetch: error: {e:#}"));
            ExitCode::FAILURE
        }
    }
}
