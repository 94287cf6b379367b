#!/usr/bin/env bash
# The installation test: installs the .deb that scripts/package.sh built with dpkg (apt-get
# pulls in what it depends on), checks what it put where, starts the installed app without a
# display (its message must name the installed command), drives the installed window through
# tauri-driver on a temporary store (the portfolio, "Om Nytta", a damaged store's message;
# src-tauri/tests/e2e.rs with NYTTA_E2E_APP), asks the installed command line about a damaged
# store, removes the package and checks that the store is still there, byte for byte.
#
# It installs into this machine's system folders, so it refuses to run where a Nytta package
# is installed already (removing it at the end would take the user's installation away).
# Needs root or sudo, Xvfb, tauri-driver and WebKitWebDriver (scripts/test.sh has them).
#
# Usage: scripts/install-test.sh [PATH.deb]   (default: the newest package.sh built)
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
deb=${1:-$(ls -t "$target_dir"/release/bundle/deb/Nytta_*.deb | head -1)}
deb=$(realpath "$deb")
package=$(dpkg-deb -f "$deb" Package)
version=$(dpkg-deb -f "$deb" Version)

fail() { echo "installationstest / installation test: $*" >&2; exit 1; }

if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
  fail "paketet $package är redan installerat här; ta bort det först (dpkg -r $package) / the package is installed already"
fi

work=$(mktemp -d)
installed=0
cleanup() {
  [ "$installed" = 1 ] && $sudo dpkg -r "$package" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "-- dpkg -i $(basename "$deb")"
installed=1
if ! $sudo dpkg -i "$deb" >"$work/dpkg.log" 2>&1; then
  # Dependencies dpkg cannot fetch itself (WebKitGTK and GTK on a bare machine).
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -f -y -qq >>"$work/dpkg.log" 2>&1 \
    || { cat "$work/dpkg.log" >&2; fail "dpkg -i / apt-get install -f"; }
fi
dpkg-query -W -f='${Status} ${Version}\n' "$package" | grep -q "install ok installed $version" \
  || fail "$package $version is not installed after dpkg -i"

echo "-- files, desktop entry, licence"
for f in /usr/bin/nytta-desktop /usr/bin/nytta; do
  [ -x "$f" ] || fail "$f is missing or not executable"
done
desktop=/usr/share/applications/Nytta.desktop
[ -f "$desktop" ] || fail "$desktop is missing"
for line in "Name=Nytta" "Name[sv]=Nytta" "GenericName[sv]=Nyttovärdering" \
  "Comment=Benefit valuation and business cases for municipal digitalisation initiatives" \
  "Comment[sv]=Nyttovärdering och business case för kommunala digitaliseringsinitiativ" \
  "Exec=nytta-desktop" "Icon=nytta-desktop" "Categories=Office;" "Terminal=false"; do
  grep -qxF "$line" "$desktop" || fail "$desktop has no line '$line'"
done
desktop-file-validate "$desktop" || fail "$desktop does not pass desktop-file-validate"
ls /usr/share/icons/hicolor/*/apps/nytta-desktop.png >/dev/null 2>&1 || fail "no icon nytta-desktop.png"
cmp -s /usr/share/doc/"$package"/copyright LICENSE || fail "/usr/share/doc/$package/copyright is not LICENSE"
[ "$(nytta --version)" = "nytta $version" ] || fail "nytta --version says '$(nytta --version)', not 'nytta $version'"

echo "-- no display: the installed app says how to start it"
set +e
env -u DISPLAY -u WAYLAND_DISPLAY NYTTA_DB="$work/never.db" nytta-desktop >"$work/out" 2>"$work/err"
rc=$?
set -e
[ "$rc" = 3 ] || fail "without a display: exit code $rc, not 3 ($(cat "$work/err"))"
grep -qF "Nytta behöver en skärm" "$work/err" && grep -qF "Nytta needs a display" "$work/err" \
  || fail "without a display: $(cat "$work/err")"
[ "$(grep -cF 'xvfb-run -a -s "-screen 0 1280x800x24" nytta-desktop' "$work/err")" = 2 ] \
  || fail "without a display, the message does not name the installed command: $(cat "$work/err")"
[ ! -e "$work/never.db" ] || fail "without a display, a store was created"

echo "-- the installed window (tauri-driver, Xvfb): portfolio, Om Nytta, a damaged store"
store="$work/home/nytta.db"
mkdir -p "$work/home"
NYTTA_E2E=1 NYTTA_E2E_APP=/usr/bin/nytta-desktop NYTTA_E2E_STORE="$store" \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test -p nytta-desktop --test e2e -- --exact the_installed_app_opens_its_portfolio_and_names_a_damaged_store
[ -s "$store" ] || fail "the app left no store at $store"

echo "-- the installed command line on a damaged store"
printf 'Det här är ingen databas. %.0s' $(seq 200) >"$work/damaged.db"
set +e
nytta db check --db "$work/damaged.db" >"$work/out" 2>"$work/err"
rc=$?
set -e
[ "$rc" = 3 ] || fail "nytta db check on a damaged store: exit code $rc, not 3"
grep -qF "$work/damaged.db" "$work/out" "$work/err" || fail "nytta db check does not name the file: $(cat "$work/out" "$work/err")"

echo "-- dpkg -r: the program goes, the user's store stays"
sum=$(sha256sum "$store" | cut -d' ' -f1)
$sudo dpkg -r "$package" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -r"; }
installed=0
for f in /usr/bin/nytta-desktop /usr/bin/nytta "$desktop"; do
  [ ! -e "$f" ] || fail "$f is still there after dpkg -r"
done
[ "$(sha256sum "$store" | cut -d' ' -f1)" = "$sum" ] || fail "the store changed or went with dpkg -r"
echo "installationstest klar / installation test passed: $package $version"
