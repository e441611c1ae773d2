# mvirt-os — the buck2-free build path. This file only wires files into the
# tools under tools/; the logic lives there (and is shared with the Buck2 rules).
#
#   make            build everything (see README.md for what exists yet)
#   make test       formatting, lints and the whole test suite
#
# All cargo invocations are --offline: crates come from third-party/vendor.

CARGO ?= cargo
CARGO_FLAGS := --offline

.PHONY: all tools test clean
all: tools

# The host tools the build steps call.
tools:
	$(CARGO) build $(CARGO_FLAGS) --release --workspace

test:
	$(CARGO) fmt --all --check
	$(CARGO) clippy $(CARGO_FLAGS) --workspace --all-targets -- -D warnings
	$(CARGO) nextest run $(CARGO_FLAGS) --workspace --no-fail-fast

clean:
	$(CARGO) clean
