#!/usr/bin/env bash
# Installs the real editors used by the e2e tests, offline-friendly and idempotent:
#   - Debian packages: chromium, ripgrep, libkrb5-dev, pkg-config, neovim, fonts-wqy-microhei (a small
#     CJK font, 5 MB installed, so Chromium's screenshots show Chinese instead of boxes) — only the missing ones
#   - the ripgrep cache tarball that @vscode/ripgrep's postinstall picks up instead of downloading
#   - code-server@4.100.3 (VS Code 1.100.3) into <repo>/.vscode-test/code-server (git-ignored)
# A second run on a warm machine only checks and takes a few seconds.
# Why code-server: @vscode/test-electron cannot download VS Code offline, and Debian has no VS Code,
# code-oss or Electron; code-server is VS Code's server and web workbench with a real Node extension
# host. Each step below says which offline install failure it prevents. See also test/e2e/README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
CODE_SERVER_VERSION="4.100.3"
# Tied to code-server 4.100.3's shrinkwrap (lib/vscode/npm-shrinkwrap.json, @vscode/ripgrep/lib/postinstall.js).
RG_PKG_VERSION="1.15.11"
RG_TARBALL="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
CS_DIR="$ROOT/.vscode-test/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
CS_MARKER="$CS_DIR/.installed-$CODE_SERVER_VERSION"

step() { printf 'setup-editors: %s\n' "$*"; }
die() { printf 'setup-editors: ERROR: %s\n' "$*" >&2; exit 1; }
SECONDS=0

# ---- 1. Debian packages -------------------------------------------------------------------------
# libkrb5-dev + pkg-config: code-server's `kerberos` module has no reachable prebuilt and compiles
# against gssapi.h; make, g++, python3: node-gyp builds it, argon2 and node-pty from source.
APT_PKGS=(chromium ripgrep libkrb5-dev pkg-config neovim fonts-wqy-microhei)
command -v make >/dev/null 2>&1 || APT_PKGS+=(make)
command -v g++ >/dev/null 2>&1 || APT_PKGS+=(g++)
command -v python3 >/dev/null 2>&1 || APT_PKGS+=(python3)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install manually: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  step "apt-get update"
  $SUDO apt-get update -qq >/dev/null || die "apt-get update failed"
  step "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
else
  step "Debian packages present: ${APT_PKGS[*]}"
fi
for c in chromium rg nvim node npm; do
  command -v "$c" >/dev/null 2>&1 || die "'$c' not on PATH after install"
done

# ---- 2. ripgrep cache for @vscode/ripgrep's postinstall (it cannot download here) ---------------
# Its postinstall fetches a binary from GitHub, but first looks for this tarball in $TMPDIR; Debian's
# rg (13.0.0) serves.
RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
if [ -s "$RG_CACHE/$RG_TARBALL" ]; then
  step "ripgrep cache present: $RG_CACHE/$RG_TARBALL"
else
  step "ripgrep cache: packing $(command -v rg) into $RG_CACHE/$RG_TARBALL"
  mkdir -p "$RG_CACHE" || die "cannot create $RG_CACHE"
  tar czf "$RG_CACHE/$RG_TARBALL.tmp" -C "$(dirname "$(command -v rg)")" rg || die "tar of rg failed"
  mv -f "$RG_CACHE/$RG_TARBALL.tmp" "$RG_CACHE/$RG_TARBALL"
fi

# ---- 3. code-server -----------------------------------------------------------------------------
installed_version() {
  node -p "require('$CS_DIR/node_modules/code-server/package.json').version" 2>/dev/null || true
}
if [ -f "$CS_MARKER" ] && [ -x "$CS_BIN" ] && [ "$(installed_version)" = "$CODE_SERVER_VERSION" ]; then
  step "code-server $CODE_SERVER_VERSION present in .vscode-test/code-server"
else
  step "npm install code-server@$CODE_SERVER_VERSION into .vscode-test/code-server (about a minute)"
  rm -f "$CS_MARKER"
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || printf '{ "name": "code-server-host", "private": true }\n' >"$CS_DIR/package.json"
  LOG="$CS_DIR/npm-install.log"
  # unsafe_perm: code-server's postinstall refuses to run as root without it; yes: node-pty's
  # postinstall runs `npx node-gyp`, which otherwise stops to ask.
  if ! (cd "$CS_DIR" && npm_config_yes=true npm_config_unsafe_perm=true \
        npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >"$LOG" 2>&1); then
    tail -n 40 "$LOG" >&2
    die "npm install code-server@$CODE_SERVER_VERSION failed (full log: $LOG)"
  fi
  [ -x "$CS_BIN" ] || die "code-server binary missing after install: $CS_BIN"
  touch "$CS_MARKER"
fi

# Smoke check: the binary runs (config/data in a temp dir so nothing is written to ~/.config).
TMP_XDG="$(mktemp -d)"
trap 'rm -rf "$TMP_XDG"' EXIT
v="$(XDG_CONFIG_HOME="$TMP_XDG/c" XDG_DATA_HOME="$TMP_XDG/d" "$CS_BIN" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -n1)" \
  || { rm -f "$CS_MARKER"; die "code-server --version failed; rerun to reinstall"; }
case "$v" in
  "$CODE_SERVER_VERSION"*) ;;
  *) rm -f "$CS_MARKER"; die "unexpected code-server version '$v' (want $CODE_SERVER_VERSION); rerun to reinstall" ;;
esac
[ -d "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin" ] \
  || { rm -f "$CS_MARKER"; die "code-server's ripgrep was not installed (postinstall failed?); rerun"; }
step "code-server --version: $v"
step "nvim: $(nvim --version | head -n1); chromium: $(chromium --version 2>/dev/null | head -n1)"
step "done in ${SECONDS}s"
