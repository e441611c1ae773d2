//! What the daemon keeps of a VM, and the marks of the requests at work on it.
//!
//! Every record has an `id`, given once when it enters the table (at create
//! or at load) and never reused. A [`Claim`] names the record by that id, not
//! by its name: a VM deleted and created again under the same name is
//! another record, and nothing that belonged to the first (a busy mark, a
//! start's result) can land on the second.

use std::sync::Arc;

use mvirt_api::{VmInfo, VmState};
use serde::{Deserialize, Serialize};

use super::{lock, refuse, Refusal, Shared};
use crate::process::Proc;

/// What a request is doing to a VM, which other requests must not disturb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Op {
    Starting,
    Stopping,
    Deleting,
}

/// What the daemon keeps of a VM, in memory and in `<name>.json`: what the
/// API reports, and the identity of its process.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct Record {
    #[serde(flatten)]
    pub(super) info: VmInfo,
    /// `info.pid`'s start time (see [`crate::process::ProcStat`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) pid_start_ticks: Option<u64>,
    /// The running process (with `info.state` Running).
    #[serde(skip)]
    pub(super) proc: Option<Arc<Proc>>,
    #[serde(skip)]
    pub(super) busy: Option<Op>,
    /// This record's identity in the table (see the module's doc).
    #[serde(skip)]
    pub(super) id: u64,
}

impl Record {
    /// What the API shows: Running shows as Stopping while a stop runs.
    pub(super) fn view(&self) -> VmInfo {
        let mut info = self.info.clone();
        if self.busy == Some(Op::Stopping) && info.state == VmState::Running {
            info.state = VmState::Stopping;
        }
        info
    }

    pub(super) fn managed_tap(&self) -> Option<String> {
        self.info
            .net
            .as_ref()
            .filter(|n| n.managed)
            .map(|n| n.tap.clone())
    }

    /// The 409 for a request `wanted` ("start it", ...) while another runs.
    pub(super) fn check_idle(&self, wanted: &str) -> Result<(), Refusal> {
        let name = &self.info.spec.name;
        match self.busy {
            None => Ok(()),
            Some(Op::Starting) => Err(refuse(
                409,
                format!("{name} is being started by another request; try again in a moment"),
            )),
            Some(Op::Stopping) => Err(refuse(
                409,
                format!(
                    "{name} is being stopped by another request; {wanted} when that stop has ended"
                ),
            )),
            Some(Op::Deleting) => Err(refuse(409, format!("{name} is being deleted"))),
        }
    }
}

/// The busy mark of one operation on one record; cleared when dropped, if
/// that record is still in the table (a deleted record takes its mark with
/// it, and a new record of the same name has another id).
pub(super) struct Claim {
    vmm: Shared,
    name: String,
    id: u64,
    op: Op,
}

impl Claim {
    /// Marks `rec` busy with `op`, which the caller has checked it may be.
    pub(super) fn mark(vmm: &Shared, rec: &mut Record, op: Op) -> Claim {
        rec.busy = Some(op);
        Claim {
            vmm: Arc::clone(vmm),
            name: rec.info.spec.name.clone(),
            id: rec.id,
            op,
        }
    }

    /// Whether `rec` is the record this claim was made on.
    pub(super) fn owns(&self, rec: &Record) -> bool {
        rec.id == self.id
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        if let Some(rec) = lock(&self.vmm.table).get_mut(&self.name) {
            if rec.id == self.id && rec.busy == Some(self.op) {
                rec.busy = None;
            }
        }
    }
}
