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
use crate::pe::{self, align_up, Image, PeError, SectionHeader, DATA_SECTION};

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
    let not_pe = |source| AssembleError::NotPe {
        what: what.into(),
        source,
    };
    let image = Image::parse(stub).map_err(not_pe)?;
    check_stub(&image, stub, what, parts)?;
    check_header_room(&image, what, parts.len())?;
    let mut appender = Appender::new(&image, stub);
    for part in parts {
        appender.append(part).map_err(|e| match e {
            Append::Pe(source) => not_pe(source),
            Append::Past(space) => AssembleError::PastFourGiB {
                name: part.name.clone(),
                space,
            },
        })?;
    }
    appender.finish().map_err(not_pe)
}

/// The new section headers must end before SizeOfHeaders and before the
/// first section's raw data.
fn check_header_room(image: &Image, what: &str, added: usize) -> Result<(), AssembleError> {
    let first_raw = image
        .sections
        .iter()
        .filter(|s| s.size_of_raw_data > 0)
        .map(|s| s.pointer_to_raw_data as usize)
        .min()
        .unwrap_or(image.size_of_headers as usize);
    let room = (image.size_of_headers as usize).min(first_raw);
    let used = image.layout.section_header(image.layout.sections + added);
    if used > room {
        return Err(AssembleError::NoHeaderRoom {
            what: what.into(),
            needed: added,
            used,
            room,
        });
    }
    Ok(())
}

/// Why a section could not be appended.
enum Append {
    Pe(PeError),
    /// The image would pass 4 GiB "in the file" or "in memory".
    Past(&'static str),
}

/// The UKI being built: the stub's bytes, then each part's raw data, with
/// a section header for each in the stub's header space.
struct Appender<'a> {
    image: &'a Image,
    out: Vec<u8>,
    /// Sections the image has so far.
    sections: usize,
    /// Where the next section goes in memory (SectionAlignment-aligned).
    next_va: u64,
    size_of_initialized_data: u32,
}

impl<'a> Appender<'a> {
    fn new(image: &'a Image, stub: &[u8]) -> Appender<'a> {
        let next_va = image
            .sections
            .iter()
            .map(|s| {
                let size = match s.virtual_size {
                    0 => s.size_of_raw_data,
                    size => size,
                };
                u64::from(s.virtual_address) + u64::from(size)
            })
            .max()
            .unwrap_or(0);
        // Raw data goes after everything the stub has (sections and any
        // tail); check_stub made sure the sections end inside the stub file.
        let mut out = stub.to_vec();
        let fa = u64::from(image.file_alignment);
        out.resize(align_up(stub.len() as u64, fa) as usize, 0);
        Appender {
            image,
            out,
            sections: image.layout.sections,
            next_va: align_up(next_va, u64::from(image.section_alignment)),
            size_of_initialized_data: image.size_of_initialized_data,
        }
    }

    fn append(&mut self, part: &Part) -> Result<(), Append> {
        let sa = u64::from(self.image.section_alignment);
        let fa = u64::from(self.image.file_alignment);
        let len = part.data.len() as u64;
        let vsize = part.virtual_size.map_or(len, |v| u64::from(v).max(len));
        let raw_size = align_up(len, fa);
        let raw_ptr = self.out.len() as u64;
        if raw_ptr + raw_size > u64::from(u32::MAX) {
            return Err(Append::Past("in the file"));
        }
        if align_up(self.next_va + vsize, sa) > u64::from(u32::MAX) {
            return Err(Append::Past("in memory"));
        }
        let header = SectionHeader {
            // check_stub checked every part's name.
            name: pe::section_name(&part.name).unwrap_or_default(),
            virtual_size: vsize as u32,
            virtual_address: self.next_va as u32,
            size_of_raw_data: raw_size as u32,
            pointer_to_raw_data: raw_ptr as u32,
            characteristics: DATA_SECTION,
            ..SectionHeader::default()
        };
        let layout = self.image.layout;
        layout
            .update_section(&mut self.out, self.sections, |h| *h = header)
            .map_err(Append::Pe)?;
        self.out.extend_from_slice(&part.data);
        self.out.resize((raw_ptr + raw_size) as usize, 0);
        self.sections += 1;
        self.size_of_initialized_data = self.size_of_initialized_data.wrapping_add(raw_size as u32);
        self.next_va = align_up(self.next_va + vsize, sa);
        Ok(())
    }

    /// Sets NumberOfSections, SizeOfInitializedData, SizeOfImage and the
    /// checksum for the sections appended.
    fn finish(mut self) -> Result<Vec<u8>, PeError> {
        let layout = self.image.layout;
        layout.update_coff(&mut self.out, |coff| {
            coff.number_of_sections = self.sections as u16;
        })?;
        layout.update_optional(&mut self.out, |optional| {
            optional.size_of_initialized_data = self.size_of_initialized_data;
            optional.size_of_image = self.next_va as u32;
        })?;
        let sum = pe::checksum(&self.out, layout.checksum());
        layout.update_optional(&mut self.out, |optional| optional.check_sum = sum)?;
        Ok(self.out)
    }
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
