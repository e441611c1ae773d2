//! `mvirt-boot`: boot a UKI in QEMU under OVMF (x86_64) or AAVMF (arm64, on
//! QEMU's `virt` board) on this terminal (`make boot`, `make boot
//! ARCH=arm64`). The serial console is the terminal; Ctrl-A X quits.

use std::os::unix::process::CommandExt;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use mvirt_boot::{arm64, base_args, make_esp, ovmf_args, probe_accel, Accel, OVMF_CODE, OVMF_VARS};

#[derive(Parser)]
#[command(name = "mvirt-boot", version, about = "Boot mvirt-os images in QEMU")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

/// The architecture of the UKI (make's ARCH).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Arch {
    #[value(name = "x86_64")]
    X86_64,
    Arm64,
}

#[derive(Subcommand)]
enum Cmd {
    /// Boot a UKI under UEFI firmware with the serial console on this terminal.
    Interactive {
        /// The UKI's architecture: x86_64 under OVMF (KVM when it works),
        /// arm64 under AAVMF on QEMU's virt board (always emulated here).
        #[arg(long, value_enum)]
        arch: Arch,
        #[arg(long)]
        uki: PathBuf,
        /// Kernel and initramfs for the KVM probe (x86_64).
        #[arg(long)]
        kernel: PathBuf,
        #[arg(long)]
        initrd: PathBuf,
        #[arg(long, default_value_t = 1024)]
        memory: u32,
    },
}

/// The terminal is the serial console, multiplexed with the monitor.
fn on_terminal(args: &mut Vec<String>) {
    let serial = args.iter().position(|a| a == "stdio").expect("serial arg");
    args[serial] = "mon:stdio".into();
    if let Some(m) = args.iter().position(|a| a == "-monitor") {
        args.drain(m..m + 2);
    }
}

/// QEMU's binary and arguments for an arm64 UKI under AAVMF.
fn arm64_boot(
    work: &std::path::Path,
    uki: &std::path::Path,
    memory: u32,
) -> Result<(&'static str, Vec<String>)> {
    eprintln!(
        "mvirt-boot: booting {} under AAVMF on QEMU virt (arm64, software emulation: slow) — Ctrl-A X quits",
        uki.display()
    );
    let vars = work.join("vars.fd");
    std::fs::copy(arm64::AAVMF_VARS, &vars)?;
    let esp = arm64::make_esp(work, uki)?;
    let mut args = arm64::base_args(memory);
    on_terminal(&mut args);
    args.extend(arm64::aavmf_args(&vars, &esp));
    Ok((arm64::QEMU, args))
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Cmd::Interactive {
            arch,
            uki,
            kernel,
            initrd,
            memory,
        } => {
            let work = std::env::temp_dir().join(format!("mvirt-boot-{}", std::process::id()));
            std::fs::create_dir_all(&work)?;
            if arch == Arch::Arm64 {
                let (qemu, args) = arm64_boot(&work, &uki, memory)?;
                return Err(std::process::Command::new(qemu).args(&args).exec().into());
            }
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
            on_terminal(&mut args);
            args.extend(ovmf_args(OVMF_CODE.as_ref(), &vars, &esp, false));
            Err(std::process::Command::new("qemu-system-x86_64")
                .args(&args)
                .exec()
                .into())
        }
    }
}
