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
 * The hottest frames of a JDK Flight Recorder recording's execution samples: by self time (the sampled top frame) and
 * by total time (every method on the sampled stack, once per sample), plus the share of samples in the shop's code.
 */
final class JfrTop {

    private JfrTop() {
    }

    static void print(Path recording, int top) throws Exception {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            }
            Set<String> onStack = new HashSet<>();
            for (RecordedFrame frame : frames) {
                onStack.add(name(frame.getMethod()));
            }
            onStack.forEach(m -> total.merge(m, 1, Integer::sum));
            var thread = event.getThread("sampledThread");
            threads.merge(thread == null ? "?" : thread.getJavaName().replaceAll("-?\\d+$", "-N"), 1, Integer::sum);
        }
        System.out.printf("%s: %d execution samples%n", recording.getFileName(), samples);
        printTop("threads (samples)", threads, samples, 10);
        printTop("top frames by self samples", self, samples, top);
        printTop("top frames by total samples (on the stack)", total, samples, top);
    }

    private static void printTop(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println(title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }
}
