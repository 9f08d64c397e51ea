#!/usr/bin/env bash
# Remakes the PDFs of this folder: each document of nlp's evaluation set
# (nlp/testdata/eval/documents/*.txt), as the web page asHTML makes of it
# in evalhtml_test.go, printed by Chromium as an official PDF is (no
# browser header or footer). They are made once and committed; remake them
# after changing asHTML or the documents, then run
#   go test ./graph/ingest -run TestEvalDocumentsAsPDF
# Made with Debian's Chromium (apt-get update && apt-get install -y chromium,
# as web/ci.sh does). Run from anywhere: ./graph/ingest/testdata/evalpdf/make.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && SUMMITGRAPH_WRITE_EVAL_HTML="$tmp" go test ./graph/ingest -run '^TestEvalDocumentsAsHTML$' -count=1 >/dev/null)
"$CHROMIUM" --version
for page in "$tmp"/*.html; do
  base="$(basename "$page" .html)"
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$here/$base.pdf" "file://$page" 2>/dev/null
  echo "$base.pdf $(stat -c %s "$here/$base.pdf") bytes"
done
