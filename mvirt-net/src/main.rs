//! `mvirt-net`: reads the host's network configuration (the kernel's `ip=`
//! parameter, or a NoCloud network-config v2) and applies it (what
//! mvirt-vmm does at startup), for operators and tests. Not in the image.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "mvirt-net",
    version,
    about = "The host's static network configuration: the kernel's ip= or a network-config v2"
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
    /// Check a network-config (version 2) and print what it configures.
    Check {
        /// The network-config file.
        file: PathBuf,
        /// The VM bridge's name (the only bridge a config may name).
        #[arg(long, default_value = "mvirt0", value_name = "IFNAME")]
        bridge: String,
    },
    /// Apply a network-config (version 2). A bridged uplink must already
    /// be the bridge's port (mvirt-vmm enslaves it; here, `ip link set`).
    ApplyConfig {
        /// The network-config file.
        file: PathBuf,
        /// The VM bridge's name.
        #[arg(long, default_value = "mvirt0", value_name = "IFNAME")]
        bridge: String,
    },
}

const SYS_CLASS_NET: &str = "/sys/class/net";

fn from_ip(
    cmdline: &str,
    on: Option<String>,
) -> Result<Option<(mvirt_net::Plan, Option<String>)>, String> {
    match mvirt_net::from_cmdline(cmdline) {
        None => Ok(None),
        Some(Err(e)) => Err(e.to_string()),
        Some(Ok(ip)) => {
            let bridged = on.as_ref().is_some_and(|b| *b != ip.device);
            Ok(Some((ip.plan(bridged), on)))
        }
    }
}

fn from_file(
    file: &Path,
    bridge: String,
) -> Result<Option<(mvirt_net::Plan, Option<String>)>, String> {
    let text = mvirt_atomic::read_input_to_string(file, 1 << 20)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let plan =
        mvirt_net::v2::parse(&text, &bridge).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(Some((plan, Some(bridge))))
}

fn main() -> ExitCode {
    let (plan, apply) = match Cli::parse().command {
        Cmd::Show { cmdline } => (from_ip(&cmdline, None), false),
        Cmd::Apply { cmdline, on } => (from_ip(&cmdline, on), true),
        Cmd::Check { file, bridge } => (from_file(&file, bridge), false),
        Cmd::ApplyConfig { file, bridge } => (from_file(&file, bridge), true),
    };
    let (plan, bridge) = match plan {
        Ok(Some(p)) => p,
        Ok(None) => {
            println!("no network configuration (no ip=, or ip=off)");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("mvirt-net: error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if !apply {
        println!("{plan:#?}");
        return ExitCode::SUCCESS;
    }
    match mvirt_net::apply(&plan, bridge.as_deref(), Path::new(SYS_CLASS_NET)) {
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
