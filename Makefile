# mvirt-os — the buck2-free build path.
#
# This file only wires files into the tools under tools/. The Buck2 rules call
# the same tools with the same flags (tests/buck/flags.sh compares them): each
# tool takes resolved files and values, reads no pin but mvirt-fetch, and has
# no default path. Every step writes its output atomically, so a failed step
# leaves no output and make retries it.
#
#   make                 kernel + initramfs + uki → target/mvirt.efi
#   make ARCH=arm64      the same for arm64 (cross-compiled) → target/arm64/mvirt.efi
#   make kernel          target/bzImage, kernel.config, System.map, kernel.release
#   make initramfs       target/initramfs.cpio.gz
#   make uki             target/mvirt.efi
#   make menuconfig      edit the kernel configuration, write back a minimal fragment
#   make boot            boot target/mvirt.efi in QEMU/OVMF on this terminal (Ctrl-A X quits)
#   make test            formatting, lints, unit/integration/boot/reproducibility tests
#                        and bench-smoke; of the arm64 image it builds the kernel
#                        configuration and the initramfs, and with TEST_ARM64=1 the
#                        kernel and UKI too, which then boots under TCG
#   make bench-smoke     every bench/ script once on its smallest input (seconds)
#   make clean           remove build outputs (keeps downloads)
#   make distclean       remove target/ entirely, downloads included
#
# Settings:
#   ARCH=x86_64                 (default) outputs in target/
#   ARCH=arm64                  outputs in target/arm64/ (Image instead of bzImage),
#                               so both architectures sit side by side
#   CLOUD_HYPERVISOR=           the pinned release (downloaded, sha256-checked)
#   CLOUD_HYPERVISOR=/path      pack this local file instead (its sha256 is printed)
#   CLOUD_HYPERVISOR=none       an image without cloud-hypervisor
#   CLOUD_HYPERVISOR_ARM64=…    the same choice for the arm64 image `make test` builds
#                               (default: CLOUD_HYPERVISOR's, but none for a /path,
#                               which names an x86_64 binary there)
#   MVIRT_CAS=grpc://HOST:PORT  a REAPI cache (docs/cache.md) asked for every pinned file
#                               (by sha256 and size) before its URLs; `cache/mvirt-cache
#                               seed` fills it, so a team's cache is also its mirror
#   JOBS=N                      kernel compile jobs (default: all CPUs)
#   CCACHE=1                    compile the kernel through ccache (local builds only;
#                               outside the sandbox)
#   SANDBOX=auto|1|0            the kernel steps in a bubblewrap sandbox holding only
#                               the pinned toolchain, the source and the build
#                               directory (auto: when bwrap is installed)
#   STAGE0=host|pinned          who builds mvirt-fetch and mvirt-unpack, the two tools that
#                               fetch and unpack the pinned toolchains (target/stage0/):
#                               host (default) the cargo on PATH; pinned the pinned Rust
#                               release, once its toolchains are unpacked (the sandbox
#                               build of tests/boot/tests/hermetic.rs, docs/toolchains.md)
#   INCREMENTAL=1               keep the kernel build tree in target/kbuild-tree and let
#                               the kernel's dependency tracking rebuild only what a
#                               change touches (local builds only; `make clean` drops it)

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules

T := target
CARGO ?= cargo
CARGO_FLAGS := --offline
MVIRT_CAS ?=
FETCH = $(STAGE0_FETCH) $(if $(MVIRT_CAS),--cas $(MVIRT_CAS))
ARCH ?= x86_64

# What differs between the architectures; everything else is shared. O is
# where an architecture's outputs go. The kernel source, the host tools and
# downloads are shared by both.
ifeq ($(ARCH),x86_64)
O := $(T)
MUSL := x86_64-unknown-linux-musl
KERNEL_CC := gcc
KERNEL_IMAGE := bzImage
STUB_PIN := uki/efi-stub.toml
STUB_NAME := linuxx64.efi.stub
CH_PIN := initramfs/cloud-hypervisor.toml
CMDLINE := uki/cmdline.txt
else ifeq ($(ARCH),arm64)
O := $(T)/arm64
MUSL := aarch64-unknown-linux-musl
KERNEL_CC := aarch64-linux-gnu-gcc
KERNEL_IMAGE := Image
STUB_PIN := uki/efi-stub-arm64.toml
STUB_NAME := linuxaa64.efi.stub
CH_PIN := initramfs/cloud-hypervisor-arm64.toml
CMDLINE := uki/cmdline-arm64.txt
else
$(error ARCH=$(ARCH): mvirt-os builds ARCH=x86_64 (the default) or ARCH=arm64)
endif
CLOUD_HYPERVISOR ?=
JOBS ?=
CCACHE ?=
INCREMENTAL ?=

