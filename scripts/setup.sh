#!/usr/bin/env bash
# Installs what Lede needs, checking first so that a second run installs
# nothing. Usage: scripts/setup.sh build|test
#   build: the wasm target, wasm-bindgen-cli (same version as the crate), wasm-opt
#   test:  build, plus Chromium and its WebDriver
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
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -d tools/node_modules/axe-core ]; then
    say "installing wasm-opt (binaryen) and axe-core from npm"
    (cd tools && npm ci --no-audit --no-fund)
  fi
}

setup_test() {
  setup_build
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and ChromeDriver"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

case "${1:-build}" in
  build) setup_build ;;
  test) setup_test ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac
