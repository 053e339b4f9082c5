package org.pdviz.runtime.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads and writes model cards as JSON. */
public final class CardJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CardJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(ModelCard card) {
        try {
            return MAPPER.writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write model card", e);
        }
    }

    public static ModelCard read(String json) throws CardException {
        try {
            ModelCard card = MAPPER.readValue(json, ModelCard.class);
            if (card == null) {
                throw new CardException("the model card is empty");
            }
            return card;
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new CardException("the model card (metadata '" + ModelCard.METADATA_KEY + "') has "
                    + wrongType(e, json));
        } catch (JsonProcessingException e) {
            throw new CardException("the model card (metadata '" + ModelCard.METADATA_KEY + "') is not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    /** "a wrong type at 'schedule.logSnrMin': expected a number, got a string" */
    private static String wrongType(com.fasterxml.jackson.databind.exc.MismatchedInputException e, String json) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("(the whole card)");
        Class<?> target = e.getTargetType();
        String expected = target == null ? "another type"
                : target == int.class || target == Integer.class || target == long.class || target == Long.class
                ? "a whole number"
                : target == double.class || target == Double.class ? "a number"
                : target == String.class ? "a string"
                : target.isArray() ? "a list"
                : target == boolean.class || target == Boolean.class ? "true or false"
                : "an object";
        String got = e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f
                ? "'" + f.getValue() + "'" : found(json, e.getPath());
        return "a wrong type at '" + field + "': expected " + expected + ", got " + got;
    }

    /** What the card holds where a value of another type was expected. */
    private static String found(String json,
                                java.util.List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
        com.fasterxml.jackson.databind.JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return "something else";
        }
        for (var r : path) {
            n = n == null ? null : r.getFieldName() != null ? n.get(r.getFieldName()) : n.get(r.getIndex());
        }
        if (n == null) {
            return "something else";
        }
        if (n.isTextual()) {
            String t = n.asText();
            return "the string '" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'";
        }
        return n.isObject() ? "an object" : n.isArray() ? "a list" : n.isNumber() ? "a number"
                : n.isBoolean() ? "true or false" : n.isNull() ? "null" : "something else";
    }
}
