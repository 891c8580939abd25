package eventshop.platform.http;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An integer in a request body must be written as a JSON integer. Serde's own reading of {@code int} and
 * {@code Integer} coerces ({@code 1.5} becomes 1, {@code "2"} becomes 2), so a client's mistake would be carried out
 * silently as something it did not ask for; this one refuses both, and {@link UnreadableRequests} names the field.
 */
@Singleton
public class StrictIntegers implements Deserializer<Integer> {

    static final String MESSAGE = "must be a whole number, written without quotes or decimals";

    @Override
    public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type)
            throws IOException {
        Object value = decoder.decodeArbitrary();
        if (value instanceof Integer whole) {
            return whole;
        }
        if ((value instanceof Long || value instanceof BigInteger) && fitsInt(new BigDecimal(value.toString()))) {
            return ((Number) value).intValue();
        }
        throw decoder.createDeserializationException(MESSAGE, value);
    }

    @Override
    public Integer deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Integer> type)
            throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }

    private static boolean fitsInt(BigDecimal value) {
        return value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }
}
