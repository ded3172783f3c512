# dispute — make targets. `make demo` and `make test` work on a fresh machine with Rust.
CARGO ?= cargo

# On Linux with glibc, `dispute` is linked statically (crt-static, static relocation model):
# no dynamic loader runs at start-up. Measured on 2026-11-30 on a 2-core machine:
# `perf stat -r 300 dispute --version` 3.69 -> 2.85 ms, and `register` 2-3 ms faster side by
# side with the dynamically linked build. The tests are built the same way, so they test the
# binary that ships. The flags go to the target only (`--target`): build scripts and proc
# macros are built as usual. Elsewhere the binary is built as cargo builds it.
HOST := $(shell rustc -vV 2>/dev/null | sed -n 's/^host: //p')
ifneq ($(filter %-linux-gnu,$(HOST)),)
STATIC := RUSTFLAGS="-C target-feature=+crt-static -C relocation-model=static"
TARGET := --target $(HOST)
OUT := target/$(HOST)/release
else
STATIC :=
TARGET :=
OUT := target/release
endif
BIN := $(OUT)/dispute

.PHONY: build install test lint demo bench forms fuzz fmt clean

build:
	$(STATIC) $(CARGO) build --release --locked $(TARGET)

## Install the `dispute` binary into Cargo's bin directory (~/.cargo/bin). Completions and
## manual pages: `dispute completions bash|zsh|fish|powershell|elvish`, `dispute man -o DIR`.
install:
	$(STATIC) $(CARGO) install --path . --locked $(TARGET)

## Unit and end-to-end tests (the CI test command).
test:
	$(STATIC) $(CARGO) test --locked --workspace --all-targets $(TARGET)

## Formatting and clippy, warnings are errors.
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --locked --workspace --all-targets -- -D warnings

## A scripted walk through real cases in a fresh casebook (in a temporary directory); the
## assessment report and its screenshot (when Chromium is installed) go to demo-out/.
demo: build
	./scripts/demo.sh $(BIN) demo-out

## Print a referral form and two written replies (HTML and Markdown) into forms-out/ and
## render each HTML page to an A4 PNG and PDF with headless Chromium (Debian's chromium and
## fonts-noto-cjk; installed with apt-get when missing and running as root).
forms: build
	@if { [ ! -x /usr/bin/chromium ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; } && \
	    [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing chromium and fonts-noto-cjk"; \
	  (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && \
	   apt-get install -y -qq chromium fonts-noto-cjk) >/dev/null || \
	  echo "could not install chromium; screenshots will be skipped" >&2; \
	fi
	./scripts/forms.sh $(BIN) forms-out

## Property-based fuzzing of case-file parsing and text fields, longer than in `make test`
## (FUZZ_CASES inputs per property; bounded time).
FUZZ_CASES ?= 20000
fuzz:
	PROPTEST_CASES=$(FUZZ_CASES) timeout 1200 $(CARGO) test --release --locked --test fuzz

## `dispute` side by side with Fossil's tickets at 1,000 / 10,000 / 100,000 cases (register,
## a workflow action, list), plus show, import, sync and verify; the table goes to stdout and
## bench-out/results.md. Fossil is installed with apt-get when missing and running as root;
## without it the peer's columns stay empty. BENCH_SIZES="1000 10000" for a shorter run.
BENCH_SIZES ?= 1000 10000 100000
bench: build
	@if ! command -v fossil >/dev/null && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing fossil"; \
	  (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq fossil) >/dev/null || \
	  echo "could not install fossil; the peer's columns will be empty" >&2; \
	fi
	$(STATIC) $(CARGO) build --release --locked $(TARGET) --example bench
	mkdir -p bench-out && ./$(OUT)/examples/bench $(BIN) $(BENCH_SIZES) | tee bench-out/results.md

fmt:
	$(CARGO) fmt --all

clean:
	$(CARGO) clean
