//! Building a UKI: the EFI stub plus appended sections, following systemd's
//! ukify and the UAPI "Unified Kernel Image" specification.
//!
//! Rules: sections are appended in ukify's order; each one's virtual address
//! is the previous end rounded up to SectionAlignment, its raw data starts on
//! a FileAlignment boundary and is padded to it; `.linux` gets the kernel's
//! own SizeOfImage as VirtualSize (room to decompress in place); the new
//! section headers must fit in the existing header space; SizeOfImage and the
//! checksum are recomputed. Nothing time-dependent is added.

use crate::inspect;
use crate::pe::{self, align_up, write_u16, write_u32, Image, PeError, DATA_SECTION};

/// Errors of assembling; each says which input is at fault.
#[derive(Debug, thiserror::Error)]
pub enum AssembleError {
    #[error("{what}: not a PE image")]
    NotPe {
        what: String,
        #[source]
        source: PeError,
    },
    #[error("{what}: not a PE image (no MZ/PE header): the kernel was built without CONFIG_EFI_STUB=y, which a UKI needs")]
    KernelNotPe { what: String },
    #[error(
        "{what}: the stub is signed (it has a certificate table); sign the assembled UKI instead"
    )]
    SignedStub { what: String },
    #[error("{what}: already has a {name} section (is it a UKI rather than a stub?)")]
    Duplicate { what: String, name: String },
    #[error("{what}: not a usable EFI stub: {}", problems.join("; "))]
    BadStub { what: String, problems: Vec<String> },
    #[error("{what}: has {sections} sections; {added} more exceed the {max} a PE loader takes", max = pe::MAX_SECTIONS)]
    TooManySections {
        what: String,
        sections: usize,
        added: usize,
    },
    #[error("section name {name:?}: must be 1 to 8 bytes")]
    BadName { name: String },
    #[error("{what}: no room for {needed} more section headers: the headers end at {used} of {room} bytes (SizeOfHeaders / first section)")]
    NoHeaderRoom {
        what: String,
        needed: usize,
        used: usize,
        room: usize,
    },
    #[error("section {name}: {len} bytes is too large for a PE section (4 GiB limit)")]
    TooLarge { name: String, len: usize },
    #[error("section {name}: the UKI would extend past 4 GiB {space} (the PE limit)")]
    PastFourGiB { name: String, space: &'static str },
}

/// One section to append.
#[derive(Clone, Debug)]
pub struct Part {
    pub name: String,
    pub data: Vec<u8>,
    /// VirtualSize if larger than the data (`.linux`: the kernel's SizeOfImage).
    pub virtual_size: Option<u32>,
}

/// The kernel's SizeOfImage, checking that it is an EFI-stub PE at all.
pub fn kernel_size_of_image(kernel: &[u8], what: &str) -> Result<u32, AssembleError> {
    let image =
        Image::parse(kernel).map_err(|_| AssembleError::KernelNotPe { what: what.into() })?;
    Ok(image.size_of_image)
}

