package eventshop.localstack;

import eventshop.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docker-compose.yml checked against the code, since no Docker engine runs where the tests do: the topics the code uses
 * are created with their partitions and compaction, ports agree with the conventions and each service's configuration,
 * every environment variable set on a service is one that service reads, start order goes through health checks, and
 * the observability files point at what exists. A missing service module is a failure, never a skip.
 */
class ComposeFileTest {

    /** Each service's port, as the README's "Ports" table gives it. */
    static final Map<String, Integer> PORTS = Map.of(
            "orders-service", 3000,
            "inventory-notification-service", 8082,
            "audit-service", 8083,
            "analytics-service", 8084,
            "web-ui", 8080);
    static final Map<String, String> DATABASES = Map.of(
            "orders-service", "orders",
            "inventory-notification-service", "inventory",
            "audit-service", "audit");
    /** Only these reach the host: the shop and the orders API (for the legacy curl examples). */
    static final Set<String> PUBLISHED = Set.of("web-ui", "orders-service");
    /** orders-service's gRPC API (micronaut-grpc's default port), published for grpcurl and ./eventshop. */
    static final int ORDERS_GRPC_PORT = 50051;

    static final Path ROOT = RepoRoot.find();
    static final Compose COMPOSE = Compose.load(ROOT.resolve("docker-compose.yml"));

    /** The shop's services: those docker-compose.yml builds (from the repository's one Dockerfile). */
    static List<String> shopServices() {
        return List.copyOf(COMPOSE.builds().keySet());
    }

    @Test
    void everyServiceComposeBuildsHasItsConventionalPort() {
        assertThat(COMPOSE.builds().keySet()).as("services docker-compose.yml builds; a new one needs its port in PORTS")
                .containsExactlyInAnyOrderElementsOf(PORTS.keySet());
    }

    @Test
    void everyTopicOfTheCodeIsCreatedByKafkaInitWithItsPartitionsAndCompaction() {
        Map<String, Compose.TopicCreation> created = COMPOSE.topicCreations("kafka-init");
        Map<String, Compose.TopicCreation> expected = new TreeMap<>();
        for (Topics.Spec spec : Topics.ALL) {
            expected.put(spec.name(), new Compose.TopicCreation(spec.name(), spec.partitions(), spec.compacted()));
        }
        assertThat(new TreeMap<>(created)).isEqualTo(expected);
        assertThat(COMPOSE.env("kafka")).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    }

    @Test
    void kafkaIsReachableInsideTheNetworkAndFromTheHost() {
        Map<String, String> kafka = COMPOSE.env("kafka");
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS").split(","))
                .containsExactly("PLAINTEXT://kafka:9092", "EXTERNAL://${KAFKA_EXTERNAL_HOST:-localhost}:9094");
        assertThat(kafka.get("KAFKA_LISTENERS").split(",")).contains("PLAINTEXT://:9092", "EXTERNAL://:9094");
        assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains("EXTERNAL:PLAINTEXT");
        assertThat(kafka).containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT");
        assertThat(COMPOSE.ports("kafka")).containsExactly("9094:9094");
        for (String name : PORTS.keySet()) {
            assertThat(COMPOSE.env(name)).as("%s talks to the broker inside the network", name)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        }
    }

    @Test
    void theContainerJvmSettingsAreTheDocumentedOnes() throws IOException {
        Matcher opts = Pattern.compile("JAVA_OPTS=\"([^\"]+)\"").matcher(Files.readString(ROOT.resolve("Dockerfile")));
        assertThat(opts.find()).as("JAVA_OPTS in the Dockerfile").isTrue();
        assertThat(opts.group(1)).contains("-XX:MaxRAMPercentage=60");
        assertThat(Files.readString(ROOT.resolve("documentation/configuration.md")))
                .as("configuration.md names the Dockerfile's JAVA_OPTS").contains("`" + opts.group(1) + "`");
    }

    @Test
    void kafkaImagesAreTheBrokerVersionOfTheBuild() {
        String version = System.getProperty("local-stack.kafka.version");
        assertThat(version).as("system property local-stack.kafka.version (set by the pom)").isNotBlank();
        assertThat(COMPOSE.service("kafka").get("image")).isEqualTo("apache/kafka:" + version);
        assertThat(COMPOSE.service("kafka-init").get("image")).isEqualTo("apache/kafka:" + version);
    }

