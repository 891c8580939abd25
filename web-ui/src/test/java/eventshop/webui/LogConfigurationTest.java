package eventshop.webui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import static org.assertj.core.api.Assertions.assertThat;


/** web-ui logs as every service does: its logback.xml includes platform's file, which its build packages. */
class LogConfigurationTest {

    @Test
    void theSharedLogConfigurationIsPackagedAndIncluded() throws IOException {
        assertThat(read("logback.xml")).contains("<include resource=\"eventshop-logback.xml\"/>");
        String shared = read("eventshop-logback.xml");
        assertThat(shared.contains("LogstashEncoder") && shared.contains("${LOG_FORMAT:-JSON}")).as(shared).isTrue();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = LogConfigurationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on web-ui's classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
