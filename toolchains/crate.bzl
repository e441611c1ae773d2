"""`rust_crate`: the Buck targets of one workspace crate, built like cargo.

Each crate's BUCK file calls this once, naming what Cargo.toml names: the
library, its binaries, dependencies and the integration tests that run under
buck2. The targets are:

    :lib                the library (crate `crate`)
    :<bin name>         each binary
    :unittests          the library's #[test]s
    :<test name>        each integration test in tests/ (labels from
                        `test_labels`, by test name)

The environment matches cargo's where our code reads it: CARGO_PKG_NAME and
CARGO_PKG_VERSION (clap's `version`), CARGO_BIN_EXE_<bin> for tests, and
CARGO_MANIFEST_DIR, which buck2 resolves to the crate's sources inside
buck-out: tests that read other files of the repository take its root from
MVIRT_REPO_ROOT.
"""

load(":rust.bzl", "STAGE0_EXEC_COMPATIBLE_WITH")

# The workspace's version (Cargo.toml [workspace.package]).
VERSION = "0.1.0"

# buck2 runs tests from the project root; CARGO_MANIFEST_DIR is the crate's
# sources copied into buck-out, so tests find the repository's files here.
RUN_ENV = {"MVIRT_REPO_ROOT": "."}
_RUN_ENV = RUN_ENV

def _env(package):
    return {
        # Compile-time only: buck2 resolves it inside buck-out.
        "CARGO_MANIFEST_DIR": native.package_name(),
        "CARGO_PKG_NAME": package,
        "CARGO_PKG_VERSION": VERSION,
    }

def rust_crate(
        package,
        crate,
        deps = [],
        bins = {},
        bin_deps = [],
        test_deps = [],
        integration_tests = [],
        test_labels = {},
        test_env = {},
        lib = True,
        default_target_platform = None,
        visibility = ["PUBLIC"]):
    srcs = native.glob(["src/**/*.rs"])
    env = _env(package)
    bin_env = {
        "CARGO_BIN_EXE_" + name: "$(location :{})".format(name)
        for name in bins
    }
    if lib:
        native.rust_library(
            name = "lib",
            crate = crate,
            crate_root = "src/lib.rs",
            srcs = srcs,
            deps = deps,
            env = env,
            exec_compatible_with = STAGE0_EXEC_COMPATIBLE_WITH,
            visibility = visibility,
        )
        native.rust_test(
            name = "unittests",
            crate = crate,
            crate_root = "src/lib.rs",
            srcs = srcs,
            deps = deps + test_deps,
            env = env | test_env,
            run_env = _RUN_ENV,
        )
    for name, root in bins.items():
        native.rust_binary(
            name = name,
            crate = name.replace("-", "_"),
            crate_root = root,
            srcs = srcs,
            deps = ([":lib"] if lib else []) + deps + bin_deps,
            env = env,
            exec_compatible_with = STAGE0_EXEC_COMPATIBLE_WITH,
            default_target_platform = default_target_platform,
            visibility = visibility,
        )
    for test in integration_tests:
        native.rust_test(
            name = test,
            crate = test,
            crate_root = "tests/{}.rs".format(test),
            srcs = native.glob(["tests/**"]),
            deps = ([":lib"] if lib else []) + deps + test_deps,
            env = env | bin_env | test_env,
            run_env = _RUN_ENV,
            labels = test_labels.get(test, []),
        )
