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
///
/// The steps, in order: each entry's path and kind ([`Resolver`]), the
/// missing parents ([`add_parents`]), the hard-link groups ([`LinkGroups`]),
/// then inode numbers and headers ([`Numbering`]).
pub fn plan(
    spec: &Spec,
    base: &Path,
    inputs: &Inputs,
    mtime: u32,
) -> Result<Vec<Record>, PlanError> {
    let mut tree = Resolver::new(base, inputs).resolve(spec)?;
    add_parents(spec, &mut tree)?;
    let links = LinkGroups::of(spec, &tree)?;
    Ok(Numbering::new(&tree, &links, mtime).records())
}

/// Every name of the archive-to-be (normalized, sorted) and what it is.
type Tree = BTreeMap<String, Planned>;

/// An entry of the spec, for its errors: its 1-based position and its path
/// as written.
#[derive(Clone, Copy)]
struct At<'s> {
    index: usize,
    path: &'s str,
}

impl At<'_> {
    fn invalid(self, reason: String) -> PlanError {
        PlanError::Invalid {
            index: self.index,
            path: self.path.into(),
            reason,
        }
    }

    /// Permission bits only: the file type comes from the entry's kind.
    fn perm(self, perm: u32) -> Result<u32, PlanError> {
        if perm > 0o7777 {
            return Err(self.invalid(format!(
                "mode {perm:#o} has bits beyond 0o7777 (give permission bits only)"
            )));
        }
        Ok(perm)
    }

    /// The size of a `file` entry's source, which must be a regular file
    /// that newc's 32-bit size field can hold.
    fn source_size(self, source: &Path) -> Result<u64, PlanError> {
        let source_err = |reason: String| PlanError::Source {
            index: self.index,
            path: self.path.into(),
            source_path: source.into(),
            reason,
        };
        let meta = std::fs::metadata(source).map_err(|e| source_err(e.to_string()))?;
        if !meta.is_file() {
            return Err(source_err("not a regular file".into()));
        }
        if meta.len() > MAX_FILE_SIZE {
            return Err(PlanError::TooLarge {
                index: self.index,
                path: self.path.into(),
                source_path: source.into(),
                size: meta.len(),
            });
        }
        Ok(meta.len())
    }
}

/// Step 1: each entry's path checked and its kind resolved (sources found,
/// `@NAME` inputs bound or omitted), duplicates refused; then every
/// `--input` and `--omit` must have been used.
struct Resolver<'a> {
    base: &'a Path,
    inputs: &'a Inputs,
    /// Inputs some entry names as `@NAME`.
    used: BTreeSet<String>,
    /// Inputs some `optional = true` entry names.
    optional: BTreeSet<String>,
}

impl<'a> Resolver<'a> {
    fn new(base: &'a Path, inputs: &'a Inputs) -> Self {
        Resolver {
            base,
            inputs,
            used: BTreeSet::new(),
            optional: BTreeSet::new(),
        }
    }

    fn resolve(mut self, spec: &Spec) -> Result<Tree, PlanError> {
        let mut tree = Tree::new();
        for (i, entry) in spec.entries.iter().enumerate() {
            let at = At {
                index: i + 1,
                path: entry.path(),
            };
            let name = normalize(at.path).map_err(|reason| PlanError::UnsafePath {
                index: at.index,
                path: at.path.into(),
                reason,
            })?;
            let Some(planned) = self.entry(at, entry)? else {
                continue; // an omitted optional input
            };
            if let Some(first) = tree.get(&name) {
                return Err(PlanError::Duplicate {
                    index: at.index,
                    path: at.path.into(),
                    first: first.index,
                });
            }
            tree.insert(name, planned);
        }
        self.check_inputs_used()?;
        Ok(tree)
    }

