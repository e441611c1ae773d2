//! Stopping VMs: a request's stop or kill, and the host shutdown.

use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use mvirt_api::{VmInfo, VmState};

use super::exit::ending;
use super::record::{Claim, Op};
use super::state::save;
use super::{chain, lock, no_such, refuse, Refusal, Vmm};
use crate::net;
use crate::process::Proc;

/// How long cloud-hypervisor gets to end after `vm.shutdown` and
/// `vmm.shutdown` (it tears the VM down at once) before SIGKILL.
pub const API_SHUTDOWN_GRACE: Duration = Duration::from_secs(2);
/// How long one call to cloud-hypervisor's API may take.
const CH_API_TIMEOUT: Duration = Duration::from_secs(2);
/// How long a SIGKILLed process gets to be reaped.
const KILL_WAIT: Duration = Duration::from_secs(5);
/// How long a stop may run past its timeout, at most: the power button
/// call begun just before the deadline, `vm.shutdown` and `vmm.shutdown`
/// (one [`CH_API_TIMEOUT`] each, [`API_SHUTDOWN_GRACE`] running alongside),
/// the reaping after SIGKILL, and a second to spare. A supervisor that
/// stops mvirt-vmm must allow it the shutdown timeout plus this (see
/// /etc/pideins/services.toml).
pub const ESCALATION_MAX: Duration =
    Duration::from_secs(3 * CH_API_TIMEOUT.as_secs() + KILL_WAIT.as_secs() + 1);
/// How often a host shutdown looks again at a VM another request is
/// starting (a start takes no long waits).
const BUSY_POLL: Duration = Duration::from_millis(10);

/// What a host shutdown did (see [`Vmm::shutdown`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShutdownReport {
    /// VMs that were running (or starting) when it began.
    pub vms: usize,
    /// Those still running at its end, with their pids: their processes
    /// did not end even after SIGKILL.
    pub still_running: Vec<(String, u32)>,
    pub took: Duration,
}

/// What a host shutdown finds a VM doing.
enum Found {
    /// Not running (any more): nothing to do.
    Idle,
    /// Being started (or deleted) by a request: look again in a moment.
    Busy,
    /// Running, and now claimed for the shutdown's stop.
    Claimed(Claim, Arc<Proc>, String),
    /// Being stopped by a request (with its own, maybe longer, timeout).
    StoppedByRequest(Arc<Proc>, String),
}

impl Vmm {
    /// Graceful stop: the ACPI power button (`vm.power-button`), then up to
    /// `timeout` for the guest to power off (cloud-hypervisor exits when it
    /// does); then `vm.shutdown` and `vmm.shutdown`, which end the VM at
    /// once, and [`API_SHUTDOWN_GRACE`] for them; then SIGKILL.
    pub fn stop(self: &Arc<Self>, name: &str, timeout: Duration) -> Result<VmInfo, Refusal> {
        let (claim, rec) = self.claim(name, Op::Stopping, |r| {
            if r.busy == Some(Op::Stopping) {
                return Err(refuse(
                    409,
                    format!("{name} is being stopped already by another request"),
                ));
            }
            r.check_idle("stop it")?;
            if r.info.state != VmState::Running || r.proc.is_none() {
                return Err(refuse(409, format!("{name} is not running")));
            }
            Ok(())
        })?;
        let Some(proc) = rec.proc else {
            return Err(refuse(409, format!("{name} is not running")));
        };
        let deadline = Instant::now().checked_add(timeout).ok_or_else(|| {
            refuse(
                400,
                format!("timeout {}s is too long", timeout.as_secs_f64()),
            )
        })?;
        let socket = Path::new(&rec.info.api_socket);
        self.power_off(name, &proc, socket, timeout, deadline, "")?;
        self.stopped(claim, name)
    }

