//! `mvirt-vmm`: the VM daemon.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use mvirt_vmm::net;
use mvirt_vmm::signals::{self, StopSignals};
use mvirt_vmm::vms::{Paths, Shared, Vmm};

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
    /// Where VM API sockets, serial logs and cloud-hypervisor logs go.
    #[arg(long, default_value = "/run/mvirt/vms")]
    run_dir: PathBuf,
    /// The cloud-hypervisor binary.
    #[arg(long, default_value = "/usr/bin/cloud-hypervisor")]
    cloud_hypervisor: PathBuf,
    /// The KVM device.
    #[arg(long, default_value = "/dev/kvm")]
    kvm: PathBuf,
    /// The bridge VMs created with --net join; created at startup if absent.
    #[arg(long, default_value = net::DEFAULT_BRIDGE, value_name = "NAME")]
    bridge: String,
    /// No bridge and no managed taps (VMs with --tap EXISTING still work).
    #[arg(long, conflicts_with_all = ["uplink"])]
    no_bridge: bool,
    /// A host interface to enslave to the bridge. Default: the
    /// `mvirt.uplink=IFNAME` word of --kernel-cmdline, if any.
    #[arg(long, value_name = "IFNAME")]
    uplink: Option<String>,
    /// Where the kernel command line is read from (for mvirt.uplink=).
    #[arg(long, default_value = "/proc/cmdline", value_name = "FILE")]
    kernel_cmdline: PathBuf,
    /// At SIGTERM or SIGINT (host shutdown), how long the guests get to
    /// power off after their power buttons are pressed, all at once;
    /// then vm.shutdown, vmm.shutdown and SIGKILL, which may take up to
    /// 12 s more. pideins' stop_timeout_ms for mvirt-vmm must exceed both.
    #[arg(long, default_value_t = 20, value_name = "SECS",
          value_parser = clap::value_parser!(u64).range(0..=3600))]
    shutdown_timeout: u64,
    /// Requests served at once; more are answered 503.
    #[arg(long, default_value_t = mvirt_vmm::server::MAX_IN_FLIGHT, hide = true)]
    max_in_flight: usize,
}

fn net_config(args: &Args) -> Option<net::Config> {
    if args.no_bridge {
        return None;
    }
    let uplink = args.uplink.clone().or_else(|| {
        // No /proc/cmdline (a test, a container): no uplink.
        let cmdline = std::fs::read_to_string(&args.kernel_cmdline).unwrap_or_default();
        net::uplink_from_cmdline(&cmdline)
    });
    Some(net::Config {
        bridge: args.bridge.clone(),
        uplink,
    })
}

/// Waits for SIGTERM or SIGINT, then stops every VM and ends the process:
/// 0 when every VM ended, 1 when some did not.
fn on_stop_signal(signals: StopSignals, vmm: Shared, timeout: Duration) {
    let sig = match signals.wait() {
        Ok(sig) => sig,
        Err(e) => {
            // Cannot happen with a valid set; then pideins' SIGKILL ends us.
            eprintln!("mvirt-vmm: error: waiting for SIGTERM: {e}");
            return;
        }
    };
    eprintln!("mvirt-vmm: received {}: host shutdown", signals::name(sig));
    // Further SIGTERMs (pideins sends one to the group and one to the
    // process) stay blocked and pending: no one waits for them any more.
    // A panic here must still end the process: SIGTERM is blocked, and
    // nothing else would.
    let report = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| vmm.shutdown(timeout)));
    let code = match report {
        Ok(r) => i32::from(!r.still_running.is_empty()),
        Err(_) => 1,
    };
    eprintln!("mvirt-vmm: exiting ({code})");
    std::process::exit(code);
}

fn main() -> ExitCode {
    // First, while this is the only thread: every thread made later
    // inherits the mask, so these signals only ever reach the sigwait of
    // the thread that stops the VMs.
    let signals = match StopSignals::block() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("mvirt-vmm: error: blocking SIGTERM and SIGINT: {e}");
            return ExitCode::FAILURE;
        }
    };
    let args = Args::parse();
    let paths = Paths {
        state_dir: args.state_dir.clone(),
        run_dir: args.run_dir.clone(),
        cloud_hypervisor: args.cloud_hypervisor.clone(),
    };
    let vmm = match Vmm::load(paths, net_config(&args)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("mvirt-vmm: error: loading state: {e}");
            return ExitCode::FAILURE;
        }
    };
    // A host without bridge support still runs VMs without --net: the
    // failure is logged and shown by `mvirt status`, and retried at starts.
    let _ = vmm.setup_network();
    // `--version` of cloud-hypervisor runs once, in the background.
    let probe = std::sync::Arc::clone(&vmm);
    std::thread::spawn(move || probe.ch_version());
    let stopper = std::sync::Arc::clone(&vmm);
    let timeout = Duration::from_secs(args.shutdown_timeout);
    let spawned = std::thread::Builder::new()
        .name("mvirt-signals".into())
        .spawn(move || on_stop_signal(signals, stopper, timeout));
    if let Err(e) = spawned {
        // Without it SIGTERM would go unheard, and the guests be killed.
        eprintln!("mvirt-vmm: error: no thread for SIGTERM: {e}");
        return ExitCode::FAILURE;
    }
    match mvirt_vmm::server::serve(vmm, &args.socket, &args.kvm, args.max_in_flight) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mvirt-vmm: error: {}: {e}", args.socket.display());
            ExitCode::FAILURE
        }
    }
}
