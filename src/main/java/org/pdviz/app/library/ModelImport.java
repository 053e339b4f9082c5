package org.pdviz.app.library;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.Signature;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;

/**
 * Adding a model file from disk: it must open and pass the model contract before it joins a
 * library; a file without a (complete) card first needs the user's answers for the missing fields.
 */
public final class ModelImport {

    /** What checking a file found. */
    public sealed interface Outcome permits Ready, NeedsFields {
    }

    /** The file opened and validated: this entry can join the library. */
    public record Ready(ModelEntry entry) implements Outcome {
    }

    /**
     * The file is a readable ONNX model whose card (with the fields already {@code given}) lacks
     * {@code missing} (card field names); {@code partialCard} is null when nothing describes it at all.
     */
    public record NeedsFields(Path file, ModelCard partialCard, Signature signature, List<String> missing,
                              CardOverrides given) implements Outcome {
    }

    private ModelImport() {
    }

    /** Inspects and, when nothing is missing, validates the file by opening it. */
    public static Outcome check(Path file) throws ModelFileException {
        return check(file, CardOverrides.NONE);
    }

    /** As {@link #check(Path)}, with card fields given (e.g. a side card). */
    public static Outcome check(Path file, CardOverrides given) throws ModelFileException {
        Path abs = file.toAbsolutePath().normalize();
        OnnxDenoiser.Inspection info = OnnxDenoiser.inspect(abs);
        if (!info.usable()) {
            throw new ModelFileException(abs, String.join("; ", info.problems()));
        }
        List<String> missing = CardOverrides.missingFields(info.card(), given, info.signature());
        if (!missing.isEmpty()) {
            return new NeedsFields(abs, info.card() == null && given.isEmpty() ? null : given.merge(info.card()),
                    info.signature(), missing, given);
        }
        return new Ready(complete(abs, given));
    }

    /**
     * Opens the file with the user's fields (validating it against the contract) and returns its
     * entry, whose card is the completed card.
     */
    public static ModelEntry complete(Path file, CardOverrides fields) throws ModelFileException {
        Path abs = file.toAbsolutePath().normalize();
        try (OnnxDenoiser d = OnnxDenoiser.open(abs, fields, Device.CPU, line -> { })) {
            return new ModelEntry(abs, d.card(), abs.toFile().length());
        }
    }

    /**
     * Writes a copy of a model file with a card (the file's own, completed by {@code fields}) in its
     * metadata, the graph untouched. The card is checked first by opening the file with it, so a card
     * that does not fit the graph writes nothing.
     */
    public static ModelCard embed(Path file, CardOverrides fields, Path out) throws ModelFileException, IOException {
        ModelCard card = complete(file, fields).card();
        OnnxGraph.write(OnnxGraph.withMetadata(OnnxGraph.read(file), ModelCard.METADATA_KEY, CardJson.write(card)), out);
        return card;
    }

    /** Overrides that reproduce a card in full, so an entry completed by the user opens the same way again. */
    public static CardOverrides overridesOf(ModelCard card) {
        return CardOverrides.of(card);
    }
}
