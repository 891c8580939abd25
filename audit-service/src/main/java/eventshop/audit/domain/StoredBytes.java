package eventshop.audit.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Bytes as the journal keeps them: readable text when they are UTF-8, base64 otherwise, so that any record (garbage
 * included) can be stored in a text column and replayed byte for byte. NUL is valid UTF-8 but PostgreSQL text cannot
 * hold it, so bytes containing NUL are kept as base64 too.
 *
 * @param value  the text, the base64 form, or {@code null} for absent bytes
 * @param base64 whether {@code value} is base64
 */
public record StoredBytes(String value, boolean base64) {

    public static final StoredBytes ABSENT = new StoredBytes(null, false);

    public static StoredBytes of(byte[] bytes) {
        if (bytes == null) {
            return ABSENT;
        }
        String text = utf8(bytes);
        if (text == null || text.indexOf('\0') >= 0) {
            return new StoredBytes(Base64.getEncoder().encodeToString(bytes), true);
        }
        return new StoredBytes(text, false);
    }

    /** The original bytes. */
    public byte[] toBytes() {
        if (value == null) {
            return null;
        }
        return base64 ? Base64.getDecoder().decode(value) : value.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
