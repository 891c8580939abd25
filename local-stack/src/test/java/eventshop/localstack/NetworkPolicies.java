package eventshop.localstack;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes' NetworkPolicy ingress rules, evaluated for pods of one namespace: may a pod with these labels (or a
 * client outside the namespace, null) open a connection to this port of a pod with those labels?
 */
final class NetworkPolicies {

    private final List<NetworkPolicy> policies;

    NetworkPolicies(List<NetworkPolicy> policies) {
        this.policies = policies;
    }

    boolean allows(Map<String, String> source, Map<String, String> target, ContainerPort port) {
        List<NetworkPolicy> isolating = policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes() == null || p.getSpec().getPolicyTypes().contains("Ingress"))
                .filter(p -> matches(p.getSpec().getPodSelector(), target))
                .toList();
        if (isolating.isEmpty()) {
            return true;
        }
        return isolating.stream().flatMap(p -> p.getSpec().getIngress() == null ? java.util.stream.Stream.empty()
                : p.getSpec().getIngress().stream()).anyMatch(rule -> admits(rule, source, port));
    }

    private static boolean admits(NetworkPolicyIngressRule rule, Map<String, String> source, ContainerPort port) {
        boolean portMatches = rule.getPorts() == null || rule.getPorts().isEmpty()
                || rule.getPorts().stream().anyMatch(p -> matches(p, port));
        boolean sourceMatches = rule.getFrom() == null || rule.getFrom().isEmpty()
                || rule.getFrom().stream().anyMatch(peer -> matches(peer, source));
        return portMatches && sourceMatches;
    }

    private static boolean matches(NetworkPolicyPort rulePort, ContainerPort port) {
        String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
        if (rulePort.getProtocol() != null && !rulePort.getProtocol().equals(protocol)) {
            return false;
        }
        IntOrString p = rulePort.getPort();
        if (p == null) {
            return true;
        }
        return p.getStrVal() != null ? p.getStrVal().equals(port.getName()) : p.getIntVal().equals(port.getContainerPort());
    }

    /** A pod selector alone picks pods of the policy's namespace; a namespace selector or an IP block reaches out. */
    private static boolean matches(NetworkPolicyPeer peer, Map<String, String> source) {
        if (peer.getIpBlock() != null) {
            return source == null; // addresses, not pods of the namespace
        }
        if (peer.getNamespaceSelector() != null) {
            return source == null || matches(peer.getPodSelector(), source);
        }
        return source != null && matches(peer.getPodSelector(), source);
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null
                && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = labels.get(requirement.getKey());
                boolean ok = switch (requirement.getOperator()) {
                    case "In" -> value != null && requirement.getValues().contains(value);
                    case "NotIn" -> value == null || !requirement.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
