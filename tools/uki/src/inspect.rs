//! Looking inside a UKI: its sections (addresses, sizes, sha256), the text
//! sections decoded, and a structural `verify`.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::pe::{self, Image, PeError, Section};

#[derive(Debug, thiserror::Error)]
pub enum InspectError {
    #[error("{what}: not a PE image")]
    NotPe {
        what: String,
        #[source]
        source: PeError,
    },
}

/// One section as `inspect` reports it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct SectionInfo {
    pub name: String,
    pub virtual_address: u32,
    pub virtual_size: u32,
    pub pointer_to_raw_data: u32,
    pub size_of_raw_data: u32,
    /// sha256 of the section's content (see [`content`]).
    pub sha256: String,
}

/// What `inspect` reports.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub machine: u16,
    pub section_alignment: u32,
    pub file_alignment: u32,
    pub size_of_image: u32,
    pub size_of_headers: u32,
    pub checksum: u32,
    pub checksum_ok: bool,
    pub signed: bool,
    pub sections: Vec<SectionInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cmdline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uname: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub osrel: Option<String>,
}

/// Sections defined by the UAPI UKI specification (what a UKI build adds).
pub const UKI_SECTIONS: &[&str] = &[
    ".linux", ".osrel", ".cmdline", ".initrd", ".uname", ".splash", ".dtb", ".pcrsig", ".pcrpkey",
];

/// The bytes a section holds: `min(VirtualSize, SizeOfRawData)` from its raw
/// data, as PE loaders map it, cut at the end of the file. For `.linux`,
/// whose VirtualSize is the kernel's SizeOfImage, the content ends where the
/// embedded kernel PE's last section ends, which gives back the bzImage file
/// byte for byte.
pub fn content<'a>(bytes: &'a [u8], section: &Section) -> &'a [u8] {
    let start = (section.pointer_to_raw_data as usize).min(bytes.len());
    let len = section.virtual_size.min(section.size_of_raw_data) as usize;
    let data = &bytes[start..start.saturating_add(len).min(bytes.len())];
    if section.name() == ".linux" {
        if let Ok(kernel) = Image::parse(data) {
            let end = kernel
                .sections
                .iter()
                .map(Section::raw_end)
                .max()
                .unwrap_or(data.len() as u64);
            return &data[..end.min(data.len() as u64) as usize];
        }
    }
    data
}

fn parse(bytes: &[u8], what: &str) -> Result<Image, InspectError> {
    Image::parse(bytes).map_err(|source| InspectError::NotPe {
        what: what.into(),
        source,
    })
}

fn checksum_ok(image: &Image, bytes: &[u8]) -> bool {
    image.check_sum == 0 || image.check_sum == pe::checksum(bytes, image.layout.checksum())
}

/// Reads a UKI's layout and text sections.
pub fn inspect(bytes: &[u8], what: &str) -> Result<Report, InspectError> {
    let image = parse(bytes, what)?;
    let text = |name: &str| {
        image
            .section(name)
            .map(|s| String::from_utf8_lossy(content(bytes, s)).into_owned())
    };
    Ok(Report {
        machine: image.machine,
        section_alignment: image.section_alignment,
        file_alignment: image.file_alignment,
        size_of_image: image.size_of_image,
        size_of_headers: image.size_of_headers,
        checksum: image.check_sum,
        checksum_ok: checksum_ok(&image, bytes),
        signed: image.is_signed(),
        sections: image
            .sections
            .iter()
            .map(|s| SectionInfo {
                name: s.name(),
                virtual_address: s.virtual_address,
                virtual_size: s.virtual_size,
                pointer_to_raw_data: s.pointer_to_raw_data,
                size_of_raw_data: s.size_of_raw_data,
                sha256: crate::hex(&Sha256::digest(content(bytes, s))),
            })
            .collect(),
        cmdline: text(".cmdline"),
        uname: text(".uname"),
        osrel: text(".osrel"),
    })
}

/// The content of one section by name.
pub fn section_content(
    bytes: &[u8],
    what: &str,
    name: &str,
) -> Result<Option<Vec<u8>>, InspectError> {
    let image = parse(bytes, what)?;
    Ok(image.section(name).map(|s| content(bytes, s).to_vec()))
}

/// Checks the layout rules; returns every violation found. `build` and
/// `sign` refuse what this refuses (see [`layout_problems`]).
pub fn verify(bytes: &[u8], what: &str, required: &[&str]) -> Result<Vec<String>, InspectError> {
    let image = parse(bytes, what)?;
    let mut problems = layout_problems(&image, bytes.len());
    if !checksum_ok(&image, bytes) {
        problems.push(format!("checksum {:#x} is wrong", image.check_sum));
    }
    for name in required {
        if image.section(name).is_none() {
            problems.push(format!("required section {name} is missing"));
        }
    }
    if let Some(linux) = image.section(".linux") {
        if !content(bytes, linux).starts_with(b"MZ") {
            problems.push(".linux is not an EFI-stub kernel (no MZ header)".into());
        }
    }
    Ok(problems)
}

