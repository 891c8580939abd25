package eventshop.localstack;

import eventshop.events.Topics;
import eventshop.platform.outbox.OutboxConfiguration;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthCheckType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * deploy/k8s checked against the code without a cluster: both overlays are rendered by `kubectl kustomize` and parsed
 * strictly into fabric8's Kubernetes model (RenderedManifests), then every reference is resolved, and the shop's
 * services, Kafka, the topics, PostgreSQL and the network policies are compared with what the code, the Dockerfile
 * and docker-compose.yml say. The shop's services are the services docker-compose.yml builds: a new one there needs a
 * folder in deploy/k8s/base/services (deploy/k8s/README.md).
 */
class KubernetesManifestsTest {

    static final Path ROOT = ComposeFileTest.ROOT;
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final Compose COMPOSE = ComposeFileTest.COMPOSE;
    static final String NAMESPACE = "event-shop";
    static final String NAME = "app.kubernetes.io/name";
    /** Services docker-compose.yml builds (from the repository's one Dockerfile). */
    static final List<String> SHOP = COMPOSE.serviceNames().stream()
            .filter(name -> COMPOSE.service(name).containsKey("build")).toList();
    /** Ports that clients outside the cluster may reach (through the Ingress); every other port stays inside. */
    static final Map<String, Set<String>> PUBLIC_PORTS = Map.of("web-ui", Set.of("http"));
    /** Variables the Kubernetes manifests set beyond docker-compose.yml's, and why. */
    static final Map<String, String> KUBERNETES_ONLY = Map.of("EVENTSHOP_KAFKA_REPLICATION_FACTOR",
            "compose runs one broker; with several, the services' TopicInitializer must create topics as the Job does");
    /** Variables whose Kubernetes value differs from docker-compose.yml's default, and why. */
    static final Map<String, String> KUBERNETES_VALUES = Map.of("EVENTSHOP_WEB_SECRET",
            "compose runs one web-ui and leaves it empty (a random key per start); replicas must share one key");
    /** Role passwords the PostgreSQL init script reads (docker-compose.yml's postgres environment). */
    static final Pattern ROLE_PASSWORD = Pattern.compile("[A-Z_]+_DB_PASSWORD");
    static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    /** What each overlay promises. */
    enum Overlay {
        DEV(1, 1, 1),
        SCALED(3, 2, 2);

        final int brokers;
        final int minInsyncReplicas;
        final int replicas;

        Overlay(int brokers, int minInsyncReplicas, int replicas) {
            this.brokers = brokers;
            this.minInsyncReplicas = minInsyncReplicas;
            this.replicas = replicas;
        }

        int replicationFactor() {
            return brokers;
        }

        Path dir() {
            return K8S.resolve("overlays").resolve(name().toLowerCase());
        }
    }

    private static final Map<Overlay, RenderedManifests> RENDERED = new ConcurrentHashMap<>();