    /// The steps of a stop (see [`Vmm::stop`]) once the VM is claimed: the
    /// button, the wait until `deadline` (`timeout` after the stop began),
    /// the escalation. `context` starts each ending ("" or
    /// [`ending::HOST_SHUTDOWN`]).
    fn power_off(
        &self,
        name: &str,
        proc: &Proc,
        socket: &Path,
        timeout: Duration,
        deadline: Instant,
        context: &str,
    ) -> Result<(), Refusal> {
        let secs = timeout.as_secs_f64();
        // Noted before the button is pressed: a quick guest may power off
        // before the call returns.
        proc.set_ending(format!("{context}{}", ending::POWER_BUTTON));
        // The call may take its time on a loaded host; it is bounded by
        // the stop's own deadline, not by a short per-call timeout.
        let call_timeout = deadline
            .saturating_duration_since(Instant::now())
            .max(CH_API_TIMEOUT);
        let after = match ch_put(socket, "vm.power-button", deadline, call_timeout, proc) {
            Ok(()) if proc.wait_ended(deadline) => return Ok(()),
            Ok(()) => format!("the guest did not power off within {secs}s of the power button"),
            // No answer in time (not a refusal): the button may well have
            // been pressed and the guest be shutting down. Killing it now
            // would cut its shutdown short, so it gets the whole timeout.
            Err(CallError::NoAnswer(e)) => {
                eprintln!("mvirt-vmm: {context}{name}: {e}; waiting for the guest anyway");
                if proc.wait_ended(deadline) {
                    return Ok(());
                }
                format!("the guest did not power off within {secs}s of the power button ({e})")
            }
            Err(CallError::Refused(e)) => {
                proc.clear_ending();
                eprintln!("mvirt-vmm: {context}{name}: {e}");
                format!("the power button failed ({e})")
            }
        };
        self.escalate(name, proc, socket, &after, context)
    }

    /// The end of a stop whose guest did not power off (`after` says
    /// what happened): `vm.shutdown` and `vmm.shutdown`, then SIGKILL.
    /// Returns once the end is recorded (or [`KILL_WAIT`] after SIGKILL).
    fn escalate(
        &self,
        name: &str,
        proc: &Proc,
        socket: &Path,
        after: &str,
        context: &str,
    ) -> Result<(), Refusal> {
        if proc.wait_exit(Some(Duration::ZERO)) {
            // It ended by itself meanwhile (the button failed for that).
            proc.wait_ended(Instant::now() + KILL_WAIT);
            return Ok(());
        }
        eprintln!("mvirt-vmm: {context}{name}: {after}; vm.shutdown and vmm.shutdown");
        proc.set_ending(format!("{context}{}", ending::api_shutdown(after)));
        let grace = Instant::now() + API_SHUTDOWN_GRACE;
        for call in ["vm.shutdown", "vmm.shutdown"] {
            if let Err(e) = ch_put(socket, call, Instant::now(), CH_API_TIMEOUT, proc) {
                eprintln!("mvirt-vmm: {context}{name}: {e}");
            }
        }
        if proc.wait_ended(grace) {
            return Ok(());
        }
        eprintln!("mvirt-vmm: {context}{name}: still running; SIGKILL");
        proc.set_ending(format!("{context}{}", ending::killed(after)));
        if let Err(e) = proc.kill() {
            return Err(refuse(500, format!("SIGKILL to {name}: {e}")));
        }
        proc.wait_ended(Instant::now() + KILL_WAIT);
        Ok(())
    }

    fn stopped(&self, claim: Claim, name: &str) -> Result<VmInfo, Refusal> {
        drop(claim);
        self.get(name)
    }

    /// SIGKILL, no questions asked; also ends a stop in progress at once.
    pub fn kill(&self, name: &str) -> Result<VmInfo, Refusal> {
        let proc = {
            let table = lock(&self.table);
            let rec = table.get(name).ok_or_else(|| no_such(name))?;
            if rec.busy == Some(Op::Starting) {
                rec.check_idle("kill it")?;
            }
            match (&rec.proc, rec.info.state) {
                (Some(p), VmState::Running) => Arc::clone(p),
                _ => return Err(refuse(409, format!("{name} is not running"))),
            }
        };
        proc.set_ending(ending::KILL);
        proc.kill()
            .map_err(|e| refuse(500, format!("SIGKILL to {name}: {e}")))?;
        proc.wait_ended(Instant::now() + KILL_WAIT);
        self.get(name)
    }

