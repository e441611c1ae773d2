//! Unified Kernel Images: assemble (systemd-stub + kernel + initrd + text
//! sections, as ukify does), inspect and verify.
//!
//! - [`pe`]: the PE/COFF headers as structs, read and rewritten with bounds
//!   checks, and the checksum.
//! - [`assemble`]: appending sections to the stub.
//! - [`inspect`]: sections, sizes, sha256, decoded text; layout checks.
//! - [`sign`]: deterministic Authenticode signing.
//!
//! No input makes these panic, hang or allocate beyond the input's size:
//! every offset and size read from a file is checked first, and `build` and
//! `sign` refuse an image (stub or UKI) that [`verify`] refuses.

pub mod assemble;
pub mod inspect;
pub mod measure;
pub mod pe;
pub mod sign;

use std::path::{Path, PathBuf};

pub use assemble::{assemble, AssembleError, Part};
pub use inspect::{inspect, verify, Report};

/// The files a UKI is made of.
#[derive(Clone, Debug)]
pub struct Inputs {
    pub stub: PathBuf,
    pub linux: PathBuf,
    pub initrd: PathBuf,
    pub cmdline: PathBuf,
    pub osrel: PathBuf,
    /// The kernel release file (`kernel.release`).
    pub uname: PathBuf,
    pub splash: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("reading {path}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Assemble(#[from] AssembleError),
    #[error("the EFI stub {stub} is for {} but the kernel {kernel} is for {}: a UKI needs both for one architecture (the stub that matches the kernel: linuxx64.efi.stub for x86_64, linuxaa64.efi.stub for arm64)", machine_name(*stub_machine), machine_name(*kernel_machine))]
    MachineMismatch {
        stub: PathBuf,
        stub_machine: u16,
        kernel: PathBuf,
        kernel_machine: u16,
    },
}

/// The PE machine types of the architectures a UKI is built for.
pub const MACHINE_X86_64: u16 = 0x8664;
pub const MACHINE_ARM64: u16 = 0xaa64;

/// A PE machine type as people say it.
pub fn machine_name(machine: u16) -> String {
    match machine {
        MACHINE_X86_64 => "x86_64 (machine 0x8664)".into(),
        MACHINE_ARM64 => "arm64 (machine 0xaa64)".into(),
        other => format!("machine {other:#06x}"),
    }
}

/// The largest input of each kind `build` reads: a regular file no larger
/// (see [`mvirt_atomic::read_input`]), so that a FIFO, `/dev/zero` or a
/// wrong path is refused at once instead of hanging or filling memory.
pub const MAX_STUB: u64 = 16 << 20;
/// A kernel image (`bzImage`, `Image`).
pub const MAX_KERNEL: u64 = 256 << 20;
/// An initrd: a UKI is signed below 4 GiB, and loaded whole into memory.
pub const MAX_INITRD: u64 = 1 << 30;
/// `.cmdline`, `.osrel`, `.uname`.
pub const MAX_TEXT: u64 = 1 << 20;
/// A splash image.
pub const MAX_SPLASH: u64 = 16 << 20;
/// A whole UKI (`inspect`, `verify`, `sign`, `pcr`): all of the above.
pub const MAX_UKI: u64 = MAX_STUB + MAX_KERNEL + MAX_INITRD + 3 * MAX_TEXT + MAX_SPLASH;
/// A PEM key or certificate.
pub const MAX_PEM: u64 = 1 << 20;

fn read(path: &Path, max_bytes: u64) -> Result<Vec<u8>, BuildError> {
    mvirt_atomic::read_input(path, max_bytes).map_err(|source| BuildError::Read {
        path: path.into(),
        source,
    })
}

/// Text sections hold the file's text without trailing newlines (a
/// `.cmdline` ending in "\n" would hand the newline to the kernel).
fn text(path: &Path) -> Result<Vec<u8>, BuildError> {
    let mut bytes = read(path, MAX_TEXT)?;
    while bytes.last().is_some_and(|b| b.is_ascii_whitespace()) {
        bytes.pop();
    }
    Ok(bytes)
}

/// The sections of a UKI in ukify's order: .osrel .cmdline .uname [.splash]
/// .initrd .linux (the stub keeps its own .sbat).
pub fn parts(inputs: &Inputs) -> Result<Vec<Part>, BuildError> {
    let linux = read(&inputs.linux, MAX_KERNEL)?;
    let size_of_image =
        assemble::kernel_size_of_image(&linux, &inputs.linux.display().to_string())?;
    let mut parts = vec![
        Part {
            name: ".osrel".into(),
            data: read(&inputs.osrel, MAX_TEXT)?,
            virtual_size: None,
        },
        Part {
            name: ".cmdline".into(),
            data: text(&inputs.cmdline)?,
            virtual_size: None,
        },
        Part {
            name: ".uname".into(),
            data: text(&inputs.uname)?,
            virtual_size: None,
        },
    ];
    if let Some(splash) = &inputs.splash {
        parts.push(Part {
            name: ".splash".into(),
            data: read(splash, MAX_SPLASH)?,
            virtual_size: None,
        });
    }
    parts.push(Part {
        name: ".initrd".into(),
        data: read(&inputs.initrd, MAX_INITRD)?,
        virtual_size: None,
    });
    parts.push(Part {
        name: ".linux".into(),
        data: linux,
        virtual_size: Some(size_of_image),
    });
    Ok(parts)
}

/// Builds the UKI bytes from files.
pub fn build(inputs: &Inputs) -> Result<Vec<u8>, BuildError> {
    let stub = read(&inputs.stub, MAX_STUB)?;
    let parts = parts(inputs)?;
    let linux = &parts.last().expect("parts() ends with .linux").data;
    // Both parse: the kernel did in parts(); a stub that does not is
    // assemble()'s error to report, with its own message.
    if let (Ok(s), Ok(k)) = (pe::Image::parse(&stub), pe::Image::parse(linux)) {
        if s.machine != k.machine {
            return Err(BuildError::MachineMismatch {
                stub: inputs.stub.clone(),
                stub_machine: s.machine,
                kernel: inputs.linux.clone(),
                kernel_machine: k.machine,
            });
        }
    }
    Ok(assemble(&stub, &inputs.stub.display().to_string(), &parts)?)
}

/// Writes `bytes` to `path` atomically (temporary file + rename).
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    mvirt_atomic::write(path, bytes, mode)
}

/// Lower-case hex sha256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(bytes))
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
