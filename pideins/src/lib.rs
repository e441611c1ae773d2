//! pideins — PID 1 of mvirt-os.
//!
//! Brings the system up (file systems, console, hostname, `lo`), starts and
//! supervises the services of /etc/pideins/services.toml, reaps every
//! zombie, and shuts down cleanly on a signal or the ACPI power button:
//! SIGUSR2/SIGPWR and a power-button press power off,
//! SIGTERM/SIGINT (Ctrl-Alt-Del) reboot. PID 1 must never exit (the kernel
//! panics), so every failure is logged and the loop goes on; a panic in the
//! loop is caught and logged too.
//!
//! Host tests run it as PID 1 of a new PID namespace (`unshare --pid`),
//! where reboot(2) ends the namespace instead of the machine: the parent
//! sees PID 1 killed by SIGINT (power-off/halt) or SIGHUP (restart).

pub mod cmdline;
pub mod config;
pub mod log;
pub mod power_button;
pub mod selfcheck;
pub mod supervisor;
pub mod system;

use std::io::Write;
use std::os::fd::AsFd;
use std::path::Path;
use std::time::{Duration, Instant};

use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::reboot::{reboot, set_cad_enabled, RebootMode};
use nix::sys::signal::{SigSet, Signal};
use nix::sys::signalfd::{SfdFlags, SignalFd};
use power_button::PowerButtons;
use selfcheck::SelfCheck;
use supervisor::Supervisor;

/// What a shutdown ends in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Halt {
    PowerOff,
    Reboot,
}

fn handled_signals() -> SigSet {
    let mut set = SigSet::empty();
    for sig in [
        Signal::SIGCHLD,
        Signal::SIGTERM,
        Signal::SIGINT,
        Signal::SIGUSR2,
        Signal::SIGPWR,
        Signal::SIGHUP,
    ] {
        set.add(sig);
    }
    set
}

/// Runs PID 1. Never returns.
/// pideins is an init: as PID 1 it mounts /proc and /sys, sets the
/// hostname, takes Ctrl-Alt-Del and powers off at the end. Started by hand
/// on a running system (`pideins --help`), any of that would act on the
/// host, so anything but PID 1 (of the machine or of a PID namespace) is
/// refused before the first step.
fn refuse_unless_pid1() {
    if std::process::id() != 1 {
        let _ = writeln!(
            std::io::stderr(),
            "pideins: an init, not a command: it runs only as PID 1 (the kernel's /init, or `unshare --pid --fork --mount-proc pideins`) and takes no arguments; this is PID {}, so it changes nothing and exits",
            std::process::id()
        );
        std::process::exit(2);
    }
}

pub fn run() -> ! {
    refuse_unless_pid1();
    std::panic::set_hook(Box::new(|info| log!("internal error: {info}")));
    system::attach_console();
    log!(
        "starting (pid {}, version {})",
        std::process::id(),
        env!("CARGO_PKG_VERSION")
    );

    let signals = handled_signals();
    if let Err(e) = signals.thread_block() {
        log!("blocking signals failed: {e}");
    }
    let sfd = match SignalFd::with_flags(&signals, SfdFlags::SFD_CLOEXEC | SfdFlags::SFD_NONBLOCK) {
        Ok(fd) => Some(fd),
        Err(e) => {
            log!("signalfd failed: {e}; falling back to polling");
            None
        }
    };
    // Ctrl-Alt-Del: the kernel sends SIGINT to PID 1 instead of rebooting.
    if let Err(e) = set_cad_enabled(false) {
        log!("cannot take over Ctrl-Alt-Del: {e}");
    }

    let mounted = system::mount_all();
    let options = cmdline::parse(&cmdline::read());
    system::set_hostname(options.hostname.as_deref());
    system::loopback_up();
    let mut buttons = PowerButtons::open(Path::new("/sys/class/input"), Path::new("/dev/input"));

    let specs = match config::load() {
        Ok(c) => c.services,
        Err(e) => {
            log!("configuration error: {e}; starting no services");
            Vec::new()
        }
    };
    let mut sup = Supervisor::new(specs);
    let timeout = options
        .selfcheck_timeout_s
        .map_or(selfcheck::DEFAULT_TIMEOUT, Duration::from_secs);
    let mut selfcheck = options
        .selfcheck
        .map(|argv| SelfCheck::new(argv, timeout, Instant::now()));
    log!("up after {:.2}s", system::uptime());

    loop {
        let step = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            step(&mut sup, sfd.as_ref(), &mut buttons, &mut selfcheck)
        }));
        match step {
            Ok(Some(halt)) => shutdown(&mut sup, &mounted, halt),
            Ok(None) => {}
            Err(_) => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}