# One SOURCE_DATE_EPOCH for the whole build, from .buckconfig's [mvirt].
SOURCE_DATE_EPOCH := $(shell sed -n 's/^[[:space:]]*source_date_epoch[[:space:]]*=[[:space:]]*//p' .buckconfig)
export SOURCE_DATE_EPOCH

# The Rust release the image binaries are compiled with: rustc, cargo and
# rust-std (x86_64 glibc, x86_64 and aarch64 musl) from the official dist,
# pinned by sha256 (toolchains/rust/*.toml, written by toolchains/rust/pin.py
# from the channel manifest), fetched by mvirt-fetch and unpacked by
# mvirt-unpack into one sysroot (docs/toolchains.md). Its cargo is run
# directly, not through rustup, so that no other toolchain's libraries or
# sysroot are seen. The build tools are built by it too (all but stage 0,
# below), and every glibc binary it links (the tools, build scripts, proc
# macros) is linked by the kernel toolchain's gcc against its glibc:
# HOST_TOOLS/cc (docs/toolchains.md, "Linking").
RUST_PINS := $(sort $(wildcard toolchains/rust/*.toml))
RUST_RELEASE := $(shell sed -n 's/^version = "\(.*\)"/\1/p' toolchains/rust/rustc-x86_64-unknown-linux-gnu.toml)
RUST_ARCHIVES := $(patsubst toolchains/rust/%.toml,$(T)/downloads/rust/%.tar.xz,$(RUST_PINS))
SYSROOT := $(T)/toolchain/rust-$(RUST_RELEASE)
IMAGE_CARGO := $(CURDIR)/$(SYSROOT)/bin/cargo
HOST_TOOLS := $(T)/host-tools
# The image's only C is ring's (under rustls, mvirt-tls): compiled by the same
# pinned gcc (x86_64) and its aarch64 cross gcc, freestanding: the toolchain
# has no musl headers, and ring needs none (RING_CORE_NOSTDLIBINC). The
# sysroot keeps the machine's /usr/include out. buck2: toolchains/rust.bzl.
MUSL_C_FLAGS := -ffreestanding -DRING_CORE_NOSTDLIBINC=1
PINNED_ENV := RUSTC=$(CURDIR)/$(SYSROOT)/bin/rustc \
  CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER=$(CURDIR)/$(HOST_TOOLS)/cc \
  CC_x86_64_unknown_linux_gnu=$(CURDIR)/$(HOST_TOOLS)/cc \
  AR_x86_64_unknown_linux_gnu=$(CURDIR)/$(HOST_TOOLS)/ar \
  CC_x86_64_unknown_linux_musl=$(CURDIR)/$(HOST_TOOLS)/cc \
  AR_x86_64_unknown_linux_musl=$(CURDIR)/$(HOST_TOOLS)/ar \
  CFLAGS_x86_64_unknown_linux_musl='$(MUSL_C_FLAGS)' \
  CC_aarch64_unknown_linux_musl=$(CURDIR)/$(HOST_TOOLS)/aarch64-cc \
  AR_aarch64_unknown_linux_musl=$(CURDIR)/$(HOST_TOOLS)/aarch64-ar \
  CFLAGS_aarch64_unknown_linux_musl='$(MUSL_C_FLAGS)'
PINNED_CARGO := $(PINNED_ENV) $(IMAGE_CARGO)
PINNED_PREREQ := $(SYSROOT)/bin/cargo $(HOST_TOOLS)/cc $(HOST_TOOLS)/aarch64-cc

# Host tools (cargo) and image binaries (static musl). Build paths are
# remapped so that the binaries do not depend on where the checkout lives.
TOOL_NAMES := mvirt-boot mvirt-cpio mvirt-fetch mvirt-kbuild mvirt-kconfig mvirt-uki mvirt-unpack
TOOLS := $(addprefix $(T)/release/,$(TOOL_NAMES))
IMAGE_DIR := $(T)/image/$(MUSL)/release
IMAGE_BINS := $(IMAGE_DIR)/pideins $(IMAGE_DIR)/mvirt $(IMAGE_DIR)/mvirt-vmm
# The static inside half of the real-VM boot test (never in the image).
VM_TEST := $(IMAGE_DIR)/mvirt-vm-test
# Linked by the pinned dist's rust-lld with Rust's self-contained musl CRT and
# libc, no C toolchain (.cargo/config.toml; buck2: toolchains/rust.bzl).
IMAGE_RUSTFLAGS := --remap-path-prefix=$(CURDIR)=/mvirt-os -C target-feature=+crt-static \
  -C linker-flavor=ld.lld -C link-self-contained=yes

# The kernel: its pinned tarball (resolved by mvirt-fetch), the toolchain it
# is built with; the common Kconfig fragment and the architecture's.
TARBALL := $(T)/linux.tar.xz
FRAGMENTS := kernel/kernel.config kernel/$(ARCH).config
# The kernel toolchain of both architectures: Debian 12 packages pinned by
# sha256 (toolchains/kernel/deb/*.toml, written by toolchains/kernel/pin.py),
# fetched by mvirt-fetch and unpacked by mvirt-unpack into a hermetic tool
# directory (toolchains/kernel/toolchain.toml declares its tools): the
# kernel's make runs with PATH = its bin/ alone (docs/toolchains.md).
KERNEL_DEB_PINS := $(sort $(wildcard toolchains/kernel/deb/*.toml))
KERNEL_DEBS := $(patsubst toolchains/kernel/deb/%.toml,$(T)/downloads/deb/%.deb,$(KERNEL_DEB_PINS))
KTOOLS := $(T)/toolchain/kernel
# SANDBOX=auto (default): the kernel steps run in a bubblewrap sandbox that
# holds only the tool directory, the source and the build directory, when
# bwrap is installed and CCACHE is off; SANDBOX=1 requires it; SANDBOX=0 not.
SANDBOX ?= auto
ifeq ($(SANDBOX),auto)
SANDBOX_ARG := $(if $(CCACHE),,$(if $(shell command -v bwrap),--sandbox))
else ifeq ($(SANDBOX),1)
SANDBOX_ARG := --sandbox
else
SANDBOX_ARG :=
endif
# The one flag buck2's hermetic actions do not pass: make keeps the verified
# tree unpacked (keyed by the tarball's sha256), so that the config and build
# steps and later builds do not unpack and delete it again (tests/buck/flags.py).
KERNEL_ARGS := --tarball $(TARBALL) --arch $(ARCH) --cc $(KERNEL_CC) \
  --tools $(KTOOLS) $(SANDBOX_ARG) --source-cache $(T)/kernel-src
KERNEL_OUT := $(O)/$(KERNEL_IMAGE) $(O)/System.map $(O)/kernel.release
STUB := $(O)/$(STUB_NAME)
ROOTFS := $(shell find initramfs/rootfs -type f | LC_ALL=C sort)

ifeq ($(CLOUD_HYPERVISOR),none)
CH_FILE :=
CH_ARGS := --omit cloud-hypervisor
else
CH_FILE := $(O)/cloud-hypervisor
CH_ARGS := --input cloud-hypervisor=$(CH_FILE)
endif

.PHONY: all kernel initramfs uki menuconfig boot test arm64-uki arm64-parts bench-smoke rust-toolchain kernel-toolchain pinned-env clean distclean FORCE
all: uki
kernel: $(KERNEL_OUT) $(O)/kernel.config
initramfs: $(O)/initramfs.cpio.gz
uki: $(O)/mvirt.efi

# cargo decides whether anything changed; it leaves the binaries' mtimes
# alone when nothing did, so the steps below re-run only on real changes.
$(TOOLS) &: $(PINNED_PREREQ) FORCE
	@$(PINNED_CARGO) build $(CARGO_FLAGS) --release --quiet $(addprefix -p ,$(TOOL_NAMES))

$(IMAGE_BINS) &: $(PINNED_PREREQ) FORCE
	@RUSTFLAGS='$(IMAGE_RUSTFLAGS)' $(PINNED_CARGO) build $(CARGO_FLAGS) --release --quiet \
	  --target $(MUSL) --target-dir $(T)/image -p pideins -p mvirt-cli -p mvirt-vmm

$(VM_TEST): $(PINNED_PREREQ) FORCE
	@RUSTFLAGS='$(IMAGE_RUSTFLAGS)' $(PINNED_CARGO) build $(CARGO_FLAGS) --release --quiet \
	  --target $(MUSL) --target-dir $(T)/image -p mvirt-boot --bin mvirt-vm-test

# Stage 0: mvirt-fetch and mvirt-unpack fetch and unpack the pinned
# toolchains, so they cannot be built by them: the cargo on PATH builds them
# (STAGE0=host). With STAGE0=pinned the toolchains must be unpacked already
# (their rules then run no stage 0 tool), and the pinned release builds
# stage 0 too: no host compiler at all (the sandbox build).
STAGE0 ?= host
STAGE0_FETCH := $(T)/stage0/release/mvirt-fetch
STAGE0_UNPACK := $(T)/stage0/release/mvirt-unpack
ifeq ($(STAGE0),host)
STAGE0_CARGO := $(CARGO)
STAGE0_PREREQ :=
TOOLCHAIN_ORDER := $(STAGE0_FETCH) $(STAGE0_UNPACK)
else ifeq ($(STAGE0),pinned)
$(if $(wildcard $(SYSROOT)/bin/cargo $(KTOOLS)/env.toml),,$(error STAGE0=pinned: the pinned toolchains are not unpacked yet: run make rust-toolchain kernel-toolchain first (with STAGE0=host)))
STAGE0_CARGO := $(PINNED_CARGO)
STAGE0_PREREQ := $(PINNED_PREREQ)
TOOLCHAIN_ORDER :=
else
$(error STAGE0=$(STAGE0): host (the cargo on PATH builds stage 0) or pinned (the pinned release does))
endif

$(STAGE0_FETCH) $(STAGE0_UNPACK) &: $(STAGE0_PREREQ) FORCE
	@$(STAGE0_CARGO) build $(CARGO_FLAGS) --release --quiet --target-dir $(T)/stage0 \
	  -p mvirt-fetch -p mvirt-unpack

# The pinned Rust dist: each component checked against its pin, then all in
# one sysroot (bin/ and lib/ of each; a file in two is an error).
$(T)/downloads/rust/%.tar.xz: toolchains/rust/%.toml | $(TOOLCHAIN_ORDER)
	$(FETCH) --pin $< --mode 644 --output $@

$(SYSROOT)/bin/cargo: $(RUST_ARCHIVES) | $(TOOLCHAIN_ORDER)
	$(STAGE0_UNPACK) --strip-components 2 --only bin --only lib --replace \
	  $(RUST_ARCHIVES) --output $(SYSROOT)
	@$(SYSROOT)/bin/rustc --version

# The kernel toolchain: each package checked against its pin, then all in
# one tool directory (bin/ of the declared tools, lib/, env.toml). It is an
# input of the kernel steps: a changed pin or spec rebuilds the kernel.
$(T)/downloads/deb/%.deb: toolchains/kernel/deb/%.toml | $(TOOLCHAIN_ORDER)
	$(FETCH) --pin $< --mode 644 --output $@

$(KTOOLS)/env.toml: $(KERNEL_DEBS) toolchains/kernel/toolchain.toml | $(TOOLCHAIN_ORDER)
	$(STAGE0_UNPACK) --tools toolchains/kernel/toolchain.toml --replace \
	  $(KERNEL_DEBS) --output $(KTOOLS)

# The C compiler and archiver of every glibc binary the pinned cargo builds
# (linker of the tools, build scripts and proc macros, zstd's C code): the
# tool directory's gcc with its glibc as sysroot, its tools and libraries,
# nothing of the machine's. (rustc has gcc link with its own rust-lld.)
$(HOST_TOOLS)/cc $(HOST_TOOLS)/ar $(HOST_TOOLS)/aarch64-cc $(HOST_TOOLS)/aarch64-ar &: $(KTOOLS)/env.toml
	@mkdir -p $(HOST_TOOLS)
	@for t in cc ar aarch64-cc aarch64-ar; do \
	  case $$t in cc) run='gcc --sysroot=$(CURDIR)/$(KTOOLS)/root';; ar) run=ar;; \
	    aarch64-cc) run='aarch64-linux-gnu-gcc --sysroot=$(CURDIR)/$(KTOOLS)/root';; \
	    aarch64-ar) run=aarch64-linux-gnu-ar;; esac; \
	  printf '%s\n' '#!/bin/sh' '# Written by the Makefile: the pinned kernel toolchain'"'"'s '"$$t"'.' \
	    'PATH=$(CURDIR)/$(KTOOLS)/bin; export PATH' \
	    'LD_LIBRARY_PATH=$(CURDIR)/$(KTOOLS)/lib; export LD_LIBRARY_PATH' \
	    "exec $(CURDIR)/$(KTOOLS)/bin/$$run \"\$$@\"" > $(HOST_TOOLS)/$$t.tmp; \
	  chmod 755 $(HOST_TOOLS)/$$t.tmp; mv $(HOST_TOOLS)/$$t.tmp $(HOST_TOOLS)/$$t; \
	done

# External inputs enter through mvirt-fetch, checked against their pins.
# Kept by `make clean`, like downloads: they change only with their pins, so
# mvirt-fetch is an order-only prerequisite (a rebuilt mvirt-fetch would
# otherwise re-hash the 150 MB tarball on every make, since it leaves an
# unchanged output untouched).
$(TARBALL): kernel/linux.toml | $(STAGE0_FETCH)
	$(FETCH) --pin kernel/linux.toml --mode 644 --output $@

$(STUB): $(STUB_PIN) | $(STAGE0_FETCH)
	$(FETCH) --pin $(STUB_PIN) --mode 644 --output $@

$(O)/kernel.config: $(FRAGMENTS) $(TARBALL) $(KTOOLS)/env.toml $(T)/release/mvirt-kconfig
	$(T)/release/mvirt-kconfig generate $(KERNEL_ARGS) $(addprefix --fragment ,$(FRAGMENTS)) \
	  --scratch $(T)/tmp --output $@

$(KERNEL_OUT) &: $(O)/kernel.config $(TARBALL) $(KTOOLS)/env.toml $(T)/release/mvirt-kbuild
	$(T)/release/mvirt-kbuild build $(KERNEL_ARGS) --config $(O)/kernel.config \
	  --epoch $(SOURCE_DATE_EPOCH) --scratch $(T)/tmp --out-dir $(O) \
	  $(if $(JOBS),--jobs $(JOBS)) $(if $(CCACHE),--ccache) \
	  $(if $(INCREMENTAL),--keep-tree $(O)/kbuild-tree)

# Which cloud-hypervisor the image carries is part of its inputs.
$(O)/cloud-hypervisor.choice: FORCE
	@mkdir -p $(O); printf '%s\n' '$(CLOUD_HYPERVISOR)' | cmp -s - $@ || printf '%s\n' '$(CLOUD_HYPERVISOR)' > $@

$(O)/cloud-hypervisor: $(CH_PIN) $(O)/cloud-hypervisor.choice $(filter /%,$(CLOUD_HYPERVISOR)) | $(STAGE0_FETCH)
	$(FETCH) --pin $(CH_PIN) --downloads $(T)/downloads \
	  $(if $(CLOUD_HYPERVISOR),--local $(CLOUD_HYPERVISOR)) --mode 755 --output $@ \
	  || { echo "make: without internet: make CLOUD_HYPERVISOR=/path/to/cloud-hypervisor (a static build you have) or CLOUD_HYPERVISOR=none (an image without it)" >&2; exit 1; }

$(O)/initramfs.cpio.gz: initramfs/initramfs.toml $(ROOTFS) uki/os-release $(IMAGE_BINS) $(CH_FILE) $(O)/cloud-hypervisor.choice $(T)/release/mvirt-cpio
	$(T)/release/mvirt-cpio build --spec initramfs/initramfs.toml --mtime $(SOURCE_DATE_EPOCH) \
	  --input pideins=$(IMAGE_DIR)/pideins --input mvirt=$(IMAGE_DIR)/mvirt \
	  --input mvirt-vmm=$(IMAGE_DIR)/mvirt-vmm --input os-release=uki/os-release \
	  $(CH_ARGS) --output $@

$(O)/mvirt.efi: $(O)/$(KERNEL_IMAGE) $(O)/initramfs.cpio.gz $(O)/kernel.release $(CMDLINE) uki/os-release $(STUB) $(T)/release/mvirt-uki
	$(T)/release/mvirt-uki build --stub $(STUB) --linux $(O)/$(KERNEL_IMAGE) \
	  --initrd $(O)/initramfs.cpio.gz --cmdline $(CMDLINE) --osrel uki/os-release \
	  --uname $(O)/kernel.release --output $@
	$(T)/release/mvirt-uki verify $@

# Opens on the configuration of the current fragment (regenerated first if the
# fragment changed), so that no edit of the fragment is lost on write-back.
menuconfig: $(T)/release/mvirt-kconfig $(O)/kernel.config
	$(T)/release/mvirt-kconfig menuconfig $(KERNEL_ARGS) $(addprefix --fragment ,$(FRAGMENTS)) \
	  --scratch $(T)/tmp --config $(O)/kernel.config

boot: $(O)/mvirt.efi $(T)/release/mvirt-boot
	$(T)/release/mvirt-boot interactive --arch $(ARCH) --uki $(O)/mvirt.efi \
	  --kernel $(O)/$(KERNEL_IMAGE) --initrd $(O)/initramfs.cpio.gz

# `make test` tests both architectures: the arm64 image is built by a
# sub-make, with its own cloud-hypervisor choice. Its kernel compile (about
# 8 minutes on 2 cores) is opt-in, TEST_ARM64=1, to keep CI within its
# time: without it make test builds arm64's kernel configuration (every
# fragment symbol checked) and initramfs (its static aarch64 binaries), and
# the arm64 boot test says SKIPPING.
CLOUD_HYPERVISOR_ARM64 ?= $(if $(filter /%,$(CLOUD_HYPERVISOR)),none,$(CLOUD_HYPERVISOR))
TEST_ARM64 ?= 0
arm64-uki:
	$(MAKE) --no-print-directory ARCH=arm64 CLOUD_HYPERVISOR='$(CLOUD_HYPERVISOR_ARM64)' uki
arm64-parts:
	$(MAKE) --no-print-directory ARCH=arm64 CLOUD_HYPERVISOR='$(CLOUD_HYPERVISOR_ARM64)' \
	  initramfs $(T)/arm64/kernel.config
ARM64_TEST := $(if $(filter 1,$(TEST_ARM64)),arm64-uki,arm64-parts)

# Every bench/ script once, on its smallest input (BENCH_SMOKE=1, see
# bench/lib.sh): that each still runs, not what it measures. A bench whose
# prerequisite is absent (a full build, buck2) or whose smallest run is a
# kernel build says SKIPPING and why. Under `make test` it runs after the
# builds, which bench/make.sh and bench/uki.sh use.
BENCHES := $(filter-out bench/lib.sh,$(wildcard bench/*.sh))
# The environment of make's pinned cargo calls, as a shell line, for scripts
# that call cargo as make does (bench/make.sh): a different CC or CFLAGS
# would make cargo rebuild ring, and the next make the initramfs.
pinned-env:
	@echo "export $(PINNED_ENV)"

bench-smoke: $(TOOLS) $(if $(filter test,$(MAKECMDGOALS)),all $(ARM64_TEST))
	@for b in $(BENCHES); do \
	  echo "make: BENCH_SMOKE=1 $$b"; \
	  BENCH_SMOKE=1 bash $$b || { echo "make: $$b failed" >&2; exit 1; }; \
	done

ifneq ($(ARCH),x86_64)
test:
	@echo "make: make test builds and tests both architectures; run it without ARCH=$(ARCH)" >&2; exit 1
else
test: all $(ARM64_TEST) $(VM_TEST) bench-smoke
	$(CARGO) fmt --all --check
	$(CARGO) clippy $(CARGO_FLAGS) --workspace --all-targets -- -D warnings
	TEST_ARM64=$(TEST_ARM64) $(CARGO) nextest run $(CARGO_FLAGS) --workspace --no-fail-fast
endif

clean:
	rm -rf $(T)/image $(T)/release $(T)/stage0 $(T)/host-tools $(T)/debug $(T)/tmp $(T)/nextest $(T)/kernel-src \
	  $(T)/kbuild-tree $(T)/kbuild-tree.lock \
	  $(T)/bzImage $(T)/System.map $(T)/kernel.release $(T)/kernel.config \
	  $(T)/initramfs.cpio.gz $(T)/mvirt.efi $(T)/cloud-hypervisor $(T)/cloud-hypervisor.choice \
	  $(T)/linuxx64.efi.stub $(T)/arm64

# The pinned Rust dist and kernel toolchain, unpacked (make clean keeps them,
# as it keeps downloads).
rust-toolchain: $(SYSROOT)/bin/cargo
kernel-toolchain: $(KTOOLS)/env.toml

distclean:
	rm -rf $(T)

FORCE:
