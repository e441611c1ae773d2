//! Autostart: VMs created with `autostart` start when the host boots.
//!
//! "When the host boots" is the first daemon start since the boot: a
//! marker in the run directory (a tmpfs, empty at each boot) records that
//! the VMs were started. A daemon that pideins restarts after a crash finds
//! the marker and leaves alone the VMs an operator stopped meanwhile.

use std::path::Path;
use std::sync::Arc;

use mvirt_api::VmState;

use super::{lock, Vmm};

/// The marker's name in the run directory.
pub const MARKER: &str = ".autostarted";

impl Vmm {
    /// The names of the VMs to start at boot: autostart, not running.
    fn autostart_names(&self) -> Vec<String> {
        lock(&self.table)
            .values()
            .filter(|r| r.info.spec.autostart && r.info.state != VmState::Running)
            .map(|r| r.info.spec.name.clone())
            .collect()
    }

    /// Starts the autostart VMs, once per boot (see the module's doc), one
    /// after the other; each outcome is logged. Returns the names started.
    pub fn autostart(self: &Arc<Self>) -> Vec<String> {
        let marker = self.paths.run_dir.join(MARKER);
        if !claim_marker(&marker) {
            return Vec::new();
        }
        let mut started = Vec::new();
        for name in self.autostart_names() {
            match self.start(&name) {
                Ok(_) => {
                    eprintln!("mvirt-vmm: autostart: started {name}");
                    started.push(name);
                }
                Err(e) => eprintln!("mvirt-vmm: autostart: {name}: {}", e.message),
            }
        }
        started
    }
}

/// Creates the marker; false if it was there already (or cannot be made:
/// then nothing is started rather than everything twice).
fn claim_marker(marker: &Path) -> bool {
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(marker)
    {
        Ok(_) => true,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => false,
        Err(e) => {
            eprintln!(
                "mvirt-vmm: autostart: cannot record it in {}: {e}; not starting VMs",
                marker.display()
            );
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_is_claimed_once() {
        let dir = tempfile::tempdir().unwrap();
        let marker = dir.path().join(MARKER);
        assert!(claim_marker(&marker));
        assert!(!claim_marker(&marker));
        assert!(!claim_marker(&dir.path().join("missing/dir").join(MARKER)));
    }
}
