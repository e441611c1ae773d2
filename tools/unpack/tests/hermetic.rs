//! `mvirt-unpack --tools`: a hermetic tool directory from packages made by
//! GNU tar, and specs and packages that try to declare more than they may.

use std::path::{Path, PathBuf};
use std::process::Command;

use mvirt_unpack::hermetic::{assemble, environment, HermeticError, Spec};
use mvirt_unpack::{Format, Options};

const BIN: &str = env!("CARGO_BIN_EXE_mvirt-unpack");

/// A package tree packed by GNU tar: a tool (a shell script), a library,
/// data, a link to the tool and a link to a directory. (A link that leads
/// out of the tree never gets this far: unpacking refuses it.)
fn package(dir: &Path) -> PathBuf {
    let root = dir.join("pkg");
    for d in ["usr/bin", "usr/lib/x", "usr/share/foo"] {
        std::fs::create_dir_all(root.join(d)).unwrap();
    }
    let tool = root.join("usr/bin/tool");
    std::fs::write(&tool, "#!/bin/sh\necho tool ran\n").unwrap();
    Command::new("chmod")
        .arg("755")
        .arg(&tool)
        .status()
        .unwrap();
    std::fs::write(root.join("usr/lib/x/libfoo.so.1"), "ELF?").unwrap();
    std::fs::write(root.join("usr/share/foo/data"), "data").unwrap();
    std::os::unix::fs::symlink("../share/foo", root.join("usr/bin/dirlink")).unwrap();
    std::os::unix::fs::symlink("tool", root.join("usr/bin/alias")).unwrap();
    let tarball = dir.join("pkg.tar");
    let ok = Command::new("tar")
        .arg("-cf")
        .arg(&tarball)
        .arg("-C")
        .arg(&root)
        .arg(".")
        .status()
        .unwrap();
    assert!(ok.success());
    tarball
}

const GOOD: &str = r#"
[tools]
t = "usr/bin/tool"
alias = "usr/bin/alias"

[libraries]
search = ["usr/lib/nothing", "usr/lib/x"]
names = ["libfoo.so.1"]

[env]
FOO_DATA = "root/usr/share/foo"
"#;

fn spec(dir: &Path, text: &str) -> Result<Spec, HermeticError> {
    let path = dir.join("spec.toml");
    std::fs::write(&path, text).unwrap();
    Spec::read(&path)
}

fn run(dir: &Path, text: &str) -> Result<(), String> {
    let tarball = package(dir);
    let spec = spec(dir, text).map_err(|e| e.to_string())?;
    let out = dir.join("out");
    assemble(&[(&tarball, Format::Tar)], &spec, &out, &Options::default())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[test]
fn the_declared_tools_libraries_and_variables_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), GOOD).unwrap();
    let out = dir.path().join("out");
    let names = |d: &str| {
        let mut v: Vec<String> = std::fs::read_dir(out.join(d))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names("bin"), ["alias", "t"]);
    assert_eq!(names("lib"), ["libfoo.so.1"]);
    assert_eq!(
        std::fs::read_link(out.join("bin/t")).unwrap(),
        Path::new("../root/usr/bin/tool")
    );
    // A caller's PATH of bin/ alone finds the declared tool and no other.
    let env = environment(&out).unwrap();
    let path = &env.iter().find(|(k, _)| k == "PATH").unwrap().1;
    assert_eq!(path, &out.join("bin"));
    let ran = Command::new("t")
        .env_clear()
        .env("PATH", path)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&ran.stdout), "tool ran\n");
    assert!(Command::new("tool")
        .env_clear()
        .env("PATH", path)
        .output()
        .is_err());
    let vars: Vec<&str> = env.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(vars, ["PATH", "LD_LIBRARY_PATH", "FOO_DATA"]);
    assert_eq!(env[2].1, out.join("root/usr/share/foo"));
}

