//! From a spec to the exact list of records: validation and reproducibility
//! policy in one place.
//!
//! Every path is checked (no `..`, no `.`, no empty component, no
//! duplicate), missing parent directories are added, and the records are put
//! in one canonical form: sorted by name, uid/gid 0, one mtime, inodes
//! numbered in order, nlink as a file system would count it, and the data of
//! a hard-linked file on its last link (as `gen_init_cpio` does; the kernel
//! truncates and writes the file each time a link carries data).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::check;
use crate::newc::{mode, Header, MAX_FILE_SIZE};
use crate::spec::{EntrySpec, Spec};

/// Errors in the spec's meaning. Each names the entry: its position in the
/// spec (1-based) and its path.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("entry {index} ({path:?}): unsafe path: {reason}")]
    UnsafePath {
        index: usize,
        path: String,
        reason: &'static str,
    },
    #[error("entry {index} ({path:?}): duplicate path, entry {first} has it already")]
    Duplicate {
        index: usize,
        path: String,
        first: usize,
    },
    #[error("entry {index} ({path:?}): source {source_path}: {reason}")]
    Source {
        index: usize,
        path: String,
        source_path: PathBuf,
        reason: String,
    },
    #[error("entry {index} ({path:?}): source {source_path} is {size} bytes; newc holds at most {MAX_FILE_SIZE} bytes (4 GiB - 1) per file")]
    TooLarge {
        index: usize,
        path: String,
        source_path: PathBuf,
        size: u64,
    },
    #[error(
        "entry {index} ({path:?}): input @{input} is not bound; pass --input {input}=PATH{hint}"
    )]
    Unbound {
        index: usize,
        path: String,
        input: String,
        hint: &'static str,
    },
    #[error("--input {0}=…: the spec has no entry with source \"@{0}\"")]
    UnusedInput(String),
    #[error("--omit {0}: no entry with source \"@{0}\" is marked `optional = true`")]
    BadOmit(String),
    #[error("entry {index} ({path:?}): {reason}")]
    Invalid {
        index: usize,
        path: String,
        reason: String,
    },
    #[error(
        "entry {index} ({path:?}): parent {parent:?} is not a directory (entry {parent_index})"
    )]
    ParentNotDir {
        index: usize,
        path: String,
        parent: String,
        parent_index: usize,
    },
}

/// Where the build takes `@NAME` sources from, and which optional ones it
/// leaves out.
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    pub bound: BTreeMap<String, PathBuf>,
    pub omitted: BTreeSet<String>,
}

/// What a record's data is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Content {
    Empty,
    File(PathBuf),
    Bytes(Vec<u8>),
}

/// One record ready to be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub name: String,
    pub header: Header,
    pub content: Content,
}

pub use crate::check::normalize;

fn parent_of(name: &str) -> Option<&str> {
    name.rsplit_once('/').map(|(parent, _)| parent)
}

enum Kind {
    Dir,
    File(PathBuf, u64),
    Symlink(String),
    Hardlink(String),
    Node(u32, u32, u32),
}

struct Planned {
    index: usize,
    kind: Kind,
    perm: u32,
}

