#!/usr/bin/env bash
# Builds Nytta's Linux packages, a .deb and an .rpm, with Tauri's bundler: the desktop app
# (/usr/bin/nytta-desktop) with its icon and desktop entry (Swedish and English), the command
# line (/usr/bin/nytta) and the licence. Prints the folder the packages are in.
#
# No AppImage: the bundler downloads linuxdeploy while building one, and build machines
# cannot reach the internet. Windows and macOS installers: .github/workflows/release.yml.
#
# Usage: scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# The Tauri CLI that bundles, pinned like the Tauri crates in Cargo.toml.
TAURI_CLI_VERSION=2.12.4
# The largest .deb this script accepts, in bytes.
MAX_DEB_BYTES=15000000

source scripts/deps.sh
nytta_install_packages

if [ "$(cargo tauri --version 2>/dev/null)" != "tauri-cli $TAURI_CLI_VERSION" ]; then
  echo "== Installerar tauri-cli $TAURI_CLI_VERSION / installing tauri-cli"
  cargo install tauri-cli --version "=$TAURI_CLI_VERSION" --locked
fi

echo "== Bygger gränssnittet / building the UI"
(
  cd ui
  [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci
  npm run build
)

target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')

echo "== Bygger kommandoraden / building the command line (nytta)"
cargo build --release -p nytta-cli

echo "== Bygger och paketerar appen / building and bundling the app"
# The command line goes into both packages beside the app; the rest is in tauri.conf.json.
extra=$(python3 -c 'import json, sys
cli = sys.argv[1]
print(json.dumps({"bundle": {"linux": {
    "deb": {"files": {"/usr/bin/nytta": cli}},
    "rpm": {"files": {"/usr/bin/nytta": cli}},
}}}))' "$target_dir/release/nytta")
(cd src-tauri && cargo tauri build --ci --bundles deb,rpm --config "$extra")

bundle="$target_dir/release/bundle"
version=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys
print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "nytta-desktop"))')
deb=$(ls "$bundle"/deb/Nytta_"$version"_*.deb)
rpm=$(ls "$bundle"/rpm/Nytta-"$version"-*.rpm)

# The bundler compresses the .deb with gzip; with xz, as Debian's own packages are, it is
# half as large (the .rpm is xz already, tauri.conf.json). Same files, same control data.
repack=$(mktemp -d)
dpkg-deb -R "$deb" "$repack/tree"
dpkg-deb -Zxz -z9 --root-owner-group -b "$repack/tree" "$deb" >/dev/null
rm -rf "$repack"
deb_bytes=$(stat -c %s "$deb")
rpm_bytes=$(stat -c %s "$rpm")
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }
echo "== Paket / packages: $bundle"
echo "$deb  $(mb "$deb_bytes")"
echo "$rpm  $(mb "$rpm_bytes")"
if [ "$deb_bytes" -ge "$MAX_DEB_BYTES" ]; then
  echo "Paketet är för stort / the .deb is too large: $(mb "$deb_bytes") ≥ $(mb "$MAX_DEB_BYTES")" >&2
  exit 1
fi
