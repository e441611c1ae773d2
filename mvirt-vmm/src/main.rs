//! `mvirt-vmm`: the VM daemon.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use mvirt_config::HostConfig;
use mvirt_vmm::datadisk;
use mvirt_vmm::hostconfig;
use mvirt_vmm::lock::StateLock;
use mvirt_vmm::net;
use mvirt_vmm::server::{HostOptions, Limits};
use mvirt_vmm::signals::{self, StopSignals};
use mvirt_vmm::transport::{self, Listen};
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
    /// The data disk mounted on --data-dir before anything is read:
    /// `auto` (the one ext4 volume labelled mvirt-data; a kernel argument
    /// mvirt.data=DEVICE|auto|none overrides it), `none` (state in RAM), or
    /// a block device holding ext4. Never formatted: see docs/host.md.
    #[arg(long, default_value = "none", value_name = "auto|none|DEVICE")]
    data_disk: datadisk::Choice,
    /// The config volume (docs/host.md): `auto` (the one vfat volume
    /// labelled CIDATA; a kernel argument mvirt.config=DEVICE|auto|none
    /// overrides it), `none`, or a block device. Its meta-data,
    /// network-config and user-data set the host's name, network, API and
    /// data disk; a volume with any problem is not used at all.
    #[arg(long, default_value = "none", value_name = "auto|none|DEVICE")]
    config_volume: datadisk::Choice,
    /// Where the data disk is mounted.
    #[arg(long, default_value = "/var/lib/mvirt", value_name = "DIR")]
    data_dir: PathBuf,
    /// Where VM definitions are kept.
    #[arg(long, default_value = "/var/lib/mvirt/vms")]
    state_dir: PathBuf,
    /// Where VM API sockets, serial logs and cloud-hypervisor logs go.
    #[arg(long, default_value = "/run/mvirt/vms")]
    run_dir: PathBuf,
    /// Where pushed images (`mvirt image push`) are kept.
    #[arg(long, default_value = "/var/lib/mvirt/images", value_name = "DIR")]
    image_dir: PathBuf,
    /// The largest image a push may send, in bytes.
    #[arg(long, default_value_t = mvirt_vmm::images::DEFAULT_MAX_SIZE, value_name = "BYTES")]
    max_image_size: u64,
    /// The cloud-hypervisor binary.
    #[arg(long, default_value = "/usr/bin/cloud-hypervisor")]
    cloud_hypervisor: PathBuf,
    /// Also serve the API over TCP on this address (e.g. 0.0.0.0:8443),
    /// with mutual TLS: a client needs a certificate from a --client-ca.
    /// The config volume's `api` replaces this and --client-ca.
    #[arg(long, value_name = "ADDR:PORT", requires = "client_ca")]
    listen: Option<std::net::SocketAddr>,
    /// The CAs (a PEM file of one or more certificates) whose client
    /// certificates --listen accepts; made by `mvirt pki ca`.
    #[arg(long, value_name = "PEM", requires = "listen")]
    client_ca: Option<PathBuf>,
    /// If --client-ca is missing or bad, or the server identity cannot be
    /// made, say so and serve the unix socket alone, instead of refusing
    /// to start (for a host, whose daemon must stay reachable locally).
    #[arg(long, requires = "listen")]
    listen_if_ca: bool,
    /// Where the server's key and certificate are kept (made at the first
    /// start with --listen; the key never leaves it).
    #[arg(long, default_value = "/var/lib/mvirt/tls", value_name = "DIR")]
    tls_dir: PathBuf,
    /// Serve POST /v1/host/shutdown and /v1/host/reboot (admins only) by
    /// signalling PID 1, as `mvirt shutdown|reboot` on the host does. For
    /// the daemon of an mvirt-os host; never where PID 1 is someone else's.
    #[arg(long)]
    host_power: bool,
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
    /// Give the host its own address and name from the kernel's `ip=`
    /// (static: ip=ADDR::GATEWAY:NETMASK:HOSTNAME:DEVICE:off), on the
    /// bridge when DEVICE is its uplink. For the daemon of an mvirt-os host.
    #[arg(long)]
    host_network: bool,
    /// Where the kernel command line is read from (for mvirt.uplink=,
    /// mvirt.data= and ip=).
    #[arg(long, default_value = "/proc/cmdline", value_name = "FILE")]
    kernel_cmdline: PathBuf,
    /// At SIGTERM or SIGINT (host shutdown), how long the guests get to
    /// power off after their power buttons are pressed, all at once;
    /// then vm.shutdown, vmm.shutdown and SIGKILL, which may take up to
    /// 12 s more. pideins' stop_timeout_ms for mvirt-vmm must exceed both.
    #[arg(long, default_value_t = 20, value_name = "SECS",
          value_parser = clap::value_parser!(u64).range(0..=3600))]
    shutdown_timeout: u64,
    /// VM operations served at once; more are answered 503.
    #[arg(long, default_value_t = mvirt_vmm::server::MAX_IN_FLIGHT, hide = true)]
    max_in_flight: usize,
    /// API connections open at once [default: 4096, or the open-file
    /// limit less 256 if that is lower]. More are closed as they come.
    #[arg(long, value_name = "N",
          value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    max_connections: Option<u64>,
    /// How long a client has to send a request's head (and an idle
    /// connection is kept), in milliseconds.
    #[arg(long, default_value_t = 10_000, value_name = "MS", hide = true,
          value_parser = clap::value_parser!(u64).range(1..=600_000))]
    header_timeout_ms: u64,
    /// How long a client has to send a request's body, in milliseconds.
    #[arg(long, default_value_t = 10_000, value_name = "MS", hide = true,
          value_parser = clap::value_parser!(u64).range(1..=600_000))]
    body_timeout_ms: u64,
}