    static RenderedManifests rendered(Overlay overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> RenderedManifests.render(o.dir()));
    }

    static Stream<Arguments> overlaysAndServices() {
        return Arrays.stream(Overlay.values()).flatMap(o -> SHOP.stream().map(s -> Arguments.of(o, s)));
    }

    // ---- parsing and references ------------------------------------------------------------------------------------

    @Test
    void theShopHasServices() {
        assertThat(SHOP).as("services docker-compose.yml builds").contains("orders-service", "web-ui");
        assertThat(RenderedManifests.kubectl()).as("kubectl").isExecutable();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyObjectParsesStrictlyAndLivesInTheShopsNamespace(Overlay overlay) {
        RenderedManifests m = rendered(overlay);
        assertThat(m.all()).isNotEmpty();
        for (HasMetadata object : m.all()) {
            if (object instanceof io.fabric8.kubernetes.api.model.Namespace) {
                assertThat(object.getMetadata().getName()).isEqualTo(NAMESPACE);
            } else {
                assertThat(object.getMetadata().getNamespace()).as("namespace of %s %s", object.getKind(),
                        object.getMetadata().getName()).isEqualTo(NAMESPACE);
            }
        }
    }

    @Test
    void theStrictParseRejectsUnknownFieldsAndKinds(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [deployment.yaml]\n");
        Files.writeString(dir.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: c
                          image: i
                          livenessProbe: {httpGet: {paht: /health, port: 80}}
                """);
        assertThatThrownBy(() -> RenderedManifests.render(dir)).hasMessageContaining("paht");

        Files.writeString(dir.resolve("deployment.yaml"), """
                apiVersion: example.com/v1
                kind: Gadget
                metadata: {name: unknown-kind}
                """);
        assertThatThrownBy(() -> RenderedManifests.render(dir)).hasMessageContaining("Gadget");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyReferencedConfigMapSecretServiceAndPortExists(Overlay overlay) {
        RenderedManifests m = rendered(overlay);
        List<String> broken = new ArrayList<>();
        for (RenderedManifests.Workload w : m.workloads()) {
            PodSpec pod = w.template().getSpec();
            String where = w.kind() + " " + w.name();
            for (Container c : containers(pod)) {
                for (EnvFromSource from : list(c.getEnvFrom())) {
                    if (from.getConfigMapRef() != null && m.find(ConfigMap.class, from.getConfigMapRef().getName()).isEmpty()) {
                        broken.add(where + ": envFrom ConfigMap " + from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null && m.find(Secret.class, from.getSecretRef().getName()).isEmpty()) {
                        broken.add(where + ": envFrom Secret " + from.getSecretRef().getName());
                    }
                }
                for (EnvVar env : list(c.getEnv())) {
                    if (env.getValueFrom() == null) {
                        continue;
                    }
                    var cmRef = env.getValueFrom().getConfigMapKeyRef();
                    if (cmRef != null && m.find(ConfigMap.class, cmRef.getName())
                            .filter(cm -> cm.getData().containsKey(cmRef.getKey())).isEmpty()) {
                        broken.add(where + ": " + env.getName() + " from ConfigMap " + cmRef.getName() + "/" + cmRef.getKey());
                    }
                    var secretRef = env.getValueFrom().getSecretKeyRef();
                    if (secretRef != null && m.find(Secret.class, secretRef.getName())
                            .filter(s -> RenderedManifests.decoded(s).containsKey(secretRef.getKey())).isEmpty()) {
                        broken.add(where + ": " + env.getName() + " from Secret " + secretRef.getName() + "/" + secretRef.getKey());
                    }
                }
                Set<String> volumes = list(pod.getVolumes()).stream().map(Volume::getName).collect(Collectors.toSet());
                if (w.kind().equals("StatefulSet")) {
                    m.get(StatefulSet.class, w.name()).getSpec().getVolumeClaimTemplates()
                            .forEach(t -> volumes.add(t.getMetadata().getName()));
                }
                for (VolumeMount mount : list(c.getVolumeMounts())) {
                    if (!volumes.contains(mount.getName())) {
                        broken.add(where + ": volume " + mount.getName());
                    }
                }
                // Services named in the container's settings and start-up commands: host:port, //host:port, /dev/tcp/host/port
                for (String text : containerText(m, c)) {
                    Matcher address = Pattern.compile("(?:^|//|/dev/tcp/|,)([a-z][a-z0-9-]*)[:/](\\d{2,5})\\b").matcher(text);
                    while (address.find()) {
                        String host = address.group(1);
                        int port = Integer.parseInt(address.group(2));
                        if (m.find(Service.class, host).filter(s -> servicePort(s, port)).isEmpty()) {
                            broken.add(where + ": no Service " + host + " with port " + port + " (in \"" + text + "\")");
                        }
                    }
                }
            }
            for (Volume v : list(pod.getVolumes())) {
                if (v.getConfigMap() != null && m.find(ConfigMap.class, v.getConfigMap().getName()).isEmpty()) {
                    broken.add(where + ": volume ConfigMap " + v.getConfigMap().getName());
                }
                if (v.getSecret() != null && m.find(Secret.class, v.getSecret().getSecretName()).isEmpty()) {
                    broken.add(where + ": volume Secret " + v.getSecret().getSecretName());
                }
            }
        }
        for (Deployment d : m.all(Deployment.class)) {
            if (!NetworkPolicies.matches(d.getSpec().getSelector(), labels(d.getSpec().getTemplate().getMetadata().getLabels()))) {
                broken.add("Deployment " + d.getMetadata().getName() + ": selector does not match its pods");
            }
        }
        for (StatefulSet s : m.all(StatefulSet.class)) {
            if (m.find(Service.class, s.getSpec().getServiceName()).isEmpty()) {
                broken.add("StatefulSet " + s.getMetadata().getName() + ": serviceName " + s.getSpec().getServiceName());
            }
        }
        for (Service s : m.all(Service.class)) {
            List<RenderedManifests.Workload> pods = m.selectedBy(s.getSpec().getSelector());
            if (pods.isEmpty()) {
                broken.add("Service " + s.getMetadata().getName() + ": selector " + s.getSpec().getSelector() + " picks no pods");
            }
            for (ServicePort port : s.getSpec().getPorts()) {
                for (RenderedManifests.Workload w : pods) {
                    if (containerPort(w, port.getTargetPort()) == null) {
                        broken.add("Service " + s.getMetadata().getName() + ": targetPort " + port.getTargetPort()
                                + " is no port of " + w.name());
                    }
                }
            }
        }
        for (Ingress ingress : m.all(Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                var backend = path.getBackend().getService();
                var service = m.find(Service.class, backend.getName());
                if (service.isEmpty() || service.get().getSpec().getPorts().stream().noneMatch(p ->
                        Objects.equals(p.getName(), backend.getPort().getName())
                                || Objects.equals(p.getPort(), backend.getPort().getNumber()))) {
                    broken.add("Ingress " + ingress.getMetadata().getName() + ": backend " + backend.getName());
                }
            }));
        }
        for (HorizontalPodAutoscaler hpa : m.all(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            if (!target.getKind().equals("Deployment") || m.find(Deployment.class, target.getName()).isEmpty()) {
                broken.add("HorizontalPodAutoscaler " + hpa.getMetadata().getName() + ": target " + target.getName());
            }
        }
        for (PodDisruptionBudget pdb : m.all(PodDisruptionBudget.class)) {
            if (m.selectedBy(pdb.getSpec().getSelector().getMatchLabels()).isEmpty()) {
                broken.add("PodDisruptionBudget " + pdb.getMetadata().getName() + " selects no pods");
            }
        }
        assertThat(broken).as("%s: dangling references", overlay).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyPodIsLockedDown(Overlay overlay) {
        for (RenderedManifests.Workload w : rendered(overlay).workloads()) {
            PodSpec pod = w.template().getSpec();
            String where = overlay + " " + w.kind() + " " + w.name();
            assertThat(pod.getEnableServiceLinks()).as("%s: enableServiceLinks (the Kafka image turns KAFKA_* "
                    + "variables into broker settings; Micronaut reads every variable)", where).isFalse();
            assertThat(pod.getAutomountServiceAccountToken()).as("%s: automountServiceAccountToken", where).isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as("%s: runAsNonRoot", where).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as("%s: runAsUser", where).isPositive();
            for (Container c : containers(pod)) {
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as("%s/%s: allowPrivilegeEscalation",
                        where, c.getName()).isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as("%s/%s: capabilities", where,
                        c.getName()).containsExactly("ALL");
                assertThat(c.getResources().getRequests()).as("%s/%s: requests", where, c.getName())
                        .containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as("%s/%s: limits", where, c.getName())
                        .containsKeys("cpu", "memory");
            }
        }
    }

    // ---- the shop's services -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void imagesAreTheOnesComposeBuildsWithTheTagSetInOnePlace(Overlay overlay, String service) throws IOException {
        RenderedManifests m = rendered(overlay);
        String composeImage = String.valueOf(COMPOSE.service(service).get("image"));
        String repository = composeImage.replaceFirst(":[^:/]+$", "");
        Compose.Build build = COMPOSE.builds().get(service);
        assertThat(build).as("compose builds %s", service).isNotNull();
        assertThat(build.args()).as("build arguments of %s", service).containsEntry("SERVICE", service);
        assertThat(ROOT.resolve(build.context()).resolve(build.dockerfile()).normalize())
                .as("one Dockerfile for every image").isEqualTo(ROOT.resolve("Dockerfile")).isRegularFile();

        Map<String, String> tags = baseImageTags();
        assertThat(tags).as("deploy/k8s/base/kustomization.yaml images:").containsKey(repository);
        Deployment deployment = m.get(Deployment.class, service);
        for (Container c : containers(deployment.getSpec().getTemplate().getSpec())) {
            assertThat(c.getImage()).as("%s image of %s", overlay, c.getName()).isEqualTo(repository + ":" + tags.get(repository));
            assertThat(c.getImagePullPolicy()).as("a locally built image (kind load) is never pulled").isEqualTo("IfNotPresent");
        }
        String manifest = Files.readString(K8S.resolve("base/services").resolve(service).resolve("deployment.yaml"));
        Matcher image = Pattern.compile("image:\\s*(\\S+)").matcher(manifest);
        while (image.find()) {
            assertThat(image.group(1)).as("the tag is set in base/kustomization.yaml only").isEqualTo(repository);
        }
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void probesAndPortsAreTheServicesOwn(Overlay overlay, String service) {
        RenderedManifests m = rendered(overlay);
        ComposeFileTest.ServiceModule module = ComposeFileTest.ServiceModule.of(ROOT, service);
        int port = ComposeFileTest.PORTS.get(service);
        module.configuredServerPort().ifPresent(configured -> assertThat(configured).isEqualTo(port));
        Deployment deployment = m.get(Deployment.class, service);
        Container c = mainContainer(deployment);
        RenderedManifests.Workload pods = new RenderedManifests.Workload("Deployment", service, deployment.getSpec().getTemplate());

        assertThat(containerPort(pods, new IntOrString("http"))).as("container port http").isNotNull()
                .extracting(ContainerPort::getContainerPort).isEqualTo(port);
        assertThat(environment(m, c)).containsEntry("MICRONAUT_SERVER_PORT", port + "");
        Service svc = m.service(service);
        assertThat(svc.getSpec().getPorts()).anySatisfy(p -> {
            assertThat(p.getPort()).isEqualTo(port);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
        assertThat(m.selectedBy(svc.getSpec().getSelector())).extracting(RenderedManifests.Workload::name).containsExactly(service);
        if (service.equals("orders-service")) {
            // The gRPC order API beside REST, on the port compose publishes and web-ui's channel names.
            int grpc = ComposeFileTest.ORDERS_GRPC_PORT;
            assertThat(containerPort(pods, new IntOrString("grpc"))).as("container port grpc").isNotNull()
                    .extracting(ContainerPort::getContainerPort).isEqualTo(grpc);
            assertThat(svc.getSpec().getPorts()).anySatisfy(p -> {
                assertThat(p.getName()).isEqualTo("grpc");
                assertThat(p.getPort()).isEqualTo(grpc);
                assertThat(p.getTargetPort().getStrVal()).isEqualTo("grpc");
            });
            assertThat(COMPOSE.ports(service)).contains(grpc + ":" + grpc);
            assertThat(environment(m, mainContainer(m.get(Deployment.class, "web-ui"))))
                    .containsEntry("GRPC_CHANNELS_ORDERS_ADDRESS", service + ":" + grpc);
        } else {
            assertThat(list(c.getPorts())).extracting(ContainerPort::getName).as("ports of %s", service).containsExactly("http");
        }

        assertHealthEndpointServes(module, service);
        assertThat(httpProbe(c.getLivenessProbe())).as("liveness").isEqualTo("/health/liveness");
        assertThat(httpProbe(c.getStartupProbe())).as("startup").isEqualTo("/health/liveness");
        assertThat(httpProbe(c.getReadinessProbe())).as("readiness").isEqualTo("/health/readiness");
        for (Probe probe : List.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        }
    }

    /** The probes' paths are Micronaut management's health endpoint with a HealthCheckType, on the server port. */
    private static void assertHealthEndpointServes(ComposeFileTest.ServiceModule module, String service) {
        String pom = read(ROOT.resolve(service).resolve("pom.xml"));
        boolean onPlatform = pom.contains("<artifactId>platform</artifactId>");
        String managementPom = onPlatform ? read(ROOT.resolve("platform/pom.xml")) : pom;
        assertThat(managementPom).as("%s has Micronaut management (the health endpoint)", service)
                .contains("<artifactId>micronaut-management</artifactId>");
        assertThat(HealthEndpoint.NAME).isEqualTo("health");
        try {
            HealthEndpoint.class.getMethod("getHealth", Principal.class, HealthCheckType.class);
        } catch (NoSuchMethodException e) {
            fail("Micronaut's health endpoint has no liveness/readiness selector any more", e);
        }
        assertThat(Arrays.stream(HealthCheckType.values()).map(t -> t.name().toLowerCase()))
                .contains("liveness", "readiness");

        List<Path> configs = new ArrayList<>(List.of(ROOT.resolve(service).resolve("src/main/resources/application.yml")));
        if (onPlatform) {
            configs.add(ROOT.resolve("platform/src/main/resources/platform-defaults.yml"));
        }
        Object sensitive = null;
        for (Path config : configs) {
            Object yaml = Compose.yaml(config);
            assertThat(Compose.path(yaml, "endpoints", "health", "enabled")).as("%s endpoints.health.enabled", config)
                    .isNotEqualTo(false);
            for (String moved : List.of("path", "port")) {
                assertThat(Compose.path(yaml, "endpoints", "all", moved)).as("%s endpoints.all.%s", config, moved).isNull();
                assertThat(Compose.path(yaml, "endpoints", "health", moved)).as("%s endpoints.health.%s", config, moved).isNull();
            }
            Object health = Compose.path(yaml, "endpoints", "health", "sensitive");
            Object all = Compose.path(yaml, "endpoints", "all", "sensitive");
            sensitive = health != null ? health : all != null ? all : sensitive;
        }
        assertThat(Objects.requireNonNullElse(sensitive, HealthEndpoint.DEFAULT_SENSITIVE))
                .as("%s: the kubelet's probes carry no credentials", service).isEqualTo(false);
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void environmentHasComposesNamesAndValuesAndOnlyWhatTheServiceReads(Overlay overlay, String service) {
        RenderedManifests m = rendered(overlay);
        ComposeFileTest.ServiceModule module = ComposeFileTest.ServiceModule.of(ROOT, service);
        Container c = mainContainer(m.get(Deployment.class, service));
        Map<String, String> env = environment(m, c);
        Map<String, String> compose = COMPOSE.env(service);

        assertThat(env.keySet()).as("%s: the variables docker-compose.yml sets", service).containsAll(compose.keySet());
        Set<String> extra = new HashSet<>(env.keySet());
        extra.removeAll(compose.keySet());
        assertThat(extra).as("%s: variables beyond compose's (allowed: %s)", service, KUBERNETES_ONLY)
                .isSubsetOf(KUBERNETES_ONLY.keySet());

        List<String> unread = env.keySet().stream().filter(v -> !module.reads(v) && !readInCode(service, v)).toList();
        assertThat(unread).as("%s: variables it never reads (no configuration key, placeholder, @Value or @Requires "
                + "property, @Client id)", service).isEmpty();

        compose.forEach((name, value) -> {
            Matcher withDefault = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}").matcher(value);
            String expected = withDefault.matches() ? withDefault.group(1) : value;
            if (KUBERNETES_VALUES.containsKey(name)) {
                assertThat(env.get(name)).as("%s %s: %s", service, name, KUBERNETES_VALUES.get(name))
                        .isNotEqualTo(expected).hasSizeGreaterThanOrEqualTo(32);
            } else if (!expected.contains("${")) {
                assertThat(env.get(name)).as("%s %s (docker-compose.yml: %s)", service, name, value).isEqualTo(expected);
            }
        });
        for (String name : env.keySet()) {
            if (name.contains("PASSWORD") || name.contains("SECRET") || name.endsWith("_USERNAME")) {
                assertThat(fromSecret(m, c, name)).as("%s: %s comes from a Secret", service, name).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void memoryFitsTheJvmSettingsOfTheDockerfile(Overlay overlay, String service) {
        Container c = mainContainer(rendered(overlay).get(Deployment.class, service));
        String dockerfile = ComposeFileTest.ServiceModule.of(ROOT, service).dockerfile();
        Matcher percentage = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)").matcher(dockerfile);
        assertThat(percentage.find()).as("the Dockerfile sizes %s's heap from the memory limit (MaxRAMPercentage)", service).isTrue();
        assertThat(environment(rendered(overlay), c)).as("the Dockerfile's JAVA_OPTS stay in force").doesNotContainKey("JAVA_OPTS");

        BigDecimal limit = Quantity.getAmountInBytes(c.getResources().getLimits().get("memory"));
        BigDecimal request = Quantity.getAmountInBytes(c.getResources().getRequests().get("memory"));
        assertThat(request).as("%s: memory request = limit (a JVM keeps the heap it grew)", service).isEqualByComparingTo(limit);
        BigDecimal heap = limit.multiply(new BigDecimal(percentage.group(1))).movePointLeft(2);
        BigDecimal mib = BigDecimal.valueOf(1024 * 1024);
        assertThat(heap).as("%s: heap (MiB)", service).isGreaterThanOrEqualTo(mib.multiply(BigDecimal.valueOf(256)));
        assertThat(limit.subtract(heap)).as("%s: room beside the heap for metaspace, stacks, direct buffers", service)
                .isGreaterThanOrEqualTo(mib.multiply(BigDecimal.valueOf(160)));
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void runsAsTheDockerfilesUserOnAReadOnlyRootWithAWritableTmp(Overlay overlay, String service) {
        Deployment deployment = rendered(overlay).get(Deployment.class, service);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Matcher uid = Pattern.compile("--uid (\\d+)").matcher(ComposeFileTest.ServiceModule.of(ROOT, service).dockerfile());
        assertThat(uid.find()).as("the Dockerfile creates %s's user with a fixed uid", service).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(Long.parseLong(uid.group(1)));
        for (Container c : containers(pod)) {
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as("%s/%s", service, c.getName()).isTrue();
        }
        Container c = mainContainer(deployment);
        VolumeMount tmp = list(c.getVolumeMounts()).stream().filter(v -> v.getMountPath().equals("/tmp")).findFirst()
                .orElseGet(() -> fail("%s: no writable /tmp", service));
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo(tmp.getName());
            assertThat(v.getEmptyDir()).isNotNull();
        });
        // What compose mounts a volume on (analytics-service's state directory) is writable here too.
        for (String volume : COMPOSE.volumes(service)) {
            String path = volume.split(":")[1];
            VolumeMount mount = list(c.getVolumeMounts()).stream().filter(v -> v.getMountPath().equals(path)).findFirst()
                    .orElseGet(() -> fail("%s: nothing writable at %s (docker-compose.yml: %s)", service, path, volume));
            assertThat(mount.getReadOnly()).as("%s %s", service, path).isNotEqualTo(true);
            assertThat(pod.getVolumes()).anySatisfy(v -> {
                assertThat(v.getName()).isEqualTo(mount.getName());
                assertThat(v.getEmptyDir()).as("%s %s", service, path).isNotNull();
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void terminationOutlastsTheOutboxDrain(Overlay overlay, String service) {
        Deployment deployment = rendered(overlay).get(Deployment.class, service);
        Object platform = Compose.yaml(ROOT.resolve("platform/src/main/resources/platform-defaults.yml"));
        Duration ackTimeout = Objects.requireNonNullElse(duration(Compose.path(platform, "eventshop", "outbox", "ack-timeout")),
                new OutboxConfiguration().getAckTimeout());
        Object deliveryMs = Compose.path(platform, "kafka", "producers", "outbox-relay", "delivery.timeout.ms");
        assertThat(deliveryMs).as("the outbox producer's delivery.timeout.ms in platform-defaults.yml").isNotNull();
        Duration preStop = Duration.ZERO;
        Container c = mainContainer(deployment);
        if (c.getLifecycle() != null && c.getLifecycle().getPreStop() != null) {
            Matcher sleep = Pattern.compile("sleep (\\d+)").matcher(String.join(" ", c.getLifecycle().getPreStop().getExec().getCommand()));
            assertThat(sleep.find()).isTrue();
            preStop = Duration.ofSeconds(Long.parseLong(sleep.group(1)));
        }
        // The relay's loop is given ackTimeout to finish, then drain() publishes the rest within a delivery timeout.
        Duration drain = preStop.plus(ackTimeout).plusMillis(Long.parseLong(deliveryMs.toString()));
        assertThat(Duration.ofSeconds(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()))
                .as("%s terminationGracePeriodSeconds", service).isGreaterThan(drain);
    }

    // ---- Kafka, topics, PostgreSQL -----------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void kafkaIsAKraftClusterOfTheOverlaysSizeWithStablePerPodListeners(Overlay overlay) {
        RenderedManifests m = rendered(overlay);
        StatefulSet kafka = m.get(StatefulSet.class, "kafka");
        Container broker = kafka.getSpec().getTemplate().getSpec().getContainers().get(0);
        String version = System.getProperty("local-stack.kafka.version");
        assertThat(broker.getImage()).isEqualTo("apache/kafka:" + version).isEqualTo(COMPOSE.service("kafka").get("image"));
        assertThat(kafka.getSpec().getReplicas()).isEqualTo(overlay.brokers);

        Service headless = m.service(kafka.getSpec().getServiceName());
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).as("controllers find each other before ready").isTrue();
        Map<String, String> env = environment(m, broker);
        String quorum = Stream.iterate(0, i -> i + 1).limit(overlay.brokers)
                .map(i -> i + "@kafka-" + i + "." + headless.getMetadata().getName() + ":9093").collect(Collectors.joining(","));
        assertThat(env).containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", quorum)
                .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://$(POD_NAME)." + headless.getMetadata().getName() + ":9092");
        assertThat(broker.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("POD_NAME");
            assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        });
        assertThat(String.join(" ", broker.getCommand())).as("node.id from the pod's ordinal")
                .contains("KAFKA_NODE_ID=${HOSTNAME##*-}").contains("exec /etc/kafka/docker/run");

        String rf = overlay.replicationFactor() + "";
        String minIsr = overlay.minInsyncReplicas + "";
        assertThat(env).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", rf)
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", rf)
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", rf)
                .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", minIsr)
                .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", minIsr);
        assertThat(m.configMap("shop-kafka").getData()).containsEntry("EVENTSHOP_KAFKA_REPLICATION_FACTOR", rf)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", COMPOSE.env("orders-service").get("KAFKA_BOOTSTRAP_SERVERS"));

        assertThat(kafka.getSpec().getVolumeClaimTemplates()).hasSize(1);
        String claim = kafka.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        VolumeMount data = broker.getVolumeMounts().stream().filter(v -> v.getName().equals(claim)).findFirst().orElseThrow();
        assertThat(env.get("KAFKA_LOG_DIRS")).as("log dir inside the persistent volume, not its root (lost+found)")
                .startsWith(data.getMountPath() + "/");
    }

    /**
     * Each pod's broker settings, as the apache/kafka image derives them from its KAFKA_* variables (KAFKA_ dropped,
     * ___ to -, __ to _, _ to .), are accepted by the broker's own validation (KafkaConfig of the same Kafka version):
     * listeners, roles, the quorum holding the pod's node id, replication settings.
     */
    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyBrokersSettingsPassKafkasOwnValidation(Overlay overlay) {
        RenderedManifests m = rendered(overlay);
        StatefulSet brokers = m.get(StatefulSet.class, "kafka");
        Map<String, String> env = environment(m, brokers.getSpec().getTemplate().getSpec().getContainers().get(0));
        for (int ordinal = 0; ordinal < brokers.getSpec().getReplicas(); ordinal++) {
            java.util.Properties properties = new java.util.Properties();
            String pod = "kafka-" + ordinal;
            env.forEach((name, value) -> {
                if (name.startsWith("KAFKA_") && !name.endsWith("_OPTS") && !name.matches("KAFKA_(VERSION|LOG4J_.*|JMX_.*|TOOLS_.*)")) {
                    String key = name.substring("KAFKA_".length()).toLowerCase()
                            .replace("___", "-").replace("__", "\u0000").replace('_', '.').replace('\u0000', '_');
                    properties.put(key, value.replace("$(POD_NAME)", pod));
                }
            });
            properties.put("node.id", String.valueOf(ordinal)); // what the container's command exports
            try {
                kafka.server.KafkaConfig config = kafka.server.KafkaConfig.fromProps(properties, false);
                assertThat(config.effectiveAdvertisedBrokerListeners().head().host())
                        .isEqualTo(pod + "." + brokers.getSpec().getServiceName());
            } catch (org.apache.kafka.common.config.ConfigException | IllegalArgumentException e) {
                fail("%s: Kafka refuses the settings of %s: %s (%s)", overlay, pod, e.getMessage(), properties);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theTopicsJobCreatesEveryTopicAsTheContractDefines(Overlay overlay) {
        RenderedManifests m = rendered(overlay);
        Job job = m.get(Job.class, "kafka-topics");
        Container c = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getImage()).isEqualTo(COMPOSE.service("kafka").get("image"));
        Volume scripts = job.getSpec().getTemplate().getSpec().getVolumes().get(0);
        String script = m.get(ConfigMap.class, scripts.getConfigMap().getName()).getData().get("create-topics.sh");
        assertThat(String.join(" ", c.getCommand())).contains("create-topics.sh");

        Map<String, Compose.TopicCreation> expected = new TreeMap<>();
        Topics.ALL.forEach(spec -> expected.put(spec.name(), new Compose.TopicCreation(spec.name(), spec.partitions(), spec.compacted())));
        assertThat(new TreeMap<>(Compose.topicCreationsIn(script))).isEqualTo(expected);
        script.lines().filter(line -> line.contains("--create"))
                .forEach(line -> assertThat(line).contains("--replication-factor \"$rf\""));
        assertThat(script).contains("rf=\"${EVENTSHOP_KAFKA_REPLICATION_FACTOR");
        assertThat(environment(m, c)).containsEntry("EVENTSHOP_KAFKA_REPLICATION_FACTOR", overlay.replicationFactor() + "");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void postgresRunsComposesImageAndInitScriptOnAPersistentVolume(Overlay overlay) {
        RenderedManifests m = rendered(overlay);
        StatefulSet postgres = m.get(StatefulSet.class, "postgres");
        PodSpec pod = postgres.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        assertThat(c.getImage()).isEqualTo(COMPOSE.service("postgres").get("image"));

        String init = read(ROOT.resolve("deploy/postgres/init-databases.sql"));
        VolumeMount initMount = c.getVolumeMounts().stream()
                .filter(v -> v.getMountPath().equals("/docker-entrypoint-initdb.d")).findFirst().orElseThrow();
        Volume initVolume = pod.getVolumes().stream().filter(v -> v.getName().equals(initMount.getName())).findFirst().orElseThrow();
        assertThat(m.get(ConfigMap.class, initVolume.getConfigMap().getName()).getData())
                .as("the same init script as docker-compose.yml").containsValue(init);

        String claim = postgres.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        VolumeMount data = c.getVolumeMounts().stream().filter(v -> v.getName().equals(claim)).findFirst().orElseThrow();
        Map<String, String> env = environment(m, c);
        assertThat(env.get("PGDATA")).startsWith(data.getMountPath() + "/");

        // The superuser and the services' role passwords the script reads: compose's names and (default) values.
        Map<String, String> compose = COMPOSE.env("postgres");
        Set<String> secrets = compose.keySet().stream()
                .filter(name -> name.equals("POSTGRES_PASSWORD") || ROLE_PASSWORD.matcher(name).matches())
                .collect(Collectors.toSet());
        assertThat(secrets).as("role passwords in docker-compose.yml's postgres").hasSizeGreaterThan(1);
        for (String name : secrets) {
            if (!name.equals("POSTGRES_PASSWORD")) {
                assertThat(init).as("the init script reads %s", name).containsPattern("(?m)^\\\\getenv \\w+ " + name + "$");
            }
            assertThat(env.get(name)).as("postgres %s (docker-compose.yml: %s)", name, compose.get(name))
                    .isEqualTo(compose.get(name).replaceFirst("^\\$\\{[A-Z_]+:-([^}]*)}$", "$1"));
            assertThat(fromSecret(m, c, name)).as("postgres %s comes from a Secret", name).isTrue();
        }
        assertThat(env).containsEntry("POSTGRES_USER", compose.get("POSTGRES_USER"));

        // Each back-end signs in as the role the script makes for it, with the password the script gives that role:
        // compose's DATASOURCES_DEFAULT_PASSWORD (and audit's Flyway password) is ${<ROLE PASSWORD>:-...}.
        for (String backend : ComposeFileTest.DATABASES.keySet()) {
            Map<String, String> service = environment(m, mainContainer(m.get(Deployment.class, backend)));
            assertThat(service.get("DATASOURCES_DEFAULT_USERNAME")).as("%s's role", backend)
                    .isEqualTo(COMPOSE.env(backend).get("DATASOURCES_DEFAULT_USERNAME")).isNotEqualTo("postgres");
            COMPOSE.env(backend).forEach((name, value) -> {
                Matcher role = Pattern.compile("^\\$\\{(" + ROLE_PASSWORD.pattern() + "):-[^}]*}$").matcher(value);
                if (role.matches()) {
                    assertThat(service.get(name)).as("%s %s is postgres' %s", backend, name, role.group(1))
                            .isEqualTo(env.get(role.group(1)));
                }
            });
        }
    }

    // ---- who reaches whom ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void networkPoliciesLetInOnlyWhoNeedsIt(Overlay overlay) {
        RenderedManifests m = rendered(overlay);
        NetworkPolicies policies = new NetworkPolicies(m.all(NetworkPolicy.class));
        List<RenderedManifests.Workload> workloads = m.workloads();
        Map<String, Map<String, String>> sources = new LinkedHashMap<>();
        sources.put("(outside the namespace)", null);
        workloads.forEach(w -> sources.put(w.labels().get(NAME), w.labels()));

        List<String> wrong = new ArrayList<>();
        for (RenderedManifests.Workload target : workloads) {
            for (Container c : target.template().getSpec().getContainers()) {
                for (ContainerPort port : list(c.getPorts())) {
                    sources.forEach((source, labels) -> {
                        boolean allowed = policies.allows(labels, target.labels(), port);
                        boolean expected = expectedReach(labels == null ? null : source, target.labels().get(NAME), port.getName());
                        if (allowed != expected) {
                            wrong.add(source + " -> " + target.name() + ":" + port.getName() + (allowed ? " is let in" : " is refused"));
                        }
                    });
                }
            }
        }
        assertThat(wrong).as("%s network policies", overlay).isEmpty();
    }

    /** The intended reach: a source workload (null: outside the namespace) to a port of a target workload. */
    static boolean expectedReach(String source, String target, String port) {
        Set<String> kafkaClients = new HashSet<>(SHOP);
        kafkaClients.addAll(List.of("kafka", "kafka-topics"));
        if (PUBLIC_PORTS.getOrDefault(target, Set.of()).contains(port)) {
            return true;
        }
        if (SHOP.contains(target)) {
            return "web-ui".equals(source); // the back-ends' APIs serve the web UI
        }
        return switch (target) {
            case "postgres" -> source != null && ComposeFileTest.DATABASES.containsKey(source);
            case "kafka" -> port.equals("controller") ? "kafka".equals(source) : kafkaClients.contains(source);
            default -> false;
        };
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void onlyThePublicPortsAreExposedAndTheShopHasAnIngress(Overlay overlay) {
        RenderedManifests m = rendered(overlay);
        for (Service s : m.all(Service.class)) {
            if (!"ClusterIP".equals(Objects.requireNonNullElse(s.getSpec().getType(), "ClusterIP"))) {
                assertThat(s.getSpec().getPorts()).allSatisfy(p -> assertThat(PUBLIC_PORTS.getOrDefault(
                        s.getMetadata().getName(), Set.of())).contains(p.getName()));
            }
        }
        List<String> backends = m.all(Ingress.class).stream().flatMap(i -> i.getSpec().getRules().stream())
                .flatMap(r -> r.getHttp().getPaths().stream()).map(p -> p.getBackend().getService())
                .map(b -> b.getName() + ":" + b.getPort().getName()).toList();
        assertThat(backends).contains("web-ui:http");
        backends.forEach(b -> assertThat(PUBLIC_PORTS.getOrDefault(b.split(":")[0], Set.of())).contains(b.split(":")[1]));
    }

    // ---- scaling -----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void replicasAutoscalersBudgetsAndSpreadAreTheOverlays(Overlay overlay) {
        RenderedManifests m = rendered(overlay);
        boolean scaled = overlay == Overlay.SCALED;
        int maxConsumers = Topics.ALL.stream().mapToInt(Topics.Spec::partitions).min().orElseThrow();
        for (String service : SHOP) {
            Deployment d = m.get(Deployment.class, service);
            assertThat(d.getSpec().getReplicas()).as("%s replicas of %s", overlay, service).isEqualTo(overlay.replicas);
            var hpa = m.find(HorizontalPodAutoscaler.class, service);
            if (scaled && !service.equals("web-ui")) {
                assertThat(hpa).as("autoscaler of %s", service).isPresent();
                assertThat(hpa.get().getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
                assertThat(hpa.get().getSpec().getMaxReplicas()).as("a consumer group has work for one instance per partition")
                        .isBetween(hpa.get().getSpec().getMinReplicas(), maxConsumers);
                assertThat(hpa.get().getSpec().getMetrics()).singleElement()
                        .satisfies(metric -> assertThat(metric.getResource().getName()).isEqualTo("cpu"));
            } else {
                assertThat(hpa).as("%s has no autoscaler for %s", overlay, service).isEmpty();
            }
        }
        List<RenderedManifests.Workload> replicated = m.workloads().stream().filter(w -> !w.kind().equals("Job")
                && !w.name().equals("postgres")).toList();
        for (RenderedManifests.Workload w : replicated) {
            int replicas = w.kind().equals("Deployment") ? m.get(Deployment.class, w.name()).getSpec().getReplicas()
                    : m.get(StatefulSet.class, w.name()).getSpec().getReplicas();
            List<PodDisruptionBudget> budgets = m.all(PodDisruptionBudget.class).stream()
                    .filter(b -> NetworkPolicies.matches(b.getSpec().getSelector(), w.labels())).toList();
            List<TopologySpreadConstraint> spread = list(w.template().getSpec().getTopologySpreadConstraints());
            if (!scaled) {
                assertThat(budgets).as("%s: a budget on a single replica would block node drains", w.name()).isEmpty();
                continue;
            }
            assertThat(budgets).as("disruption budget of %s", w.name()).hasSize(1);
            PodDisruptionBudget budget = budgets.get(0);
            int unavailable = budget.getSpec().getMaxUnavailable() != null ? budget.getSpec().getMaxUnavailable().getIntVal()
                    : replicas - budget.getSpec().getMinAvailable().getIntVal();
            assertThat(unavailable).as("%s: one pod at a time may go, never all", w.name()).isBetween(1, replicas - 1);
            if (w.name().equals("kafka")) {
                assertThat(unavailable).as("brokers down while min.insync.replicas still holds")
                        .isLessThanOrEqualTo(overlay.replicationFactor() - overlay.minInsyncReplicas);
            }
            assertThat(spread).as("topology spread of %s", w.name()).anySatisfy(constraint -> {
                assertThat(constraint.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                assertThat(NetworkPolicies.matches(constraint.getLabelSelector(), w.labels())).isTrue();
                Set<String> keys = new HashSet<>(list(constraint.getMatchLabelKeys()));
                if (constraint.getLabelSelector().getMatchLabels() == null
                        || !constraint.getLabelSelector().getMatchLabels().containsKey(NAME)) {
                    assertThat(keys).as("%s spreads its own pods, not the shop's", w.name()).contains(NAME);
                }
            });
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------------

    static Map<String, String> baseImageTags() {
        Object images = Compose.path(Compose.yaml(K8S.resolve("base/kustomization.yaml")), "images");
        Map<String, String> tags = new LinkedHashMap<>();
        for (Object image : (List<?>) images) {
            String previous = tags.put(String.valueOf(Compose.path(image, "name")), String.valueOf(Compose.path(image, "newTag")));
            assertThat(previous).as("image %s is listed once", Compose.path(image, "name")).isNull();
        }
        assertThat(new HashSet<>(tags.values())).as("one tag for the shop's images").hasSize(1);
        return tags;
    }

    static Container mainContainer(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(name)).findFirst()
                .orElseGet(() -> fail("Deployment %s has no container named after it", name));
    }

    static List<Container> containers(PodSpec pod) {
        List<Container> all = new ArrayList<>(list(pod.getInitContainers()));
        all.addAll(pod.getContainers());
        return all;
    }

    /** A container's environment with every value resolved (envFrom first, env overriding, as the kubelet does). */
    static Map<String, String> environment(RenderedManifests m, Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : list(c.getEnvFrom())) {
            String prefix = Objects.requireNonNullElse(from.getPrefix(), "");
            if (from.getConfigMapRef() != null) {
                m.get(ConfigMap.class, from.getConfigMapRef().getName()).getData().forEach((k, v) -> env.put(prefix + k, v));
            }
            if (from.getSecretRef() != null) {
                RenderedManifests.decoded(m.get(Secret.class, from.getSecretRef().getName())).forEach((k, v) -> env.put(prefix + k, v));
            }
        }
        for (EnvVar e : list(c.getEnv())) {
            String value = e.getValue();
            if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                value = m.get(ConfigMap.class, ref.getName()).getData().get(ref.getKey());
            } else if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                var ref = e.getValueFrom().getSecretKeyRef();
                value = RenderedManifests.decoded(m.get(Secret.class, ref.getName())).get(ref.getKey());
            }
            env.put(e.getName(), value);
        }
        return env;
    }

    /** Whether the variable's value comes from a Secret (and no plain value or ConfigMap overrides it). */
    static boolean fromSecret(RenderedManifests m, Container c, String variable) {
        for (EnvVar e : list(c.getEnv())) {
            if (e.getName().equals(variable)) {
                return e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null;
            }
        }
        boolean secret = false;
        for (EnvFromSource from : list(c.getEnvFrom())) {
            if (from.getConfigMapRef() != null && m.get(ConfigMap.class, from.getConfigMapRef().getName()).getData().containsKey(variable)) {
                secret = false;
            }
            if (from.getSecretRef() != null && RenderedManifests.decoded(m.get(Secret.class, from.getSecretRef().getName())).containsKey(variable)) {
                secret = true;
            }
        }
        return secret;
    }

    /** The texts of a container that may name other services: its resolved variables and its commands. */
    static List<String> containerText(RenderedManifests m, Container c) {
        List<String> texts = new ArrayList<>(environment(m, c).values().stream().filter(Objects::nonNull).toList());
        texts.addAll(list(c.getCommand()));
        texts.addAll(list(c.getArgs()));
        return texts;
    }

    static boolean servicePort(Service service, int port) {
        return service.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port);
    }

    static ContainerPort containerPort(RenderedManifests.Workload w, IntOrString port) {
        return w.template().getSpec().getContainers().stream().flatMap(c -> list(c.getPorts()).stream())
                .filter(p -> port.getStrVal() != null ? port.getStrVal().equals(p.getName()) : port.getIntVal().equals(p.getContainerPort()))
                .findFirst().orElse(null);
    }

    static String httpProbe(Probe probe) {
        assertThat(probe).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as("an HTTP probe").isNotNull();
        return get.getPath();
    }

    /**
     * Whether the service's code reads a property that the variable maps to (Micronaut: EVENTSHOP_KAFKA_REPLICATION_FACTOR
     * is eventshop.kafka.replication-factor): a ${...} in an annotation or a @Requires property, in its own sources or
     * the platform's it runs on.
     */
    static boolean readInCode(String service, String variable) {
        List<Path> dirs = new ArrayList<>(List.of(ROOT.resolve(service).resolve("src/main/java")));
        if (read(ROOT.resolve(service).resolve("pom.xml")).contains("<artifactId>platform</artifactId>")) {
            dirs.add(ROOT.resolve("platform/src/main/java"));
        }
        Pattern property = Pattern.compile("(?:\\$\\{|property\\s*=\\s*\")([a-z][a-z0-9.-]*)");
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher matcher = property.matcher(read(file));
                    while (matcher.find()) {
                        if (matcher.group(1).replace('.', '_').replace('-', '_').equalsIgnoreCase(variable)) {
                            return true;
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }

    static Duration duration(Object value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = DURATION.matcher(value.toString());
        assertThat(matcher.matches()).as("duration %s", value).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
