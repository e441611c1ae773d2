"""`initramfs`: the spec plus its inputs → a newc cpio archive (mvirt-cpio).

`binaries` and `inputs` bind the spec's `@NAME` sources to targets; `omit`
leaves out optional entries (e.g. cloud-hypervisor). Files the spec names by
path (rootfs/…) are declared in `srcs`. The archive is sorted, owned by root,
with one mtime ([mvirt] source_date_epoch), so equal inputs give equal bytes.

`binaries` are built for the image: through `image_transition`
(toolchains//:transitions.bzl), static musl of the cpu of the platform that
asks for the initramfs, whatever its abi. `inputs` are taken as they are
(files, pinned downloads). Each bound name is also a sub-target,
`:initramfs[NAME]`, the very file that went in.
"""

load("@toolchains//:arch.bzl", "CPUS")
load("@toolchains//:transitions.bzl", "image_transition")
load("//tools/fetch:fetch.bzl", "pinned", "pinned_file")

def pinned_cloud_hypervisor(name: str, arch: str, choice: str, pin: dict[str, typing.Any], pin_file: str, config: str) -> bool:
    """The cloud-hypervisor binary of `arch` that `choice` names, as target
    `name`, compatible with that cpu only (so `//...` on one platform never
    fetches the other's binary). `choice` is a value of `[mvirt] config`:
    `pinned`, a download buck2 does itself (http_file, sha256-checked); an
    absolute path, which enters the build by content with its sha256 (`[mvirt]
    <config>_sha256`, docs/buck2.md); or `none`, no target. Returns whether
    there is one.
    """
    if choice == "none":
        return False
    if choice == "pinned":
        pinned(
            name = name,
            out = "cloud-hypervisor",
            pin = pin,
            pin_file = pin_file,
            target_compatible_with = [CPUS[arch]],
        )
    else:
        pinned_file(
            name = name,
            out = "cloud-hypervisor",
            local = choice,
            local_sha256 = read_config("mvirt", config + "_sha256", None),
            local_sha256_config = "-c mvirt.{}_sha256".format(config),
            pin = pin_file,
            target_compatible_with = [CPUS[arch]],
        )
    return True

def _initramfs_impl(ctx: AnalysisContext) -> list[Provider]:
    out = ctx.actions.declare_output(ctx.attrs.out)
    cmd = cmd_args(
        ctx.attrs._cpio[RunInfo],
        "build",
        "--spec",
        ctx.attrs.spec,
        "--mtime",
        read_root_config("mvirt", "source_date_epoch"),
        hidden = ctx.attrs.srcs,
    )
    bound = {}
    for name, dep in list(ctx.attrs.binaries.items()) + list(ctx.attrs.inputs.items()):
        if name in bound:
            fail("{}: {} is bound twice (binaries and inputs)".format(ctx.label.raw_target(), name))
        bound[name] = dep[DefaultInfo].default_outputs[0]
    for name, file in sorted(bound.items()):
        cmd.add("--input", cmd_args(name, "=", file, delimiter = ""))
    for name in ctx.attrs.omit:
        cmd.add("--omit", name)
    cmd.add("--output", out.as_output())
    ctx.actions.run(cmd, category = "initramfs")
    return [DefaultInfo(
        default_output = out,
        sub_targets = {name: [DefaultInfo(default_output = file)] for name, file in bound.items()},
    )]

initramfs = rule(
    impl = _initramfs_impl,
    attrs = {
        "binaries": attrs.dict(attrs.string(), attrs.transition_dep(cfg = image_transition), default = {}),
        "inputs": attrs.dict(attrs.string(), attrs.dep(), default = {}),
        "omit": attrs.list(attrs.string(), default = []),
        "out": attrs.string(default = "initramfs.cpio.gz"),
        "spec": attrs.source(),
        "srcs": attrs.list(attrs.source(), default = []),
        "_cpio": attrs.exec_dep(default = "//tools/cpio:mvirt-cpio", providers = [RunInfo]),
    },
)