/// Raises the soft open-file limit to the hard one (each API connection
/// is a descriptor); returns the limit in force.
fn raise_nofile() -> Option<u64> {
    use rustix::process::{getrlimit, setrlimit, Resource};
    let mut limit = getrlimit(Resource::Nofile);
    if limit.current < limit.maximum {
        limit.current = limit.maximum;
        if let Err(e) = setrlimit(Resource::Nofile, limit) {
            eprintln!("mvirt-vmm: raising the open-file limit: {e}");
        }
    }
    getrlimit(Resource::Nofile).current
}

/// The transport's limits: by default, connections bounded by the
/// open-file limit, keeping 256 descriptors for VMs' logs, taps and the
/// daemon's own. A --max-connections above that is taken as said (the
/// accept loop then meets EMFILE, and waits it out).
fn limits(args: &Args) -> Limits {
    let nofile = raise_nofile();
    let fit = nofile.map_or(4096, |n| n.saturating_sub(256).clamp(16, 4096));
    let max_connections = match args.max_connections {
        Some(n) => {
            if nofile.is_some_and(|f| n > f) {
                eprintln!("mvirt-vmm: --max-connections {n} exceeds the open-file limit");
            }
            n
        }
        None => fit,
    };
    Limits {
        max_connections: usize::try_from(max_connections).unwrap_or(usize::MAX),
        max_in_flight: args.max_in_flight,
        header_timeout: Duration::from_millis(args.header_timeout_ms),
        body_timeout: Duration::from_millis(args.body_timeout_ms),
        ..Limits::default()
    }
}

/// `flag`, or when it is `auto` the kernel's `word` if any (a word that
/// does not parse is reported and ignored), else `fallback`'s.
fn choice(
    flag: &datadisk::Choice,
    cmdline: &str,
    word: &str,
    fallback: Option<&str>,
) -> datadisk::Choice {
    if *flag != datadisk::Choice::Auto {
        return flag.clone();
    }
    match datadisk::Choice::from_cmdline_word(cmdline, word) {
        Some(Ok(choice)) => return choice,
        Some(Err(e)) => eprintln!("mvirt-vmm: ignoring the kernel argument {word}{e}"),
        None => {}
    }
    // The config volume's data-disk was checked when it was read.
    fallback
        .and_then(|f| f.parse().ok())
        .unwrap_or(datadisk::Choice::Auto)
}

