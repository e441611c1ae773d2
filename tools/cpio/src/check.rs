//! The one set of rules for what an archive may hold: `build` (through
//! [`crate::plan`]) never writes, `verify` reports and `extract` refuses the
//! same things, because all three ask this module.
//!
//! - [`normalize`]: a name is relative (or made so), has no `.`, `..` or
//!   empty component, no control character (nor a bidi control or line
//!   separator: [`hidden_char`]), and is not the trailer's name.
//! - [`link_target`]: a symlink target is 1..=4095 bytes of UTF-8 without
//!   NUL or such characters.
//! - [`Validator`]: what depends on the entries before: no duplicate name, a
//!   parent directory before its children, a supported file type, and
//!   hard-link groups whose sizes match their nlink. It keeps a 128-bit
//!   keyed hash of each name, not the name: its memory is a few dozen bytes
//!   an entry whatever the names' length, for at most [`MAX_ENTRIES`].
//!
//! [`crate::scan`] applies them in the one pass that verify, list and
//! extract all read an archive with.

use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

use crate::newc::{mode, Entry, MAX_LINK_TARGET, MAX_NAME_LEN, TRAILER};

/// Why a character must not be in a name or link target, if it must not:
/// a control character (C0, DEL, C1), a bidi control that makes a listing
/// show another name than the real one (`invoice\u{202e}fdp.sh` shows as
/// `invoiceh s.pdf`; Unicode TR#9: U+061C, U+200E/F, U+202A-E, U+2066-9),
/// or a line or paragraph separator (U+2028/9), which breaks a listing's
/// lines like a newline.
pub fn hidden_char(c: char) -> Option<&'static str> {
    match c {
        _ if c.is_control() => Some("control character (names must be printable)"),
        '\u{061c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => {
            Some("bidirectional control character (it would make the name display as another)")
        }
        '\u{2028}' | '\u{2029}' => Some("line or paragraph separator (names must be one line)"),
        _ => None,
    }
}

/// Checks and normalizes a destination path: `/usr/bin/x` → `usr/bin/x`.
pub fn normalize(path: &str) -> Result<String, &'static str> {
    let rel = path.strip_prefix('/').unwrap_or(path);
    if rel.is_empty() {
        return Err("the root itself cannot be an entry");
    }
    for part in rel.split('/') {
        match part {
            "" => return Err("empty path component (`//` or a trailing `/`)"),
            "." => return Err("`.` component"),
            ".." => return Err("`..` component (would escape the archive root)"),
            _ => {}
        }
    }
    if rel.contains('\0') {
        return Err("NUL byte");
    }
    if let Some(why) = rel.chars().find_map(hidden_char) {
        return Err(why);
    }
    if rel.len() > MAX_NAME_LEN {
        return Err("longer than 4095 bytes (the kernel's PATH_MAX)");
    }
    if rel == TRAILER {
        return Err("`TRAILER!!!` names the end-of-archive record: every reader would stop there");
    }
    Ok(rel.to_string())
}

/// Checks a symlink target's bytes; returns them as text. `..` and absolute
/// targets are fine: a symlink is never followed by `extract`.
pub fn link_target(bytes: &[u8]) -> Result<&str, &'static str> {
    if bytes.is_empty() {
        return Err("symlink target is empty");
    }
    if bytes.len() > MAX_LINK_TARGET {
        return Err("symlink target is longer than 4095 bytes (PATH_MAX)");
    }
    if bytes.contains(&0) {
        return Err("symlink target contains a NUL byte");
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "symlink target is not UTF-8")?;
    if let Some(why) = text.chars().find_map(hidden_char) {
        return Err(match why.split_once(' ') {
            Some(("control", _)) => "symlink target contains a control character",
            Some(("bidirectional", _)) => {
                "symlink target contains a bidirectional control character"
            }
            _ => "symlink target contains a line or paragraph separator",
        });
    }
    Ok(text)
}

/// The name of a file type, as `list` shows it.
pub fn kind_name(file_type: u32) -> &'static str {
    match file_type {
        mode::S_IFDIR => "dir",
        mode::S_IFREG => "file",
        mode::S_IFLNK => "symlink",
        mode::S_IFCHR => "char",
        mode::S_IFBLK => "block",
        mode::S_IFIFO => "fifo",
        mode::S_IFSOCK => "socket",
        _ => "unknown",
    }
}

/// What identifies a hard-link group: as the kernel's `find_link`, the
/// device, inode and mode of a regular file with nlink ≥ 2.
pub type LinkKey = (u32, u32, u32, u32);

