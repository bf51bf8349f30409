#!/usr/bin/env bash
# Runs every test: Rust (core unit tests, CLI integration tests, the IPC bindings check), the
# UI's type check and component tests, and the end-to-end tests of the real app window.
# Installs what is missing first. This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
start=$(date +%s)
step() { printf '\n\033[1m==> [%ss] %s\033[0m\n' "$(( $(date +%s) - start ))" "$*"; }

step "setup"
bash src-tauri/setup.sh --test

step "UI: type check and build (the app embeds ui/dist)"
npm --prefix ui run build --silent

step "UI: component tests"
npm --prefix ui test --silent

step "Rust: build everything once (core, mulu CLI, desktop app)"
cargo build --workspace --locked

step "Rust: lints (clippy, every target, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust: the mulu CLI's package must not pull in Tauri or WebKit"
if cargo tree -p mulu-cli -e normal,build --prefix none | grep -iE '^(tauri|wry|webkit)'; then
  echo "mulu-cli depends on the crates above: it must build without Tauri/WebKit" >&2
  exit 1
fi

step "Rust: format"
cargo fmt --all --check

step "Rust: tests"
cargo test --workspace --locked

step "end-to-end: the real window through WebDriver"
bash tests/e2e/run.sh

step "all tests passed"