    /// What one entry is; `None` for a file whose optional input is omitted.
    fn entry(&mut self, at: At, entry: &EntrySpec) -> Result<Option<Planned>, PlanError> {
        let (kind, perm) = match entry {
            EntrySpec::Dir { mode, .. } => (Kind::Dir, at.perm(*mode)?),
            EntrySpec::File {
                source,
                mode,
                optional,
                ..
            } => {
                let Some(source) = self.source(at, source, *optional)? else {
                    return Ok(None);
                };
                let size = at.source_size(&source)?;
                (Kind::File(source, size), at.perm(*mode)?)
            }
            EntrySpec::Symlink { target, .. } => {
                check::link_target(target.as_bytes()).map_err(|r| at.invalid(r.into()))?;
                (Kind::Symlink(target.clone()), 0o777)
            }
            EntrySpec::Hardlink { target, .. } => {
                let target = normalize(target).map_err(|reason| {
                    at.invalid(format!("hardlink target {target:?} is unsafe: {reason}"))
                })?;
                (Kind::Hardlink(target), 0)
            }
            EntrySpec::Char {
                major, minor, mode, ..
            } => (Kind::Node(mode::S_IFCHR, *major, *minor), at.perm(*mode)?),
            EntrySpec::Block {
                major, minor, mode, ..
            } => (Kind::Node(mode::S_IFBLK, *major, *minor), at.perm(*mode)?),
        };
        Ok(Some(Planned {
            index: at.index,
            kind,
            perm,
        }))
    }

    /// A file's source: relative to the spec, or a bound `@NAME` input;
    /// `None` when the input is optional and omitted.
    fn source(
        &mut self,
        at: At,
        source: &str,
        optional: bool,
    ) -> Result<Option<PathBuf>, PlanError> {
        let Some(input) = source.strip_prefix('@') else {
            return Ok(Some(self.base.join(source)));
        };
        self.used.insert(input.into());
        if optional {
            self.optional.insert(input.into());
        }
        if self.inputs.omitted.contains(input) {
            if optional {
                return Ok(None);
            }
            return Err(PlanError::BadOmit(input.into()));
        }
        match self.inputs.bound.get(input) {
            Some(path) => Ok(Some(path.clone())),
            None => Err(PlanError::Unbound {
                index: at.index,
                path: at.path.into(),
                input: input.into(),
                hint: if optional {
                    " (or --omit it: it is optional)"
                } else {
                    ""
                },
            }),
        }
    }

    /// A `--input` no entry uses, or an `--omit` of no optional entry, is
    /// a mistake (a typo), not something to ignore.
    fn check_inputs_used(&self) -> Result<(), PlanError> {
        if let Some(input) = self.inputs.bound.keys().find(|i| !self.used.contains(*i)) {
            return Err(PlanError::UnusedInput(input.clone()));
        }
        if let Some(input) = self
            .inputs
            .omitted
            .iter()
            .find(|i| !self.optional.contains(*i))
        {
            return Err(PlanError::BadOmit(input.clone()));
        }
        Ok(())
    }
}

/// Step 2: adds the missing parent directories (mode 0o755, charged to the
/// entry that implies them) and refuses a parent that is not a directory.
fn add_parents(spec: &Spec, tree: &mut Tree) -> Result<(), PlanError> {
    let names: Vec<String> = tree.keys().cloned().collect();
    for name in &names {
        let index = tree[name].index;
        let mut cur = name.as_str();
        while let Some(parent) = parent_of(cur) {
            match tree.get(parent) {
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
                    let dir = Planned {
                        index,
                        kind: Kind::Dir,
                        perm: 0o755,
                    };
                    tree.insert(parent.to_string(), dir);
                }
            }
            cur = parent;
        }
    }
    Ok(())
}

/// Step 3: the hard-link groups. A group is named by its `file` entry and
/// holds every name of that inode: the file first, then its links in order.
struct LinkGroups {
    members: BTreeMap<String, Vec<String>>,
    /// Every name in a group → the group's file.
    group_of: BTreeMap<String, String>,
}