/// The hard-link group of an entry, if it belongs to one.
pub fn link_key(entry: &Entry) -> Option<LinkKey> {
    let h = &entry.header;
    (h.file_type() == mode::S_IFREG && h.nlink > 1).then_some((
        h.dev_major,
        h.dev_minor,
        h.ino,
        h.mode,
    ))
}

/// The most entries an archive may have: about 50 MB of [`Validator`]
/// state; an initramfs has thousands.
pub const MAX_ENTRIES: usize = 1 << 20;

/// The names seen, as 128-bit hashes under two random SipHash keys: a
/// collision (a false "duplicate" or parent) needs about 2^64 names, and
/// the keys are unknown to whoever made the archive.
#[derive(Debug, Default)]
struct NameSet {
    keys: (RandomState, RandomState),
    kinds: HashMap<u128, u32>,
}

impl NameSet {
    fn key(&self, name: &str) -> u128 {
        let (a, b) = &self.keys;
        (u128::from(a.hash_one(name)) << 64) | u128::from(b.hash_one(name))
    }

    fn get(&self, name: &str) -> Option<u32> {
        self.kinds.get(&self.key(name)).copied()
    }

    fn insert(&mut self, name: &str, kind: u32) {
        self.kinds.insert(self.key(name), kind);
    }

    fn len(&self) -> usize {
        self.kinds.len()
    }
}

/// Entry-by-entry checks that depend on what came before.
#[derive(Debug)]
pub struct Validator {
    /// Every accepted name → its file type.
    kinds: NameSet,
    /// Hard-link group → (members seen, nlink of its first member).
    groups: BTreeMap<LinkKey, (u64, u32)>,
    max_entries: usize,
}

impl Default for Validator {
    fn default() -> Self {
        Validator::with_max_entries(MAX_ENTRIES)
    }
}

impl Validator {
    /// A validator that refuses more than `max_entries` entries.
    pub fn with_max_entries(max_entries: usize) -> Validator {
        Validator {
            kinds: NameSet::default(),
            groups: BTreeMap::new(),
            max_entries,
        }
    }

    /// Checks one entry (the trailer excluded) and returns its normalized
    /// name, or why it is refused. A symlink's target is checked separately
    /// with [`link_target`] once read; its size is checked here, so that a
    /// caller can read it into memory.
    pub fn entry(&mut self, entry: &Entry) -> Result<String, String> {
        let name = &entry.name;
        if name.starts_with('/') {
            return Err("absolute name".into());
        }
        let rel = normalize(name).map_err(|reason| format!("unsafe name: {reason}"))?;
        let h = &entry.header;
        let file_type = h.file_type();
        if let Some(earlier) = self.kinds.get(&rel) {
            let kind = kind_name(earlier);
            return Err(format!("duplicate name (an earlier {kind} entry has it)"));
        }
        if self.kinds.len() >= self.max_entries {
            return Err(format!(
                "more than {} entries; an initramfs has far fewer (refused to bound memory)",
                self.max_entries
            ));
        }
        self.kinds.insert(&rel, file_type);
        if let Some(key) = link_key(entry) {
            self.groups.entry(key).or_insert((0, h.nlink)).0 += 1;
        }
        if let Some((parent, _)) = rel.rsplit_once('/') {
            match self.kinds.get(parent) {
                Some(mode::S_IFDIR) => {}
                Some(other) => {
                    let kind = kind_name(other);
                    return Err(format!("parent {parent:?} is a {kind}, not a directory"));
                }
                None => return Err(format!("parent {parent:?} does not come before it")),
            }
        }
        match file_type {
            mode::S_IFSOCK => Err("a socket (refused: it cannot be archived meaningfully)".into()),
            mode::S_IFLNK if h.filesize == 0 => Err("symlink target is empty".into()),
            mode::S_IFLNK if h.filesize as usize > MAX_LINK_TARGET => Err(format!(
                "symlink target is {} bytes; at most {MAX_LINK_TARGET} are allowed (PATH_MAX)",
                h.filesize
            )),
            mode::S_IFDIR | mode::S_IFREG | mode::S_IFLNK => Ok(rel),
            mode::S_IFCHR | mode::S_IFBLK | mode::S_IFIFO => Ok(rel),
            _ => Err(format!("unknown file type in mode {:#o}", h.mode)),
        }
    }

