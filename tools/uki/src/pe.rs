//! The PE/COFF headers mvirt-uki reads and rewrites, and the image checksum.
//!
//! A small parser of its own rather than a general PE library: mvirt-uki
//! needs only the COFF header, a few optional-header fields, the certificate
//! data directory and the section table, and it must never index out of
//! bounds or trust a size on any input. [`Image::parse`] checks every offset
//! it reads against the file; what it returns is in bounds by construction
//! (the header fields themselves are not yet judged: that is
//! [`crate::inspect::layout_problems`]).
//!
//! References: Microsoft PE Format ("MS-DOS Stub", "COFF File Header",
//! "Optional Header Windows-Specific Fields", "Optional Header Data
//! Directories", "Section Table"), and the checksum algorithm of imagehlp's
//! CheckSumMappedFile.

/// Size of one section header.
pub const SECTION_HEADER_LEN: usize = 40;
/// Index of the certificate table in the data directories.
pub const CERTIFICATE_TABLE: usize = 4;

/// `IMAGE_SCN_CNT_INITIALIZED_DATA | IMAGE_SCN_MEM_READ`: what ukify gives
/// the sections it adds.
pub const DATA_SECTION: u32 = 0x0000_0040 | 0x4000_0000;

/// The most sections an image may have: the Windows loader's limit (PE/COFF,
/// "COFF File Header"). It also bounds the work a reader does per image.
pub const MAX_SECTIONS: usize = 96;

/// PE/COFF bounds on FileAlignment ("a power of 2 between 512 and 64 K").
pub const MIN_FILE_ALIGNMENT: u32 = 0x200;
pub const MAX_FILE_ALIGNMENT: u32 = 0x1_0000;

/// Why bytes are not a PE image this crate can read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PeError {
    #[error("no MZ signature")]
    NoMz,
    #[error("no PE signature at {at:#x} (the DOS header's e_lfanew)")]
    NoPeSignature { at: usize },
    #[error("the {what} ends at {end:#x}, past the end of the file ({len:#x} bytes)")]
    Truncated {
        what: &'static str,
        end: u64,
        len: usize,
    },
    #[error("{0} sections, more than the {MAX_SECTIONS} a PE loader takes")]
    TooManySections(usize),
    #[error("optional header magic {0:#x} is neither PE32 (0x10b) nor PE32+ (0x20b)")]
    Magic(u16),
    #[error("SizeOfOptionalHeader {size:#x} is too small for its fields and {directories} data directories ({need:#x} bytes)")]
    OptionalHeader {
        size: u16,
        directories: u32,
        need: u64,
    },
}

