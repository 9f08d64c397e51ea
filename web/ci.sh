#!/usr/bin/env bash
# CI for the explorer (called by .ci/run): build web/dist from the lockfile,
# check that it is exactly what is committed, then run the browser tests
# (headless Chromium against the real `summitgraph serve`).
set -euo pipefail
cd "$(dirname "$0")"
started=$(date +%s)
step() { echo "== web: $*"; }

step "chromium"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    timeout 300 $sudo apt-get update -qq
    timeout 300 $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
  else
    echo "no Chromium at $CHROMIUM and no apt-get to install it: install Chromium or set \$CHROMIUM" >&2
    exit 1
  fi
fi
export CHROMIUM
"$CHROMIUM" --version 2>/dev/null

step "node $(node --version), npm $(npm --version)"
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "Node.js 20.19 or newer is needed (Vite 8)" >&2
  exit 1
fi

step "npm ci"
timeout 300 npm ci --no-audit --no-fund

step "npm run build"
timeout 120 npm run build

step "the committed bundle (web/dist) is what the build makes"
if ! git diff --exit-code --stat -- dist; then
  echo "web/dist differs from the build: run 'go generate ./web' (or 'npm run build' in web/) and commit web/dist" >&2
  exit 1
fi
untracked=$(git ls-files --others -- dist)
if [ -n "$untracked" ]; then
  echo "the build made files in web/dist that are not committed:" >&2
  echo "$untracked" >&2
  exit 1
fi

step "the binary the browser tests run (with this dist embedded)"
bin_dir=$(mktemp -d)
trap 'rm -rf "$bin_dir"' EXIT
(cd .. && timeout 300 go build -o "$bin_dir/summitgraph" ./cmd/summitgraph)
export SUMMITGRAPH_BIN="$bin_dir/summitgraph"

step "npm run e2e (screenshots and the explorer's figures in web/test-results/)"
timeout 600 npm run e2e
if [ -f test-results/bench/bench.json ]; then
  echo "== web: figures on a $(node -p 'require("./test-results/bench/bench.json").mandates')-mandate store:"
  cat test-results/bench/bench.json
fi

echo "== web: passed in $(($(date +%s) - started))s"
