//! `mvirt-unpack ARCHIVE -o DIR`: see the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use mvirt_unpack::{hermetic, unpack_all, Format, Options};

#[derive(Parser)]
#[command(
    name = "mvirt-unpack",
    version,
    about = "Unpacks a tarball (.tar, .tar.gz, .tar.xz, .tar.zst) or a Debian package's files (.deb) into a new directory",
    long_about = "Unpacks a tarball (.tar, .tar.gz, .tar.xz, .tar.zst) or a Debian package's files \
(.deb) into a new directory, whole or not at all. Nothing is made outside it: names with '..' or \
absolute names, symlinks leading out, hard links to files not in the archive, devices and FIFOs \
are refused. Modes become 0755 or 0644; owners and times are not kept."
)]
struct Args {
    /// The archives, unpacked in order into the one directory.
    #[arg(required = true)]
    archives: Vec<PathBuf>,
    /// The directory to make.
    #[arg(short, long)]
    output: PathBuf,
    /// tar, tar.gz, tar.xz, tar.zst or deb [default: from the archive's name].
    #[arg(long, value_parser = parse_format)]
    format: Option<Format>,
    /// Leading name components to drop.
    #[arg(long, default_value_t = 0, value_name = "N")]
    strip_components: usize,
    /// Unpack only what is under PATH (after --strip-components); repeatable.
    #[arg(long, value_name = "PATH")]
    only: Vec<PathBuf>,
    /// The most bytes of files to write.
    #[arg(long, default_value_t = Options::default().max_bytes, value_name = "BYTES")]
    max_bytes: u64,
    /// Replace an existing output directory once the new one is whole.
    #[arg(long)]
    replace: bool,
    /// Make a hermetic tool directory: the archives into DIR/root, and
    /// DIR/bin, DIR/lib and DIR/env.toml as this spec declares (the tools
    /// a caller's PATH is then made of; see docs/toolchains.md).
    #[arg(long, value_name = "SPEC")]
    tools: Option<PathBuf>,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_name(&format!(".{s}"))
        .ok_or_else(|| format!("unknown format {s:?}: tar, tar.gz, tar.xz, tar.zst or deb"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut archives = Vec::new();
    for archive in &args.archives {
        let name = archive
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(format) = args.format.or_else(|| Format::from_name(&name)) else {
            eprintln!(
                "mvirt-unpack: error: {}: cannot tell the format from the name; give --format",
                archive.display()
            );
            return ExitCode::from(2);
        };
        archives.push((archive.as_path(), format));
    }
    let opts = Options {
        strip: args.strip_components,
        only: args.only,
        max_bytes: args.max_bytes,
        replace: args.replace,
        ..Options::default()
    };
    let result = match &args.tools {
        None => unpack_all(&archives, &args.output, &opts).map_err(|e| e.to_string()),
        Some(spec) => hermetic::Spec::read(spec)
            .and_then(|spec| hermetic::assemble(&archives, &spec, &args.output, &opts))
            .map_err(|e| e.to_string()),
    };
    match result {
        Ok(s) => {
            eprintln!(
                "mvirt-unpack: {}: {} files ({} bytes), {} directories, {} symlinks, {} hard links",
                args.output.display(),
                s.files,
                s.bytes,
                s.dirs,
                s.symlinks,
                s.hard_links
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("mvirt-unpack: error: {}: {e}", args.output.display());
            ExitCode::FAILURE
        }
    }
}