    @ParameterizedTest
    @MethodSource("shopServices")
    void portsAgreeWithTheConventionsTheServiceAndItsDockerfile(String name) {
        ServiceModule module = ServiceModule.of(ROOT, name);
        int port = PORTS.get(name);
        Map<String, String> env = COMPOSE.env(name);

        assertThat(env).containsEntry("MICRONAUT_SERVER_PORT", String.valueOf(port));
        module.configuredServerPort().ifPresent(configured -> assertThat(configured)
                .as("micronaut.server.port in %s/src/main/resources/application.yml", name).isEqualTo(port));
        assertThat(COMPOSE.builds().get(name).args()).as("build arguments of %s", name)
                .containsEntry("SERVICE", name).containsEntry("PORT", String.valueOf(port));
        assertThat(module.dockerfile()).as("the Dockerfile")
                .contains("EXPOSE ${PORT}")
                .contains("MICRONAUT_SERVER_PORT=${PORT}")
                .contains("SERVICE_NAME=${SERVICE}")
                .contains("HEALTHCHECK");
        assertThat(COMPOSE.healthcheckCommand(name)).contains("/dev/tcp/127.0.0.1/" + port).contains("/health")
                .as("healthy means the 200 of /health: a 503 DOWN body still holds \"status\":\"UP\" for its healthy parts")
                .contains("head -n 1 <&3 | grep -q ' 200 '");

        List<String> ports = COMPOSE.ports(name);
        if (name.equals("orders-service")) {
            assertThat(ports).containsExactly(port + ":" + port, ORDERS_GRPC_PORT + ":" + ORDERS_GRPC_PORT);
            // The one Dockerfile exposes the HTTP port only; gRPC listens on micronaut-grpc's default port, which
            // neither the service's configuration nor compose moves.
            assertThat(Compose.path(Compose.yaml(ROOT.resolve(name).resolve("src/main/resources/application.yml")),
                    "grpc", "server", "port")).as("grpc.server.port of %s", name).isNull();
            assertThat(env).doesNotContainKey("GRPC_SERVER_PORT");
            assertThat(COMPOSE.env("web-ui")).containsEntry("GRPC_CHANNELS_ORDERS_ADDRESS",
                    "orders-service:" + ORDERS_GRPC_PORT);
        } else if (PUBLISHED.contains(name)) {
            assertThat(ports).containsExactly(port + ":" + port);
        } else {
            assertThat(ports).as("%s is reached inside the compose network only", name).isEmpty();
        }
        assertThat(Compose.prometheusTargets(ROOT.resolve("deploy/prometheus/prometheus.yml")))
                .contains(name + ":" + port);
    }

