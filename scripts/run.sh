#!/usr/bin/env bash
# Builds Nytta's desktop app and opens it on its store: `--db PATH`, else $NYTTA_DB, else the
# default file in the user's data folder (e.g. ~/.local/share/nytta/nytta.db).
# Usage: scripts/run.sh [--db PATH]
# Without a screen: xvfb-run -a -s "-screen 0 1280x800x24" scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -s)" = "Linux" ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'MSG'
Nytta behöver en skärm: varken DISPLAY eller WAYLAND_DISPLAY är satt.
Kör kommandot i en grafisk session, eller utan skärm med:
  xvfb-run -a -s "-screen 0 1280x800x24" scripts/run.sh
Nytta needs a display: neither DISPLAY nor WAYLAND_DISPLAY is set.
Run the command in a graphical session, or without a screen with:
  xvfb-run -a -s "-screen 0 1280x800x24" scripts/run.sh
MSG
  exit 3
fi

source scripts/deps.sh
nytta_install_packages

echo "== Bygger gränssnittet / building the UI"
(
  cd ui
  # npm ci only when the lock file changed since the last install.
  [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci
  npm run build
)

echo "== Bygger och startar Nytta / building and starting Nytta"
exec cargo run --release -p nytta-desktop --features tauri/custom-protocol -- "$@"
