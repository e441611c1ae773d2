"""`pinned_file`: bring one sha256-pinned external file into the build.

The pin (a TOML file: name, version, sha256 and either `url` or `path`) is
resolved by mvirt-fetch: a download, or the local file a system package
installs (e.g. the EFI stub). The action runs locally because it reads the
network or a host path; its output is checked against the pin's sha256, and
every consumer checks it again.
"""

def _pinned_file_impl(ctx: AnalysisContext) -> list[Provider]:
    out = ctx.actions.declare_output(ctx.attrs.out or ctx.label.name)

    # No --downloads: a download goes straight to `out`, and buck2's action
    # cache keeps it (a declared cache directory would be empty every run,
    # and mvirt-fetch creates one only when it downloads).
    cmd = cmd_args(
        ctx.attrs._fetch[RunInfo],
        "--pin",
        ctx.attrs.pin,
        "--output",
        out.as_output(),
    )
    if ctx.attrs.local:
        cmd.add("--local", ctx.attrs.local)
    ctx.actions.run(cmd, category = "pinned_file", local_only = True)
    return [DefaultInfo(default_output = out)]

pinned_file = rule(
    impl = _pinned_file_impl,
    attrs = {
        # A host file to use instead of the pin's, named explicitly
        # (e.g. -c mvirt.cloud_hypervisor=/path); printed with its sha256.
        "local": attrs.option(attrs.string(), default = None),
        "out": attrs.option(attrs.string(), default = None),
        "pin": attrs.source(),
        "_fetch": attrs.exec_dep(default = "//tools/fetch:mvirt-fetch", providers = [RunInfo]),
    },
)