/// One turn of the main loop: start what is due, wait for a signal, a
/// power-button press or the next deadline, reap, and drive the self-check.
/// Returns a shutdown request.
fn step(
    sup: &mut Supervisor,
    sfd: Option<&SignalFd>,
    buttons: &mut PowerButtons,
    selfcheck: &mut Option<SelfCheck>,
) -> Option<Halt> {
    sup.start_due();
    if let Some(check) = selfcheck.as_mut() {
        check.start_due(sup, Instant::now());
    }
    let wake = [
        sup.next_deadline(),
        selfcheck.as_ref().map(SelfCheck::wake_at),
    ]
    .into_iter()
    .flatten()
    .min();
    let halt = wait(sfd, buttons, wake);
    sup.reap();
    if let Some(check) = selfcheck.as_mut() {
        // Passed or failed, the check's verdict is on the console: done.
        if check.verdict(sup, Instant::now()).is_some() {
            *selfcheck = None;
            return Some(Halt::PowerOff);
        }
    }
    halt
}

/// Waits (at most a second, and not past `wake`) for a signal or a
/// power-button press; returns the shutdown they ask for.
fn wait(sfd: Option<&SignalFd>, buttons: &mut PowerButtons, wake: Option<Instant>) -> Option<Halt> {
    let timeout_ms = wake.map_or(1000, |d| {
        d.saturating_duration_since(Instant::now())
            .as_millis()
            .clamp(1, 1000) as u16
    });
    let mut halt = None;
    match sfd {
        Some(sfd) => {
            let mut fds: Vec<PollFd> = std::iter::once(sfd.as_fd())
                .chain(buttons.fds())
                .map(|fd| PollFd::new(fd, PollFlags::POLLIN))
                .collect();
            let _ = poll(&mut fds, PollTimeout::from(timeout_ms));
            while let Ok(Some(info)) = sfd.read_signal() {
                halt = halt_for(info.ssi_signo as i32).or(halt);
            }
        }
        None => std::thread::sleep(Duration::from_millis(u64::from(timeout_ms))),
    }
    if buttons.pressed() {
        log!("power button pressed: powering off");
        halt = Some(Halt::PowerOff);
    }
    halt
}

/// The shutdown a signal asks for: SIGUSR2 and SIGPWR power off, SIGTERM
/// and SIGINT (Ctrl-Alt-Del) reboot.
fn halt_for(signo: i32) -> Option<Halt> {
    let signal = Signal::try_from(signo).ok()?;
    let (halt, what) = match signal {
        Signal::SIGUSR2 | Signal::SIGPWR => (Halt::PowerOff, "powering off"),
        Signal::SIGTERM | Signal::SIGINT => (Halt::Reboot, "rebooting"),
        _ => return None,
    };
    log!("received {}: {what}", signal.as_str());
    Some(halt)
}

/// Stops services, ends all processes, syncs, unmounts, then reboot(2).
fn shutdown(sup: &mut Supervisor, mounted: &[&str], halt: Halt) -> ! {
    log!("shutting down ({halt:?})");
    sup.stop_all();
    if sup.orphans_reaped > 0 {
        log!("reaped {} orphaned processes in total", sup.orphans_reaped);
    }
    nix::unistd::sync();
    system::unmount_disks();
    system::unmount_all(mounted);
    nix::unistd::sync();
    let mode = match halt {
        Halt::PowerOff => RebootMode::RB_POWER_OFF,
        Halt::Reboot => RebootMode::RB_AUTOBOOT,
    };
    log!(
        "{}",
        if halt == Halt::PowerOff {
            "power off"
        } else {
            "reboot"
        }
    );
    let Err(e) = reboot(mode);
    log!("reboot(2) failed: {e}");
    // reboot(2) does not return on success; should it fail, idle forever
    // rather than exit (an exiting PID 1 panics the kernel).
    loop {
        std::thread::sleep(Duration::from_secs(3600));
    }
}
