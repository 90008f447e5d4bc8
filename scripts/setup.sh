# Installs what Prisme's build and tests need, only what is missing, and says
# what it installs. Sourced by scripts/serve and scripts/test.
#   setup_build   – wasm32 target, trunk, wasm-bindgen CLI, node packages (wasm-opt)
#   setup_browser – Debian's chromium and chromium-driver (tests only)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# The CLI must be exactly the version of the wasm-bindgen crate pinned in Cargo.toml.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$ROOT/Cargo.toml")"
WASM_OPT_VERSION="132"

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

setup_build() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "installing the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (cargo install, about 10 minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, a few minutes)"
    # Not --locked: one dependency locked by that release is no longer on the registry.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing node packages from package-lock.json (binaryen for wasm-opt, playwright-core, axe-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  case "$(wasm-opt --version 2>/dev/null)" in
    *"version $WASM_OPT_VERSION"*) ;;
    *) echo "wasm-opt $WASM_OPT_VERSION is not on PATH after npm ci (got: $(wasm-opt --version 2>&1 | head -1))" >&2; return 1 ;;
  esac
}

setup_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver (apt-get)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver
  fi
  local browser driver
  browser="$(chromium --version 2>/dev/null | grep -o '[0-9]*\.' | head -1)"
  driver="$(chromedriver --version 2>/dev/null | grep -o '[0-9]*\.' | head -1)"
  if [ "$browser" != "$driver" ]; then
    echo "chromium ($browser) and chromedriver ($driver) major versions differ" >&2
    return 1
  fi
}

# Builds the release site into dist/ (wasm optimised by wasm-opt).
build_site() {
  say "building the release site (trunk build --release)"
  (cd "$ROOT" && trunk build --release)
}
