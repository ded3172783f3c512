# dispute — make targets. `make demo` and `make test` work on a fresh machine with Rust.
CARGO ?= cargo
BIN := target/release/dispute

.PHONY: build test lint demo bench fmt clean

build:
	$(CARGO) build --release --locked

## Unit and end-to-end tests (the CI test command).
test:
	$(CARGO) test --locked --all-targets

## Formatting and clippy, warnings are errors.
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --locked --all-targets -- -D warnings

## A scripted walk through real cases in a fresh casebook (in a temporary directory).
demo: build
	./scripts/demo.sh $(BIN)

## Generate casebooks of 1,000 / 10,000 / 100,000 cases and time whole commands.
bench: build
	$(CARGO) build --release --locked --example bench
	./target/release/examples/bench $(BIN)

fmt:
	$(CARGO) fmt --all

clean:
	$(CARGO) clean
