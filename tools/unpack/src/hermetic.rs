//! A hermetic tool directory (as Kleaf's `hermetic_tools`): packages
//! unpacked into `DIR/root`, and beside it only what a spec declares:
//!
//! - `DIR/bin/NAME`: the declared tools, each a relative symlink into
//!   `root`. A caller makes `DIR/bin` the whole PATH, so an undeclared tool
//!   is not found. (Not busybox: its shell runs its own applets before
//!   PATH, so every applet would be reachable, declared or not.)
//! - `DIR/lib/SONAME`: the declared shared libraries the tools load
//!   besides the C library (a caller sets LD_LIBRARY_PATH to it). The C
//!   library itself stays in `root` only: it must match the loader that
//!   runs the tools, which is the machine's or a sandbox's (docs/toolchains.md).
//! - `DIR/env.toml`: the spec's `[env]`, variables whose values are paths
//!   relative to `DIR` (M4, BISON_PKGDATADIR, PERL5LIB…), each checked to
//!   exist.
//!
//! Every declared name is a plain file name and every target a relative
//! path that resolves, symlinks followed, to a file inside `root`: a spec
//! or a package that points elsewhere is refused, and a declared tool or
//! library a package does not have is an error naming it — at unpack
//! time, not halfway through a build. The directory is made whole or not
//! at all.

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

use crate::{unpack_all, Format, Options, Summary, UnpackError};

/// The spec of a tool directory (a TOML file).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// `bin/NAME` → the file at this path in `root`.
    #[serde(default)]
    pub tools: BTreeMap<String, String>,
    #[serde(default)]
    pub libraries: Libraries,
    /// Variables for the tools' environment: paths relative to the
    /// directory (`bin/m4`, `root/usr/share/bison`).
    #[serde(default)]
    pub env: BTreeMap<String, String>,
}

/// Shared libraries: each name is looked for in `search` (in `root`), in
/// order.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Libraries {
    #[serde(default)]
    pub search: Vec<String>,
    #[serde(default)]
    pub names: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum HermeticError {
    #[error("the spec {path}: {why}")]
    Spec { path: PathBuf, why: String },
    #[error("unpacking the packages: {0}")]
    Unpack(#[from] UnpackError),
    #[error("{what} {name:?}: {why}")]
    Declared {
        what: &'static str,
        name: String,
        why: String,
    },
    #[error("{path}: {source}")]
    Output { path: PathBuf, source: io::Error },
}

/// The largest spec read.
const MAX_SPEC: u64 = 1 << 20;

impl Spec {
    /// Reads and checks a spec file.
    pub fn read(path: &Path) -> Result<Spec, HermeticError> {
        let bad = |why: String| HermeticError::Spec {
            path: path.into(),
            why,
        };
        let text =
            mvirt_atomic::read_input_to_string(path, MAX_SPEC).map_err(|e| bad(e.to_string()))?;
        let spec: Spec = toml::from_str(&text).map_err(|e| bad(e.to_string()))?;
        spec.check().map_err(bad)?;
        Ok(spec)
    }

    fn check(&self) -> Result<(), String> {
        for name in self.tools.keys() {
            plain_name(name).map_err(|why| format!("tool {name:?}: {why}"))?;
        }
        for name in &self.libraries.names {
            plain_name(name).map_err(|why| format!("library {name:?}: {why}"))?;
        }
        for path in self.tools.values().chain(&self.libraries.search) {
            relative(path).map_err(|why| format!("path {path:?}: {why}"))?;
        }
        for (key, value) in &self.env {
            let ok = !key.is_empty()
                && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                && !key.as_bytes()[0].is_ascii_digit();
            if !ok || ["PATH", "LD_LIBRARY_PATH"].contains(&key.as_str()) {
                return Err(format!("env {key:?}: not a variable a spec may set"));
            }
            relative(value).map_err(|why| format!("env {key}={value:?}: {why}"))?;
        }
        Ok(())
    }
}

/// A file name: no separator, not `.`/`..`, not empty.
fn plain_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name == "." || name == ".." || name.contains(['/', '\0']) {
        return Err("not a plain file name".into());
    }
    Ok(())
}

/// A relative path of plain components.
fn relative(path: &str) -> Result<(), String> {
    let p = Path::new(path);
    if path.is_empty() || path.contains('\0') {
        return Err("empty".into());
    }
    if !p.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err("not a relative path of plain names (no '/', '..' or '.')".into());
    }
    Ok(())
}

