#!/usr/bin/env bash
# Installs what is missing, builds the UI and the app, and starts Mulu.
#   bash src-tauri/run.sh [WORKSPACE.mulu] [PACKAGE.zip]
# Without a workspace, Mulu opens (or creates) the one in your data folder; with a package, it
# opens the package for review, checked against that workspace's trust list.
set -euo pipefail
cd "$(dirname "$0")/.."
bash src-tauri/setup.sh
npm --prefix ui run build --silent
cargo build --release -p mulu-app --bin mulu-app
exec target/release/mulu-app "$@"
