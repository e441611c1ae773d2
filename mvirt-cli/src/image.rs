//! `mvirt image`: push kernels, initramfs and firmware to a host, for
//! VMs to boot as `image:NAME` (`mvirt vm create --kernel image:NAME`).

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use mvirt_api::client::{self, Body, Endpoint};
use mvirt_api::{ImageInfo, IMAGE_SHA256_HEADER};
use sha2::{Digest, Sha256};

#[derive(Subcommand)]
pub enum ImageCmd {
    /// Send a file to the host's image store under NAME (replacing what
    /// NAME was; VMs made from it before keep their bytes). The host keeps
    /// it only if it arrives whole with the sha256 computed here.
    Push {
        file: PathBuf,
        name: String,
        /// Print no progress on stderr.
        #[arg(long, short)]
        quiet: bool,
    },
    /// The host's images: name, size, sha256.
    List,
    /// Remove an image's name (its bytes stay while a VM boots from them).
    Delete { name: String },
}

/// How long a read or write to the daemon may take: the answer to a push
/// comes after the host has flushed the image to its disk.
const TIMEOUT: Duration = Duration::from_secs(120);

fn sha256_of(file: &mut std::fs::File) -> Result<String> {
    let mut hasher = Sha256::new();
    std::io::copy(file, &mut hasher)?;
    file.seek(SeekFrom::Start(0))?;
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Progress on stderr, at most once a second, for pushes of 8 MiB or more.
fn progress(len: u64, quiet: bool) -> impl FnMut(u64) {
    let start = Instant::now();
    let mut last = start;
    move |sent| {
        if quiet || len < 8 << 20 || (last.elapsed() < Duration::from_secs(1) && sent < len) {
            return;
        }
        last = Instant::now();
        let secs = start.elapsed().as_secs_f64().max(1e-3);
        eprintln!(
            "mvirt image push: {} of {} MiB ({:.0}%), {:.1} MiB/s",
            sent >> 20,
            len >> 20,
            sent as f64 * 100.0 / len as f64,
            sent as f64 / secs / f64::from(1 << 20)
        );
    }
}

/// A name goes into the request's path: nothing that would change it.
fn check_name(name: &str) -> Result<()> {
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_graphic() && !b"/?#%".contains(&b))
    {
        bail!("bad image name {name:?}: a-z, 0-9, '.', '_' and '-'");
    }
    Ok(())
}

fn push(endpoint: &Endpoint, file: &PathBuf, name: &str, quiet: bool) -> Result<ImageInfo> {
    check_name(name)?;
    let (mut f, len) =
        mvirt_atomic::open_input(file, u64::MAX).with_context(|| format!("{}", file.display()))?;
    let sha = sha256_of(&mut f).with_context(|| format!("reading {}", file.display()))?;
    let mut from = f.take(len);
    let mut told = progress(len, quiet);
    let r = client::send(
        endpoint,
        "PUT",
        &format!("/v1/images/{name}"),
        &[(IMAGE_SHA256_HEADER, &sha)],
        Body::Stream {
            from: &mut from,
            len,
            content_type: "application/octet-stream",
            progress: &mut told,
        },
        TIMEOUT,
    )?;
    if !r.ok() {
        bail!("{} ({})", r.error_message(), r.status);
    }
    serde_json::from_slice(&r.body).context("decoding the image")
}

fn table(out: &mut dyn Write, images: &[ImageInfo]) -> Result<()> {
    writeln!(out, "{:<32} {:>12}  SHA256", "NAME", "SIZE")?;
    for i in images {
        writeln!(out, "{:<32} {:>12}  {}", i.name, i.size, i.sha256)?;
    }
    Ok(())
}

/// Runs an `mvirt image` command against `endpoint`.
pub fn image(cmd: ImageCmd, endpoint: &Endpoint, json: bool, out: &mut dyn Write) -> Result<()> {
    let call = |method: &str, path: &str| -> Result<Vec<u8>> {
        let r = client::request(endpoint, method, path, None, Duration::from_secs(10))?;
        if !r.ok() {
            bail!("{} ({})", r.error_message(), r.status);
        }
        Ok(r.body)
    };
    match cmd {
        ImageCmd::Push { file, name, quiet } => {
            let info = push(endpoint, &file, &name, quiet)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&info)?)?;
            } else {
                writeln!(
                    out,
                    "pushed {} ({} bytes, sha256 {}): use it as image:{}",
                    info.name, info.size, info.sha256, info.name
                )?;
            }
        }
        ImageCmd::List => {
            let images: Vec<ImageInfo> =
                serde_json::from_slice(&call("GET", "/v1/images")?).context("decoding images")?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&images)?)?;
            } else {
                table(out, &images)?;
            }
        }
        ImageCmd::Delete { name } => {
            check_name(&name)?;
            call("DELETE", &format!("/v1/images/{name}"))?;
            if json {
                writeln!(out, "{{\"deleted\": {}}}", serde_json::to_string(&name)?)?;
            } else {
                writeln!(out, "deleted image {name}")?;
            }
        }
    }
    Ok(())
}

/// A size: bytes, or a number with K, M, G or T (powers of 1024).
pub fn parse_size(text: &str) -> std::result::Result<u64, String> {
    let (digits, shift) = match text.char_indices().last() {
        Some((i, 'K' | 'k')) => (&text[..i], 10),
        Some((i, 'M' | 'm')) => (&text[..i], 20),
        Some((i, 'G' | 'g')) => (&text[..i], 30),
        Some((i, 'T' | 't')) => (&text[..i], 40),
        _ => (text, 0),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1u64 << shift))
        .ok_or_else(|| format!("{text:?} is not a size (e.g. 8G, 512M or bytes)"))
}

#[cfg(test)]
mod size_tests {
    use super::parse_size;

    #[test]
    fn sizes_parse_in_powers_of_1024_and_nothing_else() {
        assert_eq!(parse_size("8G"), Ok(8 << 30));
        assert_eq!(parse_size("512m"), Ok(512 << 20));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("1T"), Ok(1 << 40));
        for bad in ["", "G", "-1G", "1.5G", "8GB", "99999999999T"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
