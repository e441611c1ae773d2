//! Property: whatever tree a spec describes (directories, files, symlinks,
//! hard links; any permission bits; any contents), the archive built from it
//! holds exactly the spec's entries and the parents they imply, read back
//! by this crate's reader, by GNU cpio and by bsdtar. Both tools must be
//! installed (`.ci/run` installs them); a missing tool fails the test, as in
//! `cross_check.rs`.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use mvirt_cpio::newc::{mode, Reader};
use mvirt_cpio::{Compression, Inputs};
use proptest::prelude::*;

const MTIME: u32 = 1_700_000_000;

/// One drawn entry: where it goes (an index into the directories drawn so
/// far), its name, what it is, its permission bits and, for a hard link,
/// which file it names (an index into the files drawn so far).
#[derive(Clone, Debug)]
struct Draw {
    parent: usize,
    name: String,
    shape: Shape,
    perm: u32,
    pick: usize,
}

#[derive(Clone, Debug)]
enum Shape {
    /// A directory the spec names, or one only implied by its children.
    Dir {
        explicit: bool,
    },
    File(Vec<u8>),
    Symlink(String),
    Hardlink,
}

fn draws() -> impl Strategy<Value = Vec<Draw>> {
    let shape = prop_oneof![
        any::<bool>().prop_map(|explicit| Shape::Dir { explicit }),
        prop::collection::vec(any::<u8>(), 0..300).prop_map(Shape::File),
        "[A-Za-z0-9._/-]{1,40}".prop_map(Shape::Symlink),
        Just(Shape::Hardlink),
    ];
    let draw = (
        any::<usize>(),
        "[a-z]{1,3}",
        shape,
        0u32..=0o7777,
        any::<usize>(),
    )
        .prop_map(|(parent, name, shape, perm, pick)| Draw {
            parent,
            name,
            shape,
            perm,
            pick,
        });
    prop::collection::vec(draw, 1..40)
}

/// A name of the archive-to-be, as the spec means it.
#[derive(Clone, Debug)]
enum Node {
    Dir(u32),
    /// A file or a hard link to one; `group` is the file's name.
    File {
        perm: u32,
        data: Vec<u8>,
        group: String,
    },
    Symlink(String),
}

/// A drawn tree: the spec text and what every name must be.
#[derive(Default)]
struct Model {
    spec: String,
    nodes: BTreeMap<String, Node>,
}

impl Model {
    /// The spec of `draws`; file contents are written under `dir/src`.
    fn new(draws: &[Draw], dir: &Path) -> Model {
        fs::create_dir_all(dir.join("src")).unwrap();
        let mut model = Model::default();
        let mut dirs = vec![String::new()];
        let mut files: Vec<String> = Vec::new();
        for (i, draw) in draws.iter().enumerate() {
            let parent = &dirs[draw.parent % dirs.len()];
            // The index keeps names unique within their directory.
            let path = match parent.as_str() {
                "" => format!("{}{i}", draw.name),
                parent => format!("{parent}/{}{i}", draw.name),
            };
            match &draw.shape {
                Shape::Dir { explicit } => {
                    if *explicit {
                        model.entry(&path, "dir", &format!("mode = {}", draw.perm));
                        model.nodes.insert(path.clone(), Node::Dir(draw.perm));
                    }
                    dirs.push(path);
                }
                Shape::File(data) => {
                    fs::write(dir.join(format!("src/{i}")), data).unwrap();
                    let fields = format!("source = \"src/{i}\"\nmode = {}", draw.perm);
                    model.entry(&path, "file", &fields);
                    let group = path.clone();
                    let (perm, data) = (draw.perm, data.clone());
                    model
                        .nodes
                        .insert(path.clone(), Node::File { perm, data, group });
                    files.push(path);
                }
                Shape::Symlink(target) => {
                    model.entry(&path, "symlink", &format!("target = \"{target}\""));
                    model.nodes.insert(path, Node::Symlink(target.clone()));
                }
                Shape::Hardlink if files.is_empty() => {}
                Shape::Hardlink => {
                    let file = &files[draw.pick % files.len()];
                    model.entry(&path, "hardlink", &format!("target = \"/{file}\""));
                    let node = model.nodes[file].clone();
                    model.nodes.insert(path, node);
                }
            }
        }
        model.add_implied_parents();
        model
    }

    fn entry(&mut self, path: &str, kind: &str, fields: &str) {
        self.spec += &format!("[[entry]]\npath = \"/{path}\"\nkind = \"{kind}\"\n{fields}\n");
    }

    /// Directories the spec does not name but its entries lie in: 0o755.
    fn add_implied_parents(&mut self) {
        let names: Vec<String> = self.nodes.keys().cloned().collect();
        for name in names {
            let mut cur = name.as_str();
            while let Some((parent, _)) = cur.rsplit_once('/') {
                self.nodes
                    .entry(parent.to_string())
                    .or_insert(Node::Dir(0o755));
                cur = parent;
            }
        }
    }

