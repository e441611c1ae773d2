//! `mvirt-config`: checks a host configuration before it is booted, as the
//! host will read it: a config volume image (made by `mvirt-cidata make`)
//! or a directory holding meta-data, network-config and user-data.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use mvirt_cidata::Seed;

#[derive(Parser)]
#[command(
    name = "mvirt-config",
    version,
    about = "Checks an mvirt host's configuration (a NoCloud volume or its files)"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Check a config volume image or a directory of its files; print
    /// what the host would set, or every problem (exit status 1).
    Check {
        /// A volume image (FAT labelled CIDATA) or a directory.
        path: PathBuf,
        /// The host's VM bridge (the only bridge a network-config may name).
        #[arg(long, default_value = "mvirt0", value_name = "IFNAME")]
        bridge: String,
    },
}

fn load(path: &Path) -> Result<Seed, String> {
    let shown = path.display();
    if path.is_dir() {
        let mut seed = Seed::default();
        for name in mvirt_cidata::NAMES {
            let file = path.join(name);
            match mvirt_atomic::read_input(&file, mvirt_cidata::MAX_FILE) {
                Ok(bytes) => seed.add(name, bytes).map_err(|e| format!("{shown}: {e}"))?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(format!("{}: {e}", file.display())),
            }
        }
        return Ok(seed);
    }
    let file = std::fs::File::open(path).map_err(|e| format!("{shown}: {e}"))?;
    mvirt_cidata::read(file).map_err(|e| format!("{shown}: {e}"))
}

fn main() -> ExitCode {
    let Cmd::Check { path, bridge } = Cli::parse().command;
    let seed = match load(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("mvirt-config: error: {e}");
            return ExitCode::FAILURE;
        }
    };
    match mvirt_config::parse(&seed, &bridge) {
        Ok(config) => {
            println!("{}", mvirt_config::summary(&config));
            ExitCode::SUCCESS
        }
        Err(rejected) => {
            for e in rejected.0 {
                eprintln!("mvirt-config: error: {e}");
            }
            ExitCode::FAILURE
        }
    }
}
