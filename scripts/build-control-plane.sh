#!/usr/bin/env bash
# Builds the real Kubernetes control plane used by tests and by `sluice up`/`sluice dev cluster`:
# etcd, kube-apiserver, kube-controller-manager and kubectl, from Go modules through the Go module proxy.
# Binaries are cached under $SLUICE_CACHE/bin/<component>-<version>/ (default ~/.cache/sluice, outside
# the work tree so a fresh clone on the same machine reuses them). A second run is a no-op.
set -euo pipefail
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-buildvcs=false

KVER=${SLUICE_KUBE_VERSION:-v1.35.4}
EVER=${SLUICE_ETCD_VERSION:-v3.6.16}
CACHE=${SLUICE_CACHE:-$HOME/.cache/sluice}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KOUT=$CACHE/bin/kube-$KVER
EOUT=$CACHE/bin/etcd-$EVER
log() { printf '[build-control-plane] %s\n' "$*" >&2; }

build_etcd() {
  if [ -x "$EOUT/etcd" ]; then log "etcd $EVER cached at $EOUT"; return; fi
  local w=$CACHE/build/etcd-$EVER; mkdir -p "$w" "$EOUT"
  cp "$ROOT/tools/go/etcd/go.mod" "$w/go.mod"
  [ -f "$ROOT/tools/go/etcd/go.sum" ] && cp "$ROOT/tools/go/etcd/go.sum" "$w/go.sum"
  sed -i "s#^require go.etcd.io/etcd/server/v3 .*#require go.etcd.io/etcd/server/v3 $EVER#" "$w/go.mod"
  (cd "$w" && go mod tidy && go build -trimpath \
    -ldflags "-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=$EVER" -o "$EOUT/etcd.tmp" go.etcd.io/etcd/server/v3)
  mv "$EOUT/etcd.tmp" "$EOUT/etcd"
  cp "$w/go.sum" "$ROOT/tools/go/etcd/go.sum" 2>/dev/null || true
  log "etcd: $("$EOUT/etcd" --version | head -1)"
}

write_kube_gomod() {
  local w=$1 sver="v0.${KVER#v1.}" kmod goline godebug
  kmod=$(cd "$w" && go list -m -f '{{.GoMod}}' "k8s.io/kubernetes@$KVER")
  goline=$(awk '$1=="go"{print $2; exit}' "$kmod")
  godebug=$(awk '$1=="godebug"{print $2; exit}' "$kmod")
  {
    printf 'module kubebuild\n\ngo %s\n\n' "$goline"
    [ -n "$godebug" ] && printf 'godebug %s\n\n' "$godebug"
    printf 'tool (\n\tk8s.io/kubernetes/cmd/kube-apiserver\n\tk8s.io/kubernetes/cmd/kube-controller-manager\n\tk8s.io/kubernetes/cmd/kubectl\n)\n\n'
    printf 'require k8s.io/kubernetes %s\n\nreplace (\n' "$KVER"
    awk -v s="$sver" '$1 ~ /^k8s\.io\// && $2 == "v0.0.0" { printf "\t%s => %s %s\n", $1, $1, s }' "$kmod"
    printf ')\n'
  } > "$w/go.mod"
}

build_kube() {
  local missing=0 c
  for c in kube-apiserver kube-controller-manager kubectl; do [ -x "$KOUT/$c" ] || missing=1; done
  if [ $missing = 0 ]; then log "kubernetes $KVER cached at $KOUT"; return; fi
  local w=$CACHE/build/kube-$KVER minor; mkdir -p "$w" "$KOUT"
  if [ -f "$ROOT/tools/go/kube/go.mod" ] && grep -q "k8s.io/kubernetes $KVER" "$ROOT/tools/go/kube/go.mod"; then
    cp "$ROOT/tools/go/kube/go.mod" "$ROOT/tools/go/kube/go.sum" "$w/"
  else
    (cd "$w" && { [ -f go.mod ] || go mod init kubebuild >/dev/null 2>&1; })
    write_kube_gomod "$w"
    (cd "$w" && go mod tidy)
    cp "$w/go.mod" "$w/go.sum" "$ROOT/tools/go/kube/" 2>/dev/null || true
  fi
  minor=$(echo "$KVER" | cut -d. -f2)
  local ldf="-s -w" p bd
  bd=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldf+=" -X $p.gitVersion=$KVER -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean -X $p.buildDate=$bd"
  done
  for c in kube-apiserver kube-controller-manager kubectl; do
    [ -x "$KOUT/$c" ] && continue
    log "building $c $KVER (cold build takes many minutes on 2 cores)"
    (cd "$w" && go build -trimpath -tags selinux,notest,grpcnotrace -ldflags "$ldf" -o "$KOUT/$c.tmp" "k8s.io/kubernetes/cmd/$c")
    mv "$KOUT/$c.tmp" "$KOUT/$c"
  done
  log "kube-apiserver: $("$KOUT/kube-apiserver" --version)"
}

start=$(date +%s)
build_etcd
build_kube
log "done in $(( $(date +%s) - start ))s; binaries: $EOUT $KOUT"
