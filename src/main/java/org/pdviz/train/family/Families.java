package org.pdviz.train.family;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.card.ModelCard;

/** Builds a family from its name and hyperparameters: from the command line or from a model card. */
public final class Families {

    public static final List<String> NAMES = List.of(Mlp.NAME, Unet.NAME);

    private Families() {
    }

    /** Whether a card's family is one we can train (and so reopen for training). */
    public static boolean isTrainable(ModelCard card) {
        return card != null && card.family() != null && NAMES.contains(card.family().name());
    }

    /** The family recorded in a card. */
    public static Family fromCard(ModelCard card) {
        if (!isTrainable(card)) {
            throw new IllegalArgumentException("model '" + (card == null ? "?" : card.name()) + "' is not of a trainable"
                    + " family (" + NAMES + "), found " + (card == null || card.family() == null ? "none"
                    : "'" + card.family().name() + "'"));
        }
        return build(card.family().name(), card.shapeValue(), card.parameterizationValue().outputFactor(),
                card.family().params());
    }

    /**
     * A family by name with hyperparameters (missing ones take the defaults). Values may be numbers,
     * strings ("32,64") or lists (from JSON).
     */
    public static Family build(String name, DataShape shape, int outputFactor, Map<String, ?> params) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Map<String, Object> p = new LinkedHashMap<>(params == null ? Map.of() : params);
        return switch (n) {
            case Mlp.NAME -> {
                if (!shape.isPoints()) {
                    throw new IllegalArgumentException("mlp is for vector data such as 2-D points, not data of shape "
                            + shape + " (use unet for images)");
                }
                checkKeys(n, p, List.of("width", "depth", "embedding"));
                yield new Mlp(shape.size(), integer(p, "width", Mlp.DEFAULT_WIDTH),
                        integer(p, "depth", Mlp.DEFAULT_DEPTH), integer(p, "embedding", Mlp.DEFAULT_EMBEDDING),
                        outputFactor);
            }
            case Unet.NAME -> {
                checkKeys(n, p, List.of("channels", "blocks", "groups", "embedding", "timeDim"));
                yield Unet.of(shape, integers(p, "channels", Unet.DEFAULT_CHANNELS),
                        integer(p, "blocks", Unet.DEFAULT_BLOCKS), integer(p, "groups", Unet.DEFAULT_GROUPS),
                        integer(p, "embedding", Unet.DEFAULT_EMBEDDING), integer(p, "timeDim", Unet.DEFAULT_TIME_DIM),
                        outputFactor);
            }
            default -> throw new IllegalArgumentException("unknown family '" + name + "', expected one of " + NAMES);
        };
    }

    /** The same family with another parameterisation's output size. */
    public static Family withOutputFactor(Family f, Parameterization p) {
        return build(f.name(), f.dataShape(), p.outputFactor(), f.hyperparameters());
    }

    private static void checkKeys(String family, Map<String, Object> p, List<String> allowed) {
        for (String k : p.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unknown " + family + " hyperparameter '" + k + "', expected one of "
                        + allowed);
            }
        }
    }

    static int integer(Map<String, Object> p, String key, int fallback) {
        Object v = p.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            if (v instanceof Number num) {
                if (num.doubleValue() != Math.rint(num.doubleValue())) {
                    throw new NumberFormatException();
                }
                return num.intValue();
            }
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hyperparameter " + key + " must be an integer, got '" + v + "'");
        }
    }

    static List<Integer> integers(Map<String, Object> p, String key, List<Integer> fallback) {
        Object v = p.get(key);
        if (v == null) {
            return fallback;
        }
        List<Integer> out = new ArrayList<>();
        try {
            if (v instanceof List<?> list) {
                for (Object o : list) {
                    out.add(((Number) o).intValue());
                }
            } else {
                for (String s : v.toString().replace("[", "").replace("]", "").split(",")) {
                    out.add(Integer.parseInt(s.trim()));
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("hyperparameter " + key + " must be a list of integers such as 32,64, got '"
                    + v + "'");
        }
        return out;
    }
}
