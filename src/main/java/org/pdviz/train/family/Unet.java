package org.pdviz.train.family;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.pdviz.core.model.DataShape;

/**
 * The image family: a UNet with one level per entry of {@code channels} (resolution halved by a
 * stride-2 conv between levels), {@code blocks} residual blocks per level on the way down and up,
 * one in the middle; GroupNorm and SiLU; the time embedding (sinusoidal, then two linear layers)
 * added inside every residual block; skip connections concatenated on the way up, where the
 * resolution is doubled by nearest upsampling and a 3x3 conv. Residual block:
 * {@code h = conv1(silu(norm1(x))) + time(silu(temb)); h = conv2(silu(norm2(h))); return h + skip(x)}.
 */
public record Unet(int inChannels, int height, int width, List<Integer> channels, int blocks, int groups,
                   int embedding, int timeDim, int outputFactor) implements Family {

    public static final String NAME = "unet";
    public static final List<Integer> DEFAULT_CHANNELS = List.of(32, 64);
    public static final int DEFAULT_BLOCKS = 1;
    public static final int DEFAULT_GROUPS = 8;
    public static final int DEFAULT_EMBEDDING = 64;
    public static final int DEFAULT_TIME_DIM = 128;

    public Unet {
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("unet needs at least one level of channels");
        }
        int levels = channels.size();
        int scale = 1 << (levels - 1);
        if (height % scale != 0 || width % scale != 0) {
            throw new IllegalArgumentException("unet with " + levels + " levels needs height and width divisible by "
                    + scale + ", got " + height + "x" + width);
        }
        if (blocks < 1 || groups < 1 || timeDim < 1 || inChannels < 1 || outputFactor < 1) {
            throw new IllegalArgumentException("unet blocks, groups, timeDim must be >= 1");
        }
        if (embedding < 2 || embedding % 2 != 0) {
            throw new IllegalArgumentException("unet embedding must be even and >= 2, got " + embedding);
        }
        for (int c : channels) {
            if (c < 1 || c % groups != 0) {
                throw new IllegalArgumentException("unet channels " + channels + " must all be divisible by groups = "
                        + groups);
            }
        }
    }

    public static Unet defaults(DataShape shape, int outputFactor) {
        return of(shape, DEFAULT_CHANNELS, DEFAULT_BLOCKS, DEFAULT_GROUPS, DEFAULT_EMBEDDING, DEFAULT_TIME_DIM,
                outputFactor);
    }

    public static Unet of(DataShape shape, List<Integer> channels, int blocks, int groups, int embedding, int timeDim,
                          int outputFactor) {
        if (!shape.isImage()) {
            throw new IllegalArgumentException("unet is for images [C, H, W], not data of shape " + shape);
        }
        return new Unet(shape.dim(0), shape.dim(1), shape.dim(2), channels, blocks, groups, embedding, timeDim,
                outputFactor);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DataShape dataShape() {
        return DataShape.of(inChannels, height, width);
    }

    @Override
    public Map<String, Object> hyperparameters() {
        return Parameterized.hyperparameters("channels", channels, "blocks", blocks, "groups", groups,
                "embedding", embedding, "timeDim", timeDim);
    }

    private int c(int level) {
        return channels.get(level);
    }

    @Override
    public List<ParamSpec> parameters() {
        Layers l = new Layers();
        l.linear("time1", embedding, timeDim);
        l.linear("time2", timeDim, timeDim);
        l.conv("conv_in", inChannels, c(0), 3);
        int levels = channels.size();
        int cin = c(0);
        for (int level = 0; level < levels; level++) {
            for (int b = 0; b < blocks; b++) {
                residual(l, "down" + level + "." + b, cin, c(level));
                cin = c(level);
            }
            if (level < levels - 1) {
                l.conv("down" + level + ".pool", c(level), c(level + 1), 3);
                cin = c(level + 1);
            }
        }
        residual(l, "mid", cin, cin);
        for (int level = levels - 2; level >= 0; level--) {
            l.conv("up" + level + ".conv", c(level + 1), c(level), 3);
            for (int b = 0; b < blocks; b++) {
                residual(l, "up" + level + "." + b, b == 0 ? 2 * c(level) : c(level), c(level));
            }
        }
        l.norm("norm_out", c(0));
        l.conv("conv_out", c(0), inChannels * outputFactor, 3);
        return l.build();
    }

    private void residual(Layers l, String name, int cin, int cout) {
        l.norm(name + ".norm1", cin);
        l.conv(name + ".conv1", cin, cout, 3);
        l.linear(name + ".time", timeDim, cout);
        l.norm(name + ".norm2", cout);
        l.conv(name + ".conv2", cout, cout, 3);
        if (cin != cout) {
            l.conv(name + ".skip", cin, cout, 1);
        }
    }

    @Override
    public <T> T forward(Ops<T> ops, T z, T t) {
        T temb = ops.linear(ops.sinusoidal(t, Family.frequencies(embedding / 2)), "time1");
        temb = ops.linear(ops.silu(temb), "time2");
        T tact = ops.silu(temb); // every block reads silu(temb): computed once
        int levels = channels.size();
        T h = ops.conv(z, "conv_in", 1, 1);
        int cin = c(0);
        Deque<T> skips = new ArrayDeque<>();
        for (int level = 0; level < levels; level++) {
            for (int b = 0; b < blocks; b++) {
                h = residual(ops, "down" + level + "." + b, h, tact, cin != c(level));
                cin = c(level);
            }
            if (level < levels - 1) {
                skips.push(h);
                h = ops.conv(h, "down" + level + ".pool", 2, 1);
                cin = c(level + 1);
            }
        }
        h = residual(ops, "mid", h, tact, false);
        for (int level = levels - 2; level >= 0; level--) {
            h = ops.conv(ops.upsample2(h), "up" + level + ".conv", 1, 1);
            h = ops.concat(h, skips.pop());
            for (int b = 0; b < blocks; b++) {
                h = residual(ops, "up" + level + "." + b, h, tact, b == 0);
            }
        }
        h = ops.silu(ops.groupNorm(h, "norm_out", groups));
        return ops.conv(h, "conv_out", 1, 1);
    }

    private <T> T residual(Ops<T> ops, String name, T x, T tact, boolean projectSkip) {
        T h = ops.conv(ops.silu(ops.groupNorm(x, name + ".norm1", groups)), name + ".conv1", 1, 1);
        h = ops.addPerChannel(h, ops.linear(tact, name + ".time"));
        h = ops.conv(ops.silu(ops.groupNorm(h, name + ".norm2", groups)), name + ".conv2", 1, 1);
        return ops.add(h, projectSkip ? ops.conv(x, name + ".skip", 1, 0) : x);
    }
}
