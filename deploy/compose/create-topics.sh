#!/usr/bin/env bash
# SPEC section 2's topics and their dead-letter topics, as devstack's TopicProvisioner makes them
# (the deploy module's tests keep the three in step): 6 partitions; compacted, full-history or
# time-limited retention; one partition per .dlq topic, kept for good.
set -euo pipefail
BOOTSTRAP=${BOOTSTRAP:-kafka:9092}
PARTITIONS=${PARTITIONS:-6}
REPLICAS=${REPLICAS:-1}
MIN_ISR=$(( REPLICAS < 2 ? REPLICAS : 2 ))

create() { # topic partitions configs...
  local topic=$1 partitions=$2
  shift 2
  local args=()
  for config in "min.insync.replicas=${MIN_ISR}" "$@"; do args+=(--config "$config"); done
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
    --partitions "$partitions" --replication-factor "$REPLICAS" "${args[@]}"
}

COMPACTED=(cleanup.policy=compact)
FULL_HISTORY=(cleanup.policy=delete retention.ms=-1 retention.bytes=-1)
TIME_LIMITED=(cleanup.policy=delete)

create chip.catalog "$PARTITIONS" "${COMPACTED[@]}"
create chip.prices "$PARTITIONS" "${FULL_HISTORY[@]}"
create export.rulings "$PARTITIONS" "${FULL_HISTORY[@]}"
create supply.shipments "$PARTITIONS" "${FULL_HISTORY[@]}"
create customer.demand-plans "$PARTITIONS" "${COMPACTED[@]}"
create forecast.projections "$PARTITIONS" "${TIME_LIMITED[@]}"
create forecast.alerts "$PARTITIONS" "${TIME_LIMITED[@]}"
for topic in chip.catalog chip.prices export.rulings supply.shipments customer.demand-plans forecast.projections forecast.alerts; do
  create "$topic.dlq" 1 "${FULL_HISTORY[@]}"
done
echo "chipcast topics ready"
