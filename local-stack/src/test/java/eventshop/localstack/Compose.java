package eventshop.localstack;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker-compose.yml as plain maps (anchors and merge keys resolved by SnakeYAML), with the look-ups the tests need. */
final class Compose {

    /** A `kafka-topics.sh --create` call: the topic, its partitions and whether it is compacted. */
    record TopicCreation(String topic, int partitions, boolean compacted) {
    }

    private final Map<String, Object> services;

    private Compose(Map<String, Object> services) {
        this.services = services;
    }

    @SuppressWarnings("unchecked")
    static Compose load(Path file) {
        Object services = ((Map<String, Object>) yaml(file)).get("services");
        if (!(services instanceof Map<?, ?>)) {
            throw new IllegalStateException(file + " has no services");
        }
        return new Compose((Map<String, Object>) services);
    }

    static Object yaml(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml(new SafeConstructor(options)).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value at that path of nested maps, or null. */
    static Object path(Object node, String... keys) {
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> service(String name) {
        Object service = services.get(name);
        if (!(service instanceof Map<?, ?>)) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return (Map<String, Object>) service;
    }

    /** The service's environment, as strings (both the map and the list form). */
    Map<String, String> env(String name) {
        Object env = service(name).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(k.toString(), v == null ? "" : v.toString()));
        } else if (env instanceof List<?> list) {
            for (Object item : list) {
                String[] kv = item.toString().split("=", 2);
                result.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return result;
    }

    /** A service's `build:` section: context folder, Dockerfile (relative to the context) and build arguments. */
    record Build(String context, String dockerfile, Map<String, String> args) {
    }

    /** The services built from a Dockerfile, by name. */
    Map<String, Build> builds() {
        Map<String, Build> builds = new LinkedHashMap<>();
        for (String name : serviceNames()) {
            Object build = service(name).get("build");
            if (build == null) {
                continue;
            }
            if (build instanceof String context) {
                builds.put(name, new Build(context, "Dockerfile", Map.of()));
                continue;
            }
            Object context = path(build, "context");
            Object dockerfile = path(build, "dockerfile");
            Map<String, String> args = new LinkedHashMap<>();
            Object argsNode = path(build, "args");
            if (argsNode instanceof Map<?, ?> map) {
                map.forEach((k, v) -> args.put(k.toString(), v == null ? "" : v.toString()));
            } else {
                strings(argsNode).forEach(item -> {
                    String[] kv = item.split("=", 2);
                    args.put(kv[0], kv.length > 1 ? kv[1] : "");
                });
            }
            builds.put(name, new Build(context == null ? "." : context.toString(),
                    dockerfile == null ? "Dockerfile" : dockerfile.toString(), args));
        }
        return builds;
    }

    List<String> ports(String name) {
        return strings(service(name).get("ports"));
    }

    List<String> volumes(String name) {
        return strings(service(name).get("volumes"));
    }

    List<String> profiles(String name) {
        return strings(service(name).get("profiles"));
    }

    String healthcheckCommand(String name) {
        return String.join(" ", strings(path(service(name), "healthcheck", "test")));
    }

    /** depends_on as dependency → condition (the short list form counts as service_started). */
    Map<String, String> dependsOn(String name) {
        Object dependsOn = service(name).get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                Object condition = path(v, "condition");
                result.put(k.toString(), condition == null ? "service_started" : condition.toString());
            });
        } else {
            strings(dependsOn).forEach(dependency -> result.put(dependency, "service_started"));
        }
        return result;
    }

    /** Every `--create` line of the service's command (entrypoint script), parsed. */
    Map<String, TopicCreation> topicCreations(String name) {
        return topicCreationsIn(String.join("\n", strings(service(name).get("command"))));
    }

    /** Every `kafka-topics.sh --create` line of a shell script, parsed (deploy/k8s's topics Job runs one too). */
    static Map<String, TopicCreation> topicCreationsIn(String script) {
        Map<String, TopicCreation> created = new LinkedHashMap<>();
        for (String line : script.split("\n")) {
            List<String> words = Arrays.asList(line.trim().split("\\s+"));
            if (!words.contains("--create")) {
                continue;
            }
            String topic = valueAfter(words, "--topic", line);
            int partitions = Integer.parseInt(valueAfter(words, "--partitions", line));
            boolean compacted = false;
            for (int i = 0; i < words.size() - 1; i++) {
                if (words.get(i).equals("--config") && words.get(i + 1).startsWith("cleanup.policy=")) {
                    compacted = words.get(i + 1).equals("cleanup.policy=compact");
                }
            }
            if (created.put(topic, new TopicCreation(topic, partitions, compacted)) != null) {
                throw new AssertionError("topic " + topic + " is created twice");
            }
        }
        return created;
    }

    static List<String> prometheusTargets(Path prometheusYml) {
        List<String> targets = new ArrayList<>();
        Object configs = path(yaml(prometheusYml), "scrape_configs");
        for (Object config : (List<?>) configs) {
            Object staticConfigs = path(config, "static_configs");
            if (staticConfigs instanceof List<?> list) {
                list.forEach(sc -> targets.addAll(strings(path(sc, "targets"))));
            }
        }
        return targets;
    }

    static String prometheusMetricsPath(Path prometheusYml) {
        Object configs = path(yaml(prometheusYml), "scrape_configs");
        for (Object config : (List<?>) configs) {
            if ("event-shop".equals(path(config, "job_name"))) {
                return String.valueOf(path(config, "metrics_path"));
            }
        }
        throw new AssertionError("no event-shop job in " + prometheusYml);
    }

    private static String valueAfter(List<String> words, String option, String line) {
        int i = words.indexOf(option);
        if (i < 0 || i + 1 >= words.size()) {
            throw new AssertionError("no " + option + " in: " + line);
        }
        return words.get(i + 1);
    }

    private static List<String> strings(Object node) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(node.toString());
    }
}
