#!/usr/bin/env bash
# Installs what is missing, builds the UI and the app, and starts Mulu.
#   bash src-tauri/run.sh [WORKSPACE.mulu]
# Without a workspace, Mulu opens (or creates) the one in your data folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bash src-tauri/setup.sh
npm --prefix ui run build --silent
cargo build --release -p mulu-app --bin mulu-app
exec target/release/mulu-app "$@"
