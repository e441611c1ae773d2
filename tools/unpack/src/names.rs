//! Entry names and link targets, checked before anything is made: a name
//! is a relative path of normal components; a symlink's target, resolved
//! from the link's directory, stays beneath the root.

use std::path::{Component, Path, PathBuf};

use crate::UnpackError;

/// The longest name accepted, in bytes (PATH_MAX).
pub const MAX_NAME: usize = 4096;

/// `raw` as a relative path of normal components ("./" dropped), with the
/// first `strip` of them removed; None when nothing is left.
pub fn entry_path(raw: &Path, strip: usize) -> Result<Option<PathBuf>, UnpackError> {
    let bad = |why: &str| UnpackError::Name {
        name: raw.display().to_string(),
        why: why.into(),
    };
    let bytes = raw.as_os_str().as_encoded_bytes();
    if bytes.len() > MAX_NAME {
        return Err(bad("longer than 4096 bytes"));
    }
    if bytes.iter().any(|b| b.is_ascii_control()) {
        return Err(bad("holds a control character"));
    }
    let mut parts = Vec::new();
    for c in raw.components() {
        match c {
            Component::Normal(n) => parts.push(n),
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return Err(bad("is absolute")),
            Component::ParentDir => return Err(bad("has a '..' component")),
        }
    }
    Ok(if parts.len() <= strip {
        None
    } else {
        Some(parts[strip..].iter().collect())
    })
}

/// A symlink target: relative, and beneath the root when resolved from
/// `link`'s directory. An absolute target is taken from the root when
/// `rooted` (a package meant to be unpacked at /) and made relative.
pub fn link_target(link: &Path, target: &Path, rooted: bool) -> Result<PathBuf, UnpackError> {
    let bad = |why: &str| UnpackError::Link {
        name: link.display().to_string(),
        target: target.display().to_string(),
        why: why.into(),
    };
    if target.as_os_str().is_empty() || target.as_os_str().len() > MAX_NAME {
        return Err(bad("empty or too long"));
    }
    let depth = link.components().count().saturating_sub(1);
    if target.is_absolute() {
        if !rooted {
            return Err(bad("absolute"));
        }
        let inside = entry_path(target.strip_prefix("/").unwrap_or(target), 0)
            .map_err(|_| bad("not a plain path"))?
            .ok_or_else(|| bad("the root itself"))?;
        let mut rel: PathBuf = std::iter::repeat_n(Component::ParentDir, depth).collect();
        rel.push(inside);
        return Ok(rel);
    }
    let mut level = depth as isize;
    for c in target.components() {
        match c {
            Component::Normal(_) => level += 1,
            Component::CurDir => {}
            Component::ParentDir => level -= 1,
            Component::RootDir | Component::Prefix(_) => return Err(bad("absolute")),
        }
        if level < 0 {
            return Err(bad("leads out of the directory"));
        }
    }
    Ok(target.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_relative_and_plain() {
        let p = |s: &str, strip| entry_path(Path::new(s), strip);
        assert_eq!(
            p("./usr/bin/x", 0).unwrap().unwrap(),
            Path::new("usr/bin/x")
        );
        assert_eq!(
            p("rustc-1/rustc/bin", 1).unwrap().unwrap(),
            Path::new("rustc/bin")
        );
        assert_eq!(p("rustc-1/", 1).unwrap(), None);
        for bad in [
            "/etc/passwd",
            "a/../../x",
            "..",
            "a/\u{1b}[2J",
            &"a/".repeat(2100),
        ] {
            assert!(p(bad, 0).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn link_targets_stay_beneath_the_root() {
        let t = |l: &str, t: &str, rooted| link_target(Path::new(l), Path::new(t), rooted);
        assert_eq!(
            t("usr/bin/cc", "gcc-12", false).unwrap(),
            Path::new("gcc-12")
        );
        assert_eq!(
            t("usr/bin/clang", "../lib/llvm-14/bin/clang", false).unwrap(),
            Path::new("../lib/llvm-14/bin/clang")
        );
        assert_eq!(
            t("usr/bin/x", "/usr/lib/y", true).unwrap(),
            Path::new("../../usr/lib/y")
        );
        for (l, target, rooted) in [
            ("a", "../x", false),
            ("a/b", "../../etc", false),
            ("a/b", "c/../../../x", false),
            ("a", "/etc/passwd", false),
            ("a", "/", true),
            ("a", "/../../x", true),
            ("a", "", false),
        ] {
            assert!(t(l, target, rooted).is_err(), "{l} -> {target}");
        }
    }
}
