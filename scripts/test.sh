#!/usr/bin/env bash
# Runs every test of Nytta, installing what the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
nytta_install_packages

echo "== UI build (the desktop binary embeds ui/dist, so it comes before cargo)"
(cd ui && npm ci && npm run build)

echo "== format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings

echo "== Rust tests (the group server's against a PostgreSQL of their own, stopped on exit)"
eval "$(scripts/pg-test-server.sh start)"
trap 'scripts/pg-test-server.sh stop' EXIT
# NYTTA_LIBREOFFICE=1: LibreOffice Calc recalculates the Excel exports (crates/nytta-xlsx).
NYTTA_LIBREOFFICE=1 cargo test --workspace

echo "== UI: types, lint, component tests, accessibility (axe-core in headless Chromium)"
(cd ui && npm run check && npm run lint && npm test && npm run test:a11y)

# `cargo test --workspace` above also checks that the published JSON Schema
# (crates/nytta-app/tests/schema.rs) and the TypeScript types (src-tauri/tests/types.rs) are
# what the code generates, and that every command is named alike everywhere
# (src-tauri/tests/commands.rs).
echo "== desktop end to end: the real window under Xvfb (tauri-driver + WebKitWebDriver)"
command -v tauri-driver >/dev/null || [ -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ] \
  || cargo install tauri-driver --version '^2' --locked
NYTTA_E2E=1 xvfb-run -a -s "-screen 0 1280x800x24" cargo test --workspace --test e2e

echo "== packages (.deb, .rpm) and the installation test: dpkg -i, the installed app, dpkg -r"
bash scripts/package.sh
bash scripts/install-test.sh
