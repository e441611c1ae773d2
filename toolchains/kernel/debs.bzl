"""The kernel toolchain's package pins, for toolchains/BUCK.

Written by toolchains/kernel/pin.py with the pins; do not edit.
"""

load("//kernel/deb:bash.toml", deb_bash = "value")
load("//kernel/deb:bc.toml", deb_bc = "value")
load("//kernel/deb:binutils.toml", deb_binutils = "value")
load("//kernel/deb:binutils-aarch64-linux-gnu.toml", deb_binutils_aarch64_linux_gnu = "value")
load("//kernel/deb:binutils-common.toml", deb_binutils_common = "value")
load("//kernel/deb:binutils-x86-64-linux-gnu.toml", deb_binutils_x86_64_linux_gnu = "value")
load("//kernel/deb:bison.toml", deb_bison = "value")
load("//kernel/deb:coreutils.toml", deb_coreutils = "value")
load("//kernel/deb:cpp-12.toml", deb_cpp_12 = "value")
load("//kernel/deb:cpp-12-aarch64-linux-gnu.toml", deb_cpp_12_aarch64_linux_gnu = "value")
load("//kernel/deb:dash.toml", deb_dash = "value")
load("//kernel/deb:diffutils.toml", deb_diffutils = "value")
load("//kernel/deb:findutils.toml", deb_findutils = "value")
load("//kernel/deb:flex.toml", deb_flex = "value")
load("//kernel/deb:gcc-12.toml", deb_gcc_12 = "value")
load("//kernel/deb:gcc-12-aarch64-linux-gnu.toml", deb_gcc_12_aarch64_linux_gnu = "value")
load("//kernel/deb:gcc-12-aarch64-linux-gnu-base.toml", deb_gcc_12_aarch64_linux_gnu_base = "value")
load("//kernel/deb:gcc-12-base.toml", deb_gcc_12_base = "value")
load("//kernel/deb:grep.toml", deb_grep = "value")
load("//kernel/deb:gzip.toml", deb_gzip = "value")
load("//kernel/deb:libacl1.toml", deb_libacl1 = "value")
load("//kernel/deb:libattr1.toml", deb_libattr1 = "value")
load("//kernel/deb:libbinutils.toml", deb_libbinutils = "value")
load("//kernel/deb:libc-dev-bin.toml", deb_libc_dev_bin = "value")
load("//kernel/deb:libc6.toml", deb_libc6 = "value")
load("//kernel/deb:libc6-dev.toml", deb_libc6_dev = "value")
load("//kernel/deb:libcc1-0.toml", deb_libcc1_0 = "value")
load("//kernel/deb:libcrypt-dev.toml", deb_libcrypt_dev = "value")
load("//kernel/deb:libcrypt1.toml", deb_libcrypt1 = "value")
load("//kernel/deb:libctf-nobfd0.toml", deb_libctf_nobfd0 = "value")
load("//kernel/deb:libctf0.toml", deb_libctf0 = "value")
load("//kernel/deb:libelf-dev.toml", deb_libelf_dev = "value")
load("//kernel/deb:libelf1.toml", deb_libelf1 = "value")
load("//kernel/deb:libgcc-12-dev.toml", deb_libgcc_12_dev = "value")
load("//kernel/deb:libgcc-12-dev-arm64-cross.toml", deb_libgcc_12_dev_arm64_cross = "value")
load("//kernel/deb:libgcc-s1.toml", deb_libgcc_s1 = "value")
load("//kernel/deb:libgmp10.toml", deb_libgmp10 = "value")
load("//kernel/deb:libgprofng0.toml", deb_libgprofng0 = "value")
load("//kernel/deb:libisl23.toml", deb_libisl23 = "value")
load("//kernel/deb:libjansson4.toml", deb_libjansson4 = "value")
load("//kernel/deb:liblzma5.toml", deb_liblzma5 = "value")
load("//kernel/deb:libmpc3.toml", deb_libmpc3 = "value")
load("//kernel/deb:libmpfr6.toml", deb_libmpfr6 = "value")
load("//kernel/deb:libpcre2-8-0.toml", deb_libpcre2_8_0 = "value")
load("//kernel/deb:libreadline8.toml", deb_libreadline8 = "value")
load("//kernel/deb:libselinux1.toml", deb_libselinux1 = "value")
load("//kernel/deb:libstdc++6.toml", deb_libstdc__6 = "value")
load("//kernel/deb:libtinfo6.toml", deb_libtinfo6 = "value")
load("//kernel/deb:libzstd-dev.toml", deb_libzstd_dev = "value")
load("//kernel/deb:libzstd1.toml", deb_libzstd1 = "value")
load("//kernel/deb:linux-libc-dev.toml", deb_linux_libc_dev = "value")
load("//kernel/deb:m4.toml", deb_m4 = "value")
load("//kernel/deb:make.toml", deb_make = "value")
load("//kernel/deb:mawk.toml", deb_mawk = "value")
load("//kernel/deb:perl-base.toml", deb_perl_base = "value")
load("//kernel/deb:sed.toml", deb_sed = "value")
load("//kernel/deb:xz-utils.toml", deb_xz_utils = "value")
load("//kernel/deb:zlib1g.toml", deb_zlib1g = "value")
load("//kernel/deb:zlib1g-dev.toml", deb_zlib1g_dev = "value")

