//! `mvirt-net`: reads the kernel's `ip=` parameter and applies it (what
//! mvirt-vmm does at startup), for operators and tests. Not in the image.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "mvirt-net",
    version,
    about = "The host's static network configuration from the kernel's ip= parameter"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Print what an ip= value (or a whole command line) configures.
    Show {
        /// `ip=...`, or a kernel command line holding it.
        cmdline: String,
    },
    /// Configure the interface: up, address, default route.
    Apply {
        /// `ip=...`, or a kernel command line holding it.
        cmdline: String,
        /// Put the address on this interface instead of ip='s device
        /// (e.g. the bridge the device is a port of).
        #[arg(long, value_name = "IFNAME")]
        on: Option<String>,
    },
}

fn main() -> ExitCode {
    let (cmdline, on, apply) = match Cli::parse().command {
        Cmd::Show { cmdline } => (cmdline, None, false),
        Cmd::Apply { cmdline, on } => (cmdline, on, true),
    };
    let ip = match mvirt_net::from_cmdline(&cmdline) {
        None => {
            println!("no network configuration (no ip=, or ip=off)");
            return ExitCode::SUCCESS;
        }
        Some(Err(e)) => {
            eprintln!("mvirt-net: error: {e}");
            return ExitCode::FAILURE;
        }
        Some(Ok(ip)) => ip,
    };
    if !apply {
        println!("{ip:?}");
        return ExitCode::SUCCESS;
    }
    let on = on.unwrap_or_else(|| ip.device.clone());
    match mvirt_net::apply(&ip, &on) {
        Ok(done) => {
            println!("mvirt-net: {done}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("mvirt-net: error: {e}");
            ExitCode::FAILURE
        }
    }
}