/// Resolves a spec into sorted, canonical records.
///
/// `base` is the directory that relative sources are resolved against (the
/// spec file's directory). `mtime` is the build's SOURCE_DATE_EPOCH.
pub fn plan(
    spec: &Spec,
    base: &Path,
    inputs: &Inputs,
    mtime: u32,
) -> Result<Vec<Record>, PlanError> {
    let mut by_name: BTreeMap<String, Planned> = BTreeMap::new();
    let mut used_inputs = BTreeSet::new();
    let mut optional_inputs = BTreeSet::new();

    for (i, entry) in spec.entries.iter().enumerate() {
        let index = i + 1;
        let path = entry.path().to_string();
        let invalid = |reason: String| PlanError::Invalid {
            index,
            path: path.clone(),
            reason,
        };
        let name = normalize(&path).map_err(|reason| PlanError::UnsafePath {
            index,
            path: path.clone(),
            reason,
        })?;
        let check_perm = |perm: u32| {
            if perm > 0o7777 {
                Err(invalid(format!(
                    "mode {perm:#o} has bits beyond 0o7777 (give permission bits only)"
                )))
            } else {
                Ok(perm)
            }
        };
        let (kind, perm) = match entry {
            EntrySpec::Dir { mode, .. } => (Kind::Dir, check_perm(*mode)?),
            EntrySpec::File {
                source,
                mode,
                optional,
                ..
            } => {
                let source_path = if let Some(input) = source.strip_prefix('@') {
                    used_inputs.insert(input.to_string());
                    if *optional {
                        optional_inputs.insert(input.to_string());
                    }
                    if inputs.omitted.contains(input) {
                        if *optional {
                            continue;
                        }
                        return Err(PlanError::BadOmit(input.into()));
                    }
                    match inputs.bound.get(input) {
                        Some(p) => p.clone(),
                        None => {
                            return Err(PlanError::Unbound {
                                index,
                                path,
                                input: input.into(),
                                hint: if *optional {
                                    " (or --omit it: it is optional)"
                                } else {
                                    ""
                                },
                            })
                        }
                    }
                } else {
                    base.join(source)
                };
                let source_err = |reason: String| PlanError::Source {
                    index,
                    path: path.clone(),
                    source_path: source_path.clone(),
                    reason,
                };
                let meta =
                    std::fs::metadata(&source_path).map_err(|e| source_err(e.to_string()))?;
                if !meta.is_file() {
                    return Err(source_err("not a regular file".into()));
                }
                if meta.len() > MAX_FILE_SIZE {
                    return Err(PlanError::TooLarge {
                        index,
                        path,
                        source_path,
                        size: meta.len(),
                    });
                }
                (Kind::File(source_path, meta.len()), check_perm(*mode)?)
            }
            EntrySpec::Symlink { target, .. } => {
                check::link_target(target.as_bytes()).map_err(|reason| invalid(reason.into()))?;
                (Kind::Symlink(target.clone()), 0o777)
            }
            EntrySpec::Hardlink { target, .. } => {
                let target = normalize(target).map_err(|reason| {
                    invalid(format!("hardlink target {target:?} is unsafe: {reason}"))
                })?;
                (Kind::Hardlink(target), 0)
            }
            EntrySpec::Char {
                major, minor, mode, ..
            } => (
                Kind::Node(mode::S_IFCHR, *major, *minor),
                check_perm(*mode)?,
            ),
            EntrySpec::Block {
                major, minor, mode, ..
            } => (
                Kind::Node(mode::S_IFBLK, *major, *minor),
                check_perm(*mode)?,
            ),
        };
        if let Some(first) = by_name.get(&name) {
            return Err(PlanError::Duplicate {
                index,
                path,
                first: first.index,
            });
        }
        by_name.insert(name, Planned { index, kind, perm });
    }

    for input in inputs.bound.keys() {
        if !used_inputs.contains(input) {
            return Err(PlanError::UnusedInput(input.clone()));
        }
    }
    for input in &inputs.omitted {
        if !optional_inputs.contains(input) {
            return Err(PlanError::BadOmit(input.clone()));
        }
    }

    // Parents: add the missing ones, refuse a parent that is not a directory.
    let names: Vec<String> = by_name.keys().cloned().collect();
    for name in &names {
        let index = by_name[name].index;
        let mut cur = name.as_str();
        while let Some(parent) = parent_of(cur) {
            match by_name.get(parent) {
                Some(Planned {
                    kind: Kind::Dir, ..
                }) => {}
                Some(other) => {
                    return Err(PlanError::ParentNotDir {
                        index,
                        path: spec.entries[index - 1].path().into(),
                        parent: format!("/{parent}"),
                        parent_index: other.index,
                    })
                }
                None => {
                    by_name.insert(
                        parent.to_string(),
                        Planned {
                            index,
                            kind: Kind::Dir,
                            perm: 0o755,
                        },
                    );
                }
            }
            cur = parent;
        }
    }

    // Hard-link groups: the file's name → every name of that inode.
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, planned) in &by_name {
        if let Kind::Hardlink(target) = &planned.kind {
            match by_name.get(target) {
                Some(Planned {
                    kind: Kind::File(..),
                    ..
                }) => groups
                    .entry(target.clone())
                    .or_insert_with(|| vec![target.clone()])
                    .push(name.clone()),
                _ => {
                    return Err(PlanError::Invalid {
                        index: planned.index,
                        path: spec.entries[planned.index - 1].path().into(),
                        reason: format!(
                            "hardlink target \"/{target}\" is not a `file` entry of this spec"
                        ),
                    })
                }
            }
        }
    }
    let mut group_of: BTreeMap<&str, &str> = BTreeMap::new();
    for (file, members) in &groups {
        for member in members {
            group_of.insert(member, file);
        }
    }

    let mut subdirs: BTreeMap<&str, u32> = BTreeMap::new();
    for (name, planned) in &by_name {
        if let (Kind::Dir, Some(parent)) = (&planned.kind, parent_of(name)) {
            *subdirs.entry(parent).or_default() += 1;
        }
    }

    let mut records = Vec::with_capacity(by_name.len());
    let mut next_ino = 1u32;
    let mut group_ino: BTreeMap<&str, u32> = BTreeMap::new();
    for (name, planned) in &by_name {
        let group = group_of.get(name.as_str()).copied();
        let ino = match group.and_then(|g| group_ino.get(g)) {
            Some(&ino) => ino,
            None => {
                let ino = next_ino;
                next_ino += 1;
                if let Some(g) = group {
                    group_ino.insert(g, ino);
                }
                ino
            }
        };
        let mut header = Header {
            ino,
            mtime,
            nlink: 1,
            ..Header::default()
        };
        let content = match &planned.kind {
            Kind::Dir => {
                header.mode = mode::S_IFDIR | planned.perm;
                header.nlink = 2 + subdirs.get(name.as_str()).copied().unwrap_or(0);
                Content::Empty
            }
            Kind::Symlink(target) => {
                header.mode = mode::S_IFLNK | planned.perm;
                header.filesize = target.len() as u32;
                Content::Bytes(target.as_bytes().to_vec())
            }
            Kind::Node(kind, major, minor) => {
                header.mode = kind | planned.perm;
                header.rdev_major = *major;
                header.rdev_minor = *minor;
                Content::Empty
            }
            Kind::File(..) | Kind::Hardlink(..) => {
                let (file, members) = match group {
                    Some(g) => (g, groups[g].len()),
                    None => (name.as_str(), 1),
                };
                let Kind::File(source, size) = &by_name[file].kind else {
                    unreachable!("groups only hold file entries")
                };
                header.mode = mode::S_IFREG | by_name[file].perm;
                header.nlink = members as u32;
                let last = group.is_none_or(|g| groups[g].iter().max() == Some(name));
                if last {
                    header.filesize = *size as u32;
                    Content::File(source.clone())
                } else {
                    Content::Empty
                }
            }
        };
        records.push(Record {
            name: name.clone(),
            header,
            content,
        });
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(text: &str) -> Spec {
        Spec::parse(Path::new("t.toml"), text.as_bytes()).unwrap()
    }

    fn source_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a"), b"alpha").unwrap();
        dir
    }

    #[test]
    fn parents_added_sorted_inodes_in_order() {
        let dir = source_dir();
        let s = spec("[[entry]]\npath = \"/usr/sbin/x\"\nkind = \"file\"\nsource = \"a\"\nmode = 0o755\n[[entry]]\npath = \"/dev/console\"\nkind = \"char\"\nmajor = 5\nminor = 1\n");
        let records = plan(&s, dir.path(), &Inputs::default(), 7).unwrap();
        let names: Vec<_> = records.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            ["dev", "dev/console", "usr", "usr/sbin", "usr/sbin/x"]
        );
        let inos: Vec<_> = records.iter().map(|r| r.header.ino).collect();
        assert_eq!(inos, [1, 2, 3, 4, 5]);
        assert!(records.iter().all(|r| r.header.mtime == 7));
        assert_eq!(records[0].header.nlink, 2);
        assert_eq!(records[2].header.nlink, 3, "usr has one subdirectory");
        assert_eq!(records[4].header.mode, 0o100755);
        assert_eq!(records[4].header.filesize, 5);
        assert_eq!(records[1].header.rdev_major, 5);
    }

    #[test]
    fn hardlinks_share_inode_and_data_goes_last() {
        let dir = source_dir();
        let s = spec("[[entry]]\npath = \"/b\"\nkind = \"file\"\nsource = \"a\"\n[[entry]]\npath = \"/a\"\nkind = \"hardlink\"\ntarget = \"/b\"\n[[entry]]\npath = \"/c\"\nkind = \"hardlink\"\ntarget = \"/b\"\n");
        let r = plan(&s, dir.path(), &Inputs::default(), 0).unwrap();
        assert!(r.iter().all(|r| r.header.ino == 1 && r.header.nlink == 3));
        assert_eq!(r[0].content, Content::Empty);
        assert_eq!(r[1].content, Content::Empty);
        assert_eq!(r[2].header.filesize, 5);
    }

    #[test]
    fn errors_name_the_entry() {
        let dir = source_dir();
        let cases = [
            ("[[entry]]\npath = \"../etc/passwd\"\nkind = \"dir\"\n", "entry 1 (\"../etc/passwd\"): unsafe path"),
            ("[[entry]]\npath = \"/a/../../b\"\nkind = \"dir\"\n", "unsafe path"),
            ("[[entry]]\npath = \"/x\"\nkind = \"dir\"\n[[entry]]\npath = \"x\"\nkind = \"dir\"\n", "entry 2 (\"x\"): duplicate path, entry 1"),
            ("[[entry]]\npath = \"/x\"\nkind = \"file\"\nsource = \"missing\"\n", "entry 1 (\"/x\"): source"),
            ("[[entry]]\npath = \"/x\"\nkind = \"file\"\nsource = \"@bin\"\n", "input @bin is not bound"),
            ("[[entry]]\npath = \"/x\"\nkind = \"hardlink\"\ntarget = \"/nope\"\n", "not a `file` entry"),
            ("[[entry]]\npath = \"/x\"\nkind = \"symlink\"\ntarget = \"y\"\n[[entry]]\npath = \"/x/z\"\nkind = \"dir\"\n", "parent \"/x\" is not a directory"),
            ("[[entry]]\npath = \"/x\"\nkind = \"dir\"\nmode = 0o40755\n", "beyond 0o7777"),
            ("[[entry]]\npath = \"/TRAILER!!!\"\nkind = \"dir\"\n", "end-of-archive record"),
            ("[[entry]]\npath = \"/a\\u001b[2J\"\nkind = \"dir\"\n", "control character"),
            ("[[entry]]\npath = \"/x\"\nkind = \"symlink\"\ntarget = \"a\\nb\"\n", "control character"),
            ("[[entry]]\npath = \"/x\"\nkind = \"symlink\"\ntarget = \"\"\n", "target is empty"),
        ];
        for (text, want) in cases {
            let err = plan(&spec(text), dir.path(), &Inputs::default(), 0).unwrap_err();
            assert!(err.to_string().contains(want), "{err} (want {want})");
        }
    }

    #[test]
    fn optional_inputs_can_be_omitted_others_not() {
        let dir = source_dir();
        let s = spec(
            "[[entry]]\npath = \"/bin/ch\"\nkind = \"file\"\nsource = \"@ch\"\noptional = true\n",
        );
        let mut inputs = Inputs::default();
        inputs.omitted.insert("ch".into());
        let r = plan(&s, dir.path(), &inputs, 0).unwrap();
        assert!(r.is_empty(), "the entry and its implied parent are gone");
        let s = spec("[[entry]]\npath = \"/bin/ch\"\nkind = \"file\"\nsource = \"@ch\"\n");
        assert!(matches!(
            plan(&s, dir.path(), &inputs, 0),
            Err(PlanError::BadOmit(_))
        ));
        let mut inputs = Inputs::default();
        inputs.bound.insert("typo".into(), dir.path().join("a"));
        inputs.bound.insert("ch".into(), dir.path().join("a"));
        assert!(matches!(
            plan(&s, dir.path(), &inputs, 0),
            Err(PlanError::UnusedInput(name)) if name == "typo"
        ));
    }
}