KERNEL_DEB_PINS = {
    "bash": deb_bash,
    "bc": deb_bc,
    "binutils": deb_binutils,
    "binutils-aarch64-linux-gnu": deb_binutils_aarch64_linux_gnu,
    "binutils-common": deb_binutils_common,
    "binutils-x86-64-linux-gnu": deb_binutils_x86_64_linux_gnu,
    "bison": deb_bison,
    "coreutils": deb_coreutils,
    "cpp-12": deb_cpp_12,
    "cpp-12-aarch64-linux-gnu": deb_cpp_12_aarch64_linux_gnu,
    "dash": deb_dash,
    "diffutils": deb_diffutils,
    "findutils": deb_findutils,
    "flex": deb_flex,
    "gcc-12": deb_gcc_12,
    "gcc-12-aarch64-linux-gnu": deb_gcc_12_aarch64_linux_gnu,
    "gcc-12-aarch64-linux-gnu-base": deb_gcc_12_aarch64_linux_gnu_base,
    "gcc-12-base": deb_gcc_12_base,
    "grep": deb_grep,
    "gzip": deb_gzip,
    "libacl1": deb_libacl1,
    "libattr1": deb_libattr1,
    "libbinutils": deb_libbinutils,
    "libc-dev-bin": deb_libc_dev_bin,
    "libc6": deb_libc6,
    "libc6-dev": deb_libc6_dev,
    "libcc1-0": deb_libcc1_0,
    "libcrypt-dev": deb_libcrypt_dev,
    "libcrypt1": deb_libcrypt1,
    "libctf-nobfd0": deb_libctf_nobfd0,
    "libctf0": deb_libctf0,
    "libelf-dev": deb_libelf_dev,
    "libelf1": deb_libelf1,
    "libgcc-12-dev": deb_libgcc_12_dev,
    "libgcc-12-dev-arm64-cross": deb_libgcc_12_dev_arm64_cross,
    "libgcc-s1": deb_libgcc_s1,
    "libgmp10": deb_libgmp10,
    "libgprofng0": deb_libgprofng0,
    "libisl23": deb_libisl23,
    "libjansson4": deb_libjansson4,
    "liblzma5": deb_liblzma5,
    "libmpc3": deb_libmpc3,
    "libmpfr6": deb_libmpfr6,
    "libpcre2-8-0": deb_libpcre2_8_0,
    "libreadline8": deb_libreadline8,
    "libselinux1": deb_libselinux1,
    "libstdc++6": deb_libstdc__6,
    "libtinfo6": deb_libtinfo6,
    "libzstd-dev": deb_libzstd_dev,
    "libzstd1": deb_libzstd1,
    "linux-libc-dev": deb_linux_libc_dev,
    "m4": deb_m4,
    "make": deb_make,
    "mawk": deb_mawk,
    "perl-base": deb_perl_base,
    "sed": deb_sed,
    "xz-utils": deb_xz_utils,
    "zlib1g": deb_zlib1g,
    "zlib1g-dev": deb_zlib1g_dev,
}
