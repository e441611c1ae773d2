//! Looking inside a UKI: its sections (addresses, sizes, sha256), the text
//! sections decoded, and a structural `verify`.

use goblin::pe::PE;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::pe::{self, align_up, Layout};

#[derive(Debug, thiserror::Error)]
pub enum InspectError {
    #[error("{what}: not a PE image: {detail}")]
    NotPe { what: String, detail: String },
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

fn name_of(raw: &[u8; 8]) -> String {
    let end = raw.iter().position(|&b| b == 0).unwrap_or(8);
    String::from_utf8_lossy(&raw[..end]).into_owned()
}

/// The bytes a section holds: `min(VirtualSize, SizeOfRawData)` from its raw
/// data, as PE loaders map it. For `.linux`, whose VirtualSize is the
/// kernel's SizeOfImage, the content ends where the embedded kernel PE's
/// last section ends, which gives back the bzImage file byte for byte.
pub fn content<'a>(bytes: &'a [u8], section: &goblin::pe::section_table::SectionTable) -> &'a [u8] {
    let start = (section.pointer_to_raw_data as usize).min(bytes.len());
    let len = section.virtual_size.min(section.size_of_raw_data) as usize;
    let data = &bytes[start..(start + len).min(bytes.len())];
    if name_of(&section.name) == ".linux" {
        if let Ok(kernel) = PE::parse(data) {
            let end = kernel
                .sections
                .iter()
                .map(|s| s.pointer_to_raw_data as usize + s.size_of_raw_data as usize)
                .max()
                .unwrap_or(data.len());
            return &data[..end.min(data.len())];
        }
    }
    data
}

fn parse<'a>(bytes: &'a [u8], what: &str) -> Result<PE<'a>, InspectError> {
    PE::parse(bytes).map_err(|e| InspectError::NotPe {
        what: what.into(),
        detail: e.to_string(),
    })
}

/// Reads a UKI's layout and text sections.
pub fn inspect(bytes: &[u8], what: &str) -> Result<Report, InspectError> {
    let pe = parse(bytes, what)?;
    let optional = pe
        .header
        .optional_header
        .ok_or_else(|| InspectError::NotPe {
            what: what.into(),
            detail: "no optional header".into(),
        })?;
    let w = optional.windows_fields;
    let layout = Layout::of(&pe, bytes);
    let text = |name: &str| {
        pe.sections
            .iter()
            .find(|s| name_of(&s.name) == name)
            .map(|s| String::from_utf8_lossy(content(bytes, s)).into_owned())
    };
    Ok(Report {
        machine: pe.header.coff_header.machine,
        section_alignment: w.section_alignment,
        file_alignment: w.file_alignment,
        size_of_image: w.size_of_image,
        size_of_headers: w.size_of_headers,
        checksum: w.check_sum,
        checksum_ok: w.check_sum == 0 || w.check_sum == pe::checksum(bytes, layout.checksum()),
        signed: optional
            .data_directories
            .get_certificate_table()
            .is_some_and(|d| d.size > 0),
        sections: pe
            .sections
            .iter()
            .map(|s| SectionInfo {
                name: name_of(&s.name),
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
    let pe = parse(bytes, what)?;
    Ok(pe
        .sections
        .iter()
        .find(|s| name_of(&s.name) == name)
        .map(|s| content(bytes, s).to_vec()))
}

/// Checks the layout rules; returns every violation found.
pub fn verify(bytes: &[u8], what: &str, required: &[&str]) -> Result<Vec<String>, InspectError> {
    let report = inspect(bytes, what)?;
    let mut problems = Vec::new();
    let sa = report.section_alignment;
    let fa = report.file_alignment;
    let pe = parse(bytes, what)?;
    let layout = Layout::of(&pe, bytes);
    let headers_end = layout.section_header(layout.sections);
    if headers_end > report.size_of_headers as usize {
        problems.push(format!(
            "section headers end at {headers_end:#x}, beyond SizeOfHeaders {:#x}",
            report.size_of_headers
        ));
    }
    let mut prev: Option<&SectionInfo> = None;
    for s in &report.sections {
        // Alignment is checked on the sections a UKI build adds; a stub's
        // own layout is its vendor's (systemd 252's stub has `.sdmagic` at a
        // VA that is not SectionAlignment-aligned, and firmware loads it).
        let added = UKI_SECTIONS.contains(&s.name.as_str());
        if added && sa > 0 && s.virtual_address % sa != 0 {
            problems.push(format!(
                "{}: VirtualAddress {:#x} not aligned to SectionAlignment {sa:#x}",
                s.name, s.virtual_address
            ));
        }
        if s.size_of_raw_data > 0 {
            if added && fa > 0 && s.pointer_to_raw_data % fa != 0 {
                problems.push(format!(
                    "{}: PointerToRawData {:#x} not aligned to FileAlignment {fa:#x}",
                    s.name, s.pointer_to_raw_data
                ));
            }
            if added && fa > 0 && s.size_of_raw_data % fa != 0 {
                problems.push(format!(
                    "{}: SizeOfRawData {:#x} not a multiple of FileAlignment {fa:#x}",
                    s.name, s.size_of_raw_data
                ));
            }
            let end = u64::from(s.pointer_to_raw_data) + u64::from(s.size_of_raw_data);
            if end > bytes.len() as u64 {
                problems.push(format!(
                    "{}: raw data ends at {end:#x}, past the end of the file ({:#x})",
                    s.name,
                    bytes.len()
                ));
            }
            if (s.pointer_to_raw_data as usize) < headers_end {
                problems.push(format!("{}: raw data overlaps the headers", s.name));
            }
        }
        if let Some(p) = prev {
            if s.virtual_address < p.virtual_address {
                problems.push(format!(
                    "{}: not sorted by address (after {} at {:#x})",
                    s.name, p.name, p.virtual_address
                ));
            } else if u64::from(p.virtual_address) + u64::from(p.virtual_size)
                > u64::from(s.virtual_address)
            {
                problems.push(format!(
                    "{}: overlaps {} in memory ({:#x} + {:#x} > {:#x})",
                    s.name, p.name, p.virtual_address, p.virtual_size, s.virtual_address
                ));
            }
            if p.size_of_raw_data > 0
                && s.size_of_raw_data > 0
                && u64::from(p.pointer_to_raw_data) + u64::from(p.size_of_raw_data)
                    > u64::from(s.pointer_to_raw_data)
            {
                problems.push(format!("{}: raw data overlaps {}", s.name, p.name));
            }
        }
        prev = Some(s);
    }
    if let Some(last) = report.sections.last() {
        let want = align_up(
            u64::from(last.virtual_address) + u64::from(last.virtual_size),
            u64::from(sa),
        );
        if u64::from(report.size_of_image) != want {
            problems.push(format!(
                "SizeOfImage is {:#x}, the sections need {want:#x}",
                report.size_of_image
            ));
        }
    }
    if !report.checksum_ok {
        problems.push(format!("checksum {:#x} is wrong", report.checksum));
    }
    for name in required {
        if !report.sections.iter().any(|s| s.name == *name) {
            problems.push(format!("required section {name} is missing"));
        }
    }
    if let Some(linux) = section_content(bytes, what, ".linux")? {
        if linux.len() < 2 || &linux[..2] != b"MZ" {
            problems.push(".linux is not an EFI-stub kernel (no MZ header)".into());
        }
    }
    Ok(problems)
}
