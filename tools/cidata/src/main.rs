//! `mvirt-cidata`: makes and reads NoCloud seed volumes (see the library).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "mvirt-cidata",
    version,
    about = "NoCloud seed volumes: a FAT file system labelled CIDATA"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Make a volume image from seed files (each at most 1 MiB).
    Make {
        #[arg(long, value_name = "FILE")]
        meta_data: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        user_data: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        network_config: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        vendor_data: Option<PathBuf>,
        /// The image to write (whole or not at all).
        #[arg(long, short, value_name = "IMAGE")]
        output: PathBuf,
    },
    /// List a volume's seed files and their sizes.
    List { image: PathBuf },
    /// Print one seed file of a volume.
    Cat { image: PathBuf, name: String },
}

fn make(files: [(&str, Option<PathBuf>); 4], output: &PathBuf) -> Result<String, String> {
    let mut seed = mvirt_cidata::Seed::default();
    for (name, path) in files {
        let Some(path) = path else { continue };
        let content = mvirt_atomic::read_input(&path, mvirt_cidata::MAX_FILE)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        seed.add(name, content).map_err(|e| e.to_string())?;
    }
    let img = mvirt_cidata::image(&seed).map_err(|e| e.to_string())?;
    mvirt_atomic::write(output, &img, 0o644).map_err(|e| format!("{}: {e}", output.display()))?;
    Ok(format!(
        "{}: {} bytes, {} files",
        output.display(),
        img.len(),
        seed.files.len()
    ))
}

fn open(image: &PathBuf) -> Result<mvirt_cidata::Seed, String> {
    let (file, _) = mvirt_atomic::open_input(image, mvirt_cidata::MAX_VOLUME)
        .map_err(|e| format!("{}: {e}", image.display()))?;
    mvirt_cidata::read(file).map_err(|e| format!("{}: {e}", image.display()))
}

fn run(cmd: Cmd) -> Result<String, String> {
    match cmd {
        Cmd::Make {
            meta_data,
            user_data,
            network_config,
            vendor_data,
            output,
        } => make(
            [
                ("meta-data", meta_data),
                ("user-data", user_data),
                ("network-config", network_config),
                ("vendor-data", vendor_data),
            ],
            &output,
        ),
        Cmd::List { image } => Ok(open(&image)?
            .files
            .iter()
            .map(|(n, c)| format!("{n} {}", c.len()))
            .collect::<Vec<_>>()
            .join("\n")),
        Cmd::Cat { image, name } => {
            let seed = open(&image)?;
            let content = seed
                .files
                .get(&name)
                .ok_or(format!("{}: no {name}", image.display()))?;
            Ok(String::from_utf8_lossy(content).trim_end().to_string())
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("mvirt-cidata: error: {e}");
            ExitCode::FAILURE
        }
    }
}