/// Appends `parts` to `stub` (named `what` in messages).
pub fn assemble(stub: &[u8], what: &str, parts: &[Part]) -> Result<Vec<u8>, AssembleError> {
    let image = Image::parse(stub).map_err(|source| AssembleError::NotPe {
        what: what.into(),
        source,
    })?;
    check_stub(&image, stub, what, parts)?;
    let layout = image.layout;

    // Header room: the new headers must end before SizeOfHeaders and before
    // the first section's raw data.
    let first_raw = image
        .sections
        .iter()
        .filter(|s| s.size_of_raw_data > 0)
        .map(|s| s.pointer_to_raw_data as usize)
        .min()
        .unwrap_or(image.size_of_headers as usize);
    let room = (image.size_of_headers as usize).min(first_raw);
    let used = layout.section_header(layout.sections + parts.len());
    if used > room {
        return Err(AssembleError::NoHeaderRoom {
            what: what.into(),
            needed: parts.len(),
            used,
            room,
        });
    }

    let sa = u64::from(image.section_alignment);
    let fa = u64::from(image.file_alignment);
    let next_va = image
        .sections
        .iter()
        .map(|s| {
            let size = if s.virtual_size == 0 {
                s.size_of_raw_data
            } else {
                s.virtual_size
            };
            u64::from(s.virtual_address) + u64::from(size)
        })
        .max()
        .unwrap_or(0);
    let mut next_va = align_up(next_va, sa);
    // Raw data goes after everything the stub has (sections and any tail);
    // check_stub made sure the sections end inside the stub file.
    let mut out = stub.to_vec();
    out.resize(align_up(stub.len() as u64, fa) as usize, 0);

    let mut init_data = image.size_of_initialized_data;
    for (i, part) in parts.iter().enumerate() {
        let len = part.data.len() as u64;
        let vsize = part.virtual_size.map_or(len, |v| u64::from(v).max(len));
        let raw_size = align_up(len, fa);
        let raw_ptr = out.len() as u64;
        let past = |space| AssembleError::PastFourGiB {
            name: part.name.clone(),
            space,
        };
        if raw_ptr + raw_size > u64::from(u32::MAX) {
            return Err(past("in the file"));
        }
        if align_up(next_va + vsize, sa) > u64::from(u32::MAX) {
            return Err(past("in memory"));
        }
        let header = layout.section_header(layout.sections + i);
        out[header..header + 8].copy_from_slice(&pe::section_name(&part.name).expect("checked"));
        write_u32(&mut out, header + 8, vsize as u32);
        write_u32(&mut out, header + 12, next_va as u32);
        write_u32(&mut out, header + 16, raw_size as u32);
        write_u32(&mut out, header + 20, raw_ptr as u32);
        out[header + 24..header + 36].fill(0);
        write_u32(&mut out, header + 36, DATA_SECTION);
        out.extend_from_slice(&part.data);
        out.resize((raw_ptr + raw_size) as usize, 0);
        init_data = init_data.wrapping_add(raw_size as u32);
        next_va = align_up(next_va + vsize, sa);
    }
    write_u16(
        &mut out,
        layout.number_of_sections(),
        (layout.sections + parts.len()) as u16,
    );
    write_u32(&mut out, layout.size_of_initialized_data(), init_data);
    write_u32(&mut out, layout.size_of_image(), next_va as u32);
    let sum = pe::checksum(&out, layout.checksum());
    write_u32(&mut out, layout.checksum(), sum);
    Ok(out)
}

/// The stub must be unsigned, lack the sections to add, and pass verify's
/// structural rules (its checksum aside, which the build recomputes): sane
/// alignments and every section inside the file, which bounds the output.
fn check_stub(image: &Image, stub: &[u8], what: &str, parts: &[Part]) -> Result<(), AssembleError> {
    if image.is_signed() {
        return Err(AssembleError::SignedStub { what: what.into() });
    }
    for part in parts {
        pe::section_name(&part.name).ok_or_else(|| AssembleError::BadName {
            name: part.name.clone(),
        })?;
        // By name as verify and extract look sections up: up to the first
        // NUL, whatever bytes follow it.
        if image.section(&part.name).is_some() {
            return Err(AssembleError::Duplicate {
                what: what.into(),
                name: part.name.clone(),
            });
        }
        if part.data.len() > u32::MAX as usize {
            return Err(AssembleError::TooLarge {
                name: part.name.clone(),
                len: part.data.len(),
            });
        }
    }
    if image.sections.len() + parts.len() > pe::MAX_SECTIONS {
        return Err(AssembleError::TooManySections {
            what: what.into(),
            sections: image.sections.len(),
            added: parts.len(),
        });
    }
    let problems = inspect::layout_problems(image, stub.len());
    if !problems.is_empty() {
        return Err(AssembleError::BadStub {
            what: what.into(),
            problems,
        });
    }
    Ok(())
}
