package org.pdviz.cli;

import java.util.Arrays;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.card.CardOverrides;
import picocli.CommandLine.Option;

/** Options for models without a card (or to override one), and the device. */
final class ModelOptions {

    @Option(names = "--parameterization", paramLabel = "x|eps|v|both",
            description = "What the model's output means (needed when the file has no card).")
    String parameterization;

    @Option(names = "--shape", paramLabel = "D1,D2,...", split = ",",
            description = "Data shape of one sample, e.g. 1,28,28 (when the model's input does not fix it).")
    int[] shape;

    @Option(names = "--data-range", paramLabel = "LO,HI", split = ",", description = "Data range (default -1,1).")
    double[] range;

    @Option(names = "--device", paramLabel = "cpu|cuda", defaultValue = "cpu",
            description = "Run on the CPU (default) or try CUDA, falling back to the CPU.")
    String device;

    CardOverrides overrides() {
        if (range != null && (range.length != 2 || !Double.isFinite(range[0]) || !Double.isFinite(range[1])
                || !(range[0] < range[1]))) {
            throw new IllegalArgumentException("--data-range takes two finite numbers LO,HI with LO < HI; got "
                    + Arrays.toString(range));
        }
        if (shape != null && (shape.length == 0 || Arrays.stream(shape).anyMatch(d -> d <= 0))) {
            throw new IllegalArgumentException("--shape takes positive sizes D1,D2,...; got " + Arrays.toString(shape));
        }
        return new CardOverrides(null, null, parameterization == null ? null : named("--parameterization",
                () -> Parameterization.parse(parameterization)), shape == null ? null : new DataShape(shape), range,
                null, null);
    }

    Device device() {
        return named("--device", () -> Device.parse(device));
    }

    /** A value parsed from an option, its error naming the option. */
    static <T> T named(String option, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }
}