/// The structural rules, everything but the checksum and the sections a UKI
/// must have: sane alignments, headers within SizeOfHeaders and the file,
/// each section's raw data in the file, sections sorted and not
/// overlapping, SizeOfImage, a well-placed certificate table. An image that
/// passes can be hashed and extended without any size from it going wrong.
pub fn layout_problems(image: &Image, file_len: usize) -> Vec<String> {
    let mut problems = pe::alignment_problems(image.file_alignment, image.section_alignment);
    let aligned = problems.is_empty();
    header_problems(image, file_len, &mut problems);
    certificate_table_problems(image, file_len, &mut problems);
    let mut prev: Option<&Section> = None;
    // The last section with raw data: raw data must grow through the table
    // and never overlap, so that hashing all of it reads the file once.
    let mut prev_raw: Option<&Section> = None;
    for s in &image.sections {
        section_problems(image, s, aligned, file_len, &mut problems);
        order_problems(s, prev, prev_raw, &mut problems);
        prev = Some(s);
        if s.size_of_raw_data > 0 {
            prev_raw = Some(s);
        }
    }
    // SizeOfImage must cover every section: the loader maps that much. A
    // build makes it exactly the sections' aligned end; stubs do not always
    // round it as PE/COFF asks (Debian's systemd 252 stubs: x86_64's says
    // 0x100 more than its aligned end, arm64's ends exactly at its last
    // section's unaligned end). Both cover their sections, as ukify and
    // the firmware accept; only less than that is refused.
    let end = image.sections.iter().map(Section::virtual_end).max();
    let want = end.unwrap_or(0);
    if u64::from(image.size_of_image) < want {
        problems.push(format!(
            "SizeOfImage is {:#x}, the sections need {want:#x}",
            image.size_of_image
        ));
    }
    problems
}

/// The section headers end within SizeOfHeaders, which ends within the file.
fn header_problems(image: &Image, file_len: usize, problems: &mut Vec<String>) {
    let headers_end = image.layout.headers_end();
    if headers_end > image.size_of_headers as usize {
        problems.push(format!(
            "section headers end at {headers_end:#x}, beyond SizeOfHeaders {:#x}",
            image.size_of_headers
        ));
    }
    if image.size_of_headers as usize > file_len {
        problems.push(format!(
            "SizeOfHeaders {:#x} is past the end of the file ({file_len:#x})",
            image.size_of_headers
        ));
    }
}

/// One section on its own: aligned (if a UKI build adds it and the
/// alignments are sane), its raw data in the file and after the headers.
fn section_problems(
    image: &Image,
    s: &Section,
    aligned: bool,
    file_len: usize,
    problems: &mut Vec<String>,
) {
    let name = s.name();
    let (sa, fa) = (image.section_alignment, image.file_alignment);
    // Alignment is checked on the sections a UKI build adds; a stub's own
    // layout is its vendor's (systemd 252's stub has `.sdmagic` at a VA
    // that is not SectionAlignment-aligned, and firmware loads it).
    let added = aligned && UKI_SECTIONS.contains(&name.as_str());
    if added && s.virtual_address % sa != 0 {
        problems.push(format!(
            "{name}: VirtualAddress {:#x} not aligned to SectionAlignment {sa:#x}",
            s.virtual_address
        ));
    }
    if s.size_of_raw_data == 0 {
        return;
    }
    if added && s.pointer_to_raw_data % fa != 0 {
        problems.push(format!(
            "{name}: PointerToRawData {:#x} not aligned to FileAlignment {fa:#x}",
            s.pointer_to_raw_data
        ));
    }
    if added && s.size_of_raw_data % fa != 0 {
        problems.push(format!(
            "{name}: SizeOfRawData {:#x} not a multiple of FileAlignment {fa:#x}",
            s.size_of_raw_data
        ));
    }
    if s.raw_end() > file_len as u64 {
        problems.push(format!(
            "{name}: raw data ends at {:#x}, past the end of the file ({file_len:#x})",
            s.raw_end()
        ));
    }
    if (s.pointer_to_raw_data as usize) < image.layout.headers_end() {
        problems.push(format!("{name}: raw data overlaps the headers"));
    }
}

/// A section against the one before it in the table (`prev`) and the last
/// one before it with raw data (`prev_raw`): sorted by address, and
/// overlapping neither in memory nor in the file.
fn order_problems(
    s: &Section,
    prev: Option<&Section>,
    prev_raw: Option<&Section>,
    problems: &mut Vec<String>,
) {
    let name = s.name();
    if let Some(p) = prev {
        if s.virtual_address < p.virtual_address {
            problems.push(format!(
                "{name}: not sorted by address (after {} at {:#x})",
                p.name(),
                p.virtual_address
            ));
        } else if p.virtual_end() > u64::from(s.virtual_address) {
            problems.push(format!(
                "{name}: overlaps {} in memory ({:#x} + {:#x} > {:#x})",
                p.name(),
                p.virtual_address,
                p.virtual_size,
                s.virtual_address
            ));
        }
    }
    if let Some(p) = prev_raw.filter(|_| s.size_of_raw_data > 0) {
        if p.raw_end() > u64::from(s.pointer_to_raw_data) {
            problems.push(format!(
                "{name}: raw data overlaps {} or comes before it",
                p.name()
            ));
        }
    }
}

/// The certificate table must exist (or the image cannot be signed) and,
/// when filled, hold the end of the file after all headers and sections,
/// 8-byte aligned: the Authenticode hash covers everything before it.
fn certificate_table_problems(image: &Image, file_len: usize, problems: &mut Vec<String>) {
    let Some((at, size)) = image.certificate_table else {
        problems.push(
            "no certificate-table data directory (fewer than 5), so the image cannot be signed"
                .into(),
        );
        return;
    };
    if size == 0 {
        return;
    }
    let end = u64::from(at) + u64::from(size);
    if at % 8 != 0 || end != file_len as u64 {
        problems.push(format!(
            "certificate table {at:#x}+{size:#x} is not 8-byte aligned at the end of the file ({file_len:#x})"
        ));
    }
    let data_end = image
        .sections
        .iter()
        .filter(|s| s.size_of_raw_data > 0)
        .map(Section::raw_end)
        .chain([u64::from(image.size_of_headers)])
        .max()
        .unwrap_or(0);
    if u64::from(at) < data_end {
        problems.push(format!(
            "certificate table at {at:#x} overlaps the headers or section data (they end at {data_end:#x})"
        ));
    }
}
