package eventshop.localstack;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * A kustomization of deploy/k8s rendered by {@code kubectl kustomize} (what {@code kubectl apply -k} would send) and
 * parsed strictly into fabric8's Kubernetes model: a kind the model does not know, or a field it does not know at any
 * depth (a typo, a field at the wrong level, a wrong type), is a failure. kubectl is required: without it the tests
 * fail, they never skip (.ci/run installs it).
 */
final class RenderedManifests {

    /** A pod template and the object that runs it. */
    record Workload(String kind, String name, PodTemplateSpec template) {
        Map<String, String> labels() {
            Map<String, String> labels = template.getMetadata().getLabels();
            return labels == null ? Map.of() : labels;
        }
    }

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final String overlay;
    private final List<HasMetadata> objects;

    private RenderedManifests(String overlay, List<HasMetadata> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    static RenderedManifests render(Path kustomization) {
        String yaml = kustomize(kustomization);
        List<HasMetadata> objects = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        for (Object document : new Yaml(new SafeConstructor(options)).loadAll(yaml)) {
            if (document == null) {
                continue;
            }
            Map<?, ?> map = (Map<?, ?>) document;
            String apiVersion = String.valueOf(map.get("apiVersion"));
            String kind = String.valueOf(map.get("kind"));
            Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
            if (type == null || !HasMetadata.class.isAssignableFrom(type)) {
                unknown.add(apiVersion + " " + kind + " is no kind of the Kubernetes model");
                continue;
            }
            HasMetadata object = (HasMetadata) SERIALIZATION.convertValue(document, type);
            unknownFields(object, kind + " " + object.getMetadata().getName(), unknown);
            objects.add(object);
        }
        if (!unknown.isEmpty()) {
            fail("%s does not parse strictly:%n  %s", kustomization, String.join("\n  ", unknown));
        }
        return new RenderedManifests(kustomization.getFileName().toString(), List.copyOf(objects));
    }

    /** The kubectl on the PATH, or the one the system property or variable KUBECTL names. */
    static Path kubectl() {
        String configured = System.getProperty("kubectl", System.getenv("KUBECTL"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("kubectl is not on the PATH: the deploy/k8s manifests cannot be rendered. .ci/run installs it; "
                + "by hand: see documentation/instructions.md (Kubernetes)");
    }

    private static String kustomize(Path kustomization) {
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Path err = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl().toString(), "kustomize", kustomization.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    fail("kubectl kustomize %s did not finish in 2 minutes", kustomization);
                }
                if (process.exitValue() != 0) {
                    fail("kubectl kustomize %s failed (%d): %s", kustomization, process.exitValue(), Files.readString(err));
                }
                return Files.readString(out);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return fail("cannot run kubectl kustomize " + kustomization, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted", e);
        }
    }

    /**
     * The model keeps what it does not know in additionalProperties instead of failing: none of them, at any depth,
     * may hold anything.
     */
    private static void unknownFields(Object node, String path, List<String> found) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, found));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue; // a computed accessor (Quantity's numerical amount, say), not a field
            }
            String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (property.equals("additionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + ": unknown field(s) " + extra.keySet());
                }
            } else if (value instanceof Collection<?> || value instanceof Map<?, ?>
                    || (value != null && value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model"))) {
                unknownFields(value, path + "." + property, found);
            }
        }
    }

    String overlay() {
        return overlay;
    }

    List<HasMetadata> all() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name).orElseGet(() -> fail("%s: no %s named %s", overlay, kind.getSimpleName(), name));
    }

    /** A generated ConfigMap (or Secret) by the name it has in the kustomization, before kustomize's hash suffix. */
    ConfigMap configMap(String generatedName) {
        return generated(ConfigMap.class, generatedName);
    }

    Secret secret(String generatedName) {
        return generated(Secret.class, generatedName);
    }

    /**
     * A Secret's values, decoded. kustomize folds a long value's base64 over several lines, which the API server's
     * decoder (Go's encoding/base64) skips, as the MIME decoder does.
     */
    static Map<String, String> decoded(Secret secret) {
        Map<String, String> values = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> values.put(k, new String(Base64.getMimeDecoder().decode(v),
                    StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        return values;
    }

    private <T extends HasMetadata> T generated(Class<T> kind, String generatedName) {
        List<T> matching = all(kind).stream()
                .filter(o -> o.getMetadata().getName().matches(java.util.regex.Pattern.quote(generatedName) + "(-[a-z0-9]{10})?"))
                .toList();
        if (matching.size() != 1) {
            fail("%s: %d %s(s) generated as %s", overlay, matching.size(), kind.getSimpleName(), generatedName);
        }
        return matching.get(0);
    }

    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        all(Deployment.class).forEach(d -> workloads.add(new Workload("Deployment", d.getMetadata().getName(),
                d.getSpec().getTemplate())));
        all(StatefulSet.class).forEach(s -> workloads.add(new Workload("StatefulSet", s.getMetadata().getName(),
                s.getSpec().getTemplate())));
        all(Job.class).forEach(j -> workloads.add(new Workload("Job", j.getMetadata().getName(),
                j.getSpec().getTemplate())));
        return workloads;
    }

    /** The pod templates a Service (or any label selector) picks. */
    List<Workload> selectedBy(Map<String, String> selector) {
        return workloads().stream().filter(w -> selector != null && !selector.isEmpty()
                && w.labels().entrySet().containsAll(selector.entrySet())).toList();
    }

    Service service(String name) {
        return get(Service.class, name);
    }
}
