package org.pdviz.runtime.card;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.TimeInput;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.ModelFiles;
import org.pdviz.runtime.Signature;

/**
 * Card fields a user supplies for a model without a card, or to override its card. Any may be null.
 * Two layers: a side card ({@code side}, a partial card read from JSON, e.g. {@code --card FILE}) and,
 * above it, single fields (command-line flags, the app's dialog). {@link #complete} merges field by
 * field: single fields, then the side card, then the file's own card, then the documented defaults
 * (cosine schedule clipped to [-20, 20], time input t, inputs z and t, data range [-1, 1], the file
 * name as name). Only the parameterisation, a data shape the signature cannot tell, and input names
 * a graph without z and t needs, have no default.
 */
public record CardOverrides(String name, String dataset, Parameterization parameterization, DataShape dataShape,
                            double[] dataRange, ModelCard.ScheduleSpec schedule, Integer steps, TimeInput timeInput,
                            ModelCard.Inputs inputs, ModelCard side) {

    public static final CardOverrides NONE = new CardOverrides(null, null, null, null, null, null, null);

    /** Single fields, no side card. */
    public CardOverrides(String name, String dataset, Parameterization parameterization, DataShape dataShape,
                         double[] dataRange, ModelCard.ScheduleSpec schedule, Integer steps) {
        this(name, dataset, parameterization, dataShape, dataRange, schedule, steps, null, null, null);
    }

    public static CardOverrides parameterization(Parameterization p) {
        return new CardOverrides(null, null, p, null, null, null, null);
    }

    /** A whole (or partial) card as the side card, e.g. to reopen a file with the card the user completed. */
    public static CardOverrides of(ModelCard card) {
        return NONE.withSide(card);
    }

    public CardOverrides withSide(ModelCard card) {
        return new CardOverrides(name, dataset, parameterization, dataShape, dataRange, schedule, steps, timeInput,
                inputs, card);
    }

    /** This layer's single fields over {@code base}'s, with {@code base}'s side card. */
    public CardOverrides over(CardOverrides base) {
        return new CardOverrides(or(name, base.name), or(dataset, base.dataset), or(parameterization, base.parameterization),
                or(dataShape, base.dataShape), or(dataRange, base.dataRange), or(schedule, base.schedule),
                or(steps, base.steps), or(timeInput, base.timeInput), or(inputs, base.inputs), or(side, base.side));
    }

    public boolean isEmpty() {
        return name == null && dataset == null && parameterization == null && dataShape == null && dataRange == null
                && schedule == null && steps == null && timeInput == null && inputs == null && side == null;
    }

    /** Fields a model still needs from the user, given its card and what its signature tells. */
    public static List<String> missingFields(ModelCard card, CardOverrides o, Signature signature) {
        List<String> missing = new ArrayList<>();
        ModelCard merged = o.merge(card);
        if (merged.parameterization() == null) {
            missing.add("parameterization");
        }
        ModelCard.Inputs names = merged.inputsValue();
        boolean found = signature == null || (signature.input(names.z()) != null && signature.input(names.t()) != null);
        if (!found) {
            // a card-less graph with other names needs them; a card that names the wrong ones is a broken contract
            if (card == null && merged.inputs() == null) {
                missing.add("inputs");
            }
        } else if (merged.dataShape() == null && shapeFromSignature(signature, names.z()) == null) {
            missing.add("dataShape");
        }
        return missing;
    }

    /**
     * The card the model opens with: every layer merged, the defaults filled in, validated.
     *
     * @throws CardException naming the missing or bad field and how to give it
     */
    public ModelCard complete(ModelCard card, Signature signature, Path file) throws CardException {
        if (card != null) {
            refuseConflicts(overlay(side, card));
        }
        List<String> missing = missingFields(card, this, signature);
        if (!missing.isEmpty()) {
            throw new CardException(missingMessage(card, merge(card).inputsValue(), missing, signature));
        }
        ModelCard m = merge(card);
        ModelCard.Inputs names = m.inputsValue();
        int[] shape = m.dataShape() != null ? m.dataShape() : shapeFromSignature(signature, names.z()).dims();
        ModelCard done = new ModelCard(ModelCard.FORMAT, m.name() != null ? m.name() : ModelFiles.baseName(file),
                m.dataset() != null ? m.dataset() : "unknown", m.parameterization(),
                m.schedule() != null ? m.schedule() : ModelCard.ScheduleSpec.of(CosineSchedule.CLIPPED), shape,
                m.dataRange() != null ? m.dataRange() : new double[] {-1, 1}, m.steps(), m.family(), m.lineage(),
                m.description(), m.timeInput(), m.inputs());
        return done;
    }

    /**
     * A single field given for a model whose card (or side card) already states it differently is
     * refused rather than silently taking over: the card describes how the network was trained, and
     * sampling it as something else gives garbage. (A side card is the way to override a card.)
     */
    private void refuseConflicts(ModelCard card) throws CardException {
        List<String> c = new ArrayList<>();
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
                    + "; those options are for models without a card: leave them out (or give a side card, --card)");
        }
    }

    /** This layer over a card (null: none), field by field: single fields, the side card, the card. */
    public ModelCard merge(ModelCard card) {
        ModelCard base = overlay(side, card);
        ModelCard.Inputs in = inputs == null ? (base == null ? null : base.inputs()) : inputs;
        return new ModelCard(ModelCard.FORMAT, pick(name, base, ModelCard::name), pick(dataset, base, ModelCard::dataset),
                parameterization != null ? parameterization.id() : pick(null, base, ModelCard::parameterization),
                pick(schedule, base, ModelCard::schedule), dataShape != null ? dataShape.dims()
                        : pick(null, base, ModelCard::dataShape), pick(dataRange, base, ModelCard::dataRange),
                pick(steps, base, ModelCard::steps), pick(null, base, ModelCard::family),
                pick(null, base, ModelCard::lineage), pick(null, base, ModelCard::description),
                timeInput != null ? timeInput.id() : pick(null, base, ModelCard::timeInput), in);
    }

    /** {@code top}'s fields where set, else {@code bottom}'s (either may be null). */
    private static ModelCard overlay(ModelCard top, ModelCard bottom) {
        if (top == null || bottom == null) {
            return top == null ? bottom : top;
        }
        return new ModelCard(ModelCard.FORMAT, or(top.name(), bottom.name()), or(top.dataset(), bottom.dataset()),
                or(top.parameterization(), bottom.parameterization()), or(top.schedule(), bottom.schedule()),
                or(top.dataShape(), bottom.dataShape()), or(top.dataRange(), bottom.dataRange()),
                or(top.steps(), bottom.steps()), or(top.family(), bottom.family()), or(top.lineage(), bottom.lineage()),
                or(top.description(), bottom.description()), or(top.timeInput(), bottom.timeInput()),
                or(top.inputs(), bottom.inputs()));
    }

    private static <T> T pick(T value, ModelCard base, java.util.function.Function<ModelCard, T> field) {
        return value != null ? value : base == null ? null : field.apply(base);
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    private static String missingMessage(ModelCard card, ModelCard.Inputs names, List<String> missing,
                                         Signature signature) {
        String what = String.join(" and ", missing);
        List<String> how = new ArrayList<>();
        for (String m : missing) {
            how.add(switch (m) {
                case "parameterization" -> "--parameterization x|eps|v|both";
                case "dataShape" -> "--shape D1,D2,...";
                default -> "--card FILE.json with " + inputsHint(signature);
            });
        }
        String head = card == null ? "the model has no card (metadata '" + ModelCard.METADATA_KEY + "')"
                : "the model card lacks " + what;
        if (missing.contains("inputs") && signature != null) {
            head += "; its inputs " + signature.inputs().stream().map(Signature.Tensor::describe).toList()
                    + " are not named '" + names.z() + "' and '" + names.t() + "'";
        }
        return head + "; give the " + what + ": " + String.join(" ", how);
    }

    /** {"inputs": {"z": NAME, "t": NAME}} with the graph's names where the guess is plain (z: the higher rank). */
    public static String inputsHint(Signature signature) {
        String z = "NAME", t = "NAME";
        if (signature != null && signature.inputs().size() == 2) {
            Signature.Tensor a = signature.inputs().get(0), b = signature.inputs().get(1);
            if (a.rank() != b.rank()) {
                z = (a.rank() > b.rank() ? a : b).name();
                t = (a.rank() > b.rank() ? b : a).name();
            }
        }
        return "{\"inputs\": {\"z\": \"" + z + "\", \"t\": \"" + t + "\"}}";
    }

    /** The data shape when the named input's dimensions after the batch are all fixed; else null. */
    public static DataShape shapeFromSignature(Signature signature, String zName) {
        Signature.Tensor z = signature == null ? null : signature.input(zName);
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
}
