#!/usr/bin/env bash
# Upstream kustomize-controller: the oracle of test/kustomize-controller/{history-digest,v1beta2,remote-kubeconfig}.test.ts.
exec bash "$(dirname "$0")/../build-flux-upstream.sh" kustomize-controller
