//! The PE/COFF headers mvirt-uki reads and rewrites, and the image checksum.
//!
//! A small parser of its own rather than a general PE library: mvirt-uki
//! needs only the COFF header, a few optional-header fields, the certificate
//! data directory and the section table, and it must never index out of
//! bounds or trust a size on any input. Each header is a `#[repr(C)]` struct
//! laid out as in the file, read and written whole by scroll (the crate
//! goblin reads PE files with), never by hand at byte offsets.
//! [`Image::parse`] checks every header it reads against the file; what it
//! returns is in bounds by construction (the header fields themselves are
//! not yet judged: that is [`crate::inspect::layout_problems`]).
//!
//! References: Microsoft PE Format ("MS-DOS Stub", "COFF File Header",
//! "Optional Header Windows-Specific Fields", "Optional Header Data
//! Directories", "Section Table"), and the checksum algorithm of imagehlp's
//! CheckSumMappedFile.

use std::mem::{offset_of, size_of};

use scroll::ctx::{SizeWith, TryFromCtx, TryIntoCtx};
use scroll::{Endian, Pread, Pwrite, SizeWith, LE};

/// Size of one section header.
pub const SECTION_HEADER_LEN: usize = size_of::<SectionHeader>();
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

/// Optional header magic of PE32 and PE32+ images.
pub const PE32_MAGIC: u16 = 0x10b;
pub const PE32_PLUS_MAGIC: u16 = 0x20b;

// The headers are `#[repr(C)]` structs laid out as in the file (checked
// below), read and written field by field in little-endian by scroll.

/// The MS-DOS header ("MS-DOS Stub"): only its magic and `e_lfanew`, the
/// offset of the PE signature, matter here.
#[derive(Clone, Debug, Pread, Pwrite, SizeWith)]
#[repr(C)]
pub struct DosHeader {
    /// `MZ`.
    pub e_magic: [u8; 2],
    pub e_rest: [u8; 58],
    pub e_lfanew: u32,
}

/// The COFF file header, right after the `PE\0\0` signature.
#[derive(Clone, Debug, Default, Pread, Pwrite, SizeWith)]
#[repr(C)]
pub struct CoffHeader {
    pub machine: u16,
    pub number_of_sections: u16,
    pub time_date_stamp: u32,
    pub pointer_to_symbol_table: u32,
    pub number_of_symbols: u32,
    pub size_of_optional_header: u16,
    pub characteristics: u16,
}

/// The optional header's first 72 bytes: the same fields at the same
/// offsets in PE32 and PE32+, except bytes 24..32 (PE32: BaseOfData and a
/// 32-bit ImageBase; PE32+: a 64-bit ImageBase), which nothing here reads.
#[derive(Clone, Debug, Default, Pread, Pwrite, SizeWith)]
#[repr(C)]
pub struct OptionalHeader {
    pub magic: u16,
    pub major_linker_version: u8,
    pub minor_linker_version: u8,
    pub size_of_code: u32,
    pub size_of_initialized_data: u32,
    pub size_of_uninitialized_data: u32,
    pub address_of_entry_point: u32,
    pub base_of_code: u32,
    pub base_of_data_and_image_base: [u8; 8],
    pub section_alignment: u32,
    pub file_alignment: u32,
    pub major_operating_system_version: u16,
    pub minor_operating_system_version: u16,
    pub major_image_version: u16,
    pub minor_image_version: u16,
    pub major_subsystem_version: u16,
    pub minor_subsystem_version: u16,
    pub win32_version_value: u32,
    pub size_of_image: u32,
    pub size_of_headers: u32,
    pub check_sum: u32,
    pub subsystem: u16,
    pub dll_characteristics: u16,
}

/// The rest of a PE32 optional header before the data directories.
#[derive(Clone, Debug, Default, Pread, Pwrite, SizeWith)]
#[repr(C)]
pub struct Pe32Tail {
    pub size_of_stack_reserve: u32,
    pub size_of_stack_commit: u32,
    pub size_of_heap_reserve: u32,
    pub size_of_heap_commit: u32,
    pub loader_flags: u32,
    pub number_of_rva_and_sizes: u32,
}