/// Bounds-checked little-endian reads.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn slice(&self, at: usize, len: usize, what: &'static str) -> Result<&'a [u8], PeError> {
        at.checked_add(len)
            .and_then(|end| self.0.get(at..end))
            .ok_or(PeError::Truncated {
                what,
                end: at as u64 + len as u64,
                len: self.0.len(),
            })
    }
    fn u16(&self, at: usize, what: &'static str) -> Result<u16, PeError> {
        let b = self.slice(at, 2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&self, at: usize, what: &'static str) -> Result<u32, PeError> {
        let b = self.slice(at, 4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// File offsets of the header fields a UKI build rewrites. Only
/// [`Image::parse`] makes one, so each offset below is inside the file.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    pub coff: usize,
    pub optional: usize,
    pub pe32_plus: bool,
    pub section_table: usize,
    pub sections: usize,
}

impl Layout {
    pub fn number_of_sections(&self) -> usize {
        self.coff + 2
    }
    pub fn size_of_initialized_data(&self) -> usize {
        self.optional + 8
    }
    pub fn section_alignment(&self) -> usize {
        self.optional + 32
    }
    pub fn file_alignment(&self) -> usize {
        self.optional + 36
    }
    pub fn size_of_image(&self) -> usize {
        self.optional + 56
    }
    pub fn size_of_headers(&self) -> usize {
        self.optional + 60
    }
    pub fn checksum(&self) -> usize {
        self.optional + 64
    }
    /// Offset of data directory `index` (8 bytes: RVA, size).
    pub fn data_directory(&self, index: usize) -> usize {
        self.optional + self.fixed_optional_len() + index * 8
    }
    /// Where the section table ends: the end of all headers but padding.
    pub fn headers_end(&self) -> usize {
        self.section_header(self.sections)
    }
    pub fn section_header(&self, index: usize) -> usize {
        self.section_table + index * SECTION_HEADER_LEN
    }
    /// The optional header's length before the data directories.
    fn fixed_optional_len(&self) -> usize {
        if self.pe32_plus {
            112
        } else {
            96
        }
    }
}

/// One entry of the section table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub name: [u8; 8],
    pub virtual_size: u32,
    pub virtual_address: u32,
    pub size_of_raw_data: u32,
    pub pointer_to_raw_data: u32,
    pub characteristics: u32,
}

impl Section {
    /// The name up to its first NUL (lossy UTF-8).
    pub fn name(&self) -> String {
        let end = self.name.iter().position(|&b| b == 0).unwrap_or(8);
        String::from_utf8_lossy(&self.name[..end]).into_owned()
    }
    /// File offset just past the raw data (may lie past the file).
    pub fn raw_end(&self) -> u64 {
        u64::from(self.pointer_to_raw_data) + u64::from(self.size_of_raw_data)
    }
    /// The address just past the section in memory.
    pub fn virtual_end(&self) -> u64 {
        u64::from(self.virtual_address) + u64::from(self.virtual_size)
    }
}

/// A PE image's headers, as read from the file.
#[derive(Clone, Debug)]
pub struct Image {
    pub layout: Layout,
    pub machine: u16,
    pub size_of_initialized_data: u32,
    pub section_alignment: u32,
    pub file_alignment: u32,
    pub size_of_image: u32,
    pub size_of_headers: u32,
    pub check_sum: u32,
    /// Data directory 4, the attribute certificate table: (file offset,
    /// size); `None` when the header has fewer than five directories.
    pub certificate_table: Option<(u32, u32)>,
    pub sections: Vec<Section>,
}

impl Image {
    /// Reads the headers and section table, checking that each lies inside
    /// `bytes`.
    pub fn parse(bytes: &[u8]) -> Result<Image, PeError> {
        let r = Reader(bytes);
        if bytes.get(..2) != Some(b"MZ") {
            return Err(PeError::NoMz);
        }
        let pe = r.u32(0x3c, "DOS header")? as usize;
        if r.slice(pe, 4, "PE signature")? != b"PE\0\0" {
            return Err(PeError::NoPeSignature { at: pe });
        }
        let coff = pe + 4;
        r.slice(coff, 20, "COFF header")?;
        let machine = r.u16(coff, "COFF header")?;
        let sections = usize::from(r.u16(coff + 2, "COFF header")?);
        if sections > MAX_SECTIONS {
            return Err(PeError::TooManySections(sections));
        }
        let optional_len = r.u16(coff + 16, "COFF header")?;
        let optional = coff + 20;
        let pe32_plus = match r.u16(optional, "optional header")? {
            0x10b => false,
            0x20b => true,
            magic => return Err(PeError::Magic(magic)),
        };
        let layout = Layout {
            coff,
            optional,
            pe32_plus,
            section_table: optional + usize::from(optional_len),
            sections,
        };
        let fixed = layout.fixed_optional_len();
        // NumberOfRvaAndSizes is the last fixed field.
        let directories = r.u32(optional + fixed - 4, "optional header")?;
        let need = fixed as u64 + 8 * u64::from(directories);
        if u64::from(optional_len) < need {
            return Err(PeError::OptionalHeader {
                size: optional_len,
                directories,
                need,
            });
        }
        r.slice(optional, usize::from(optional_len), "optional header")?;
        let table = r.slice(
            layout.section_table,
            sections * SECTION_HEADER_LEN,
            "section table",
        )?;
        let field = |at: usize| r.u32(at, "optional header");
        let certificate_table = if directories as usize > CERTIFICATE_TABLE {
            let at = layout.data_directory(CERTIFICATE_TABLE);
            Some((field(at)?, field(at + 4)?))
        } else {
            None
        };
        Ok(Image {
            machine,
            size_of_initialized_data: field(layout.size_of_initialized_data())?,
            section_alignment: field(layout.section_alignment())?,
            file_alignment: field(layout.file_alignment())?,
            size_of_image: field(layout.size_of_image())?,
            size_of_headers: field(layout.size_of_headers())?,
            check_sum: field(layout.checksum())?,
            certificate_table,
            sections: table
                .chunks_exact(SECTION_HEADER_LEN)
                .map(section)
                .collect(),
            layout,
        })
    }

    /// Whether the image carries a signature (a non-empty certificate table).
    pub fn is_signed(&self) -> bool {
        self.certificate_table.is_some_and(|(_, size)| size > 0)
    }

    /// The section named `name`, if any.
    pub fn section(&self, name: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.name() == name)
    }
}

