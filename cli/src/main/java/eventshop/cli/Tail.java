package eventshop.cli;

import eventshop.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Print a topic's records as JSON lines, one per record: topic, partition, offset, timestamp,",
                "key, headers and the event envelope (or 'raw' text for a record that is not JSON)."},
        footerHeading = "%nExamples:%n",
        footer = {"  eventshop tail --topic shop.orders                      (new records, until Ctrl-C)",
                "  eventshop tail --topic shop.orders --from-beginning --max 20 | jq -c '[.offset, .envelope.type]'",
                "  eventshop tail --topic shop.deadletter --from-beginning --idle 5 | jq '.headers'",
                "  eventshop tail --topic shop.orders --topic shop.inventory | jq 'select(.envelope.orderId == \"…\")'"})
public class Tail implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC",
            description = "The topic (repeat for several), e.g. " + Topics.ORDERS + ", " + Topics.DEADLETTER + ".")
    List<String> topics;

    @Option(names = "--from-beginning", description = "Start at the oldest record kept, not at the newest.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Long max;

    @Option(names = "--idle", paramLabel = "SECONDS",
            description = "Stop when no record has come for this long (default: keep waiting).")
    Long idleSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConsumer<String, byte[]> consumer = KafkaReading.consumer(endpoints.bootstrapServers)) {
            Thread stopper = new Thread(consumer::wakeup);
            Runtime.getRuntime().addShutdownHook(stopper);
            List<TopicPartition> partitions = KafkaReading.partitions(consumer, topics);
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position); // fix "the end" now, not at the first poll
            }
            long printed = 0;
            long lastRecordAt = System.nanoTime();
            while (max == null || printed < max) {
                var records = consumer.poll(Duration.ofMillis(250));
                for (ConsumerRecord<String, byte[]> record : records) {
                    out.println(RecordJson.line(record));
                    if (max != null && ++printed >= max) {
                        break;
                    }
                }
                out.flush();
                if (!records.isEmpty()) {
                    lastRecordAt = System.nanoTime();
                } else if (idleSeconds != null
                        && Duration.ofNanos(System.nanoTime() - lastRecordAt).toSeconds() >= idleSeconds) {
                    break;
                }
            }
            Runtime.getRuntime().removeShutdownHook(stopper);
            return 0;
        } catch (WakeupException interrupted) {
            return 0; // Ctrl-C: what was read is printed
        } catch (TimeoutException e) {
            spec.commandLine().getErr().println("Kafka is not reachable at " + endpoints.bootstrapServers + ": "
                    + e.getMessage());
            return EventShop.UNREACHABLE;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return EventShop.REFUSED;
        }
    }
}