#[test]
fn specs_that_declare_more_than_they_may_are_refused_and_leave_nothing() {
    let cases: &[(&str, &str)] = &[
        (
            "[tools]\n\"a/b\" = \"usr/bin/tool\"\n",
            "not a plain file name",
        ),
        (
            "[tools]\n\"..\" = \"usr/bin/tool\"\n",
            "not a plain file name",
        ),
        (
            "[tools]\n\"\" = \"usr/bin/tool\"\n",
            "not a plain file name",
        ),
        (
            "[tools]\nt = \"../pkg/usr/bin/tool\"\n",
            "not a relative path",
        ),
        ("[tools]\nt = \"/usr/bin/tool\"\n", "not a relative path"),
        ("[tools]\nt = \"usr/../../x\"\n", "not a relative path"),
        (
            "[tools]\nt = \"usr/bin/missing\"\n",
            "no such file in the packages",
        ),
        ("[tools]\nt = \"usr/bin\"\n", "not a file"),
        ("[tools]\nt = \"usr/bin/dirlink\"\n", "not a file"),
        (
            "[libraries]\nsearch = [\"usr/lib/x\"]\nnames = [\"libbar.so.1\"]\n",
            "in none of",
        ),
        (
            "[libraries]\nsearch = [\"/usr/lib\"]\nnames = [\"libfoo.so.1\"]\n",
            "not a relative path",
        ),
        (
            "[libraries]\nsearch = [\"usr/lib/x\"]\nnames = [\"../libfoo.so.1\"]\n",
            "not a plain file name",
        ),
        ("[env]\nPATH = \"bin\"\n", "not a variable a spec may set"),
        (
            "[env]\nLD_LIBRARY_PATH = \"lib\"\n",
            "not a variable a spec may set",
        ),
        (
            "[env]\n\"A-B\" = \"bin\"\n",
            "not a variable a spec may set",
        ),
        ("[env]\n\"1X\" = \"bin\"\n", "not a variable a spec may set"),
        ("[env]\nX = \"../../etc\"\n", "not a relative path"),
        (
            "[env]\nX = \"root/usr/share/none\"\n",
            "not in the directory",
        ),
        ("[tool]\nt = \"usr/bin/tool\"\n", "unknown field"),
        ("[tools]\nt = 1\n", "invalid type"),
    ];
    for (text, why) in cases {
        let dir = tempfile::tempdir().unwrap();
        let err = run(dir.path(), text).unwrap_err();
        assert!(err.contains(why), "{text:?}: {err}");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| !["pkg", "pkg.tar", "spec.toml"].contains(&n.to_str().unwrap()))
            .collect();
        assert!(left.is_empty(), "{text:?} left {left:?}");
    }
}

#[test]
fn a_tampered_environment_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    run(dir.path(), GOOD).unwrap();
    let out = dir.path().join("out");
    for text in ["PATH = \"/usr/bin\"\n", "X = \"/etc\"\n", "X = [1]\n"] {
        std::fs::write(out.join("env.toml"), text).unwrap();
        assert!(environment(&out).is_err(), "{text:?} was taken");
    }
}

#[test]
fn the_command_line_makes_the_directory_or_says_why_not() {
    let dir = tempfile::tempdir().unwrap();
    let tarball = package(dir.path());
    std::fs::write(dir.path().join("spec.toml"), GOOD).unwrap();
    let run = |spec: &str| {
        Command::new(BIN)
            .arg("--tools")
            .arg(dir.path().join(spec))
            .arg(&tarball)
            .arg("-o")
            .arg(dir.path().join("out"))
            .output()
            .unwrap()
    };
    let ok = run("spec.toml");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(dir.path().join("out/bin/t").exists());
    std::fs::remove_dir_all(dir.path().join("out")).unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "[tools]\nt = \"usr/bin/missing\"\n",
    )
    .unwrap();
    let bad = run("bad.toml");
    let err = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(bad.status.code(), Some(1), "{err}");
    assert!(
        err.contains("tool \"t\": usr/bin/missing: no such file in the packages"),
        "{err}"
    );
    assert!(!dir.path().join("out").exists());
}