    /// Problems only the whole archive shows: hard-link groups with more
    /// or fewer members than their nlink says.
    pub fn finish(self) -> Vec<String> {
        self.groups
            .into_iter()
            .filter(|(_, (count, nlink))| *count != u64::from(*nlink))
            .map(|((_, _, ino, _), (count, nlink))| {
                format!("inode {ino}: nlink says {nlink} links, the archive has {count}")
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::newc::Header;

    fn entry(name: &str, mode: u32, size: u32) -> Entry {
        Entry {
            name: name.into(),
            header: Header {
                mode,
                nlink: 1,
                filesize: size,
                ..Header::default()
            },
            offset: 0,
        }
    }

    #[test]
    fn normalize_refuses_escapes_controls_and_the_trailer() {
        assert_eq!(normalize("/usr/bin/x").unwrap(), "usr/bin/x");
        assert_eq!(normalize("etc").unwrap(), "etc");
        assert_eq!(normalize("a/TRAILER!!!").unwrap(), "a/TRAILER!!!");
        for bad in [
            "../etc/passwd",
            "/a/../../b",
            "/",
            "",
            "a//b",
            "a/./b",
            "a/",
            "a\nb",
            "tab\there",
            "esc\u{1b}[31m",
            "del\u{7f}",
            "c1\u{85}",
            "rlo\u{202e}fdp.sh",
            "lre\u{202a}",
            "lri\u{2066}x",
            "pdi\u{2069}",
            "lrm\u{200e}",
            "rlm\u{200f}",
            "alm\u{61c}",
            "ls\u{2028}",
            "ps\u{2029}",
            "d\u{202d}/x",
            "/TRAILER!!!",
            "TRAILER!!!",
        ] {
            assert!(normalize(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn link_targets_may_point_anywhere_but_must_be_clean_text() {
        for good in ["/etc/passwd", "../../..", "a/b", ".", "x y"] {
            assert_eq!(link_target(good.as_bytes()), Ok(good));
        }
        let long = vec![b'a'; MAX_LINK_TARGET + 1];
        let bidi = "/bin/\u{202e}hs".as_bytes();
        let sep = "a\u{2028}b".as_bytes();
        for bad in [&b""[..], b"a\0b", b"\xff\xfe", b"a\nb", &long, bidi, sep] {
            assert!(link_target(bad).is_err(), "{bad:?}");
        }
        assert!(link_target(&long[1..]).is_ok(), "4095 bytes are fine");
    }

    #[test]
    fn validator_checks_order_duplicates_types_and_sizes() {
        let mut v = Validator::default();
        let dir = mode::S_IFDIR | 0o755;
        let file = mode::S_IFREG | 0o644;
        let link = mode::S_IFLNK | 0o777;
        assert_eq!(v.entry(&entry("d", dir, 0)).unwrap(), "d");
        assert!(v.entry(&entry("d/f", file, 3)).is_ok());
        let cases = [
            (entry("/abs", file, 0), "absolute"),
            (entry("d/../x", file, 0), "`..`"),
            (entry("d", link, 1), "duplicate name (an earlier dir"),
            (entry("d/f/g", file, 0), "parent \"d/f\" is a file"),
            (entry("e/f", file, 0), "does not come before it"),
            (entry("s", mode::S_IFSOCK | 0o755, 0), "socket"),
            (entry("l0", link, 0), "empty"),
            (entry("l1", link, 4096), "4096 bytes"),
            (entry("u", 0o644, 0), "unknown file type"),
        ];
        for (e, want) in cases {
            let err = v.entry(&e).unwrap_err();
            assert!(err.contains(want), "{}: {err} (want {want})", e.name);
        }
        assert!(v.entry(&entry("l2", link, 4095)).is_ok());
        assert!(v.entry(&entry("p", mode::S_IFIFO | 0o600, 0)).is_ok());
    }

    #[test]
    fn plain_unicode_is_not_hidden() {
        for good in ["café", "日本語", "emoji-\u{1f600}", "zwj\u{200d}"] {
            assert_eq!(normalize(good).unwrap(), good);
        }
    }

    #[test]
    fn validator_refuses_entries_beyond_its_bound() {
        let mut v = Validator::with_max_entries(2);
        let file = mode::S_IFREG | 0o644;
        v.entry(&entry("a", file, 0)).unwrap();
        v.entry(&entry("b", file, 0)).unwrap();
        let err = v.entry(&entry("c", file, 0)).unwrap_err();
        assert!(err.contains("more than 2 entries"), "{err}");
    }

    #[test]
    fn validator_counts_hard_link_groups() {
        let mut v = Validator::default();
        let mut a = entry("a", mode::S_IFREG | 0o644, 0);
        a.header.nlink = 3;
        a.header.ino = 7;
        let mut b = a.clone();
        b.name = "b".into();
        v.entry(&a).unwrap();
        v.entry(&b).unwrap();
        let problems = v.finish();
        assert_eq!(problems, ["inode 7: nlink says 3 links, the archive has 2"]);
    }
}