    /// The listing every reader must show.
    fn listing(&self) -> BTreeMap<String, Line> {
        self.nodes
            .iter()
            .map(|(name, node)| (name.clone(), self.line(name, node)))
            .collect()
    }

    fn line(&self, name: &str, node: &Node) -> Line {
        match node {
            Node::Dir(perm) => {
                let subdirs = self.nodes.iter().filter(|(child, node)| {
                    matches!(node, Node::Dir(_)) && parent_of(child) == Some(name)
                });
                Line::new('d', *perm, 2 + subdirs.count() as u32, 0, None)
            }
            Node::File { perm, data, group } => {
                let names = self.group(group);
                // The data goes with the group's last name (as gen_init_cpio).
                let last = names.iter().max() == Some(&name);
                let size = if last { data.len() as u64 } else { 0 };
                Line::new('-', *perm, names.len() as u32, size, None)
            }
            Node::Symlink(target) => {
                Line::new('l', 0o777, 1, target.len() as u64, Some(target.clone()))
            }
        }
    }

    /// Every name of the hard-link group of the file `group`.
    fn group(&self, group: &str) -> Vec<&str> {
        let in_group = |node: &Node| matches!(node, Node::File { group: g, .. } if g == group);
        self.nodes
            .iter()
            .filter(|(_, node)| in_group(node))
            .map(|(name, _)| name.as_str())
            .collect()
    }
}

fn parent_of(name: &str) -> Option<&str> {
    name.rsplit_once('/').map(|(parent, _)| parent)
}

/// One name as `ls -l` (and `cpio -tv`, `bsdtar -tv`) shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Line {
    mode: String,
    nlink: u32,
    size: u64,
    target: Option<String>,
}

impl Line {
    fn new(type_char: char, perm: u32, nlink: u32, size: u64, target: Option<String>) -> Line {
        Line {
            mode: ls_mode(type_char, perm),
            nlink,
            size,
            target,
        }
    }
}

/// `-rwsr-x--T` and the like, as ls(1) writes permission bits.
fn ls_mode(type_char: char, perm: u32) -> String {
    let mut out = String::from(type_char);
    for (shift, special, mark) in [(6, 0o4000, 's'), (3, 0o2000, 's'), (0, 0o1000, 't')] {
        let bits = (perm >> shift) & 7;
        out.push(if bits & 4 != 0 { 'r' } else { '-' });
        out.push(if bits & 2 != 0 { 'w' } else { '-' });
        out.push(match (bits & 1 != 0, perm & special != 0) {
            (true, true) => mark,
            (false, true) => mark.to_ascii_uppercase(),
            (true, false) => 'x',
            (false, false) => '-',
        });
    }
    out
}

/// What this crate's reader finds: the listing, and each name's inode and
/// the data that inode ends up with (a hard link's data is on one record).
struct Ours {
    listing: BTreeMap<String, Line>,
    ino: BTreeMap<String, u32>,
    data: BTreeMap<u32, Vec<u8>>,
}

fn read_ours(archive: &Path) -> Ours {
    let mut reader = Reader::new(fs::File::open(archive).unwrap());
    let mut ours = Ours {
        listing: BTreeMap::new(),
        ino: BTreeMap::new(),
        data: BTreeMap::new(),
    };
    while let Some(entry) = reader.next_entry().unwrap() {
        let h = entry.header;
        if entry.name == mvirt_cpio::newc::TRAILER {
            continue;
        }
        assert_eq!((h.uid, h.gid, h.mtime), (0, 0, MTIME), "{}", entry.name);
        let (type_char, target) = match h.file_type() {
            mode::S_IFDIR => ('d', None),
            mode::S_IFLNK => {
                let target = String::from_utf8(reader.read_link_target().unwrap()).unwrap();
                ('l', Some(target))
            }
            mode::S_IFREG => {
                let mut data = Vec::new();
                reader.read_data(&mut data).unwrap();
                let seen = ours.data.entry(h.ino).or_default();
                if !data.is_empty() {
                    *seen = data;
                }
                ('-', None)
            }
            other => panic!("{}: unexpected file type {other:o}", entry.name),
        };
        let line = Line::new(
            type_char,
            h.mode & 0o7777,
            h.nlink,
            h.filesize.into(),
            target,
        );
        ours.ino.insert(entry.name.clone(), h.ino);
        ours.listing.insert(entry.name, line);
    }
    ours
}

