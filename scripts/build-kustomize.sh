#!/usr/bin/env bash
# Builds the real kustomize CLI (the differential-test oracle for engines/kustomize) from the Go module
# sigs.k8s.io/kustomize/kustomize/v5 through the Go module proxy, in the wrapper module tools/go/kustomize/.
# The binary is cached at $SLUICE_CACHE/bin/kustomize-<version>/kustomize; a second run is a no-op.
set -euo pipefail
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-buildvcs=false

VER=${SLUICE_KUSTOMIZE_VERSION:-v5.7.1}
CACHE=${SLUICE_CACHE:-$HOME/.cache/sluice}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$CACHE/bin/kustomize-$VER
log() { printf '[build-kustomize] %s\n' "$*" >&2; }

if [ -x "$OUT/kustomize" ]; then log "kustomize $VER cached at $OUT"; exit 0; fi
w=$CACHE/build/kustomize-$VER
mkdir -p "$w" "$OUT"
cp "$ROOT/tools/go/kustomize/go.mod" "$w/go.mod"
[ -f "$ROOT/tools/go/kustomize/go.sum" ] && cp "$ROOT/tools/go/kustomize/go.sum" "$w/go.sum"
if ! grep -q "sigs.k8s.io/kustomize/kustomize/v5 $VER" "$w/go.mod"; then
  sed -i "s#^require sigs.k8s.io/kustomize/kustomize/v5 .*#require sigs.k8s.io/kustomize/kustomize/v5 $VER#" "$w/go.mod"
fi
log "building kustomize $VER (a cold build takes a few minutes on 2 cores)"
(cd "$w" && go mod tidy && go build -trimpath -ldflags "-s -w" -o "$OUT/kustomize.tmp" sigs.k8s.io/kustomize/kustomize/v5)
mv "$OUT/kustomize.tmp" "$OUT/kustomize"
if [ "$VER" = v5.7.1 ]; then cp "$w/go.mod" "$w/go.sum" "$ROOT/tools/go/kustomize/" 2>/dev/null || true; fi
log "kustomize: $("$OUT/kustomize" version)"
