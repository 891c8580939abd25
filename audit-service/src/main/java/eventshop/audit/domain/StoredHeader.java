package eventshop.audit.domain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One Kafka header as journaled; the value follows the rules of {@link StoredBytes}. */
@Serdeable
public record StoredHeader(String name, @Nullable String value, boolean base64) {

    public static StoredHeader of(String name, byte[] value) {
        StoredBytes stored = StoredBytes.of(value);
        return new StoredHeader(JournalText.clean(name), stored.value(), stored.base64());
    }

    public byte[] valueBytes() {
        return new StoredBytes(value, base64).toBytes();
    }
}
