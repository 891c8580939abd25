package eventshop.benchmark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * The hottest frames of a JDK Flight Recorder recording: CPU (execution samples, by self and by total) and waiting
 * (threads parked or blocked, by the shop's frame that waited), for the whole service and for the stacks passing
 * through a focus method (POST /orders: {@code OrderController.place}).
 */
final class JfrTop {

    static final String FOCUS = "eventshop.orders.api.OrderController.place";

    private JfrTop() {
    }

    private static final class Tally {
        final Map<String, Double> self = new HashMap<>();
        final Map<String, Double> total = new HashMap<>();
        final Map<String, Double> shop = new HashMap<>();
        final Map<String, Double> threads = new HashMap<>();
        double weight;
    }

    static void print(Path recording, int top) throws Exception {
        Tally cpu = new Tally();
        Tally cpuFocus = new Tally();
        Tally waits = new Tally();
        Tally waitsFocus = new Tally();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            boolean focus = frames.stream().anyMatch(f -> name(f.getMethod()).equals(FOCUS));
            if (type.equals("jdk.ExecutionSample")) {
                add(cpu, event, frames, 1);
                if (focus) {
                    add(cpuFocus, event, frames, 1);
                }
            } else if (type.equals("jdk.ThreadPark") || type.equals("jdk.JavaMonitorEnter")
                    || type.equals("jdk.SocketRead")) {
                if (firstOutsideJdk(frames) == null) {
                    continue;   // an idle pool thread waiting for work
                }
                double ms = event.getDuration().toNanos() / 1e6;
                add(waits, event, frames, ms);
                if (focus) {
                    add(waitsFocus, event, frames, ms);
                }
            }
        }
        System.out.printf("%s: %.0f execution samples (%.0f in %s); %.0f ms waited (%.0f in %s)%n",
                recording.getFileName(), cpu.weight, cpuFocus.weight, FOCUS, waits.weight, waitsFocus.weight, FOCUS);
        System.out.println("\n== CPU, whole service ==");
        printTop("threads", cpu.threads, cpu.weight, 8);
        printTop("self (top frame)", cpu.self, cpu.weight, top);
        printTop("shop frames on the stack (eventshop.*)", cpu.shop, cpu.weight, top);
        System.out.println("\n== CPU, POST /orders (samples under " + FOCUS + ") ==");
        printTop("self (top frame)", cpuFocus.self, cpuFocus.weight, top);
        printTop("on the stack", cpuFocus.total, cpuFocus.weight, top);
        System.out.println("\n== waiting (parked, blocked on a monitor, socket reads; JFR's 10-20 ms thresholds), whole service ==");
        printTop("threads", waits.threads, waits.weight, 8);
        printTop("where (first non-JDK frame)", waits.self, waits.weight, top);
        System.out.println("\n== waiting, POST /orders ==");
        printTop("where (first non-JDK frame)", waitsFocus.self, waitsFocus.weight, top);
    }

    private static void add(Tally tally, RecordedEvent event, List<RecordedFrame> frames, double weight) {
        tally.weight += weight;
        boolean cpu = event.getEventType().getName().equals("jdk.ExecutionSample");
        String where = cpu ? (frames.isEmpty() ? "?" : name(frames.get(0).getMethod())) : firstOutsideJdk(frames);
        tally.self.merge(where, weight, Double::sum);
        Set<String> onStack = new HashSet<>();
        for (RecordedFrame frame : frames) {
            onStack.add(name(frame.getMethod()));
        }
        for (String m : onStack) {
            tally.total.merge(m, weight, Double::sum);
            if (m.startsWith("eventshop.")) {
                tally.shop.merge(m, weight, Double::sum);
            }
        }
        var thread = event.getThread(cpu ? "sampledThread" : "eventThread");
        tally.threads.merge(thread == null ? "?" : thread.getJavaName().replaceAll("-?\\d+$", "-N"), weight, Double::sum);
    }

    private static String firstOutsideJdk(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String n = name(frame.getMethod());
            if (!n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.")) {
                return n;
            }
        }
        return null;
    }

    private static void printTop(String title, Map<String, Double> counts, double all, int top) {
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, all), e.getKey()));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }
}
