#!/usr/bin/env bash
# The documented check that a poll's public results page (居务公开, /polls/<id>) renders:
# takes a screenshot of it with headless Chromium and prints where the PNG is.
#
# Usage:   scripts/poll-page-screenshot.sh [BASE_URL] [POLL_ID] [OUT_PNG]
#          defaults: http://localhost:8080, p1, a new temporary file
# Example: scripts/poll-page-screenshot.sh http://localhost:8080 p3 /tmp/p3.png
#
# Needs Debian's chromium (another binary: CHROMIUM=/path/to/chrome) and a font that shows
# Chinese, or the page's text comes out as boxes:
#   apt-get install -y chromium fonts-wqy-microhei
# Exit status: 0 with the PNG's path on stdout; 1 when the page does not answer 200 or no
# screenshot was written; 2 when Chromium is missing or the arguments are wrong.
set -euo pipefail

base="${1:-http://localhost:8080}"
id="${2:-p1}"
out="${3:-}"
chromium="${CHROMIUM:-/usr/bin/chromium}"

if [[ ! "$id" =~ ^[A-Za-z0-9_-]{1,40}$ ]]; then
  echo "poll id '$id' is not a poll id (letters, digits, - and _)" >&2
  exit 2
fi
if [[ ! -x "$chromium" ]]; then
  echo "no Chromium at $chromium: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM)" >&2
  exit 2
fi
if command -v fc-list >/dev/null 2>&1 && [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]]; then
  echo "warning: no installed font shows Chinese; the screenshot will show boxes (apt-get install -y fonts-wqy-microhei)" >&2
fi

url="${base%/}/polls/${id}"
if command -v curl >/dev/null 2>&1; then
  status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$url" || true)"
  if [[ "$status" != "200" ]]; then
    echo "$url answered ${status:-nothing} instead of 200" >&2
    exit 1
  fi
fi

if [[ -z "$out" ]]; then
  out="$(mktemp -d)/poll-${id}.png"
fi
rm -f "$out"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# No sandbox (containers, root), no GPU, and nothing that phones home: only the page is fetched.
if ! timeout 90 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$profile" \
    --window-size=900,1200 --screenshot="$out" "$url" >"$profile/chromium.log" 2>&1; then
  echo "Chromium failed:" >&2
  tail -n 20 "$profile/chromium.log" >&2
  exit 1
fi
if [[ ! -s "$out" ]]; then
  echo "Chromium wrote no screenshot:" >&2
  tail -n 20 "$profile/chromium.log" >&2
  exit 1
fi
echo "$out"
