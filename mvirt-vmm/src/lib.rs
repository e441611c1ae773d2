//! mvirt-vmm: the daemon that manages cloud-hypervisor VMs on an mvirt-os
//! host. Started and supervised by pideins; serves `mvirt_api` on a unix
//! socket; keeps VM definitions under /var/lib/mvirt; puts guests with
//! `--net` on the bridge `mvirt0`.

pub mod datadisk;
pub mod host;
pub mod hostconfig;
pub mod hostnet;
pub mod images;
pub mod lock;
pub mod logs;
pub mod net;
pub mod process;
pub mod server;
pub mod signals;
pub mod transport;
pub mod vms;
