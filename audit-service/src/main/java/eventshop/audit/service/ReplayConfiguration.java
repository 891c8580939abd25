package eventshop.audit.service;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code eventshop.audit.replay.*}: the most events one replay republishes; a larger selection is refused. */
@ConfigurationProperties("eventshop.audit.replay")
public class ReplayConfiguration {

    private int maxEvents = 1000;

    public int getMaxEvents() {
        return maxEvents;
    }

    public void setMaxEvents(int maxEvents) {
        this.maxEvents = maxEvents;
    }
}
