//! `mvirt-uki`: build, inspect and verify Unified Kernel Images.
//!
//! Results go to standard output; when its reader goes away (EPIPE, as in
//! `mvirt-uki inspect x | head -1`) the output just stops and the exit
//! status is the command's own (0, or 1 for a failed verify). Any other
//! write error (a full disk, `>/dev/full`) is an error: exit 1.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use mvirt_uki::inspect::{section_content, verify as verify_layout};
use mvirt_uki::Inputs;

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
    Build(BuildArgs),
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
        /// Write the verdict here as JSON, in the format of a Buck2
        /// validation result (`{"version": 1, "data": {"status": "success"
        /// | "failure", "message": ...}}`). The exit status is then 0 once
        /// the report is written: the verdict is in the report.
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Sign for Secure Boot (Authenticode, deterministic: no signing time).
    Sign {
        uki: PathBuf,
        /// RSA private key, PEM (never kept in the repository).
        #[arg(long)]
        key: PathBuf,
        /// The key's X.509 certificate, PEM.
        #[arg(long)]
        cert: PathBuf,
        /// Comma-separated section names that must be present: sign refuses
        /// what `verify --require` refuses. Empty to sign any sound PE image.
        #[arg(long, default_value = REQUIRED)]
        require: String,
        /// The signed UKI to write (atomically).
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Predict PCR 11 (sha256 bank) for the UKI, as systemd-measure does.
    Measure {
        uki: PathBuf,
        /// Boot phases to report (default: systemd-measure's four).
        #[arg(long = "phase")]
        phases: Vec<String>,
        #[arg(long)]
        json: bool,
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

#[derive(Args)]
struct BuildArgs {
    /// systemd's EFI stub (linuxx64.efi.stub), a file the caller has
    /// resolved and checked against its pin (mvirt-fetch does both).
    #[arg(long)]
    stub: PathBuf,
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
}

/// Standard output, written through one lock (see the module doc for how
/// errors are handled).
struct Out {
    stdout: io::StdoutLock<'static>,
    /// The reader went away: drop the rest.
    closed: bool,
}

impl Out {
    fn new() -> Out {
        Out {
            stdout: io::stdout().lock(),
            closed: false,
        }
    }

    fn line(&mut self, args: fmt::Arguments) -> Result<()> {
        let written = self
            .stdout
            .write_fmt(args)
            .and_then(|()| self.stdout.write_all(b"\n"));
        self.check(written)
    }

    fn flush(&mut self) -> Result<()> {
        let flushed = self.stdout.flush();
        self.check(flushed)
    }

    fn check(&mut self, result: io::Result<()>) -> Result<()> {
        match result {
            _ if self.closed => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other.context("writing to standard output"),
        }
    }
}

/// A line on standard output; returns early on a write error.
macro_rules! outln {
    ($out:expr, $($arg:tt)*) => {
        $out.line(format_args!($($arg)*))?
    };
}

/// A line on standard error. Failing to write it (stderr closed) is
/// ignored: there is nowhere left to report it.
macro_rules! note {
    ($($arg:tt)*) => {{
        let _ = writeln!(io::stderr(), $($arg)*);
    }};
}

/// A UKI to inspect, verify, measure or sign: a regular file of at most
/// [`mvirt_uki::MAX_UKI`] bytes.
fn read(path: &Path) -> Result<Vec<u8>> {
    mvirt_atomic::read_input(path, mvirt_uki::MAX_UKI)
        .with_context(|| format!("reading {}", path.display()))
}

/// A PEM key or certificate.
fn read_pem(path: &Path) -> Result<String> {
    mvirt_atomic::read_input_to_string(path, mvirt_uki::MAX_PEM)
        .with_context(|| format!("reading {}", path.display()))
}

/// A `--require` list.
fn sections(list: &str) -> Vec<&str> {
    list.split(',').filter(|s| !s.is_empty()).collect()
}

fn build(args: BuildArgs) -> Result<bool> {
    let inputs = Inputs {
        stub: args.stub,
        linux: args.linux,
        initrd: args.initrd,
        cmdline: args.cmdline,
        osrel: args.osrel,
        uname: args.uname,
        splash: args.splash,
    };
    let bytes = mvirt_uki::build(&inputs)?;
    let output = args.output;
    mvirt_uki::write_atomic(&output, &bytes, 0o644)
        .with_context(|| format!("writing {}", output.display()))?;
    note!(
        "mvirt-uki: wrote {} ({} bytes)",
        output.display(),
        bytes.len()
    );
    Ok(true)
}

fn inspect(uki: &Path, json: bool, out: &mut Out) -> Result<bool> {
    let bytes = read(uki)?;
    let report = mvirt_uki::inspect(&bytes, &uki.display().to_string())?;
    if json {
        outln!(out, "{}", serde_json::to_string_pretty(&report)?);
        return Ok(true);
    }
    outln!(out,
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
    outln!(
        out,
        "  {:<8} {:>10} {:>10} {:>10} {:>10}  sha256",
        "name",
        "vaddr",
        "vsize",
        "raw_ptr",
        "raw_size"
    );
    for s in &report.sections {
        outln!(
            out,
            "  {:<8} {:>#10x} {:>#10x} {:>#10x} {:>#10x}  {}",
            s.name,
            s.virtual_address,
            s.virtual_size,
            s.pointer_to_raw_data,
            s.size_of_raw_data,
            s.sha256
        );
    }
    inspect_text(&report, out)?;
    Ok(true)
}

/// The text sections of an `inspect` report.
fn inspect_text(report: &mvirt_uki::Report, out: &mut Out) -> Result<()> {
    if let Some(c) = &report.cmdline {
        outln!(out, "cmdline: {c}");
    }
    if let Some(u) = &report.uname {
        outln!(out, "uname: {u}");
    }
    if let Some(o) = &report.osrel {
        outln!(out, "os-release:");
        for line in o.lines() {
            outln!(out, "  {line}");
        }
    }
    Ok(())
}

fn verify(uki: &Path, require: &str, report: Option<&Path>, out: &mut Out) -> Result<bool> {
    let bytes = read(uki)?;
    let required = sections(require);
    let problems = match verify_layout(&bytes, &uki.display().to_string(), &required) {
        Ok(problems) => problems,
        // Not a PE image at all: with a report, that is the verdict.
        Err(e) if report.is_some() => vec![format!("{:#}", anyhow::Error::from(e))],
        Err(e) => return Err(e.into()),
    };
    if problems.is_empty() {
        outln!(out, "{}: OK", uki.display());
    }
    for p in &problems {
        outln!(out, "{}: {p}", uki.display());
    }
    match report {
        None => Ok(problems.is_empty()),
        Some(path) => {
            let text = verdict_json(&uki.display().to_string(), &problems);
            mvirt_uki::write_atomic(path, text.as_bytes(), 0o644)
                .with_context(|| format!("writing {}", path.display()))?;
            Ok(true)
        }
    }
}

/// The verdict as a Buck2 validation result: status and, on failure, every
/// problem in the message.
fn verdict_json(uki: &str, problems: &[String]) -> String {
    let data = if problems.is_empty() {
        serde_json::json!({ "status": "success", "message": format!("{uki}: OK") })
    } else {
        serde_json::json!({
            "status": "failure",
            "message": format!("mvirt-uki verify {uki}:\n{}", problems.join("\n")),
        })
    };
    format!("{}\n", serde_json::json!({ "version": 1, "data": data }))
}

fn sign(uki: &Path, key: &Path, cert: &Path, require: &str, output: &Path) -> Result<bool> {
    let bytes = read(uki)?;
    let key_pem = read_pem(key)?;
    let cert_pem = read_pem(cert)?;
    let identity = mvirt_uki::sign::Identity::from_pem(
        &key_pem,
        &key.display().to_string(),
        &cert_pem,
        &cert.display().to_string(),
    )?;
    let required = sections(require);
    let signed =
        mvirt_uki::sign::sign_requiring(&bytes, &uki.display().to_string(), &identity, &required)?;
    mvirt_uki::write_atomic(output, &signed, 0o644)
        .with_context(|| format!("writing {}", output.display()))?;
    note!("mvirt-uki: signed {} → {}", uki.display(), output.display());
    Ok(true)
}

/// PCR 11 after each phase: (phase, lower-case hex).
fn pcr_values(bytes: &[u8], what: &str, phases: Vec<String>) -> Result<Vec<(String, String)>> {
    let mut contents = std::collections::BTreeMap::new();
    for name in mvirt_uki::measure::SECTIONS {
        if let Some(data) = section_content(bytes, what, name)? {
            contents.insert(*name, data);
        }
    }
    let base = mvirt_uki::measure::sections(|n| contents.get(n).map(|v| v.as_slice()));
    let phases: Vec<String> = if phases.is_empty() {
        mvirt_uki::measure::DEFAULT_PHASES
            .iter()
            .map(|s| s.to_string())
            .collect()
    } else {
        phases
    };
    Ok(phases
        .into_iter()
        .map(|p| {
            let pcr = mvirt_uki::hex(&mvirt_uki::measure::with_phase(base, &p));
            (p, pcr)
        })
        .collect())
}

fn measure(uki: &Path, phases: Vec<String>, json: bool, out: &mut Out) -> Result<bool> {
    let bytes = read(uki)?;
    let values = pcr_values(&bytes, &uki.display().to_string(), phases)?;
    if json {
        let list: Vec<_> = values
            .iter()
            .map(|(p, v)| serde_json::json!({"phase": p, "pcr": 11, "bank": "sha256", "hash": v}))
            .collect();
        outln!(out, "{}", serde_json::to_string_pretty(&list)?);
    } else {
        for (p, v) in values {
            // As systemd-measure: the phase comment on stderr, values on stdout.
            note!("# PCR[11] Phase <{p}>");
            outln!(out, "11:sha256={v}");
        }
    }
    Ok(true)
}

fn extract(uki: &Path, section: &str, output: &Path) -> Result<bool> {
    let bytes = read(uki)?;
    let Some(data) = section_content(&bytes, &uki.display().to_string(), section)? else {
        bail!("{}: no section {section}", uki.display());
    };
    mvirt_uki::write_atomic(output, &data, 0o644)
        .with_context(|| format!("writing {}", output.display()))?;
    Ok(true)
}

fn run(cli: Cli, out: &mut Out) -> Result<bool> {
    match cli.command {
        Cmd::Build(args) => build(args),
        Cmd::Inspect { uki, json } => inspect(&uki, json, out),
        Cmd::Verify {
            uki,
            require,
            report,
        } => verify(&uki, &require, report.as_deref(), out),
        Cmd::Sign {
            uki,
            key,
            cert,
            require,
            output,
        } => sign(&uki, &key, &cert, &require, &output),
        Cmd::Measure { uki, phases, json } => measure(&uki, phases, json, out),
        Cmd::Extract {
            uki,
            section,
            output,
        } => extract(&uki, &section, &output),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = Out::new();
    match run(cli, &mut out).and_then(|ok| out.flush().map(|()| ok)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            note!("mvirt-uki: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
