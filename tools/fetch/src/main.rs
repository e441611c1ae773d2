//! `mvirt-fetch`: resolve a pinned binary for the image — the pinned
//! download (checked by sha256), or an explicit local stand-in.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Parser;
use mvirt_fetch::{download, is_sha256, sha256_file, verify, FilePin};

#[derive(Parser)]
#[command(
    name = "mvirt-fetch",
    version,
    about = "Resolve a pinned binary: the pinned download, or an explicit local file"
)]
struct Args {
    /// The pin (name, version, url, sha256).
    #[arg(long)]
    pin: PathBuf,
    /// A local file to use instead of the pinned download (printed with its sha256).
    #[arg(long)]
    local: Option<PathBuf>,
    /// Download cache.
    #[arg(long, default_value = "target/downloads")]
    downloads: PathBuf,
    /// Where the resolved binary goes (rewritten only when its content changes).
    #[arg(long, short)]
    output: PathBuf,
}

fn run(args: Args) -> Result<()> {
    let pin = FilePin::load(&args.pin)?;
    std::fs::create_dir_all(&args.downloads)
        .with_context(|| format!("creating {}", args.downloads.display()))?;
    let source = match &args.local {
        Some(local) => {
            let sha = sha256_file(local)?;
            eprintln!(
                "mvirt-fetch: {}: using the local file {} (sha256 {sha}) instead of the pinned {} release",
                pin.name,
                local.display(),
                pin.version
            );
            local.clone()
        }
        None => match pin.local_path()? {
            Some(path) => {
                verify(path, &pin.sha256)?;
                path.to_path_buf()
            }
            None => {
                let url = pin.url.as_deref().unwrap_or_default();
                let offline_hint = format!(
                    "On a machine without internet, pack a local file instead (its sha256 is printed) or build an image without {0}: make CLOUD_HYPERVISOR=/path/to/{0} or CLOUD_HYPERVISOR=none; buck2 build -c mvirt.cloud_hypervisor=/path/to/{0} or -c mvirt.cloud_hypervisor=none.",
                    pin.name
                );
                if !is_sha256(&pin.sha256) {
                    bail!(
                        "{}: {} {} has no sha256 recorded, so it cannot be checked. Download {url} once, run sha256sum on it, and put the hash in the pin. {offline_hint}",
                        args.pin.display(),
                        pin.name,
                        pin.version,
                    );
                }
                let cached = args.downloads.join(format!("{}-{}", pin.name, pin.version));
                if !cached.exists() {
                    download(url, &cached).with_context(|| offline_hint.clone())?;
                }
                verify(&cached, &pin.sha256)?;
                cached
            }
        },
    };
    let new = std::fs::read(&source).with_context(|| format!("reading {}", source.display()))?;
    if std::fs::read(&args.output).ok().as_deref() != Some(&new[..]) {
        mvirt_atomic::write(&args.output, &new, 0o755)
            .with_context(|| format!("writing {}", args.output.display()))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mvirt-fetch: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