/// The bridge and its uplink: --uplink, the kernel's `mvirt.uplink=`, or
/// the config volume's bridged interface.
fn net_config(args: &Args, cmdline: &str, config: Option<&HostConfig>) -> Option<net::Config> {
    if args.no_bridge {
        return None;
    }
    let uplink = args
        .uplink
        .clone()
        .or_else(|| net::uplink_from_cmdline(cmdline))
        .or_else(|| match mvirt_vmm::hostnet::config_uplink(config)? {
            Ok(name) => Some(name),
            Err(e) => {
                eprintln!("mvirt-vmm: {e}");
                None
            }
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
    // No /proc/cmdline (a test, a container): no kernel arguments.
    let cmdline = std::fs::read_to_string(&args.kernel_cmdline).unwrap_or_default();
    let config_choice = choice(
        &args.config_volume,
        &cmdline,
        hostconfig::CONFIG_PARAM,
        None,
    );
    let mut loaded = hostconfig::load(&config_choice, &args.bridge);
    let data_disk = loaded.config.as_ref().and_then(|c| c.data_disk.clone());
    let storage = datadisk::prepare(
        &choice(
            &args.data_disk,
            &cmdline,
            datadisk::DATA_PARAM,
            data_disk.as_deref(),
        ),
        &args.data_dir,
    );
    if storage.persistent {
        let writable = !storage.read_only;
        hostconfig::settle(
            &mut loaded,
            &config_choice,
            &args.data_dir,
            writable,
            &args.bridge,
        );
    }
    eprintln!("mvirt-vmm: config volume: {}", loaded.detail);
    let config = loaded.config.as_ref();
    eprintln!(
        "mvirt-vmm: state {}: {}",
        if storage.persistent {
            "on the data disk"
        } else {
            "in RAM"
        },
        storage.detail
    );
    // Before anything of the state is read or the socket touched: a second
    // daemon on the same state leaves the first one's alone.
    let _lock = match StateLock::acquire(&args.state_dir) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("mvirt-vmm: error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let paths = Paths {
        state_dir: args.state_dir.clone(),
        run_dir: args.run_dir.clone(),
        cloud_hypervisor: args.cloud_hypervisor.clone(),
    };
    let net = net_config(&args, &cmdline, config);
    let vmm = match Vmm::load(paths, net.clone()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("mvirt-vmm: error: loading state: {e}");
            return ExitCode::FAILURE;
        }
    };
    // A host without bridge support still runs VMs without --net: the
    // failure is logged and shown by `mvirt status`, and retried at starts.
    let bridge_ready = vmm.setup_network().is_ok();
    if args.host_network {
        let done = mvirt_vmm::hostnet::configure(&cmdline, config, net.as_ref(), bridge_ready);
        eprintln!("mvirt-vmm: host network: {done}");
        vmm.set_host_address(done);
    }
    let booting = std::sync::Arc::clone(&vmm);
    std::thread::spawn(move || booting.autostart());
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
    let listen = match listeners(&args, config) {
        Ok(l) => l,
        // On a host (--listen-if-ca) a bad CA file, or an identity that
        // cannot be made (a read-only data disk), must not cost the unix
        // socket: a daemon that exits is restarted into the same error.
        Err(e) if args.listen_if_ca || config.is_some_and(|c| c.api.is_some()) => {
            eprintln!("mvirt-vmm: the API over TLS is OFF: {e}");
            vec![Listen::Unix(args.socket.clone())]
        }
        Err(e) => {
            eprintln!("mvirt-vmm: error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let on_bound = |l: &Listen, addr: Option<std::net::SocketAddr>| match (l, addr) {
        (Listen::Tls { .. }, Some(a)) => {
            eprintln!("mvirt-vmm: serving on https://{a} (mutual TLS)")
        }
        _ => eprintln!("mvirt-vmm: serving on {l}"),
    };
    let host = HostOptions {
        kvm_dev: args.kvm.clone(),
        host_power: args.host_power,
        images: std::sync::Arc::new(mvirt_vmm::images::Store::new(
            &args.image_dir,
            args.max_image_size,
        )),
        storage,
        config: loaded.detail.clone(),
    };
    match transport::serve(vmm, &listen, host, limits(&args), &on_bound) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mvirt-vmm: error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The host's name, for the server certificate made at the first start.
fn hostname() -> String {
    let name = rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned();
    if name.is_empty() || name == "(none)" {
        "mvirt".into()
    } else {
        name
    }
}

/// Where the API over TLS listens, whose client certificates it takes (a
/// PEM bundle) and where that was said: the config volume's `api`, else --listen and
/// --client-ca; None when neither says (or, with --listen-if-ca, when the
/// CA file is not there yet).
fn tls_source(
    args: &Args,
    config: Option<&HostConfig>,
) -> Result<Option<(std::net::SocketAddr, String, String)>, String> {
    if let Some(api) = config.and_then(|c| c.api.as_ref()) {
        let origin = "the config volume's api.client-ca".to_string();
        return Ok(Some((api.listen, api.client_ca.clone(), origin)));
    }
    let (Some(addr), Some(ca_file)) = (args.listen, &args.client_ca) else {
        return Ok(None);
    };
    match mvirt_atomic::read_input_to_string(ca_file, 1 << 20) {
        Ok(cas) => Ok(Some((
            addr,
            cas,
            format!("--client-ca {}", ca_file.display()),
        ))),
        // The image names a CA on the data disk, which an operator may not
        // have put there yet: the host keeps its unix socket, and says so.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && args.listen_if_ca => {
            eprintln!(
                "mvirt-vmm: the API over TLS is OFF: no client CA at {} (put your operators' \
                 CA certificate there, made by `mvirt pki ca`, or give a config volume; \
                 docs/host.md)",
                ca_file.display()
            );
            Ok(None)
        }
        Err(e) => Err(format!("--client-ca {}: {e}", ca_file.display())),
    }
}

/// The unix socket, and the TLS address if [`tls_source`] gives one: its
/// server identity (kept in --tls-dir, made at the first start) and its
/// client CAs. The server certificate's fingerprint is printed, for
/// clients to pin.
fn listeners(args: &Args, config: Option<&HostConfig>) -> Result<Vec<Listen>, String> {
    let mut listen = vec![Listen::Unix(args.socket.clone())];
    let Some((addr, cas, origin)) = tls_source(args, config)? else {
        return Ok(listen);
    };
    let id = mvirt_tls::identity::load_or_create(&args.tls_dir, &hostname())
        .map_err(|e| format!("the server identity in {}: {e}", args.tls_dir.display()))?;
    eprintln!(
        "mvirt-vmm: server certificate {} ({} {})",
        id.fingerprint,
        if id.created { "made now in" } else { "kept in" },
        args.tls_dir.display()
    );
    let config = mvirt_tls::server_config(&id.pem, &cas).map_err(|e| format!("{origin}: {e}"))?;
    listen.push(Listen::Tls { addr, config });
    Ok(listen)
}
