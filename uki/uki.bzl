"""`uki`: EFI stub + kernel + initramfs + cmdline + os-release + uname → a
Unified Kernel Image (mvirt-uki build, then mvirt-uki verify), optionally
signed for Secure Boot (mvirt-uki sign, deterministic)."""

def _uki_impl(ctx: AnalysisContext) -> list[Provider]:
    uki = ctx.actions.declare_output(ctx.attrs.out + (".unsigned" if ctx.attrs.signing_key else ""))
    ctx.actions.run(
        cmd_args(
            ctx.attrs._uki[RunInfo],
            "build",
            "--stub-pin",
            ctx.attrs.stub_pin,
            "--stub",
            ctx.attrs.stub,
            "--linux",
            ctx.attrs.linux,
            "--initrd",
            ctx.attrs.initrd,
            "--cmdline",
            ctx.attrs.cmdline,
            "--osrel",
            ctx.attrs.osrel,
            "--uname",
            ctx.attrs.uname,
            "--output",
            uki.as_output(),
        ),
        category = "uki",
    )
    verified = ctx.actions.declare_output(ctx.attrs.out + ".verified")
    ctx.actions.run(
        cmd_args(ctx.attrs._uki[RunInfo], "verify", uki, "--stamp", verified.as_output()),
        category = "uki_verify",
    )
    out = uki
    if ctx.attrs.signing_key:
        out = ctx.actions.declare_output(ctx.attrs.out)
        ctx.actions.run(
            cmd_args(
                ctx.attrs._uki[RunInfo],
                "sign",
                "--key",
                ctx.attrs.signing_key,
                "--cert",
                ctx.attrs.signing_cert,
                "--output",
                out.as_output(),
                uki,
            ),
            category = "uki_sign",
        )
    return [DefaultInfo(default_output = out, other_outputs = [verified])]

uki = rule(
    impl = _uki_impl,
    attrs = {
        "cmdline": attrs.source(),
        "initrd": attrs.source(),
        "linux": attrs.source(),
        "osrel": attrs.source(),
        "out": attrs.string(default = "mvirt.efi"),
        # PEM key and certificate for Secure Boot; keep the key out of the
        # repository (e.g. a target in a private cell).
        "signing_cert": attrs.option(attrs.source(), default = None),
        "signing_key": attrs.option(attrs.source(), default = None),
        "stub": attrs.source(),
        "stub_pin": attrs.source(),
        "uname": attrs.source(),
        "_uki": attrs.exec_dep(default = "//tools/uki:mvirt-uki", providers = [RunInfo]),
    },
)
