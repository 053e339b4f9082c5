package org.pdviz.runtime.card;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** Field names a card may hold, at the top and inside "schedule" and "inputs". */
    private static final Set<String> FIELDS = names(ModelCard.class);
    /** What older pdviz wrote beside the fields (derived from steps) and reads back without meaning. */
    private static final Set<String> IGNORED = Set.of("student");
    private static final Set<String> SCHEDULE_FIELDS = names(ModelCard.ScheduleSpec.class);
    private static final Set<String> INPUTS_FIELDS = names(ModelCard.Inputs.class);

    private static Set<String> names(Class<? extends Record> type) {
        return java.util.Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /**
     * A card from a JSON file (a side card: any subset of the fields, over the model's own card).
     * Unknown field names are refused (a misspelt field would otherwise change nothing), and every
     * set field is validated; each message names the file and the field.
     */
    public static ModelCard readFile(Path file) throws CardException {
        String where = "card file '" + file + "'";
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new CardException(where + ": cannot be read (" + (Files.exists(file) ? e.getMessage() : "no such file")
                    + ")");
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new CardException(where + ": not a JSON object");
            }
            IGNORED.forEach(((com.fasterxml.jackson.databind.node.ObjectNode) root)::remove);
            unknown(where, "", root, FIELDS);
            if (root.get("schedule") != null && root.get("schedule").isObject()) {
                unknown(where, "schedule.", root.get("schedule"), SCHEDULE_FIELDS);
            }
            if (root.get("inputs") != null && root.get("inputs").isObject()) {
                unknown(where, "inputs.", root.get("inputs"), INPUTS_FIELDS);
            }
            ModelCard card = MAPPER.treeToValue(root, ModelCard.class);
            List<String> problems = CardCheck.problems(card);
            if (!problems.isEmpty()) {
                throw new CardException(where + ": " + String.join("; ", problems));
            }
            return card;
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw new CardException(where + ": " + wrongType(e, json));
        } catch (JsonMappingException e) {
            throw new CardException(where + ": field " + path(e) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new CardException(where + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (CardException e) {
            throw e.getMessage().startsWith(where) ? e : new CardException(where + ": " + e.getMessage());
        }
    }

    private static void unknown(String where, String prefix, JsonNode node, Set<String> known) throws CardException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new CardException(where + ": unknown field '" + prefix + f + "' (a card has " + known + ")");
            }
        }
    }

    /** "schedule.timesteps" from Jackson's reference chain. */
    private static String path(JsonMappingException e) {
        List<String> parts = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                : "[" + r.getIndex() + "]").toList();
        return parts.isEmpty() ? "?" : String.join(".", parts).replace(".[", "[");
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
