"""`uki`: EFI stub + kernel + initramfs + cmdline + os-release + uname → a
Unified Kernel Image (mvirt-uki build, then mvirt-uki verify), optionally
signed for Secure Boot (mvirt-uki sign, deterministic).

The Secure Boot private key never becomes an artifact: it is an absolute host
path, passed to mvirt-uki as a plain string, so buck2 neither hashes it into
an action digest nor uploads it to a CAS (not even with --upload-all-actions,
which uploads every action's inputs), and the signing action runs here and
uploads nothing. The certificate is public and is an input: mvirt-uki refuses
a key that is not the certificate's, so (image, certificate) determine the
signed bytes, and a new key comes with a new certificate, which re-runs the
signing.
"""

def _signing_key(ctx: AnalysisContext) -> str | None:
    key = ctx.attrs.signing_key
    if (key == None) != (ctx.attrs.signing_cert == None):
        fail("{}: signing needs both signing_key and signing_cert ([mvirt] signing_key, signing_cert)".format(ctx.label.raw_target()))
    if key != None and not key.startswith("/"):
        fail("{}: signing_key must be an absolute path outside the repository, got {}: a key in the tree would be one `git add` away from being committed".format(ctx.label.raw_target(), repr(key)))
    return key

def _uki_impl(ctx: AnalysisContext) -> list[Provider]:
    key = _signing_key(ctx)
    uki = ctx.actions.declare_output(ctx.attrs.out + (".unsigned" if key else ""))
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
    if not key:
        return [DefaultInfo(default_output = uki, other_outputs = [verified])]
    signed = ctx.actions.declare_output(ctx.attrs.out)
    ctx.actions.run(
        cmd_args(
            ctx.attrs._uki[RunInfo],
            "sign",
            "--key",
            key,
            "--cert",
            ctx.attrs.signing_cert,
            "--output",
            signed.as_output(),
            uki,
        ),
        category = "uki_sign",
        # Reads a host path that is no input: run here (never on a worker,
        # which could not read it anyway), and upload no result. A cache hit
        # is still possible if some other client uploaded this digest; it
        # would hold the same bytes, since the certificate fixes the key.
        local_only = True,
        allow_cache_upload = False,
    )
    return [DefaultInfo(
        default_output = signed,
        other_outputs = [verified],
        sub_targets = {"unsigned": [DefaultInfo(default_output = uki, other_outputs = [verified])]},
    )]

uki = rule(
    impl = _uki_impl,
    attrs = {
        "cmdline": attrs.source(),
        "initrd": attrs.source(),
        "linux": attrs.source(),
        "osrel": attrs.source(),
        "out": attrs.string(default = "mvirt.efi"),
        # Secure Boot: the certificate (PEM, public) is an input; the key
        # (PEM) is an absolute host path read by the signing action only,
        # never an artifact (see above).
        "signing_cert": attrs.option(attrs.source(), default = None),
        "signing_key": attrs.option(attrs.string(), default = None),
        "stub": attrs.source(),
        "stub_pin": attrs.source(),
        "uname": attrs.source(),
        "_uki": attrs.exec_dep(default = "//tools/uki:mvirt-uki", providers = [RunInfo]),
    },
)
