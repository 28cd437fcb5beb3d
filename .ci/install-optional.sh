#!/usr/bin/env bash
# Installs the Debian packages that the optional tests use, so CI runs every test instead of skipping:
#   libvoikko1 voikko-fi  Finnish morphology (src/language/voikko.ts)
#   libxml2-utils         xmllint, schema checks of QDPX/XML output
#   chromium              headless rendering checks of HTML output
#   ripgrep               the yardstick of `npm run bench` (rg -j1 over the same corpus)
# Idempotent and quick when everything is present (no apt-get update then). A failed install only warns:
# the tests that need the package skip without it, so it must not fail CI.
# Usage: .ci/install-optional.sh [package ...]   (default: the list above)
set -euo pipefail

packages=("$@")
if [ "${#packages[@]}" -eq 0 ]; then
  packages=(libvoikko1 voikko-fi libxml2-utils chromium ripgrep)
fi

warn() { echo "install-optional: warning: $*" >&2; }
info() { echo "install-optional: $*"; }

installed() {
  local status
  status="$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)"
  [ "$status" = "install ok installed" ] && return 0
  # Ubuntu ships Chromium as a snap behind chromium-browser; any Chromium/Chrome binary will do.
  if [ "$1" = chromium ]; then
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
      command -v google-chrome >/dev/null 2>&1
    return
  fi
  return 1
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  warn "not a Debian/Ubuntu system (no dpkg/apt-get); optional tests will skip"
  exit 0
fi

missing=()
for package in "${packages[@]}"; do
  installed "$package" || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  info "already installed: ${packages[*]}"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    warn "not root and no passwordless sudo; cannot install: ${missing[*]}"
    exit 0
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run (unattended upgrades, a background install) instead of failing at once.
apt=("${sudo[@]}" apt-get -y -q -o DPkg::Lock::Timeout=600)

info "installing: ${missing[*]}"
"${apt[@]}" update || warn "apt-get update failed; trying to install from the current package lists"
if ! "${apt[@]}" install --no-install-recommends "${missing[@]}"; then
  # One unavailable package (chromium on some images) must not keep the others out: retry one by one.
  for package in "${missing[@]}"; do
    installed "$package" && continue
    "${apt[@]}" install --no-install-recommends "$package" || warn "could not install $package; tests needing it will skip"
  done
fi

for package in "${packages[@]}"; do
  installed "$package" || warn "$package is not installed"
done
exit 0