/// One section header from its 40 bytes.
fn section(raw: &[u8]) -> Section {
    let u32_at = |at: usize| u32::from_le_bytes([raw[at], raw[at + 1], raw[at + 2], raw[at + 3]]);
    let mut name = [0u8; 8];
    name.copy_from_slice(&raw[..8]);
    Section {
        name,
        virtual_size: u32_at(8),
        virtual_address: u32_at(12),
        size_of_raw_data: u32_at(16),
        pointer_to_raw_data: u32_at(20),
        characteristics: u32_at(36),
    }
}

/// What is wrong with FileAlignment and SectionAlignment by PE/COFF's rules
/// (both powers of two, FileAlignment 512 to 64 K, SectionAlignment at least
/// FileAlignment); empty when nothing is. A build pads and places sections
/// by them, so absurd values would mean absurd outputs.
pub fn alignment_problems(file_alignment: u32, section_alignment: u32) -> Vec<String> {
    let mut problems = Vec::new();
    let fa = file_alignment;
    if !fa.is_power_of_two() || !(MIN_FILE_ALIGNMENT..=MAX_FILE_ALIGNMENT).contains(&fa) {
        problems.push(format!(
            "FileAlignment {fa:#x} is not a power of two from {MIN_FILE_ALIGNMENT:#x} to {MAX_FILE_ALIGNMENT:#x}"
        ));
    }
    let sa = section_alignment;
    if !sa.is_power_of_two() || sa < fa {
        problems.push(format!(
            "SectionAlignment {sa:#x} is not a power of two at least FileAlignment {fa:#x}"
        ));
    }
    problems
}

pub fn write_u32(bytes: &mut [u8], at: usize, value: u32) {
    bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
}

pub fn write_u16(bytes: &mut [u8], at: usize, value: u16) {
    bytes[at..at + 2].copy_from_slice(&value.to_le_bytes());
}

pub fn align_up(value: u64, align: u64) -> u64 {
    if align <= 1 {
        value
    } else {
        value.div_ceil(align) * align
    }
}

/// The PE image checksum: 16-bit one's-complement-style sum of the file with
/// the checksum field taken as zero, plus the file length.
pub fn checksum(bytes: &[u8], checksum_offset: usize) -> u32 {
    let mut sum: u64 = 0;
    let mut i = 0;
    while i < bytes.len() {
        let word = if i == checksum_offset || i == checksum_offset + 2 {
            0
        } else if i + 1 < bytes.len() {
            u16::from_le_bytes([bytes[i], bytes[i + 1]]) as u64
        } else {
            bytes[i] as u64
        };
        sum += word;
        sum = (sum & 0xffff) + (sum >> 16);
        i += 2;
    }
    sum = (sum & 0xffff) + (sum >> 16);
    (sum as u32).wrapping_add(bytes.len() as u32)
}

