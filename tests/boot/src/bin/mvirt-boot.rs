//! `mvirt-boot`: boot a UKI in QEMU under OVMF on this terminal
//! (`make boot`). The serial console is the terminal; Ctrl-A X quits.

use std::os::unix::process::CommandExt;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Parser, Subcommand};
use mvirt_boot::{base_args, make_esp, ovmf_args, probe_accel, Accel, OVMF_CODE, OVMF_VARS};

#[derive(Parser)]
#[command(name = "mvirt-boot", version, about = "Boot mvirt-os images in QEMU")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Boot a UKI under OVMF with the serial console on this terminal.
    Interactive {
        #[arg(long)]
        uki: PathBuf,
        /// Kernel and initramfs for the KVM probe.
        #[arg(long)]
        kernel: PathBuf,
        #[arg(long)]
        initrd: PathBuf,
        #[arg(long, default_value_t = 1024)]
        memory: u32,
    },
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Cmd::Interactive {
            uki,
            kernel,
            initrd,
            memory,
        } => {
            let work = std::env::temp_dir().join(format!("mvirt-boot-{}", std::process::id()));
            std::fs::create_dir_all(&work)?;
            let accel = probe_accel(&kernel, &initrd, &work.join("accel"));
            eprintln!(
                "mvirt-boot: booting {} under OVMF with {}{} — Ctrl-A X quits",
                uki.display(),
                accel.name(),
                if accel == Accel::Tcg {
                    " (KVM unusable here: software emulation, slow)"
                } else {
                    ""
                }
            );
            let vars = work.join("vars.fd");
            std::fs::copy(OVMF_VARS, &vars)?;
            let esp = make_esp(&work, &uki)?;
            let mut args = base_args(accel, memory);
            // The terminal is the serial console, multiplexed with the monitor.
            let serial = args.iter().position(|a| a == "stdio").expect("serial arg");
            args[serial] = "mon:stdio".into();
            if let Some(m) = args.iter().position(|a| a == "-monitor") {
                args.drain(m..m + 2);
            }
            args.extend(ovmf_args(OVMF_CODE.as_ref(), &vars, &esp, false));
            Err(std::process::Command::new("qemu-system-x86_64")
                .args(&args)
                .exec()
                .into())
        }
    }
}