/// The rest of a PE32+ optional header before the data directories.
#[derive(Clone, Debug, Default, Pread, Pwrite, SizeWith)]
#[repr(C)]
pub struct Pe32PlusTail {
    pub size_of_stack_reserve: u64,
    pub size_of_stack_commit: u64,
    pub size_of_heap_reserve: u64,
    pub size_of_heap_commit: u64,
    pub loader_flags: u32,
    pub number_of_rva_and_sizes: u32,
}

/// One optional-header data directory (for the certificate table, the
/// "RVA" is a file offset).
#[derive(Clone, Debug, Default, PartialEq, Eq, Pread, Pwrite, SizeWith)]
#[repr(C)]
pub struct DataDirectory {
    pub virtual_address: u32,
    pub size: u32,
}

/// One entry of the section table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Pread, Pwrite, SizeWith)]
#[repr(C)]
pub struct SectionHeader {
    pub name: [u8; 8],
    pub virtual_size: u32,
    pub virtual_address: u32,
    pub size_of_raw_data: u32,
    pub pointer_to_raw_data: u32,
    pub pointer_to_relocations: u32,
    pub pointer_to_linenumbers: u32,
    pub number_of_relocations: u16,
    pub number_of_linenumbers: u16,
    pub characteristics: u32,
}

/// The header of an attribute certificate table entry (`WIN_CERTIFICATE`),
/// followed by the certificate itself.
#[derive(Clone, Debug, Default, Pread, Pwrite, SizeWith)]
#[repr(C)]
pub struct WinCertificate {
    /// The entry's length, this header included.
    pub length: u32,
    pub revision: u16,
    pub certificate_type: u16,
}

/// `WIN_CERT_REVISION_2_0`.
pub const WIN_CERT_REVISION_2_0: u16 = 0x0200;
/// `WIN_CERT_TYPE_PKCS_SIGNED_DATA`.
pub const WIN_CERT_TYPE_PKCS_SIGNED_DATA: u16 = 0x0002;

// The sizes and offsets PE/COFF gives these headers; a unit test checks
// that scroll reads and writes exactly these sizes.
const _: () = {
    assert!(size_of::<DosHeader>() == 0x40);
    assert!(offset_of!(DosHeader, e_lfanew) == 0x3c);
    assert!(size_of::<CoffHeader>() == 20);
    assert!(size_of::<OptionalHeader>() == 72);
    assert!(offset_of!(OptionalHeader, section_alignment) == 32);
    assert!(offset_of!(OptionalHeader, size_of_image) == 56);
    assert!(offset_of!(OptionalHeader, check_sum) == 64);
    assert!(size_of::<OptionalHeader>() + size_of::<Pe32Tail>() == 96);
    assert!(size_of::<OptionalHeader>() + size_of::<Pe32PlusTail>() == 112);
    assert!(size_of::<DataDirectory>() == 8);
    assert!(size_of::<SectionHeader>() == 40);
    assert!(size_of::<WinCertificate>() == 8);
};

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

fn truncated(what: &'static str, at: usize, len: usize, file_len: usize) -> PeError {
    PeError::Truncated {
        what,
        end: at as u64 + len as u64,
        len: file_len,
    }
}

/// A header as the file holds it: read and written with scroll.
pub trait Header:
    for<'a> TryFromCtx<'a, Endian, Error = scroll::Error>
    + TryIntoCtx<Endian, Error = scroll::Error>
    + SizeWith<Endian>
{
}

impl<T> Header for T where
    T: for<'a> TryFromCtx<'a, Endian, Error = scroll::Error>
        + TryIntoCtx<Endian, Error = scroll::Error>
        + SizeWith<Endian>
{
}

/// The `T` at byte `at` of `bytes`, or why it is not there.
pub fn read<T: Header>(bytes: &[u8], at: usize, what: &'static str) -> Result<T, PeError> {
    bytes
        .pread_with(at, LE)
        .map_err(|_| truncated(what, at, T::size_with(&LE), bytes.len()))
}