    /// Host shutdown: refuses further starts, then stops every running VM
    /// at once, each as [`Vmm::stop`] does with `timeout` (shared: all
    /// buttons are pressed together, and every guest has until the same
    /// deadline). Returns when every VM has ended, or at the latest
    /// [`ESCALATION_MAX`] after the deadline; then saves every VM's state
    /// and removes the managed taps of those that ended.
    pub fn shutdown(self: &Arc<Self>, timeout: Duration) -> ShutdownReport {
        let began = Instant::now();
        let names: Vec<String> = {
            let table = lock(&self.table);
            self.shutting_down.store(true, Ordering::SeqCst);
            // A start already past its check finishes; the VM is stopped then.
            table
                .values()
                .filter(|r| r.info.state == VmState::Running || r.busy == Some(Op::Starting))
                .map(|r| r.info.spec.name.clone())
                .collect()
        };
        let n = names.len();
        let log = |what: String| eprintln!("mvirt-vmm: host shutdown: {what}");
        if n == 0 {
            log("no VMs running".into());
        } else {
            log(format!(
                "stopping {n} VM{} (power button, up to {}s)",
                if n == 1 { "" } else { "s" },
                timeout.as_secs_f64()
            ));
        }
        // Both within reach of an Instant: the timeout is at most an hour.
        let deadline = began.checked_add(timeout).unwrap_or(began);
        let hard = deadline.checked_add(ESCALATION_MAX).unwrap_or(deadline);
        let (done_tx, done) = mpsc::channel();
        for name in names {
            let vmm = Arc::clone(self);
            let tx = done_tx.clone();
            let label = format!("shutdown-{name}");
            let spawned = std::thread::Builder::new()
                .name(label.clone())
                .spawn(move || {
                    vmm.shutdown_vm(&name, timeout, deadline, hard);
                    let _ = tx.send(());
                });
            if let Err(e) = spawned {
                // Out of threads: that VM is left to pideins' SIGKILL.
                log(format!("no thread for {label}: {e}"));
                let _ = done_tx.send(());
            }
        }
        drop(done_tx);
        for _ in 0..n {
            let left = hard.saturating_duration_since(Instant::now());
            if done.recv_timeout(left).is_err() {
                break;
            }
        }
        self.after_shutdown(n, began)
    }

    /// Stops one VM for [`Vmm::shutdown`].
    fn shutdown_vm(
        self: &Arc<Self>,
        name: &str,
        timeout: Duration,
        deadline: Instant,
        hard: Instant,
    ) {
        let context = ending::HOST_SHUTDOWN;
        loop {
            match self.find_for_shutdown(name) {
                Found::Idle => return,
                Found::Busy if Instant::now() < hard => std::thread::sleep(BUSY_POLL),
                Found::Busy => {
                    eprintln!(
                        "mvirt-vmm: {context}{name}: still busy with another request; left running"
                    );
                    return;
                }
                Found::Claimed(claim, proc, socket) => {
                    let r =
                        self.power_off(name, &proc, Path::new(&socket), timeout, deadline, context);
                    if let Err(e) = r {
                        eprintln!("mvirt-vmm: {context}{}", e.message);
                    }
                    drop(claim);
                    return;
                }
                Found::StoppedByRequest(proc, socket) => {
                    // Its request pressed the button (or is about to) and
                    // may wait longer than the host can: it gets the same
                    // deadline as the others, then the same escalation.
                    if proc.wait_ended(deadline) {
                        return;
                    }
                    let after = format!(
                        "the guest did not power off within {}s of the host shutdown \
                         (a stop request had pressed its power button)",
                        timeout.as_secs_f64()
                    );
                    if let Err(e) = self.escalate(name, &proc, Path::new(&socket), &after, context)
                    {
                        eprintln!("mvirt-vmm: {context}{}", e.message);
                    }
                    return;
                }
            }
        }
    }

