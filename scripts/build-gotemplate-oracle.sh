#!/usr/bin/env bash
# Builds the Go template oracle (Go text/template + Sprig v3.3.0 + Helm v3.19's pkg/engine) used by the
# differential tests of engines/gotemplate, from the wrapper module tools/go/gotemplate-oracle/ through
# the Go module proxy. The binary is cached at
#   $SLUICE_CACHE/bin/gotemplate-oracle-<hash>/gotemplate-oracle
# where <hash> is the first 12 hex digits of sha256(main.go + go.mod), so editing the oracle rebuilds it
# and a second run is a no-op. test/gotemplate/oracle.ts computes the same path.
set -euo pipefail
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-buildvcs=false
CACHE=${SLUICE_CACHE:-$HOME/.cache/sluice}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SRC=$ROOT/tools/go/gotemplate-oracle
HASH=$(cat "$SRC/main.go" "$SRC/go.mod" | sha256sum | cut -c1-12)
OUT=$CACHE/bin/gotemplate-oracle-$HASH
log() { printf '[build-gotemplate-oracle] %s\n' "$*" >&2; }

if [ -x "$OUT/gotemplate-oracle" ]; then log "cached at $OUT"; exit 0; fi
w=$CACHE/build/gotemplate-oracle
mkdir -p "$w" "$OUT"
cp "$SRC/main.go" "$SRC/go.mod" "$w/"
[ -f "$SRC/go.sum" ] && cp "$SRC/go.sum" "$w/go.sum"
log "building (a cold build downloads Helm's dependencies and takes a few minutes on 2 cores)"
(cd "$w" && { [ -f go.sum ] || go mod tidy; } && go build -trimpath -ldflags "-s -w" -o "$OUT/gotemplate-oracle.tmp" .)
mv "$OUT/gotemplate-oracle.tmp" "$OUT/gotemplate-oracle"
[ -f "$SRC/go.sum" ] || cp "$w/go.sum" "$w/go.mod" "$SRC/"
log "built $OUT/gotemplate-oracle"