impl LinkGroups {
    fn of(spec: &Spec, tree: &Tree) -> Result<LinkGroups, PlanError> {
        let mut members: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (name, planned) in tree {
            let Kind::Hardlink(target) = &planned.kind else {
                continue;
            };
            let Some(Planned {
                kind: Kind::File(..),
                ..
            }) = tree.get(target)
            else {
                return Err(PlanError::Invalid {
                    index: planned.index,
                    path: spec.entries[planned.index - 1].path().into(),
                    reason: format!(
                        "hardlink target \"/{target}\" is not a `file` entry of this spec"
                    ),
                });
            };
            members
                .entry(target.clone())
                .or_insert_with(|| vec![target.clone()])
                .push(name.clone());
        }
        let group_of = members
            .iter()
            .flat_map(|(file, names)| names.iter().map(|n| (n.clone(), file.clone())))
            .collect();
        Ok(LinkGroups { members, group_of })
    }

    /// The group (its file's name) that `name` belongs to, if any.
    fn group(&self, name: &str) -> Option<&str> {
        self.group_of.get(name).map(String::as_str)
    }
}

/// Step 4: inode numbers in name order (one per hard-link group) and the
/// headers, with nlink as a file system counts it.
struct Numbering<'a> {
    tree: &'a Tree,
    links: &'a LinkGroups,
    mtime: u32,
    /// Directory name → how many directories it holds.
    subdirs: BTreeMap<&'a str, u32>,
    next_ino: u32,
    group_ino: BTreeMap<&'a str, u32>,
}

impl<'a> Numbering<'a> {
    fn new(tree: &'a Tree, links: &'a LinkGroups, mtime: u32) -> Self {
        let mut subdirs: BTreeMap<&str, u32> = BTreeMap::new();
        for (name, planned) in tree {
            if let (Kind::Dir, Some(parent)) = (&planned.kind, parent_of(name)) {
                *subdirs.entry(parent).or_default() += 1;
            }
        }
        Numbering {
            tree,
            links,
            mtime,
            subdirs,
            next_ino: 1,
            group_ino: BTreeMap::new(),
        }
    }

    fn records(mut self) -> Vec<Record> {
        let tree = self.tree;
        tree.iter()
            .map(|(name, planned)| self.record(name, planned))
            .collect()
    }

    /// The next inode number, or the group's if another of its names has one.
    fn ino(&mut self, group: Option<&'a str>) -> u32 {
        if let Some(&ino) = group.and_then(|g| self.group_ino.get(g)) {
            return ino;
        }
        let ino = self.next_ino;
        self.next_ino += 1;
        if let Some(g) = group {
            self.group_ino.insert(g, ino);
        }
        ino
    }

    fn record(&mut self, name: &'a str, planned: &Planned) -> Record {
        let group = self.links.group(name);
        let mut header = Header {
            ino: self.ino(group),
            mtime: self.mtime,
            nlink: 1,
            ..Header::default()
        };
        let content = match &planned.kind {
            Kind::Dir => {
                header.mode = mode::S_IFDIR | planned.perm;
                header.nlink = 2 + self.subdirs.get(name).copied().unwrap_or(0);
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
            Kind::File(..) | Kind::Hardlink(..) => self.file(name, group, &mut header),
        };
        Record {
            name: name.into(),
            header,
            content,
        }
    }

    /// A file or one of its hard links: the file's mode, the group's size
    /// as nlink, and the data on the group's last name only.
    fn file(&self, name: &str, group: Option<&str>, header: &mut Header) -> Content {
        let (file, names) = match group {
            Some(g) => (g, &self.links.members[g][..]),
            None => (name, &[][..]),
        };
        let Kind::File(source, size) = &self.tree[file].kind else {
            unreachable!("groups only hold file entries")
        };
        header.mode = mode::S_IFREG | self.tree[file].perm;
        header.nlink = names.len().max(1) as u32;
        let last = names.iter().max().is_none_or(|last| last == name);
        if !last {
            return Content::Empty;
        }
        header.filesize = *size as u32;
        Content::File(source.clone())
    }
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