    @ParameterizedTest
    @MethodSource("shopServices")
    void everyEnvironmentVariableSetOnAServiceIsOneItReads(String name) {
        ServiceModule module = ServiceModule.of(ROOT, name);
        List<String> unread = COMPOSE.env(name).keySet().stream().filter(variable -> !module.reads(variable)).toList();
        assertThat(unread).as("variables set on %s in docker-compose.yml that %s never reads (no matching key in its "
                + "configuration files, no ${VARIABLE} placeholder, no @Client id)", name, name).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders-service", "inventory-notification-service", "audit-service"})
    void backendsUseTheirOwnDatabaseCreatedByTheInitScript(String name) throws IOException {
        String db = DATABASES.get(name);
        assertThat(COMPOSE.env(name)).containsEntry("DATASOURCES_DEFAULT_URL", "jdbc:postgresql://postgres:5432/" + db);
        // Its own role (named like its database), never the superuser; the init script gives it the same password.
        assertThat(COMPOSE.env(name)).containsEntry("DATASOURCES_DEFAULT_USERNAME", db);
        assertThat(COMPOSE.env(name).get("DATASOURCES_DEFAULT_PASSWORD"))
                .isEqualTo(COMPOSE.env("postgres").get(db.toUpperCase() + "_DB_PASSWORD"))
                .isNotEqualTo(COMPOSE.env("postgres").get("POSTGRES_PASSWORD"));
        String init = Files.readString(ROOT.resolve("deploy/postgres/init-databases.sql"));
        assertThat(init).contains("(:'prefix' || '" + db + "', :'" + db + "_password', :'prefix' || '" + db + "', ");
        assertThat(COMPOSE.volumes("postgres"))
                .contains("./deploy/postgres/init-databases.sql:/docker-entrypoint-initdb.d/10-init-databases.sql:ro");
    }

    @Test
    void theEnvironmentCheckRejectsWhatNoServiceReads() {
        ServiceModule platformOnly = ServiceModule.platformOnly(ROOT);
        assertThat(platformOnly.reads("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(platformOnly.reads("EVENTSHOP_OUTBOX_POLL_INTERVAL")).isTrue();
        assertThat(platformOnly.reads("LOG_FORMAT")).isTrue();
        assertThat(platformOnly.reads("DATASOURCES_DEFAULT_URL")).isTrue();
        assertThat(platformOnly.reads("KAFKA_BOOTSTRAP_SERVER")).isFalse();
        assertThat(platformOnly.reads("DATASOURCES_DEFAULT_URI")).isFalse();
        assertThat(platformOnly.reads("MICRONAUT_HTTP_SERVICES_ORDERS_URL")).isFalse();
        assertThat(platformOnly.reads("EVENTSHOP_OUTBOX_POLLINTERVAL")).isFalse();
        assertThat(platformOnly.reads("SPRING_DATASOURCE_URL")).isFalse();
        assertThat(platformOnly.reads("JAVA_OPTS")).as("no Dockerfile uses it").isFalse();
    }

    @Test
    void startOrderGoesThroughHealthChecksSoAColdStartNeedsNoRestarts() {
        for (String name : COMPOSE.serviceNames()) {
            if (name.equals("kafka-init")) {
                continue; // one-shot; the others wait for it to complete
            }
            assertThat(COMPOSE.service(name)).as("health check of %s", name).containsKey("healthcheck");
            COMPOSE.dependsOn(name).forEach((dependency, condition) -> {
                String expected = dependency.equals("kafka-init") ? "service_completed_successfully" : "service_healthy";
                assertThat(condition).as("%s depends on %s", name, dependency).isEqualTo(expected);
            });
        }
        for (String backend : DATABASES.keySet()) {
            assertThat(COMPOSE.dependsOn(backend)).containsKeys("kafka", "kafka-init", "postgres");
        }
        assertThat(COMPOSE.dependsOn("web-ui")).containsKeys("kafka-init", "orders-service",
                "inventory-notification-service", "audit-service");
    }

    @Test
    void profilesHoldTheOptionalServicesAndTheBaseHoldsTheShop() {
        assertThat(COMPOSE.profiles("prometheus")).containsExactly("observability");
        assertThat(COMPOSE.profiles("grafana")).containsExactly("observability");
        assertThat(COMPOSE.profiles("kafka-ui")).containsExactly("tools");
        for (String name : List.of("kafka", "kafka-init", "postgres", "orders-service",
                "inventory-notification-service", "audit-service", "web-ui")) {
            assertThat(COMPOSE.profiles(name)).as("profiles of %s", name).isEmpty();
        }
    }

    @Test
    void grafanaProvisioningPointsAtTheDashboardAndTheDatasource() throws IOException {
        String datasource = Files.readString(ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
        assertThat(datasource).contains("uid: prometheus").contains("url: http://prometheus:9090");
        String dashboard = Files.readString(ROOT.resolve("deploy/grafana/dashboards/event-shop.json"));
        assertThat(dashboard).contains("\"uid\": \"prometheus\"").doesNotContain("${DS_");
        for (String metric : List.of("eventshop_events_published_total", "eventshop_events_consumed_total",
                "kafka_consumer_records_lag_max_records", "http_server_requests_seconds", "eventshop_outbox_",
                "up{job=\\\"event-shop\\\"}")) {
            assertThat(dashboard).as("dashboard query on %s", metric).contains(metric);
        }
        assertThat(COMPOSE.volumes("grafana")).contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro",
                "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");
        assertThat(Compose.prometheusMetricsPath(ROOT.resolve("deploy/prometheus/prometheus.yml")))
                .isEqualTo("/prometheus");
    }

    /** The repository root: the eventshop.repo.root system property (set by the pom) or the nearest folder above. */
    static final class RepoRoot {
        static Path find() {
            String property = System.getProperty("eventshop.repo.root");
            Path start = property != null ? Path.of(property) : Path.of("").toAbsolutePath();
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                    return dir;
                }
            }
            throw new IllegalStateException("no docker-compose.yml above " + start);
        }
    }

    /**
     * What a service module reads: its configuration files, the keys of its {@code @ConfigurationProperties} classes
     * (where a setting's default lives, not repeated in YAML) and its sources, the platform's too when it runs on it.
     */
    static final class ServiceModule {
        private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
        private static final Pattern SERVICE_URL = Pattern.compile("MICRONAUT_HTTP_SERVICES_([A-Z0-9_]+)_URL");
        private static final Pattern DATASOURCE = Pattern.compile("DATASOURCES_DEFAULT_(URL|USERNAME|PASSWORD)");
        private static final Pattern CONFIGURATION_PROPERTIES =
                Pattern.compile("@ConfigurationProperties\\(\"([^\"]+)\"\\)");
        private static final Pattern SETTING = Pattern.compile("^ {4}private (?!static |final )[\\w<>, ?]+ (\\w+)(?: =.*)?;",
                Pattern.MULTILINE);

        private final Path dir;
        private final Set<String> keys;          // configuration keys, as Micronaut would match an environment variable
        private final Set<String> placeholders;  // ${VARIABLE} read directly by a configuration or logback file
        private final String sources;
        private final String dockerfile;

        private ServiceModule(Path dir, Set<String> keys, Set<String> placeholders, String sources, String dockerfile) {
            this.dir = dir;
            this.keys = keys;
            this.placeholders = placeholders;
            this.sources = sources;
            this.dockerfile = dockerfile;
        }

        static ServiceModule of(Path root, String name) {
            Path dir = root.resolve(name);
            if (!Files.isRegularFile(dir.resolve("pom.xml"))) {
                fail("service module %s is missing (%s/pom.xml): docker-compose.yml cannot be checked against it",
                        name, dir);
            }
            List<Path> files = new ArrayList<>(resourceFiles(dir.resolve("src/main/resources")));
            String pom = read(dir.resolve("pom.xml"));
            List<Path> platformFiles = resourceFiles(root.resolve("platform/src/main/resources"));
            Set<String> keys = new java.util.TreeSet<>(settingsOf(dir.resolve("src/main/java")));
            if (pom.contains("<artifactId>platform</artifactId>")) {
                files.addAll(platformFiles);
                keys.addAll(settingsOf(root.resolve("platform/src/main/java")));
            } else {
                // A module that does not run on the platform may still package some of its files (web-ui's logging).
                platformFiles.stream().filter(f -> pom.contains("<include>" + f.getFileName() + "</include>"))
                        .forEach(files::add);
            }
            Path dockerfile = root.resolve("Dockerfile"); // one for every service
            keys.addAll(keysOf(files));
            return new ServiceModule(dir, keys, placeholdersOf(files), javaSources(dir.resolve("src/main/java")),
                    Files.isRegularFile(dockerfile) ? read(dockerfile) : "");
        }

        static ServiceModule platformOnly(Path root) {
            List<Path> files = resourceFiles(root.resolve("platform/src/main/resources"));
            Set<String> keys = new java.util.TreeSet<>(keysOf(files));
            keys.addAll(settingsOf(root.resolve("platform/src/main/java")));
            return new ServiceModule(root.resolve("platform"), keys, placeholdersOf(files), "", "");
        }

        String dockerfile() {
            return dockerfile;
        }

        java.util.Optional<Integer> configuredServerPort() {
            Path yml = dir.resolve("src/main/resources/application.yml");
            if (!Files.isRegularFile(yml)) {
                return java.util.Optional.empty();
            }
            Object port = Compose.path(Compose.yaml(yml), "micronaut", "server", "port");
            if (port == null) {
                return java.util.Optional.empty();
            }
            Matcher withDefault = Pattern.compile("\\$\\{[^:}]+:(\\d+)}").matcher(port.toString());
            return java.util.Optional.of(Integer.parseInt(withDefault.matches() ? withDefault.group(1) : port.toString()));
        }

        /** Whether the service reads this environment variable (Micronaut's mapping of variables to properties). */
        boolean reads(String variable) {
            if (placeholders.contains(variable) || keys.contains(variable.toLowerCase())
                    || sources.contains("System.getenv(\"" + variable + "\")")) {
                return true;
            }
            if (variable.equals("JAVA_OPTS")) {
                return dockerfile.contains("$JAVA_OPTS");
            }
            if (variable.equals("JAVA_TOOL_OPTIONS") || variable.equals("MICRONAUT_SERVER_PORT")) {
                return true; // read by the JVM itself; every service is a Micronaut HTTP server
            }
            if (DATASOURCE.matcher(variable).matches()) {
                return keys.stream().anyMatch(key -> key.startsWith("datasources_default_"));
            }
            Matcher url = SERVICE_URL.matcher(variable);
            if (url.matches()) {
                String id = url.group(1).toLowerCase().replace('_', '-');
                return keys.stream().anyMatch(key -> key.startsWith("micronaut_http_services_" + id.replace('-', '_') + "_"))
                        || Pattern.compile("@(?:[\\w.]+\\.)?Client\\s*\\(\\s*(?:id\\s*=\\s*)?\"" + Pattern.quote(id) + "\"")
                        .matcher(sources).find();
            }
            return false;
        }

        private static List<Path> resourceFiles(Path resources) {
            if (!Files.isDirectory(resources)) {
                return List.of();
            }
            try (var files = Files.list(resources)) {
                return files.filter(f -> f.getFileName().toString().matches(".+\\.(yml|yaml|properties|xml)$")).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Set<String> keysOf(List<Path> files) {
            Set<String> keys = new java.util.TreeSet<>();
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                    flatten("", Compose.yaml(file), keys);
                } else if (name.endsWith(".properties")) {
                    for (String line : read(file).split("\n")) {
                        int eq = line.indexOf('=');
                        if (eq > 0 && !line.startsWith("#")) {
                            keys.add(normalise(line.substring(0, eq).trim()));
                        }
                    }
                }
            }
            return keys;
        }

        private static void flatten(String prefix, Object node, Set<String> keys) {
            if (node instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    String key = prefix.isEmpty() ? k.toString() : prefix + "." + k;
                    keys.add(normalise(key));
                    flatten(key, v, keys);
                });
            }
        }