/// Writes `value` at byte `at` of `bytes`.
pub fn write<T: Header>(
    bytes: &mut [u8],
    at: usize,
    value: T,
    what: &'static str,
) -> Result<(), PeError> {
    let file_len = bytes.len();
    bytes
        .pwrite_with(value, at, LE)
        .map(drop)
        .map_err(|_| truncated(what, at, T::size_with(&LE), file_len))
}

/// Rewrites the `T` at byte `at` of `bytes` with `change`.
pub fn update<T: Header>(
    bytes: &mut [u8],
    at: usize,
    what: &'static str,
    change: impl FnOnce(&mut T),
) -> Result<(), PeError> {
    let mut value: T = read(bytes, at, what)?;
    change(&mut value);
    write(bytes, at, value, what)
}

/// Bounds-checked slices.
fn slice<'a>(
    bytes: &'a [u8],
    at: usize,
    len: usize,
    what: &'static str,
) -> Result<&'a [u8], PeError> {
    at.checked_add(len)
        .and_then(|end| bytes.get(at..end))
        .ok_or_else(|| truncated(what, at, len, bytes.len()))
}

/// Where the headers of one image are. Only [`Image::parse`] makes one, so
/// each header below is inside the file it was parsed from (and inside any
/// file that starts with that one).
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// File offset of the [`CoffHeader`].
    pub coff: usize,
    /// File offset of the [`OptionalHeader`].
    pub optional: usize,
    pub pe32_plus: bool,
    /// File offset of the section table.
    pub section_table: usize,
    /// How many section headers the table holds.
    pub sections: usize,
}

impl Layout {
    /// File offset of the optional header's CheckSum field.
    pub fn checksum(&self) -> usize {
        self.optional + offset_of!(OptionalHeader, check_sum)
    }
    /// File offset of data directory `index`.
    pub fn data_directory(&self, index: usize) -> usize {
        self.optional + self.fixed_optional_len() + index * size_of::<DataDirectory>()
    }
    /// Where the section table ends: the end of all headers but padding.
    pub fn headers_end(&self) -> usize {
        self.section_header(self.sections)
    }
    /// File offset of section header `index` (which may be one to add).
    pub fn section_header(&self, index: usize) -> usize {
        self.section_table + index * SECTION_HEADER_LEN
    }
    /// The optional header's length before the data directories.
    fn fixed_optional_len(&self) -> usize {
        size_of::<OptionalHeader>()
            + if self.pe32_plus {
                size_of::<Pe32PlusTail>()
            } else {
                size_of::<Pe32Tail>()
            }
    }

    /// Rewrites the COFF header in `bytes`.
    pub fn update_coff(
        &self,
        bytes: &mut [u8],
        change: impl FnOnce(&mut CoffHeader),
    ) -> Result<(), PeError> {
        update(bytes, self.coff, "COFF header", change)
    }
    /// Rewrites the optional header in `bytes`.
    pub fn update_optional(
        &self,
        bytes: &mut [u8],
        change: impl FnOnce(&mut OptionalHeader),
    ) -> Result<(), PeError> {
        update(bytes, self.optional, "optional header", change)
    }
    /// Rewrites data directory `index` in `bytes`.
    pub fn update_data_directory(
        &self,
        bytes: &mut [u8],
        index: usize,
        change: impl FnOnce(&mut DataDirectory),
    ) -> Result<(), PeError> {
        update(bytes, self.data_directory(index), "optional header", change)
    }
    /// Rewrites section header `index` in `bytes` (or fills it in, for a
    /// section being added).
    pub fn update_section(
        &self,
        bytes: &mut [u8],
        index: usize,
        change: impl FnOnce(&mut SectionHeader),
    ) -> Result<(), PeError> {
        update(bytes, self.section_header(index), "section table", change)
    }
}