    /// What a VM is doing, for [`Vmm::shutdown_vm`]; a running idle VM is
    /// claimed for the stop under the same lock.
    fn find_for_shutdown(self: &Arc<Self>, name: &str) -> Found {
        let mut table = lock(&self.table);
        let Some(r) = table.get_mut(name) else {
            return Found::Idle;
        };
        let socket = r.info.api_socket.clone();
        match (r.busy, r.proc.as_ref()) {
            (Some(Op::Stopping), Some(p)) => Found::StoppedByRequest(Arc::clone(p), socket),
            (Some(_), _) => Found::Busy,
            (None, Some(p)) if r.info.state == VmState::Running => {
                let proc = Arc::clone(p);
                let claim = Claim::mark(self, r, Op::Stopping);
                Found::Claimed(claim, proc, socket)
            }
            (None, _) => Found::Idle,
        }
    }

    /// The end of a host shutdown: every VM's state saved, leftover taps
    /// removed, the outcome logged.
    fn after_shutdown(&self, vms: usize, began: Instant) -> ShutdownReport {
        let mut still_running = Vec::new();
        let mut idle_taps = Vec::new();
        {
            let table = lock(&self.table);
            for (name, r) in table.iter() {
                match &r.proc {
                    Some(p) => still_running.push((name.clone(), p.pid)),
                    None => idle_taps.extend(r.managed_tap()),
                }
                if let Err(e) = save(&self.paths, r) {
                    eprintln!("mvirt-vmm: saving {name}: {e}");
                }
            }
        }
        // Each VM's end removed its tap already; this catches a removal
        // that failed then.
        for tap in idle_taps {
            if let Err(e) = net::remove_tap(&tap) {
                eprintln!("mvirt-vmm: host shutdown: {e}");
            }
        }
        let took = began.elapsed();
        if still_running.is_empty() {
            if vms > 0 {
                eprintln!(
                    "mvirt-vmm: host shutdown: all VMs stopped in {:.1}s",
                    took.as_secs_f64()
                );
            }
        } else {
            let list: Vec<String> = still_running
                .iter()
                .map(|(name, pid)| format!("{name} (pid {pid})"))
                .collect();
            eprintln!(
                "mvirt-vmm: host shutdown: still running after {:.1}s: {}",
                took.as_secs_f64(),
                list.join(", ")
            );
        }
        ShutdownReport {
            vms,
            still_running,
            took,
        }
    }
}

/// `PUT /api/v1/<call>` on cloud-hypervisor's API socket. A refused
/// connection is retried until `deadline` (a VM started a moment ago may
/// not have its socket up yet), unless the process has ended.
/// Why a call to cloud-hypervisor's API did not succeed.
#[derive(Debug)]
enum CallError {
    /// It answered with an error, or nobody listens: the call had no effect.
    Refused(String),
    /// The request went out but no answer came in time: it may have acted.
    NoAnswer(String),
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Refused(e) | CallError::NoAnswer(e) => f.write_str(e),
        }
    }
}

fn ch_put(
    socket: &Path,
    call: &str,
    deadline: Instant,
    timeout: Duration,
    proc: &Proc,
) -> Result<(), CallError> {
    use mvirt_api::client::ClientError;
    let path = format!("/api/v1/{call}");
    loop {
        match mvirt_api::client::request(socket, "PUT", &path, None, timeout) {
            Ok(r) if r.ok() => return Ok(()),
            Ok(r) => {
                return Err(CallError::Refused(format!(
                    "{call} answered {}: {}",
                    r.status,
                    r.error_message()
                )))
            }
            Err(ClientError::Connect { .. })
                if Instant::now() < deadline
                    && !proc.wait_exit(Some(Duration::from_millis(50))) => {}
            Err(e @ ClientError::Connect { .. }) => {
                return Err(CallError::Refused(format!("{call}: {}", chain(&e))))
            }
            Err(e) => return Err(CallError::NoAnswer(format!("{call}: {}", chain(&e)))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_escalation_takes_what_the_docs_say() {
        // mvirt-vmm --help (--shutdown-timeout) and pideins' services.toml
        // say 12 s; tests/shutdown.rs checks services.toml against this.
        assert_eq!(ESCALATION_MAX, Duration::from_secs(12));
    }
}
