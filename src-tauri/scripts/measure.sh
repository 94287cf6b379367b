#!/usr/bin/env bash
# Measures the desktop app under Xvfb: process start to first paint and to the portfolio on
# screen, idle memory (RSS of the app and its WebKit processes), and the binary's size.
# Usage: xvfb-run -a -s "-screen 0 1280x800x24" src-tauri/scripts/measure.sh BINARY [RUNS]
set -euo pipefail
bin=$1
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
# Mean brightness of the whole screen (0 = the bare black Xvfb root, ~0.9 = a painted window).
brightness() { import -window root -colorspace gray -format "%[fx:mean]" info: 2>/dev/null || echo 0; }
# Variation inside the table area: near 0 while it is empty or "Laddar …", higher once rows show.
table_detail() {
  import -window root -crop 1240x500+20+150 -colorspace gray -format "%[fx:standard_deviation]" info: 2>/dev/null || echo 0
}
# RSS in KiB of a process and all its descendants.
tree_rss() {
  local pids
  pids=$(ps -e -o pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 } END {
      keep[root] = 1; changed = 1
      while (changed) { changed = 0; for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 } }
      for (p in keep) printf "%s,", p }')
  ps -o rss= -p "${pids%,}" | awk '{ s += $1 } END { print s }'
}

gt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a > b) }'; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

too_long() {
  if gt "$(secs "$1" "$(now)")" 30; then echo "$2 after 30 s" >&2; kill -TERM "$pid"; exit 1; fi
}

size=$(stat -c %s "$bin")
echo "binary: $bin ($size bytes, $(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1000000 }') MB)"
for i in $(seq 1 "$runs"); do
  db="$work/run$i.db"
  [ "$i" -gt 1 ] && cp "$work/run1.db" "$db"   # run 1 creates a new store; later runs open one
  start=$(now)
  NYTTA_DB="$db" "$bin" >/dev/null 2>&1 &
  pid=$!
  until gt "$(brightness)" 0.5; do too_long "$start" "no window"; sleep 0.02; done
  painted=$(now)
  until gt "$(table_detail)" 0.05; do too_long "$start" "no portfolio"; sleep 0.02; done
  shown=$(now)
  sleep 5
  rss=$(tree_rss "$pid")
  kill -TERM "$pid"; wait "$pid" || true
  echo "run $i: first paint $(secs "$start" "$painted") s, portfolio shown $(secs "$start" "$shown") s," \
    "idle RSS $((rss / 1024)) MB (app + WebKit processes)"
done
