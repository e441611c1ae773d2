"""`pinned`: bring one sha256-pinned external file into the build.

A pin is a TOML file (name, version, sha256, size; `path` and/or `url` and
`urls`; the one pin format, tools/fetch/src/pin.rs). A BUCK file loads it as
data (`load(":x.toml", x = "value")`) and hands it to `pinned`, which picks:

- a `url`: the prelude's `http_file` with the pin's first URL. Buck2
  downloads it itself, checks the sha256, and can defer the download (a
  remote worker needs no network; with a cache, the blob comes from its CAS);
- a `path` (a file a system package installs, e.g. the EFI stub, Debian's
  kernel tarball): `pinned_file`, an action running mvirt-fetch, which hashes
  the bytes as it copies them and writes the output only when they match.
  It runs locally because it reads a host path.

A host file named instead of the pin (`local`, e.g. `-c
mvirt.cloud_hypervisor=/path`) needs its sha256 too (`local_sha256`). Buck2
keys an action on its command line and input artifacts; a path outside the
repository is neither an artifact nor hashed, so with the path alone a
changed file would keep its old action key and be served stale from the
daemon's graph or a shared cache. The rule writes the path and the sha256
into a pin of its own, an input of the action: the content is then part of
the key, and mvirt-fetch refuses bytes that do not match it.
"""

def pinned(name: str, pin: dict[str, typing.Any], pin_file: str, out: str, mode: str = "755", **kwargs):
    """The file `pin` (the loaded `pin_file`) names, as target `name`."""
    if pin.get("url"):
        native.http_file(
            name = name,
            # buck2's http_file takes one URL; the pin's others (`urls`) are
            # mvirt-fetch's fallbacks, and a shared cache serves the blob
            # whichever URL put it there.
            urls = [pin["url"]],
            sha256 = pin["sha256"],
            out = out,
            executable = mode == "755",
            **kwargs
        )
    else:
        pinned_file(name = name, pin = pin_file, out = out, mode = mode, **kwargs)

def _is_sha256(s: str) -> bool:
    return len(s) == 64 and all([c in "0123456789abcdefABCDEF" for c in s.elems()])

def _local_pin(ctx: AnalysisContext) -> Artifact:
    """A pin for the explicit host file `local`: its path and its sha256."""
    path = ctx.attrs.local
    sha256 = ctx.attrs.local_sha256
    where = "{} (local = {})".format(ctx.label.raw_target(), path)
    how = ctx.attrs.local_sha256_config or "local_sha256"
    if not path.startswith("/"):
        fail("{}: a local file must be named by an absolute path".format(where))
    if not sha256:
        fail(("{}: a host file enters the build by content, and buck2 cannot hash a file " +
              "outside the repository: give its sha256 as well, {}=$(sha256sum < {} | cut -c1-64)")
            .format(where, how, path))
    if not _is_sha256(sha256):
        fail("{}: {} must be 64 hex digits (sha256sum {}), got {}".format(where, how, path, repr(sha256)))

    # json.encode gives a TOML basic string: quotes, backslashes and control
    # characters escaped.
    return ctx.actions.write(
        ctx.label.name + ".local.toml",
        [
            "# The host file that stands in for {}'s pin, by content.".format(ctx.label.name),
            "name = " + json.encode(ctx.label.name),
            'version = "local"',
            "path = " + json.encode(path),
            "sha256 = " + json.encode(sha256.lower()),
        ],
    )

def _pinned_file_impl(ctx: AnalysisContext) -> list[Provider]:
    out = ctx.actions.declare_output(ctx.attrs.out or ctx.label.name)
    pin = _local_pin(ctx) if ctx.attrs.local else ctx.attrs.pin

    # No --downloads: a download goes straight to `out`, and buck2's action
    # cache keeps it (a declared cache directory would be empty every run,
    # and mvirt-fetch creates one only when it downloads). The output is a
    # function of the pin's sha256, so sharing it through a cache is safe.
    ctx.actions.run(
        cmd_args(
            ctx.attrs._fetch[RunInfo],
            "--pin",
            pin,
            "--mode",
            ctx.attrs.mode,
            "--output",
            out.as_output(),
        ),
        category = "pinned_file",
        local_only = True,
    )
    return [DefaultInfo(default_output = out)]

pinned_file = rule(
    impl = _pinned_file_impl,
    attrs = {
        # A host file to use instead of the pin's, by absolute path
        # (e.g. -c mvirt.cloud_hypervisor=/path), and its sha256, which
        # keys the action (e.g. -c mvirt.cloud_hypervisor_sha256=...).
        "local": attrs.option(attrs.string(), default = None),
        "local_sha256": attrs.option(attrs.string(), default = None),
        # How a user sets local_sha256 (a buckconfig key), for error messages.
        "local_sha256_config": attrs.option(attrs.string(), default = None),
        "mode": attrs.string(default = "755"),
        "out": attrs.option(attrs.string(), default = None),
        "pin": attrs.source(),
        "_fetch": attrs.exec_dep(default = "//tools/fetch:mvirt-fetch", providers = [RunInfo]),
    },
)
