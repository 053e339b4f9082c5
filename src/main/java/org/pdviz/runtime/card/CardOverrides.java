package org.pdviz.runtime.card;

import java.nio.file.Path;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.Signature;

/**
 * Card fields a user supplies for a model without a card (or to override one). Any may be null.
 * {@link #complete} fills what is still missing from the model's signature and the documented
 * defaults (cosine schedule clipped to [-20, 20], data range [-1, 1], the file name as name); only
 * the parameterisation, and a data shape the signature cannot tell, have no default.
 */
public record CardOverrides(String name, String dataset, Parameterization parameterization, DataShape dataShape,
                            double[] dataRange, CosineSchedule schedule, Integer steps) {

    public static final CardOverrides NONE = new CardOverrides(null, null, null, null, null, null, null);

    public static CardOverrides parameterization(Parameterization p) {
        return new CardOverrides(null, null, p, null, null, null, null);
    }

    public boolean isEmpty() {
        return name == null && dataset == null && parameterization == null && dataShape == null && dataRange == null
                && schedule == null && steps == null;
    }

    /** Fields a card-less model still needs from the user, given what its signature tells. */
    public static java.util.List<String> missingFields(ModelCard card, CardOverrides o, Signature signature) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        boolean hasP = o.parameterization != null || (card != null && card.parameterization() != null);
        if (!hasP) {
            missing.add("parameterization");
        }
        boolean hasShape = o.dataShape != null || (card != null && card.dataShape() != null)
                || shapeFromSignature(signature) != null;
        if (!hasShape) {
            missing.add("dataShape");
        }
        return missing;
    }

    public ModelCard complete(ModelCard card, Signature signature, Path file) throws CardException {
        if (card != null) {
            refuseConflicts(card);
        }
        java.util.List<String> missing = missingFields(card, this, signature);
        if (!missing.isEmpty()) {
            String what = String.join(" and ", missing);
            String flags = missing.stream().map(m -> m.equals("parameterization")
                    ? "--parameterization x|eps|v|both" : "--shape D1,D2,...").reduce((a, b) -> a + " " + b).orElse("");
            throw new CardException((card == null ? "the model has no card (metadata '" + ModelCard.METADATA_KEY
                    + "')" : "the model card lacks " + what) + "; give the " + what + ": " + flags);
        }
        String n = firstNonNull(name, card == null ? null : card.name(), baseName(file));
        String d = firstNonNull(dataset, card == null ? null : card.dataset(), "unknown");
        String p = parameterization != null ? parameterization.id() : card.parameterization();
        Parameterization.parse(p);
        DataShape shape = dataShape != null ? dataShape
                : card != null && card.dataShape() != null ? card.shapeValue() : shapeFromSignature(signature);
        double[] range = firstNonNull(dataRange, card == null ? null : card.dataRange(), new double[] {-1, 1});
        ModelCard.Schedule sch = schedule != null ? ModelCard.Schedule.of(schedule)
                : card != null && card.schedule() != null ? card.schedule() : ModelCard.Schedule.of(CosineSchedule.CLIPPED);
        Integer st = steps != null ? steps : card == null ? null : card.steps();
        return new ModelCard(ModelCard.FORMAT, n, d, p, sch, shape.dims(), range, st,
                card == null ? null : card.family(), card == null ? null : card.lineage(),
                card == null ? null : card.description());
    }

    /**
     * A field given for a model whose card already states it differently is refused rather than
     * silently taking over: the card describes how the network was trained, and sampling it as
     * something else gives garbage.
     */
    private void refuseConflicts(ModelCard card) throws CardException {
        java.util.List<String> c = new java.util.ArrayList<>();
        if (parameterization != null && card.parameterization() != null
                && !parameterization.id().equalsIgnoreCase(card.parameterization().strip())) {
            c.add("--parameterization " + parameterization.id() + " (the card says " + card.parameterization() + ")");
        }
        if (dataShape != null && card.dataShape() != null && !java.util.Arrays.equals(dataShape.dims(), card.dataShape())) {
            c.add("--shape " + dataShape + " (the card says " + java.util.Arrays.toString(card.dataShape()) + ")");
        }
        if (dataRange != null && card.dataRange() != null && !java.util.Arrays.equals(dataRange, card.dataRange())) {
            c.add("--data-range " + java.util.Arrays.toString(dataRange) + " (the card says "
                    + java.util.Arrays.toString(card.dataRange()) + ")");
        }
        if (!c.isEmpty()) {
            throw new CardException("the model's card contradicts " + String.join(" and ", c)
                    + "; those options are for models without a card: leave them out");
        }
    }

    /** The data shape when the z input's dimensions after the batch are all fixed; else null. */
    public static DataShape shapeFromSignature(Signature signature) {
        Signature.Tensor z = signature == null ? null : signature.input("z");
        if (z == null || z.rank() < 2) {
            return null;
        }
        int[] dims = new int[z.rank() - 1];
        for (int i = 1; i < z.rank(); i++) {
            if (z.shape()[i] <= 0) {
                return null;
            }
            dims[i - 1] = (int) z.shape()[i];
        }
        return new DataShape(dims);
    }

    private static String baseName(Path file) {
        String f = file.getFileName().toString();
        return f.endsWith(".onnx") ? f.substring(0, f.length() - 5) : f;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
