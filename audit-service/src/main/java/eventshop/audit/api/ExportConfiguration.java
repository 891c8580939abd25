package eventshop.audit.api;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code eventshop.audit.export.*}: how many journal rows the export reads per query while it streams. */
@ConfigurationProperties("eventshop.audit.export")
public class ExportConfiguration {

    private int chunkSize = 500;

    public int getChunkSize() {
        return chunkSize;
    }

    public void setChunkSize(int chunkSize) {
        this.chunkSize = chunkSize;
    }
}
