package eventshop.webui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** web-ui logs as every service does: its logback.xml includes platform's file, which its build packages. */
class LogConfigurationTest {

    @Test
    void theSharedLogConfigurationIsPackagedAndIncluded() throws IOException {
        assertTrue(read("logback.xml").contains("<include resource=\"eventshop-logback.xml\"/>"));
        String shared = read("eventshop-logback.xml");
        assertTrue(shared.contains("LogstashEncoder") && shared.contains("${LOG_FORMAT:-JSON}"), shared);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = LogConfigurationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " on web-ui's classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