/// A section name as stored: at most 8 bytes, NUL-padded.
pub fn section_name(name: &str) -> Option<[u8; 8]> {
    if name.is_empty() || name.len() > 8 || name.contains('\0') {
        return None;
    }
    let mut out = [0u8; 8];
    out[..name.len()].copy_from_slice(name.as_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn align() {
        assert_eq!(align_up(0, 4096), 0);
        assert_eq!(align_up(1, 4096), 4096);
        assert_eq!(align_up(4096, 4096), 4096);
        assert_eq!(align_up(5, 1), 5);
    }

    #[test]
    fn names() {
        assert_eq!(&section_name(".linux").unwrap(), b".linux\0\0");
        assert!(section_name(".toolongname").is_none());
        assert!(section_name("").is_none());
    }

    #[test]
    fn checksum_skips_its_own_field() {
        let mut a = vec![1u8; 64];
        let b = a.clone();
        a[8..12].copy_from_slice(&[9, 9, 9, 9]);
        assert_eq!(checksum(&a, 8), checksum(&b, 8));
        assert_ne!(checksum(&a, 8), checksum(&a, 12));
    }

    /// A minimal PE32+ image: DOS header, PE signature at 0x40, COFF
    /// header, a 240-byte optional header with 16 directories, one section.
    fn tiny() -> Vec<u8> {
        let mut b = vec![0u8; 0x400];
        b[..2].copy_from_slice(b"MZ");
        write_u32(&mut b, 0x3c, 0x40);
        b[0x40..0x44].copy_from_slice(b"PE\0\0");
        write_u16(&mut b, 0x46, 1); // NumberOfSections
        write_u16(&mut b, 0x54, 240); // SizeOfOptionalHeader
        write_u16(&mut b, 0x58, 0x20b);
        write_u32(&mut b, 0x58 + 32, 0x1000);
        write_u32(&mut b, 0x58 + 36, 0x200);
        write_u32(&mut b, 0x58 + 108, 16);
        let s = 0x58 + 240;
        b[s..s + 5].copy_from_slice(b".text");
        b
    }

    #[test]
    fn parses_a_minimal_image() {
        let image = Image::parse(&tiny()).unwrap();
        assert!(image.layout.pe32_plus);
        assert_eq!(image.sections.len(), 1);
        assert_eq!(image.sections[0].name(), ".text");
        assert_eq!(image.certificate_table, Some((0, 0)));
        assert_eq!(image.file_alignment, 0x200);
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let bytes = tiny();
        let table_end = 0x58 + 240 + SECTION_HEADER_LEN;
        for len in 0..table_end {
            assert!(Image::parse(&bytes[..len]).is_err(), "accepted {len} bytes");
        }
        assert!(Image::parse(&bytes[..table_end]).is_ok());
    }

    #[test]
    fn absurd_header_fields_are_errors() {
        let mut b = tiny();
        write_u32(&mut b, 0x3c, u32::MAX);
        assert!(matches!(Image::parse(&b), Err(PeError::Truncated { .. })));
        let mut b = tiny();
        write_u32(&mut b, 0x58 + 108, u32::MAX);
        assert!(matches!(
            Image::parse(&b),
            Err(PeError::OptionalHeader { .. })
        ));
        let mut b = tiny();
        write_u16(&mut b, 0x46, MAX_SECTIONS as u16);
        assert!(matches!(
            Image::parse(&b),
            Err(PeError::Truncated {
                what: "section table",
                ..
            })
        ));
        write_u16(&mut b, 0x46, u16::MAX);
        assert_eq!(
            Image::parse(&b).unwrap_err(),
            PeError::TooManySections(0xffff)
        );
        let mut b = tiny();
        write_u16(&mut b, 0x58, 0x10c);
        assert_eq!(Image::parse(&b).unwrap_err(), PeError::Magic(0x10c));
        // Four directories: readable, but no certificate table entry.
        let mut b = tiny();
        write_u32(&mut b, 0x58 + 108, 4);
        assert_eq!(Image::parse(&b).unwrap().certificate_table, None);
    }

    #[test]
    fn alignment_rules() {
        assert!(alignment_problems(0x200, 0x1000).is_empty());
        assert!(alignment_problems(0x200, 0x200).is_empty());
        assert_eq!(alignment_problems(0x8000_0000, 0x8000_0000).len(), 1);
        assert_eq!(alignment_problems(0x300, 0x1000).len(), 1);
        assert_eq!(alignment_problems(0x1000, 0x200).len(), 1);
        assert_eq!(alignment_problems(0, 0).len(), 2);
    }
}
