#!/usr/bin/env bash
# Builds the REAL upstream Flux controllers used as the side-by-side benchmark baseline (bench/), from Go
# modules through the Go module proxy, one wrapper module per controller under tools/go/flux-<name>/
# (go.mod/go.sum committed; upstream's non-local replace lines copied in, `=> ./api` dropped so the
# published api module is used). Binaries are cached under
#   ${SLUICE_CACHE:-$HOME/.cache/sluice}/bin/flux-<name>-<version>/<name>
# and a second run is a no-op.
#
# The bench runner (bench/harness/upstream.ts) calls this script itself. kustomize-controller is also a
# test oracle (test/kustomize-controller/upstream-flux.ts: history digest, v1beta2 pruning, remote
# kubeconfig options), so scripts/setup.d/50-flux-kustomize-controller.sh builds that one in setup.
#
# Versions: Flux v2.7.5 ships source-controller v1.7.4 and kustomize-controller v1.7.3. The module proxy
# reachable here answers 403 "not available" for source-controller v1.7.4 (and v1.7.1), so source-controller
# uses the nearest served v1.7.x, v1.7.3.
#
# Usage: scripts/build-flux-upstream.sh [source-controller|kustomize-controller]...   (default: both)
set -euo pipefail
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-buildvcs=false

CACHE=${SLUICE_CACHE:-$HOME/.cache/sluice}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
log() { printf '[build-flux-upstream] %s\n' "$*" >&2; }

version_of() {
  case "$1" in
    source-controller) echo "${SLUICE_FLUX_SOURCE_VERSION:-v1.7.3}" ;;
    kustomize-controller) echo "${SLUICE_FLUX_KUSTOMIZE_VERSION:-v1.7.3}" ;;
    *) log "unknown controller '$1' (source-controller | kustomize-controller)"; exit 2 ;;
  esac
}

build_one() {
  local name=$1 ver mod out w start
  ver=$(version_of "$name")
  mod=github.com/fluxcd/$name
  out=$CACHE/bin/flux-$name-$ver
  if [ -x "$out/$name" ]; then log "$name $ver cached at $out"; return 0; fi
  w=$CACHE/build/flux-$name-$ver
  mkdir -p "$w" "$out"
  cp "$ROOT/tools/go/flux-$name/go.mod" "$ROOT/tools/go/flux-$name/go.sum" "$w/"
  if ! grep -Eq "^[[:space:]]*(require )?$mod $ver( |\$)" "$w/go.mod"; then
    # A version other than the committed one: resolve it afresh (not written back to the repo). `go get`
    # rather than `go mod tidy`: tidy also walks the controller's own test imports, some of which the
    # proxy does not serve (e.g. fluxcd/pkg/helmtestserver v0.31.0), while `go get` adds only what the
    # build needs. The replace lines stay those of the committed version; check upstream's go.mod.
    (cd "$w" && go get "$mod@$ver")
  fi
  start=$(date +%s)
  # Upstream's release flags (Makefile GO_STATIC_FLAGS): static, stripped.
  (cd "$w" && go build -trimpath -tags netgo,osusergo,static_build -ldflags "-s -w" -o "$out/$name.tmp" "$mod")
  mv "$out/$name.tmp" "$out/$name"
  log "$name $ver built in $(( $(date +%s) - start ))s at $out/$name"
}

if [ $# -eq 0 ]; then set -- source-controller kustomize-controller; fi
for n in "$@"; do build_one "$n"; done
