#!/usr/bin/env bash
# The deployment checks render the Kubernetes overlays with kubectl (kustomize built in),
# validate docker-compose.yml with Debian's docker-compose and the alerts' and dashboard's PromQL
# with promtool, none needing a cluster, an engine or a server. On a fresh machine of the kind
# chipcast is built on (Debian, root) docker-compose is installed here, once, and promtool taken
# from Debian's prometheus package into target/tools (the package itself is not installed: no
# server is started); anywhere else this says what is missing.
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
tools="$(dirname "${BASH_SOURCE[0]}")/../../../target/tools"
if ! command -v promtool >/dev/null 2>&1 && [[ ! -x "$tools/usr/bin/promtool" ]]; then
  if command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1; then
    echo "taking promtool from Debian's prometheus package, to check PromQL …"
    mkdir -p "$tools"
    (cd "$tools" && { apt-get download -q prometheus >/dev/null 2>&1 \
        || { [[ $(id -u) -eq 0 ]] && apt-get update -q >/dev/null && apt-get download -q prometheus >/dev/null 2>&1; }; } \
        && dpkg-deb -x prometheus_*.deb . && rm -f prometheus_*.deb) || missing+=(promtool)
  else
    missing+=(promtool)
  fi
fi
if (( ${#missing[@]} > 0 )); then
  echo "the deployment checks need: ${missing[*]} (kubectl from Kubernetes' packages; docker-compose: apt-get install docker-compose; promtool: Prometheus' release or apt-get install prometheus)" >&2
  exit 1
fi
