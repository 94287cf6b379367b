#!/usr/bin/env bash
# Installs the Debian packages Nytta needs to build, test and look at itself.
# Sourced by scripts/run.sh and scripts/test.sh; safe to run again (skips what is there).
set -euo pipefail

NYTTA_APT_PACKAGES=(
  # building the desktop shell (Tauri 2 / WebKitGTK)
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  # running and testing it without a screen, and looking at PDFs and screenshots
  xvfb xauth imagemagick poppler-utils webkit2gtk-driver
  # the installation test: checking the packaged desktop entry
  desktop-file-utils
  # the UI: Node.js to build it, Chromium for its headless accessibility tests
  nodejs chromium
  # the Excel export's tests: LibreOffice Calc recalculates the workbooks headless
  libreoffice-calc-nogui
  # the group server's tests: a throw-away PostgreSQL 15 with TLS (scripts/pg-test-server.sh)
  postgresql openssl
)

nytta_install_packages() {
  local missing=()
  for p in "${NYTTA_APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # Debian's nodejs comes without npm (NodeSource's includes it).
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installerar systempaket: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
  fi
  if ! command -v cargo >/dev/null; then
    echo "Rust saknas: installera via https://rustup.rs och kör kommandot igen." >&2
    exit 1
  fi
}
