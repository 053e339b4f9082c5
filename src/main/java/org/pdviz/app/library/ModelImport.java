package org.pdviz.app.library;

import java.nio.file.Path;
import java.util.List;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.Signature;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;

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

    /** The file is a readable ONNX model whose card lacks {@code missing} (card field names). */
    public record NeedsFields(Path file, ModelCard partialCard, Signature signature, List<String> missing)
            implements Outcome {
    }

    private ModelImport() {
    }

    /** Inspects and, when nothing is missing, validates the file by opening it. */
    public static Outcome check(Path file) throws ModelFileException {
        Path abs = file.toAbsolutePath().normalize();
        OnnxDenoiser.Inspection info = OnnxDenoiser.inspect(abs);
        if (!info.usable()) {
            throw new ModelFileException(abs, String.join("; ", info.problems()));
        }
        List<String> missing = CardOverrides.missingFields(info.card(), CardOverrides.NONE, info.signature());
        if (!missing.isEmpty()) {
            return new NeedsFields(abs, info.card(), info.signature(), missing);
        }
        return new Ready(complete(abs, CardOverrides.NONE));
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

    /** Overrides that reproduce a card in full, so an entry completed by the user opens the same way again. */
    public static CardOverrides overridesOf(ModelCard card) {
        return new CardOverrides(card.name(), card.dataset(), card.parameterizationValue(), card.shapeValue(),
                card.dataRange(), card.scheduleValue(), card.steps());
    }
}
