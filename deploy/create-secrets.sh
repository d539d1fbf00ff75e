#!/usr/bin/env bash
# The Secrets the manifests expect and that must never be committed, made in NAMESPACE with fresh
# random passwords: each service's database credentials (CloudNativePG sets the role's password
# from them), the public key that verifies bearer tokens, and the user name KEDA scales with.
#   deploy/create-secrets.sh chipcast-dev path/to/public.pem
set -euo pipefail
NAMESPACE=${1:?usage: create-secrets.sh NAMESPACE PUBLIC_KEY_PEM}
PUBLIC_KEY=${2:?usage: create-secrets.sh NAMESPACE PUBLIC_KEY_PEM}
declare -A ROLE=([gateway]=gateway [pricing-service]=pricing [supply-service]=supply [forecast-service]=forecast)
for service in "${!ROLE[@]}"; do
  kubectl -n "$NAMESPACE" create secret generic "chipcast-$service-db" --type=kubernetes.io/basic-auth \
    --from-literal=username="${ROLE[$service]}" --from-literal=password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')" \
    --dry-run=client -o yaml | kubectl apply -f -
done
kubectl -n "$NAMESPACE" create secret generic chipcast-jwt --from-file=public.pem="$PUBLIC_KEY" --dry-run=client -o yaml | kubectl apply -f -
kubectl -n "$NAMESPACE" create secret generic forecast-service-kafka-username --from-literal=username=forecast-service \
  --dry-run=client -o yaml | kubectl apply -f -
