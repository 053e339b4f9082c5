package org.pdviz.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.card.ModelCard;

/**
 * The model contract, checked against a file's signature: inputs {@code z} [B, ...data shape] and
 * {@code t} [B], float; exactly one float output shaped like z (twice the channels for "both").
 * The batch dimension may be symbolic or fixed; a fixed one is run in chunks of its size.
 * Every problem is one phrase that names the tensor and what is wrong.
 */
public final class Contract {

    /**
     * The largest fixed batch accepted: every call computes the whole fixed batch (the last chunk is
     * padded), so a larger one makes even a handful of samples cost that many.
     */
    public static final int MAX_FIXED_BATCH = 1 << 16;

    private Contract() {
    }

    /** The first check, before any card field is asked for: the inputs the contract names. */
    public static List<String> inputNameProblems(Signature sig) {
        List<String> names = sig.inputs().stream().map(Signature.Tensor::name).toList();
        if (sig.inputs().size() != 2 || sig.input("z") == null || sig.input("t") == null) {
            return List.of("expected exactly two inputs named 'z' and 't' (the pdviz contract), found " + names);
        }
        return List.of();
    }

    /** Every way {@code sig} breaks the contract for a (completed) card; empty when it follows it. */
    public static List<String> problems(Signature sig, ModelCard card) {
        List<String> out = new ArrayList<>(inputNameProblems(sig));
        if (!out.isEmpty()) {
            return out;
        }
        DataShape shape = card.shapeValue();
        Parameterization p = card.parameterizationValue();
        Signature.Tensor z = sig.input("z"), t = sig.input("t");
        if (!z.type().equals("float") || !t.type().equals("float")) {
            out.add("inputs must be float tensors, found " + z.describe() + " and " + t.describe());
        }
        if (z.rank() != shape.rank() + 1) {
            out.add("input 'z' must have rank " + (shape.rank() + 1) + " ([B] + data shape " + shape + "), found "
                    + z.describe());
        } else {
            dims(z, shape, "input 'z'", out);
        }
        if (t.rank() != 1) {
            out.add("input 't' must have rank 1 ([B]), found " + t.describe());
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
        batch(sig, out);
        return out;
    }

    /** The batch size the graph fixes (the same in z, t and the output), or 0 when it is free. */
    public static int fixedBatch(Signature sig) {
        long fixed = 0;
        for (Signature.Tensor s : tensors(sig)) {
            if (s.rank() > 0 && s.shape()[0] > 0) {
                fixed = Math.max(fixed, s.shape()[0]);
            }
        }
        return (int) Math.min(fixed, Integer.MAX_VALUE);
    }

    private static void batch(Signature sig, List<String> out) {
        long seen = 0;
        for (Signature.Tensor s : tensors(sig)) {
            long b = s.rank() > 0 ? s.shape()[0] : 0;
            if (b > 0 && seen > 0 && b != seen) {
                out.add("the batch dimension is fixed to different sizes: " + tensors(sig).stream()
                        .map(Signature.Tensor::describe).toList());
                return;
            }
            seen = b > 0 ? b : seen;
        }
        if (seen > MAX_FIXED_BATCH) {
            out.add("input 'z' fixes the batch at " + seen + " samples; every call would compute all of them, and"
                    + " pdviz takes at most " + MAX_FIXED_BATCH + " (export the model with a dynamic batch dimension)");
        }
    }

    private static List<Signature.Tensor> tensors(Signature sig) {
        List<Signature.Tensor> all = new ArrayList<>();
        if (sig.input("z") != null) {
            all.add(sig.input("z"));
        }
        if (sig.input("t") != null) {
            all.add(sig.input("t"));
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
