#!/usr/bin/env bash
# The deployment checks render the Kubernetes overlays with kubectl (kustomize built in) and
# validate docker-compose.yml with Debian's docker-compose, neither needing a cluster or an
# engine. On a fresh machine of the kind chipcast is built on (Debian, root) docker-compose is
# installed here, once; anywhere else this says what is missing.
set -euo pipefail
missing=()
command -v kubectl >/dev/null 2>&1 || missing+=(kubectl)
if ! command -v docker-compose >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's docker-compose to validate docker-compose.yml …"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q docker-compose >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q docker-compose >/dev/null; }
  else
    missing+=(docker-compose)
  fi
fi
if (( ${#missing[@]} > 0 )); then
  echo "the deployment checks need: ${missing[*]} (kubectl from Kubernetes' packages; docker-compose: apt-get install docker-compose)" >&2
  exit 1
fi
