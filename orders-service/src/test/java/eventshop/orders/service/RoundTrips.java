package eventshop.orders.service;

import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the round trips the PostgreSQL JDBC driver makes on the calling thread: every request it sends ends with a
 * Sync message, which it logs at FINEST, and then waits for the server's answer. A batch of statements is one Sync,
 * and so is a commit. The connection pool's liveness check of an idle connection is not counted: it belongs to the
 * pool, not to what is measured.
 */
final class RoundTrips {

    /** Held here: java.util.logging keeps its loggers weakly, and a collected logger would lose its level. */
    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private RoundTrips() {
    }

    /** The round trips {@code work} made on this thread. */
    static long of(Callable<?> work) throws Exception {
        Counter counter = new Counter(Thread.currentThread());
        Level level = DRIVER.getLevel();
        DRIVER.addHandler(counter);
        DRIVER.setLevel(Level.FINEST);
        try {
            work.call();
        } finally {
            DRIVER.setLevel(level);
            DRIVER.removeHandler(counter);
        }
        return counter.syncs;
    }

    private static final class Counter extends Handler {

        private final Thread thread;
        private long syncs;

        Counter(Thread thread) {
            this.thread = thread;
        }

        @Override
        public void publish(LogRecord record) {
            if (Thread.currentThread() == thread && " FE=> Sync".equals(record.getMessage()) && !poolCheck()) {
                syncs++;
            }
        }

        private static boolean poolCheck() {
            return StackWalker.getInstance().walk(frames -> frames
                    .anyMatch(frame -> frame.getClassName().equals("com.zaxxer.hikari.pool.PoolBase")));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