/// One entry of the section table, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub name: [u8; 8],
    pub virtual_size: u32,
    pub virtual_address: u32,
    pub size_of_raw_data: u32,
    pub pointer_to_raw_data: u32,
    pub characteristics: u32,
}

impl From<&SectionHeader> for Section {
    fn from(h: &SectionHeader) -> Section {
        Section {
            name: h.name,
            virtual_size: h.virtual_size,
            virtual_address: h.virtual_address,
            size_of_raw_data: h.size_of_raw_data,
            pointer_to_raw_data: h.pointer_to_raw_data,
            characteristics: h.characteristics,
        }
    }
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
        let layout = Layout::find(bytes)?;
        let coff: CoffHeader = read(bytes, layout.coff, "COFF header")?;
        let directories = layout.check_optional_len(bytes, &coff)?;
        let optional: OptionalHeader = read(bytes, layout.optional, "optional header")?;
        let table_len = layout.sections * SECTION_HEADER_LEN;
        slice(bytes, layout.section_table, table_len, "section table")?;
        let sections = (0..layout.sections)
            .map(|i| read(bytes, layout.section_header(i), "section table"))
            .map(|header| header.map(|h: SectionHeader| Section::from(&h)))
            .collect::<Result<_, _>>()?;
        let certificate_table = if directories as usize > CERTIFICATE_TABLE {
            let at = layout.data_directory(CERTIFICATE_TABLE);
            let dir: DataDirectory = read(bytes, at, "optional header")?;
            Some((dir.virtual_address, dir.size))
        } else {
            None
        };
        Ok(Image {
            machine: coff.machine,
            size_of_initialized_data: optional.size_of_initialized_data,
            section_alignment: optional.section_alignment,
            file_alignment: optional.file_alignment,
            size_of_image: optional.size_of_image,
            size_of_headers: optional.size_of_headers,
            check_sum: optional.check_sum,
            certificate_table,
            sections,
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

impl Layout {
    /// Follows the DOS header to the PE signature, the COFF header and the
    /// optional header's magic.
    fn find(bytes: &[u8]) -> Result<Layout, PeError> {
        if bytes.get(..2) != Some(b"MZ") {
            return Err(PeError::NoMz);
        }
        let dos: DosHeader = read(bytes, 0, "DOS header")?;
        let pe = dos.e_lfanew as usize;
        if slice(bytes, pe, 4, "PE signature")? != b"PE\0\0" {
            return Err(PeError::NoPeSignature { at: pe });
        }
        let coff_at = pe + 4;
        let coff: CoffHeader = read(bytes, coff_at, "COFF header")?;
        let sections = usize::from(coff.number_of_sections);
        if sections > MAX_SECTIONS {
            return Err(PeError::TooManySections(sections));
        }
        let optional = coff_at + size_of::<CoffHeader>();
        let pe32_plus = match read::<u16>(bytes, optional, "optional header")? {
            PE32_MAGIC => false,
            PE32_PLUS_MAGIC => true,
            magic => return Err(PeError::Magic(magic)),
        };
        Ok(Layout {
            coff: coff_at,
            optional,
            pe32_plus,
            section_table: optional + usize::from(coff.size_of_optional_header),
            sections,
        })
    }

    /// Checks that SizeOfOptionalHeader holds the fixed fields and every
    /// data directory, and that the optional header lies in the file;
    /// returns NumberOfRvaAndSizes.
    fn check_optional_len(&self, bytes: &[u8], coff: &CoffHeader) -> Result<u32, PeError> {
        let tail = self.optional + size_of::<OptionalHeader>();
        let what = "optional header";
        let directories = if self.pe32_plus {
            read::<Pe32PlusTail>(bytes, tail, what)?.number_of_rva_and_sizes
        } else {
            read::<Pe32Tail>(bytes, tail, what)?.number_of_rva_and_sizes
        };
        let optional_len = coff.size_of_optional_header;
        let need = self.fixed_optional_len() as u64 + 8 * u64::from(directories);
        if u64::from(optional_len) < need {
            return Err(PeError::OptionalHeader {
                size: optional_len,
                directories,
                need,
            });
        }
        slice(bytes, self.optional, usize::from(optional_len), what)?;
        Ok(directories)
    }
}

/// The largest SectionAlignment taken: a large page. EFI images align their
/// sections to 4 KiB (arm64 kernels to 64 KiB); beyond 2 MiB each added UKI
/// section would claim that much address space (2 GiB with a 2 GiB value).
pub const MAX_SECTION_ALIGNMENT: u32 = 0x20_0000;

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
    if !sa.is_power_of_two() || sa < fa || sa > MAX_SECTION_ALIGNMENT {
        problems.push(format!(
            "SectionAlignment {sa:#x} is not a power of two from FileAlignment {fa:#x} to {MAX_SECTION_ALIGNMENT:#x}"
        ));
    }
    problems
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

    const OPT: usize = 0x58;

    fn dos(b: &mut [u8], change: impl FnOnce(&mut DosHeader)) {
        update(b, 0, "DOS header", change).unwrap()
    }
    fn coff(b: &mut [u8], change: impl FnOnce(&mut CoffHeader)) {
        update(b, 0x44, "COFF header", change).unwrap()
    }
    fn opt(b: &mut [u8], change: impl FnOnce(&mut OptionalHeader)) {
        update(b, OPT, "optional header", change).unwrap()
    }
    fn tail(b: &mut [u8], change: impl FnOnce(&mut Pe32PlusTail)) {
        update(
            b,
            OPT + size_of::<OptionalHeader>(),
            "optional header",
            change,
        )
        .unwrap()
    }

    /// A minimal PE32+ image: DOS header, PE signature at 0x40, COFF
    /// header, a 240-byte optional header with 16 directories, one section.
    fn tiny() -> Vec<u8> {
        let mut b = vec![0u8; 0x400];
        dos(&mut b, |h| {
            h.e_magic = *b"MZ";
            h.e_lfanew = 0x40;
        });
        b[0x40..0x44].copy_from_slice(b"PE\0\0");
        coff(&mut b, |h| {
            h.number_of_sections = 1;
            h.size_of_optional_header = 240;
        });
        opt(&mut b, |h| {
            h.magic = PE32_PLUS_MAGIC;
            h.section_alignment = 0x1000;
            h.file_alignment = 0x200;
        });
        tail(&mut b, |h| h.number_of_rva_and_sizes = 16);
        let text = SectionHeader {
            name: *b".text\0\0\0",
            ..SectionHeader::default()
        };
        write(&mut b, OPT + 240, text, "section table").unwrap();
        b
    }

    /// scroll reads and writes each header in exactly its size in the file.
    #[test]
    fn headers_are_their_size_in_the_file() {
        fn check<T: Header>(len: usize) {
            assert_eq!(T::size_with(&LE), len, "{}", std::any::type_name::<T>());
            assert_eq!(size_of::<T>(), len, "{}", std::any::type_name::<T>());
        }
        check::<DosHeader>(64);
        check::<CoffHeader>(20);
        check::<OptionalHeader>(72);
        check::<Pe32Tail>(24);
        check::<Pe32PlusTail>(40);
        check::<DataDirectory>(8);
        check::<SectionHeader>(40);
        check::<WinCertificate>(8);
        let mut b = [0u8; 40];
        let header = SectionHeader {
            pointer_to_raw_data: 0x0403_0201,
            characteristics: 0x0807_0605,
            ..SectionHeader::default()
        };
        write(&mut b, 0, header, "section table").unwrap();
        assert_eq!(
            &b[20..24],
            &[1, 2, 3, 4],
            "PointerToRawData at 20, little-endian"
        );
        assert_eq!(&b[36..40], &[5, 6, 7, 8], "Characteristics at 36");
    }

    #[test]
    fn parses_a_minimal_image() {
        let image = Image::parse(&tiny()).unwrap();
        assert!(image.layout.pe32_plus);
        assert_eq!(image.sections.len(), 1);
        assert_eq!(image.sections[0].name(), ".text");
        assert_eq!(image.certificate_table, Some((0, 0)));
        assert_eq!(image.file_alignment, 0x200);
        assert_eq!(image.layout.checksum(), OPT + 64);
        assert_eq!(image.layout.data_directory(4), OPT + 112 + 32);
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let bytes = tiny();
        let table_end = OPT + 240 + SECTION_HEADER_LEN;
        for len in 0..table_end {
            assert!(Image::parse(&bytes[..len]).is_err(), "accepted {len} bytes");
        }
        assert!(Image::parse(&bytes[..table_end]).is_ok());
    }

    #[test]
    fn absurd_header_fields_are_errors() {
        let mut b = tiny();
        dos(&mut b, |h| h.e_lfanew = u32::MAX);
        assert!(matches!(Image::parse(&b), Err(PeError::Truncated { .. })));
        let mut b = tiny();
        tail(&mut b, |h| h.number_of_rva_and_sizes = u32::MAX);
        assert!(matches!(
            Image::parse(&b),
            Err(PeError::OptionalHeader { .. })
        ));
        let mut b = tiny();
        coff(&mut b, |h| h.number_of_sections = MAX_SECTIONS as u16);
        assert!(matches!(
            Image::parse(&b),
            Err(PeError::Truncated {
                what: "section table",
                ..
            })
        ));
        coff(&mut b, |h| h.number_of_sections = u16::MAX);
        assert_eq!(
            Image::parse(&b).unwrap_err(),
            PeError::TooManySections(0xffff)
        );
        let mut b = tiny();
        opt(&mut b, |h| h.magic = 0x10c);
        assert_eq!(Image::parse(&b).unwrap_err(), PeError::Magic(0x10c));
        // Four directories: readable, but no certificate table entry.
        let mut b = tiny();
        tail(&mut b, |h| h.number_of_rva_and_sizes = 4);
        assert_eq!(Image::parse(&b).unwrap().certificate_table, None);
    }

    /// A truncation's error names the header and where it would end, as
    /// the byte-offset reader before the header structs did.
    #[test]
    fn truncation_errors_name_the_header_and_its_end() {
        let b = tiny();
        let cut = |len: usize| Image::parse(&b[..len]).unwrap_err();
        let truncated = |what, end, len| PeError::Truncated { what, end, len };
        assert_eq!(cut(0x3f), truncated("DOS header", 0x40, 0x3f));
        assert_eq!(cut(0x50), truncated("COFF header", 0x58, 0x50));
        assert_eq!(cut(0x59), truncated("optional header", 0x5a, 0x59));
        // A PE32+ optional header's fixed fields end at 112 bytes, PE32's at 96.
        assert_eq!(cut(0x60), truncated("optional header", 0x58 + 112, 0x60));
        let mut pe32 = tiny();
        opt(&mut pe32, |h| h.magic = PE32_MAGIC);
        let err = Image::parse(&pe32[..0x60]).unwrap_err();
        assert_eq!(err, truncated("optional header", 0x58 + 96, 0x60));
    }

    #[test]
    fn alignment_rules() {
        assert!(alignment_problems(0x200, 0x1000).is_empty());
        assert!(alignment_problems(0x200, 0x200).is_empty());
        // Both out of bounds: FileAlignment > 64 K, SectionAlignment > 2 M.
        assert_eq!(alignment_problems(0x8000_0000, 0x8000_0000).len(), 2);
        assert_eq!(alignment_problems(0x200, 0x8000_0000).len(), 1);
        assert!(alignment_problems(0x200, MAX_SECTION_ALIGNMENT).is_empty());
        assert_eq!(
            alignment_problems(0x200, MAX_SECTION_ALIGNMENT * 2).len(),
            1
        );
        assert_eq!(alignment_problems(0x300, 0x1000).len(), 1);
        assert_eq!(alignment_problems(0x1000, 0x200).len(), 1);
        assert_eq!(alignment_problems(0, 0).len(), 2);
    }
}
