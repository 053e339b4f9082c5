package org.pdviz.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.TimeInput;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.card.ModelCard;

/**
 * The model contract, checked against a file's signature: two inputs, the sample (the card's
 * {@code inputs.z}, default {@code z}: float [B, ...data shape]) and the time ({@code inputs.t},
 * default {@code t}: [B], or one value for the whole batch as [1] or a scalar; float, or int64 for a
 * timestep index); exactly one float output of any name shaped like the sample (twice the channels
 * for "both"). The batch dimension may be symbolic or fixed; a fixed one is run in chunks of its
 * size. Every problem is one phrase that names the tensor and what is wrong.
 */
public final class Contract {

    /**
     * The largest fixed batch accepted: every call computes the whole fixed batch (the last chunk is
     * padded), so a larger one makes even a handful of samples cost that many.
     */
    public static final int MAX_FIXED_BATCH = 1 << 16;

    private Contract() {
    }

    /** The first check: the inputs the card names (the contract's z and t by default) are there. */
    public static List<String> inputNameProblems(Signature sig, ModelCard.Inputs names) {
        List<String> found = sig.inputs().stream().map(Signature.Tensor::name).toList();
        if (sig.inputs().size() != 2 || sig.input(names.z()) == null || sig.input(names.t()) == null) {
            return List.of("expected exactly two inputs named '" + names.z() + "' and '" + names.t() + "' ("
                    + (names.equals(ModelCard.Inputs.CONTRACT) ? "the pdviz contract; other names go in the card's"
                    + " inputs, e.g. --card FILE.json with {\"inputs\": {\"z\": .., \"t\": ..}}" : "the card's inputs")
                    + "), found " + found);
        }
        return List.of();
    }

    /** Whether the time input takes one value for the whole batch: a scalar or shape [1]. */
    public static boolean sharedTime(Signature.Tensor t) {
        return t.rank() == 0 || (t.rank() == 1 && t.shape()[0] == 1);
    }

    /** Every way {@code sig} breaks the contract for a (completed) card; empty when it follows it. */
    public static List<String> problems(Signature sig, ModelCard card) {
        ModelCard.Inputs names = card.inputsValue();
        List<String> out = new ArrayList<>(inputNameProblems(sig, names));
        if (!out.isEmpty()) {
            return out;
        }
        DataShape shape = card.shapeValue();
        Parameterization p = card.parameterizationValue();
        TimeInput ti = card.timeInputValue();
        Signature.Tensor z = sig.input(names.z()), t = sig.input(names.t());
        String zq = "input '" + names.z() + "'", tq = "input '" + names.t() + "'";
        if (!z.type().equals("float")) {
            out.add(zq + " must be a float tensor, found " + z.describe());
        }
        boolean index = ti == TimeInput.INDEX && (t.type().equals("int64") || t.type().equals("float"));
        if (!index && !t.type().equals("float")) {
            out.add(tq + " must be " + (ti == TimeInput.INDEX ? "int64 or float" : "float") + " for time input '"
                    + ti.id() + "', found " + t.describe());
        }
        if (z.rank() != shape.rank() + 1) {
            out.add(zq + " must have rank " + (shape.rank() + 1) + " ([B] + data shape " + shape + "), found "
                    + z.describe());
        } else {
            dims(z, shape, zq, out);
        }
        if (t.rank() > 1) {
            out.add(tq + " must have shape [B], [1] or be a scalar, found " + t.describe());
        }
        if (sig.outputs().size() != 1) {
            out.add("expected exactly one output, found " + sig.outputs().size() + " " + sig.outputs().stream()
                    .map(Signature.Tensor::name).toList());
        } else {
            Signature.Tensor o = sig.outputs().get(0);
            if (!o.type().equals("float") || o.rank() != shape.rank() + 1) {
                out.add("the output must be a float tensor of rank " + (shape.rank() + 1) + ", found " + o.describe());
            } else {
                dims(o, shape.withChannelFactor(p.outputFactor()), "output '" + o.name() + "' (parameterization "
                        + p.id() + ")", out);
            }
        }
        batch(sig, names, out);
        return out;
    }

    /** The batch size a graph with the contract's input names fixes, or 0 when free. */
    public static int fixedBatch(Signature sig) {
        return fixedBatch(sig, ModelCard.Inputs.CONTRACT);
    }

    /** The batch size the graph fixes (the same in the sample, a per-sample time and the output), or 0 when free. */
    public static int fixedBatch(Signature sig, ModelCard.Inputs names) {
        long fixed = 0;
        for (Signature.Tensor s : batched(sig, names)) {
            if (s.rank() > 0 && s.shape()[0] > 0) {
                fixed = Math.max(fixed, s.shape()[0]);
            }
        }
        return (int) Math.min(fixed, Integer.MAX_VALUE);
    }

    private static void batch(Signature sig, ModelCard.Inputs names, List<String> out) {
        long seen = 0;
        for (Signature.Tensor s : batched(sig, names)) {
            long b = s.rank() > 0 ? s.shape()[0] : 0;
            if (b > 0 && seen > 0 && b != seen) {
                out.add("the batch dimension is fixed to different sizes: " + batched(sig, names).stream()
                        .map(Signature.Tensor::describe).toList());
                return;
            }
            seen = b > 0 ? b : seen;
        }
        if (seen > MAX_FIXED_BATCH) {
            out.add("input '" + names.z() + "' fixes the batch at " + seen + " samples; every call would compute all of"
                    + " them, and pdviz takes at most " + MAX_FIXED_BATCH + " (export the model with a dynamic batch"
                    + " dimension)");
        }
    }

    /** The tensors whose first dimension is the batch: the sample, the output, and the time unless shared. */
    private static List<Signature.Tensor> batched(Signature sig, ModelCard.Inputs names) {
        List<Signature.Tensor> all = new ArrayList<>();
        if (sig.input(names.z()) != null) {
            all.add(sig.input(names.z()));
        }
        Signature.Tensor t = sig.input(names.t());
        if (t != null && !sharedTime(t)) {
            all.add(t);
        }
        all.addAll(sig.outputs());
        return all;
    }

    private static void dims(Signature.Tensor t, DataShape expected, String what, List<String> out) {
        for (int i = 0; i < expected.rank(); i++) {
            long d = t.shape()[i + 1];
            if (d > 0 && d != expected.dim(i)) {
                out.add(what + " has shape " + t.describe() + " but the data shape needs "
                        + Arrays.toString(expected.batched(-1)).replace("-1", "B"));
                return;
            }
        }
    }
}
