#!/usr/bin/env bash
# End-to-end tests of the real app window through WebDriver (tauri-driver + WebKitWebDriver).
#   bash tests/e2e/run.sh [pytest args…]
# Needs the debug binaries built first (cargo build --workspace, after the UI build) and the
# test tools from `bash src-tauri/setup.sh --test`. Honors CARGO_TARGET_DIR. Starts Xvfb when
# there is no DISPLAY, and always stops what it started. Screenshots: tests/e2e/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
export PATH="$HOME/.cargo/bin:$PATH"

target=${CARGO_TARGET_DIR:-target}
[[ $target = /* ]] || target=$root/$target
app=$target/debug/mulu-app
cli=$target/debug/mulu
venv=$root/tests/e2e/.venv
for need in "$app:cargo build --workspace" "$cli:cargo build --workspace" \
            "$venv/bin/python:bash src-tauri/setup.sh --test"; do
  [[ -x ${need%%:*} ]] || { echo "missing ${need%%:*}: run ${need#*:} first" >&2; exit 2; }
done
for tool in tauri-driver WebKitWebDriver; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run bash src-tauri/setup.sh --test first" >&2; exit 2; }
done

tmp=$(mktemp -d -t mulu-e2e.XXXXXX)
started=()
cleanup() {
  local pid
  for pid in "${started[@]}"; do
    # Each helper runs in its own session (setsid): end its whole group (driver, app windows).
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${started[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -z ${DISPLAY:-} ]]; then
  n=99
  while [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]]; do n=$((n + 1)); done
  setsid Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
  started+=($!)
  export DISPLAY=:$n
  for _ in $(seq 100); do [[ -e /tmp/.X11-unix/X$n ]] && break; sleep 0.1; done
  [[ -e /tmp/.X11-unix/X$n ]] || { echo "Xvfb did not start:" >&2; cat "$tmp/xvfb.log" >&2; exit 1; }
fi

# What the app inherits from tauri-driver: a fresh profile (its remembered language and WebKit
# data live in the temporary folder), and MULU_WORKSPACE naming a path that the not-a-workspace
# test fills with text; the other test names its workspace as the first argument instead.
export XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config XDG_CACHE_HOME=$tmp/cache
export MULU_WORKSPACE=$tmp/not-a-workspace.mulu
export MULU_E2E_APP=$app MULU_E2E_CLI=$cli MULU_E2E_SCREENSHOTS=$root/tests/e2e/screenshots
# WebDriver cannot drive the native open-file dialog. With MULU_E2E=1 (set only here) the app's
# import_choose answers MULU_E2E_IMPORT_FILE instead of opening it; the test writes that file.
# The same for the save dialogs of the signing key and the package (src-tauri/src/signing.rs).
export MULU_E2E=1 MULU_E2E_IMPORT_FILE=$tmp/import.xlsx
export MULU_E2E_KEY_FILE=$tmp/signing-key.pem MULU_E2E_PACKAGE_FILE=$tmp/package.zip
export MULU_E2E_EXPORT_DIR=$tmp/exports
# The scan's chooser (src-tauri/src/scan.rs) answers this folder; the test fills it. The header
# mapping's save and open dialogs (src-tauri/src/mapping.rs) both answer this file.
export MULU_E2E_SCAN_PATH=$tmp/scan MULU_E2E_MAPPING_FILE=$tmp/mapping.json
# The header's 打开报送包… (src-tauri/src/review.rs) answers this file; the test writes it.
export MULU_E2E_OPEN_PACKAGE=$tmp/opened-package.zip
# The deadlines dashboard's calendar import (src-tauri/src/deadlines.rs) answers this file.
export MULU_E2E_CALENDAR_FILE=$tmp/calendar.toml
mkdir -p "$MULU_E2E_EXPORT_DIR"

read -r port native < <("$venv/bin/python" -c '
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')
setsid tauri-driver --port "$port" --native-port "$native" >"$tmp/tauri-driver.log" 2>&1 &
started+=($!)
export MULU_E2E_DRIVER=http://127.0.0.1:$port
ready=0
for _ in $(seq 100); do
  if curl -fsS -m 2 "$MULU_E2E_DRIVER/status" >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.1
done
(( ready )) || { echo "tauri-driver did not answer on $MULU_E2E_DRIVER:" >&2; cat "$tmp/tauri-driver.log" >&2; exit 1; }

status=0
# The whole run is bounded (a hung WebDriver session must not hold CI), with room for a loaded
# machine: 20 tests take about 170 s on a quiet 2-core one.
pytest=("$venv/bin/python" -m pytest tests/e2e -q -o "cache_dir=$tmp/pytest-cache" --timeout=120)
timeout -k 10 600 "${pytest[@]}" "$@" || status=$?
# A test that failed once is run once more, alone, and named: on a loaded 2-core machine a click
# can still land on an overlay that is fading away. A test that fails twice fails the run.
if (( status == 1 )); then
  echo "--- e2e: running the failed tests once more ---" >&2
  status=0
  timeout -k 10 300 "${pytest[@]}" --last-failed --last-failed-no-failures none "$@" || status=$?
  (( status )) || echo "e2e: passed on the second attempt (flaky, see the failures above)" >&2
fi
if (( status )); then
  echo "--- tauri-driver log ---" >&2
  tail -n 40 "$tmp/tauri-driver.log" >&2
fi
exit "$status"