/// Two names share an inode exactly when the spec makes them one file, and
/// each file's inode holds the file's data.
fn check_inodes(model: &Model, ours: &Ours) {
    for (name, node) in &model.nodes {
        let Node::File { data, group, .. } = node else {
            continue;
        };
        let ino = ours.ino[name];
        assert_eq!(ino, ours.ino[group], "{name} and {group} are one file");
        assert_eq!(&ours.data[&ino], data, "data of {name}");
    }
    let mut inos: Vec<u32> = model
        .nodes
        .iter()
        .filter(|(name, node)| !matches!(node, Node::File { group, .. } if group != *name))
        .map(|(name, _)| ours.ino[name])
        .collect();
    let count = inos.len();
    inos.sort();
    inos.dedup();
    assert_eq!(inos.len(), count, "distinct files have distinct inodes");
}

/// A `-tv` listing of GNU cpio or bsdtar (numeric owners, no device nodes):
/// `mode nlink uid gid size month day year name [-> target | link to name]`.
/// bsdtar's `link to` partners are returned apart.
fn parse_tv(text: &str) -> (BTreeMap<String, Line>, BTreeMap<String, String>) {
    let mut listing = BTreeMap::new();
    let mut links = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        assert!(words.len() >= 9, "{line:?}");
        let rest = words[8..].join(" ");
        let (name, target) = match rest.split_once(" -> ") {
            Some((name, target)) => (name.to_string(), Some(target.to_string())),
            None => (rest, None),
        };
        let name = match name.split_once(" link to ") {
            Some((name, partner)) => {
                links.insert(name.to_string(), partner.to_string());
                name.to_string()
            }
            None => name,
        };
        let line = Line {
            mode: words[0].into(),
            nlink: words[1].parse().unwrap(),
            size: words[4].parse().unwrap(),
            target,
        };
        listing.insert(name, line);
    }
    (listing, links)
}

fn tool(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("cannot run {cmd:?}: {e} (is it installed? .ci/run installs it)")
    });
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{cmd:?} failed: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// bsdtar names the other name of the inode it saw first: the same group.
fn check_bsdtar_links(model: &Model, links: &BTreeMap<String, String>) {
    for (name, partner) in links {
        let group_of = |n: &str| match &model.nodes[n] {
            Node::File { group, .. } => group.clone(),
            other => panic!("bsdtar says {n} is a hard link; it is {other:?}"),
        };
        assert_eq!(
            group_of(name),
            group_of(partner),
            "{name} link to {partner}"
        );
    }
}

fn round_trip(draws: &[Draw]) {
    let tmp = tempfile::tempdir().unwrap();
    let model = Model::new(draws, tmp.path());
    let spec = tmp.path().join("spec.toml");
    fs::write(&spec, &model.spec).unwrap();
    let archive = tmp.path().join("out.cpio");
    mvirt_cpio::build(
        &spec,
        &Inputs::default(),
        MTIME,
        Compression::None,
        &archive,
    )
    .unwrap_or_else(|e| panic!("{e}\n{}", model.spec));
    let want = model.listing();

    let ours = read_ours(&archive);
    assert_eq!(ours.listing, want, "our reader\n{}", model.spec);
    check_inodes(&model, &ours);

    let gnu = tool(
        Command::new("cpio")
            .args(["-itv", "--numeric-uid-gid", "--quiet", "-F"])
            .arg(&archive),
    );
    assert_eq!(parse_tv(&gnu).0, want, "GNU cpio\n{}", model.spec);

    let bsd = tool(
        Command::new("bsdtar")
            .args(["-tv", "--numeric-owner", "-f"])
            .arg(&archive),
    );
    let (listing, links) = parse_tv(&bsd);
    assert_eq!(listing, want, "bsdtar\n{}", model.spec);
    check_bsdtar_links(&model, &links);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        // A failing case is printed, not written into the source tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_reader_lists_what_the_spec_says(draws in draws()) {
        round_trip(&draws);
    }
}

/// The model and the readers agree on a tree with every kind at once (a
/// fixed case, so that a broken strategy cannot make the property vacuous).
#[test]
fn a_fixed_tree_round_trips() {
    let draw = |parent, shape, perm, pick| Draw {
        parent,
        name: "n".into(),
        shape,
        perm,
        pick,
    };
    let draws = [
        draw(0, Shape::Dir { explicit: false }, 0, 0),
        draw(1, Shape::Dir { explicit: true }, 0o1777, 0),
        draw(2, Shape::File(b"data".to_vec()), 0o4755, 0),
        draw(1, Shape::Hardlink, 0, 0),
        draw(0, Shape::Hardlink, 0, 0),
        draw(2, Shape::Symlink("../x".into()), 0, 0),
        draw(0, Shape::File(Vec::new()), 0, 0),
    ];
    let tmp = tempfile::tempdir().unwrap();
    let model = Model::new(&draws, tmp.path());
    let kinds: Vec<_> = model.listing().values().map(|l| l.mode.clone()).collect();
    assert_eq!(
        kinds,
        [
            "drwxr-xr-x",
            "drwxrwxrwt",
            "-rwsr-xr-x",
            "lrwxrwxrwx",
            "-rwsr-xr-x",
            "-rwsr-xr-x",
            "----------"
        ]
    );
    round_trip(&draws);
}