        /** Micronaut matches KAFKA_BOOTSTRAP_SERVERS to kafka.bootstrap.servers, kafka-bootstrap.servers, ... */
        private static String normalise(String key) {
            return key.toLowerCase().replace('.', '_').replace('-', '_');
        }

        /** The prefix of each {@code @ConfigurationProperties} class joined to each of its fields, kebab-cased. */
        private static Set<String> settingsOf(Path sources) {
            Set<String> keys = new java.util.TreeSet<>();
            for (String source : javaSources(sources).split("(?=\\npackage )")) {
                Matcher prefix = CONFIGURATION_PROPERTIES.matcher(source);
                if (prefix.find()) {
                    Matcher field = SETTING.matcher(source);
                    while (field.find()) {
                        String name = field.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
                        keys.add(normalise(prefix.group(1) + "." + name));
                    }
                }
            }
            return keys;
        }

        private static Set<String> placeholdersOf(List<Path> files) {
            Set<String> found = new java.util.TreeSet<>();
            for (Path file : files) {
                Matcher m = PLACEHOLDER.matcher(read(file));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
            return found;
        }

        private static String javaSources(Path dir) {
            if (!Files.isDirectory(dir)) {
                return "";
            }
            try (var files = Files.walk(dir)) {
                return files.filter(f -> f.toString().endsWith(".java")).map(ServiceModule::read)
                        .collect(Collectors.joining("\n"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One file holds the local defaults: every {@code ${NAME:-default}} of the compose file is .env.example's. */
    @Test
    void composeDefaultsAreTheOnesInEnvExample() throws IOException {
        Map<String, String> example = new TreeMap<>();
        for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
            Matcher setting = Pattern.compile("^([A-Z_][A-Z0-9_]*)=(.*)$").matcher(line);
            if (setting.matches()) {
                example.put(setting.group(1), setting.group(2));
            }
        }
        Matcher defaulted = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*):-([^}]*)}")
                .matcher(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, String> compose = new TreeMap<>();
        while (defaulted.find()) {
            compose.put(defaulted.group(1), defaulted.group(2));
        }
        compose.keySet().removeIf(name -> !name.contains("PASSWORD") && !name.contains("SECRET"));
        assertThat(compose).as("password defaults in docker-compose.yml").isNotEmpty();
        compose.forEach((name, value) -> assertThat(example).as(".env.example's %s", name).containsEntry(name, value));
    }
}
