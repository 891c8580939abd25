package eventshop.cli;

import picocli.CommandLine.Option;

/** Where the shop runs; every command takes both, defaulting to the local ports of ./start.sh and compose. */
public class Endpoints {

    @Option(names = "--orders", paramLabel = "HOST:PORT", defaultValue = "${EVENTSHOP_ORDERS:-localhost:50051}",
            description = "orders-service's gRPC address (default: ${DEFAULT-VALUE}; env EVENTSHOP_ORDERS).")
    String orders;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,…]",
            defaultValue = "${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka brokers (default: ${DEFAULT-VALUE}; env KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;
}
