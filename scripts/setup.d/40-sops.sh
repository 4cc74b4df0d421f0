#!/usr/bin/env bash
exec bash "$(dirname "$0")/../build-sops.sh"
