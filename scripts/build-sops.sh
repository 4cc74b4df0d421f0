#!/usr/bin/env bash
# Builds the real sops CLI (the test oracle for engines/sops/) from Go modules through the Go module
# proxy, in the wrapper module tools/go/sops/ (go.mod/go.sum committed). The binary is cached under
# ${SLUICE_CACHE:-$HOME/.cache/sluice}/bin/sops-<version>/sops; a second run is a no-op.
# Only product code under engines/ may not spawn sops; tests use it to encrypt fixtures.
set -euo pipefail
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-buildvcs=false

VER=${SLUICE_SOPS_VERSION:-v3.11.0}
CACHE=${SLUICE_CACHE:-$HOME/.cache/sluice}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$CACHE/bin/sops-$VER
log() { printf '[build-sops] %s\n' "$*" >&2; }

if [ -x "$OUT/sops" ]; then log "sops $VER cached at $OUT"; exit 0; fi
w=$CACHE/build/sops-$VER
mkdir -p "$w" "$OUT"
cp "$ROOT/tools/go/sops/go.mod" "$ROOT/tools/go/sops/go.sum" "$w/"
if ! grep -q "github.com/getsops/sops/v3 $VER" "$w/go.mod"; then
  # A version other than the committed one: resolve it afresh (not written back to the repo).
  (cd "$w" && go mod edit -require="github.com/getsops/sops/v3@$VER" && go mod tidy)
fi
start=$(date +%s)
(cd "$w" && go build -trimpath -ldflags "-s -w" -o "$OUT/sops.tmp" github.com/getsops/sops/v3/cmd/sops)
mv "$OUT/sops.tmp" "$OUT/sops"
log "$("$OUT/sops" --version --disable-version-check 2>/dev/null | head -1) built in $(( $(date +%s) - start ))s at $OUT"
