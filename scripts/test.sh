#!/usr/bin/env bash
# Runs every test of Nytta, installing what the tests need first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
nytta_install_packages

echo "== format and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings

echo "== Rust tests"
cargo test --workspace

echo "== UI: types, lint, component tests, accessibility (axe-core in headless Chromium)"
(cd ui && npm ci && npm run check && npm run lint && npm test && npm run test:a11y)

echo "== published schema is up to date"
cargo run -q -p nytta-cli -- schema | diff -u schema/nytta-v1.schema.json - \
  || { echo "schema/nytta-v1.schema.json is stale: run 'cargo run -p nytta-cli -- schema > schema/nytta-v1.schema.json'"; exit 1; }
