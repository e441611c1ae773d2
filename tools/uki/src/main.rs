//! `mvirt-uki`: build, inspect and verify Unified Kernel Images.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use mvirt_uki::{inspect, Inputs};

#[derive(Parser)]
#[command(
    name = "mvirt-uki",
    version,
    about = "Unified Kernel Images: build, inspect, verify"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

/// The sections a complete mvirt-os UKI has.
const REQUIRED: &str = ".linux,.initrd,.cmdline,.osrel,.uname";

#[derive(Subcommand)]
enum Cmd {
    /// Append .osrel .cmdline .uname [.splash] .initrd .linux to the EFI stub.
    Build {
        /// systemd's EFI stub (linuxx64.efi.stub).
        #[arg(long)]
        stub: PathBuf,
        /// The stub's pinned sha256; the build refuses a different stub.
        #[arg(long)]
        stub_sha256: Option<String>,
        /// The kernel (bzImage, built with CONFIG_EFI_STUB=y).
        #[arg(long)]
        linux: PathBuf,
        #[arg(long)]
        initrd: PathBuf,
        /// Kernel command line file.
        #[arg(long)]
        cmdline: PathBuf,
        /// os-release file.
        #[arg(long)]
        osrel: PathBuf,
        /// File holding the kernel release (kernel.release).
        #[arg(long)]
        uname: PathBuf,
        #[arg(long)]
        splash: Option<PathBuf>,
        /// The UKI to write (atomically).
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Show sections (address, sizes, sha256) and the text sections.
    Inspect {
        uki: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Check the layout: sorted, non-overlapping, aligned, in bounds,
    /// checksum, required sections present. Exit 1 on any problem.
    Verify {
        uki: PathBuf,
        /// Comma-separated section names that must be present.
        #[arg(long, default_value = REQUIRED)]
        require: String,
    },
    /// Write one section's content to a file.
    Extract {
        uki: PathBuf,
        #[arg(long)]
        section: String,
        #[arg(long, short)]
        output: PathBuf,
    },
}

fn read(path: &PathBuf) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("reading {}", path.display()))
}

fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Cmd::Build {
            stub,
            stub_sha256,
            linux,
            initrd,
            cmdline,
            osrel,
            uname,
            splash,
            output,
        } => {
            if let Some(expected) = stub_sha256 {
                let actual = mvirt_uki::sha256_hex(&read(&stub)?);
                if !actual.eq_ignore_ascii_case(&expected) {
                    bail!(
                        "{}: sha256 mismatch\n  expected {expected} (the pin)\n  actual   {actual}\nUpdate the pin if this stub is the one you mean.",
                        stub.display()
                    );
                }
            }
            let inputs = Inputs {
                stub,
                linux,
                initrd,
                cmdline,
                osrel,
                uname,
                splash,
            };
            let bytes = mvirt_uki::build(&inputs)?;
            mvirt_uki::write_atomic(&output, &bytes, 0o644)
                .with_context(|| format!("writing {}", output.display()))?;
            eprintln!(
                "mvirt-uki: wrote {} ({} bytes)",
                output.display(),
                bytes.len()
            );
            Ok(true)
        }
        Cmd::Inspect { uki, json } => {
            let bytes = read(&uki)?;
            let report = inspect::inspect(&bytes, &uki.display().to_string())?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
                return Ok(true);
            }
            println!(
                "{}: {} bytes, {} sections, SectionAlignment {:#x}, FileAlignment {:#x}, SizeOfImage {:#x}, checksum {:#x} ({}), {}",
                uki.display(),
                bytes.len(),
                report.sections.len(),
                report.section_alignment,
                report.file_alignment,
                report.size_of_image,
                report.checksum,
                if report.checksum_ok { "ok" } else { "WRONG" },
                if report.signed { "signed" } else { "unsigned" },
            );
            println!(
                "  {:<8} {:>10} {:>10} {:>10} {:>10}  sha256",
                "name", "vaddr", "vsize", "raw_ptr", "raw_size"
            );
            for s in &report.sections {
                println!(
                    "  {:<8} {:>#10x} {:>#10x} {:>#10x} {:>#10x}  {}",
                    s.name,
                    s.virtual_address,
                    s.virtual_size,
                    s.pointer_to_raw_data,
                    s.size_of_raw_data,
                    s.sha256
                );
            }
            if let Some(c) = &report.cmdline {
                println!("cmdline: {c}");
            }
            if let Some(u) = &report.uname {
                println!("uname: {u}");
            }
            if let Some(o) = &report.osrel {
                println!("os-release:");
                for line in o.lines() {
                    println!("  {line}");
                }
            }
            Ok(true)
        }
        Cmd::Verify { uki, require } => {
            let bytes = read(&uki)?;
            let required: Vec<&str> = require.split(',').filter(|s| !s.is_empty()).collect();
            let problems = inspect::verify(&bytes, &uki.display().to_string(), &required)?;
            if problems.is_empty() {
                println!("{}: OK", uki.display());
            }
            for p in &problems {
                println!("{}: {p}", uki.display());
            }
            Ok(problems.is_empty())
        }
        Cmd::Extract {
            uki,
            section,
            output,
        } => {
            let bytes = read(&uki)?;
            let Some(data) =
                inspect::section_content(&bytes, &uki.display().to_string(), &section)?
            else {
                bail!("{}: no section {section}", uki.display());
            };
            mvirt_uki::write_atomic(&output, &data, 0o644)?;
            Ok(true)
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("mvirt-uki: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
