"""The prelude's reindeer macros, with one addition: stage 0 stays stage 0.

A crate configured for stage 0 (toolchains//:stage0, the bootstrap of the
pinned Rust toolchain, toolchains/rust.bzl) must run its build script and
proc macros on the stage 0 execution platform too. Saying so on each target
(`exec_compatible_with`) lets buck2 skip the ordinary execution platform
before it configures their exec deps: there, they would need the pinned
toolchain, whose sysroot stage 0 is building (a cycle).

C libraries a crate builds (fixups' [[cxx_library]]) are uploaded to a
remote cache too (`cargo.cxx_library`).

The prelude's own proc-macro alias (rust_library_macro_wrapper) passes no
`exec_compatible_with`, so a proc macro's two targets are made here, as the
prelude makes them, with it.
"""

load("@prelude//:rules.bzl", _rules = "rules")
load("@prelude//rust:cargo_buildscript.bzl", _buildscript_run = "buildscript_run")
load("@prelude//rust:cargo_package.bzl", "apply_platform_attrs", _cargo = "cargo")
load("@prelude//rust:proc_macro_alias.bzl", "rust_proc_macro_alias")
load("@prelude//rust:rust_common.bzl", "rust_common_macro_wrapper")
load("@toolchains//:rust.bzl", "STAGE0_EXEC_COMPATIBLE_WITH")

_COMPAT = {"exec_compatible_with": STAGE0_EXEC_COMPATIBLE_WITH}

def _proc_macro(name, platform = {}, **kwargs):
    kwargs = apply_platform_attrs(platform, kwargs)
    kwargs["rustc_flags"] = ["--cap-lints=allow"] + kwargs.get("rustc_flags", [])
    kwargs.setdefault("doctests", False)
    kwargs.setdefault("crate", name.replace("-", "_"))
    rust_proc_macro_alias(
        name = name,
        actual_exec = ":_" + name,
        actual_plugin = ":_" + name,
        visibility = kwargs.pop("visibility", []),
        **_COMPAT
    )
    rust_common_macro_wrapper(_rules["rust_library"])(name = "_" + name, **(kwargs | _COMPAT))

def _rust_library(**kwargs):
    if kwargs.get("proc_macro") == True:
        _proc_macro(**kwargs)
    else:
        _cargo.rust_library(**(kwargs | _COMPAT))

def _rust_binary(**kwargs):
    _cargo.rust_binary(**(kwargs | _COMPAT))

def _manifest_dir(package_name, version):
    # The crate's vendored directory, as cargo gives a build script its
    # CARGO_MANIFEST_DIR (ring's reads its C and assembly from there). The
    # prelude looks for vendor/<name>-<version>; vendor.sh names a crate's
    # directory vendor/<name> unless two versions are vendored.
    versioned = "vendor/{}-{}".format(package_name, version)
    if glob([versioned + "/Cargo.toml"]):
        return versioned
    return "vendor/" + package_name

def buildscript_run(**kwargs):
    if kwargs.get("manifest_dir") == None and kwargs.get("local_manifest_dir") == None:
        kwargs["local_manifest_dir"] = _manifest_dir(kwargs["package_name"], kwargs["version"])
    _buildscript_run(**(kwargs | _COMPAT))

def _cxx_library(**kwargs):
    # A crate's C code (zstd-sys's zstd): its compiles and archive go to a
    # remote cache like every other action. The prelude uploads neither by
    # default, so a fresh daemon or a second checkout compiled zstd again,
    # with whatever gcc it found (the 27 actions step 7 of
    # tests/buck/check.sh saw outside the cache).
    native.cxx_library(allow_cache_upload = True, archive_allow_cache_upload = True, **(kwargs | _COMPAT))

cargo = struct(rust_library = _rust_library, rust_binary = _rust_binary, cxx_library = _cxx_library)
