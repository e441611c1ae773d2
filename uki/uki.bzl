"""`uki`: EFI stub + kernel + initramfs + cmdline + os-release → a Unified
Kernel Image (mvirt-uki build), checked by `mvirt-uki verify` as a Buck2
validation (ValidationInfo: any build or test that reaches the image runs
it, and a failed check fails that build), optionally signed for Secure Boot
(mvirt-uki sign, deterministic).

The kernel comes as one value, its KernelInfo: the image and its release
string (the UKI's .uname) cannot come from two different kernels.

The Secure Boot private key never becomes an artifact: it is an absolute host
path, passed to mvirt-uki as a plain string, so buck2 neither hashes it into
an action digest nor uploads it to a CAS (not even with --upload-all-actions,
which uploads every action's inputs), and the signing action runs here and
uploads nothing. The certificate is public and is an input: mvirt-uki refuses
a key that is not the certificate's, so (image, certificate) determine the
signed bytes, and a new key comes with a new certificate, which re-runs the
signing.
"""

load("//kernel:kernel.bzl", "KernelInfo")

def _signing_key(ctx: AnalysisContext) -> str | None:
    key = ctx.attrs.signing_key
    if (key == None) != (ctx.attrs.signing_cert == None):
        fail("{}: signing needs both signing_key and signing_cert ([mvirt] signing_key, signing_cert)".format(ctx.label.raw_target()))
    if key != None and not key.startswith("/"):
        fail("{}: signing_key must be an absolute path outside the repository, got {}: a key in the tree would be one `git add` away from being committed".format(ctx.label.raw_target(), repr(key)))
    return key

def _verify(ctx: AnalysisContext, uki: Artifact, name: str) -> ValidationSpec:
    """`mvirt-uki verify` of `uki`, as a validation: its report is the
    verdict in Buck2's validation format."""
    report = ctx.actions.declare_output(name + ".verify.json")
    ctx.actions.run(
        cmd_args(ctx.attrs._uki[RunInfo], "verify", uki, "--report", report.as_output()),
        category = "uki_verify",
        identifier = name,
    )
    return ValidationSpec(name = "uki_verify_" + name, validation_result = report)

def _uki_impl(ctx: AnalysisContext) -> list[Provider]:
    key = _signing_key(ctx)
    kernel = ctx.attrs.kernel[KernelInfo]
    uki = ctx.actions.declare_output(ctx.attrs.out + (".unsigned" if key else ""))
    ctx.actions.run(
        cmd_args(
            ctx.attrs._uki[RunInfo],
            "build",
            "--stub",
            ctx.attrs.stub,
            "--linux",
            kernel.image,
            "--initrd",
            ctx.attrs.initrd,
            "--cmdline",
            ctx.attrs.cmdline,
            "--osrel",
            ctx.attrs.osrel,
            "--uname",
            kernel.release,
            "--output",
            uki.as_output(),
        ),
        category = "uki",
    )
    checks = [_verify(ctx, uki, "unsigned" if key else "image")]
    if not key:
        return [DefaultInfo(default_output = uki), ValidationInfo(validations = checks)]
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
    checks.append(_verify(ctx, signed, "signed"))
    return [
        DefaultInfo(
            default_output = signed,
            sub_targets = {"unsigned": [DefaultInfo(default_output = uki)]},
        ),
        ValidationInfo(validations = checks),
    ]

uki = rule(
    impl = _uki_impl,
    attrs = {
        "cmdline": attrs.source(),
        "initrd": attrs.source(),
        "kernel": attrs.dep(providers = [KernelInfo]),
        "osrel": attrs.source(),
        "out": attrs.string(default = "mvirt.efi"),
        # Secure Boot: the certificate (PEM, public) is an input; the key
        # (PEM) is an absolute host path read by the signing action only,
        # never an artifact (see above).
        "signing_cert": attrs.option(attrs.source(), default = None),
        "signing_key": attrs.option(attrs.string(), default = None),
        "stub": attrs.source(),
        "_uki": attrs.exec_dep(default = "//tools/uki:mvirt-uki", providers = [RunInfo]),
    },
)
