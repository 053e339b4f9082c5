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
        } catch (JsonProcessingException e) {
            throw new CardException("the model card is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
