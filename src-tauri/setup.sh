#!/usr/bin/env bash
# Installs what Mulu needs on a Debian/Ubuntu machine, skipping what is already there.
#   bash src-tauri/setup.sh          build and run the app (system libraries, CJK font, UI packages)
#   bash src-tauri/setup.sh --test   also the test tools (Xvfb, WebKitWebDriver, tauri-driver, Python e2e venv)
# Safe to run again: each step checks first. Needs root or sudo for apt.
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
sudo_() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

pkgs=(libwebkit2gtk-4.1-dev build-essential libssl-dev libayatana-appindicator3-dev librsvg2-dev
      pkg-config file curl fonts-noto-cjk)
if (( want_test )); then
  pkgs+=(xvfb webkit2gtk-driver)
  # python3 may come from elsewhere (pyenv): accept it when it can make a venv.
  python3 -c 'import venv, ensurepip' 2>/dev/null || pkgs+=(python3 python3-venv)
fi
command -v node >/dev/null 2>&1 || pkgs+=(nodejs npm)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if (( ${#missing[@]} )); then
  say "apt: installing ${missing[*]}"
  sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust (cargo) is required: install it with rustup (https://rustup.rs) or your distribution's rustup package, then run this again." >&2
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if (( node_major < 20 )); then
  echo "Node.js 20 or newer is required (found $(node --version)). Install a newer nodejs package, then run this again." >&2
  exit 1
fi

if [[ ! -d ui/node_modules ]] || [[ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]]; then
  say "npm: installing the UI's packages"
  npm --prefix ui ci --no-audit --no-fund --loglevel=error
fi

if (( want_test )); then
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! command -v tauri-driver >/dev/null 2>&1; then
    say "cargo: installing tauri-driver (about 80 s)"
    cargo install tauri-driver --locked --quiet
  fi
  venv=tests/e2e/.venv
  if [[ ! -x $venv/bin/python ]] || [[ tests/e2e/requirements.txt -nt $venv/.installed ]]; then
    say "pip: creating the end-to-end test environment"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r tests/e2e/requirements.txt
    touch "$venv/.installed"
  fi
fi
say "setup done"
