package org.pdviz.runtime.features;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.pdviz.runtime.card.CardException;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.ModelCard;

/**
 * What an image classifier used for FID/KID features is, stored as JSON in its ONNX file's
 * metadata_props under {@link #METADATA_KEY} (optional: a file without it still loads).
 * {@code heldOutAccuracy} is what its trainer measured; evaluation measures it again.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClassifierCard(int format, String name, String dataset, Integer features, Double heldOutAccuracy,
                             ModelCard.Family family, ModelCard.Lineage lineage, String description) {

    public static final String METADATA_KEY = "pdviz.classifier";
    public static final int FORMAT = 1;

    public String toJson() {
        try {
            return CardJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write classifier card", e);
        }
    }

    public static ClassifierCard read(String json) throws CardException {
        try {
            ClassifierCard c = CardJson.mapper().readValue(json, ClassifierCard.class);
            if (c == null) {
                throw new CardException("the classifier card is empty");
            }
            return c;
        } catch (JsonProcessingException e) {
            throw new CardException("the classifier card is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
