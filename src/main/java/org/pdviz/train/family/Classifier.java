package org.pdviz.train.family;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pdviz.core.data.Mnist;

/**
 * The digit classifier whose penultimate layer gives the FID/KID features, described once for
 * both engines (as the diffusion families are): one level per entry of {@code channels}, each
 * {@code blocks} times {@code conv3x3 -> GroupNorm -> ReLU}, 2x2 max pooling between levels
 * (28 -> 14 -> 7), then the mean over the last level's pixels, a linear layer to
 * {@code features} units with ReLU (the features), and a linear layer to the ten logits.
 * Input {@code x} [B, 1, 28, 28] in [-1, 1], as the diffusion models see digits.
 */
public record Classifier(List<Integer> channels, int blocks, int groups, int features) implements Parameterized {

    public static final String NAME = "classifier";
    public static final int CLASSES = 10;
    public static final List<Integer> DEFAULT_CHANNELS = List.of(16, 32, 64);
    public static final int DEFAULT_BLOCKS = 2;
    public static final int DEFAULT_GROUPS = 8;
    public static final int DEFAULT_FEATURES = 128;
    /** Feature vectors longer than this make the FID bootstrap slow (its cost grows as F^3). */
    public static final int MAX_FEATURES = 128;
    private static final int SIZE = 28;

    public Classifier {
        channels = List.copyOf(channels);
        if (channels.isEmpty() || channels.size() > 3) {
            throw new IllegalArgumentException("classifier channels needs 1 to 3 levels (28, 14, 7 pixels), got "
                    + channels);
        }
        if (blocks < 1 || groups < 1) {
            throw new IllegalArgumentException("classifier blocks and groups must be >= 1");
        }
        for (int c : channels) {
            if (c < 1 || c % groups != 0) {
                throw new IllegalArgumentException("classifier channels " + channels + " must all be divisible by"
                        + " groups = " + groups);
            }
        }
        if (features < 1 || features > MAX_FEATURES) {
            throw new IllegalArgumentException("classifier features must be in 1.." + MAX_FEATURES + ", got "
                    + features);
        }
    }

    public static Classifier defaults() {
        return new Classifier(DEFAULT_CHANNELS, DEFAULT_BLOCKS, DEFAULT_GROUPS, DEFAULT_FEATURES);
    }

    /** From hyperparameters by name (command line {@code --net} or a card); missing ones take the defaults. */
    public static Classifier of(Map<String, ?> params) {
        Map<String, Object> p = new LinkedHashMap<>(params == null ? Map.of() : params);
        for (String k : p.keySet()) {
            if (!List.of("channels", "blocks", "groups", "features").contains(k)) {
                throw new IllegalArgumentException("unknown classifier hyperparameter '" + k
                        + "', expected one of [channels, blocks, groups, features]");
            }
        }
        return new Classifier(Families.integers(p, "channels", DEFAULT_CHANNELS),
                Families.integer(p, "blocks", DEFAULT_BLOCKS), Families.integer(p, "groups", DEFAULT_GROUPS),
                Families.integer(p, "features", DEFAULT_FEATURES));
    }

    @Override
    public String name() {
        return NAME;
    }

    public Map<String, Object> hyperparameters() {
        return Parameterized.hyperparameters("channels", channels, "blocks", blocks, "groups", groups,
                "features", features);
    }

    /** Pixels per side at the last level. */
    public int finalSize() {
        return SIZE >> (channels.size() - 1);
    }

    @Override
    public List<ParamSpec> parameters() {
        Layers l = new Layers();
        int cin = Mnist.SHAPE.dim(0);
        for (int level = 0; level < channels.size(); level++) {
            for (int b = 0; b < blocks; b++) {
                l.conv(conv(level, b), cin, channels.get(level), 3);
                l.norm(norm(level, b), channels.get(level));
                cin = channels.get(level);
            }
        }
        l.linear("features", cin, features);
        l.linear("logits", features, CLASSES);
        return l.build();
    }

    /** The two outputs of a forward pass. */
    public record Outputs<T>(T features, T logits) {
    }

    public <T> Outputs<T> forward(Ops<T> ops, T x) {
        T h = x;
        for (int level = 0; level < channels.size(); level++) {
            if (level > 0) {
                h = ops.maxPool2(h);
            }
            for (int b = 0; b < blocks; b++) {
                h = ops.relu(ops.groupNorm(ops.conv(h, conv(level, b), 1, 1), norm(level, b), groups));
            }
        }
        T f = ops.relu(ops.linear(ops.globalAveragePool(h), "features"));
        return new Outputs<>(f, ops.linear(f, "logits"));
    }

    private static String conv(int level, int block) {
        return "level" + level + "." + block + ".conv";
    }

    private static String norm(int level, int block) {
        return "level" + level + "." + block + ".norm";
    }

    public String describe() {
        return name() + " " + hyperparameters() + ", " + String.format(Locale.ROOT, "%,d", parameterCount())
                + " parameters";
    }
}
