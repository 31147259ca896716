package dev.paddock.shared;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Accepts only a JSON integer for an amount of cents. Jackson would otherwise read {@code 12.5} as 12 or
 * {@code "1250"} as 1250; an amount that is not exactly what the client meant must be refused. Use it with
 * {@code @JsonDeserialize(using = StrictCents.class)} on every amount of an API request.
 */
public class StrictCents extends ValueDeserializer<Long> {

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        return (Long) context.handleUnexpectedToken(Long.class, parser);
    }
}