/// Unpacks `archives` into `dest/root` and lays out `bin`, `lib` and
/// `env.toml` as `spec` declares; `dest` is made whole or not at all
/// (`replace`: an existing `dest` is replaced once the new one is whole).
pub fn assemble(
    archives: &[(&Path, Format)],
    spec: &Spec,
    dest: &Path,
    opts: &Options,
) -> Result<Summary, HermeticError> {
    if dest.symlink_metadata().is_ok() && !opts.replace {
        return Err(UnpackError::Exists { path: dest.into() }.into());
    }
    let tmp = crate::temp_beside(dest)?;
    let result = unpack_all(archives, &tmp.join("root"), opts)
        .map_err(HermeticError::from)
        .and_then(|summary| {
            lay_out(&tmp, spec)?;
            Ok(summary)
        });
    match result.and_then(|s| Ok(crate::commit(&tmp, dest, opts.replace).map(|()| s)?)) {
        Ok(s) => Ok(s),
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            Err(e)
        }
    }
}

fn lay_out(dir: &Path, spec: &Spec) -> Result<(), HermeticError> {
    let root = dir.join("root");
    let made = |path: &Path| {
        let path = path.to_path_buf();
        move |source| HermeticError::Output { path, source }
    };
    for sub in ["bin", "lib"] {
        std::fs::create_dir(dir.join(sub)).map_err(made(&dir.join(sub)))?;
    }
    for (name, target) in &spec.tools {
        inside(&root, target).map_err(|why| declared("tool", name, target, why))?;
        let link = dir.join("bin").join(name);
        symlink(&Path::new("../root").join(target), &link).map_err(made(&link))?;
    }
    for name in &spec.libraries.names {
        let found = spec.libraries.search.iter().find_map(|d| {
            let rel = format!("{d}/{name}");
            inside(&root, &rel).is_ok().then_some(rel)
        });
        let rel = found.ok_or_else(|| HermeticError::Declared {
            what: "library",
            name: name.clone(),
            why: format!("in none of {:?} of the packages", spec.libraries.search),
        })?;
        let link = dir.join("lib").join(name);
        symlink(&Path::new("../root").join(rel), &link).map_err(made(&link))?;
    }
    for (key, value) in &spec.env {
        dir.join(value)
            .try_exists()
            .ok()
            .filter(|e| *e)
            .ok_or_else(|| declared("env", key, value, "not in the directory".into()))?;
    }
    let env = toml::to_string(&spec.env).map_err(|e| HermeticError::Output {
        path: dir.join("env.toml"),
        source: io::Error::other(e),
    })?;
    std::fs::write(dir.join("env.toml"), env).map_err(made(&dir.join("env.toml")))
}

fn declared(what: &'static str, name: &str, target: &str, why: String) -> HermeticError {
    HermeticError::Declared {
        what,
        name: name.into(),
        why: format!("{target}: {why}"),
    }
}

/// `rel` (in `root`) resolves, symlinks followed, to a file inside `root`.
fn inside(root: &Path, rel: &str) -> Result<(), String> {
    let root = root.canonicalize().map_err(|e| e.to_string())?;
    let real = root
        .join(rel)
        .canonicalize()
        .map_err(|_| "no such file in the packages".to_string())?;
    if !real.starts_with(&root) {
        return Err("resolves outside the packages".into());
    }
    if !real.is_file() {
        return Err("not a file".into());
    }
    Ok(())
}

fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

/// What a caller runs the tools with: PATH and LD_LIBRARY_PATH (the
/// directory's `bin` and `lib`) and the spec's variables, all absolute.
pub fn environment(dir: &Path) -> Result<Vec<(String, PathBuf)>, HermeticError> {
    let file = dir.join("env.toml");
    let bad = |why: String| HermeticError::Spec {
        path: file.clone(),
        why,
    };
    let text =
        mvirt_atomic::read_input_to_string(&file, MAX_SPEC).map_err(|e| bad(e.to_string()))?;
    let env: BTreeMap<String, String> = toml::from_str(&text).map_err(|e| bad(e.to_string()))?;
    let spec = Spec {
        env,
        ..Spec::default()
    };
    spec.check().map_err(bad)?;
    let mut vars = vec![
        ("PATH".to_string(), dir.join("bin")),
        ("LD_LIBRARY_PATH".to_string(), dir.join("lib")),
    ];
    vars.extend(spec.env.into_iter().map(|(k, v)| (k, dir.join(v))));
    Ok(vars)
}
