#!/usr/bin/env bash
# Installs what Lede needs, checking first so that a second run installs
# nothing. Usage: scripts/setup.sh build|test
#   build: the wasm target, rust-src, wasm-bindgen-cli (same version as the crate), wasm-opt
#   test:  build, plus Chromium, Firefox and WebKit with their WebDrivers
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
say() { printf 'setup: %s\n' "$*"; }

setup_build() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  # The standard library's source: the wasm bundles compile it with them
  # (the Makefile's lean bundles).
  if ! rustup component list --installed | grep -qx 'rust-src'; then
    say "adding the rust-src component"
    rustup component add rust-src
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -x tools/node_modules/.bin/terser ] || [ ! -d tools/node_modules/axe-core ]; then
    say "installing wasm-opt (binaryen), terser and axe-core from npm"
    (cd tools && npm ci --no-audit --no-fund)
  fi
}

setup_test() {
  setup_build
  if ! python3 -c "import yaml" 2>/dev/null; then
    say "installing PyYAML (the Pages workflow test reads YAML)"
    python3 -m pip install --quiet pyyaml
  fi
  setup_browsers
}

# The end-to-end suite's three engines and their WebDriver servers (see
# tests/common/mod.rs): Chromium + chromedriver, Firefox ESR + geckodriver,
# WebKitGTK's MiniBrowser + WebKitWebDriver on an Xvfb display.
minibrowser() { ls /usr/lib/*/webkit2gtk-4.1/MiniBrowser 2>/dev/null | head -n 1; }

setup_browsers() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  [ -n "$(minibrowser)" ] || missing+=(libwebkit2gtk-4.1-0)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (apt)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if ! command -v geckodriver >/dev/null; then
    say "installing geckodriver (cargo install; a few minutes, once)"
    cargo install geckodriver
  fi
  local absent=()
  for tool in chromium chromedriver firefox-esr geckodriver WebKitWebDriver Xvfb; do
    command -v "$tool" >/dev/null || absent+=("$tool")
  done
  [ -n "$(minibrowser)" ] || absent+=("MiniBrowser (/usr/lib/*/webkit2gtk-4.1/)")
  if [ ${#absent[@]} -gt 0 ]; then
    echo "setup: cannot test in every browser: missing ${absent[*]}" >&2
    exit 1
  fi
}

case "${1:-build}" in
  build) setup_build ;;
  test) setup_test ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac
