//! `mvirt-vmm`: the VM daemon.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use mvirt_vmm::vms::{Paths, Vms};

#[derive(Parser)]
#[command(
    name = "mvirt-vmm",
    version,
    about = "Manages cloud-hypervisor VMs; serves the mvirt API"
)]
struct Args {
    /// The API socket.
    #[arg(long, default_value = mvirt_api::DEFAULT_SOCKET)]
    socket: PathBuf,
    /// Where VM definitions are kept.
    #[arg(long, default_value = "/var/lib/mvirt/vms")]
    state_dir: PathBuf,
    /// Where VM API sockets and serial logs go.
    #[arg(long, default_value = "/run/mvirt/vms")]
    run_dir: PathBuf,
    /// The cloud-hypervisor binary.
    #[arg(long, default_value = "/usr/bin/cloud-hypervisor")]
    cloud_hypervisor: PathBuf,
    /// The KVM device.
    #[arg(long, default_value = "/dev/kvm")]
    kvm: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let paths = Paths {
        state_dir: args.state_dir,
        run_dir: args.run_dir,
        cloud_hypervisor: args.cloud_hypervisor,
    };
    let shared = match Vms::load(paths) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("mvirt-vmm: error: loading state: {e}");
            return ExitCode::FAILURE;
        }
    };
    match mvirt_vmm::server::serve(shared, &args.socket, &args.kvm) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mvirt-vmm: error: {}: {e}", args.socket.display());
            ExitCode::FAILURE
        }
    }
}
