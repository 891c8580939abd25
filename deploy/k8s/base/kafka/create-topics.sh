#!/usr/bin/env bash
# Creates the shop's topics as eventshop.events.Topics.ALL defines them (partitions, compaction), with the cluster's
# replication factor; run by the kafka-topics Job. local-stack's KubernetesManifestsTest checks these lines against
# Topics.ALL, as ComposeFileTest checks docker-compose.yml's kafka-init.
set -euo pipefail
rf="${EVENTSHOP_KAFKA_REPLICATION_FACTOR:?}"
topics() { /opt/kafka/bin/kafka-topics.sh --bootstrap-server "${KAFKA_BOOTSTRAP_SERVERS:?}" "$@"; }

# The brokers may still be starting, or fewer than the replication factor may have registered yet.
for attempt in $(seq 1 60); do
  brokers=$(/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" 2>/dev/null \
    | grep -c '(id: ' || true)
  [ "$brokers" -ge "$rf" ] && break
  echo "waiting for $rf broker(s), $brokers up (attempt $attempt)"
  sleep 5
done

topics --create --if-not-exists --topic shop.orders --partitions 3 --replication-factor "$rf"
topics --create --if-not-exists --topic shop.inventory --partitions 3 --replication-factor "$rf"
topics --create --if-not-exists --topic shop.notifications --partitions 3 --replication-factor "$rf"
topics --create --if-not-exists --topic shop.catalog --partitions 3 --replication-factor "$rf" --config cleanup.policy=compact
topics --create --if-not-exists --topic shop.deadletter --partitions 3 --replication-factor "$rf"
topics --create --if-not-exists --topic shop.sales --partitions 3 --replication-factor "$rf" --config cleanup.policy=compact
topics --describe --topics-with-overrides
