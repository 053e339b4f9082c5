package org.pdviz.cli;

import java.nio.file.Path;
import java.util.Arrays;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.card.CardException;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.CardOverrides;
import picocli.CommandLine.Option;

/** Card fields for a model without a card, or to override its card: a side card and single flags over it. */
final class CardOptions {

    @Option(names = "--card", paramLabel = "FILE.json")
    Path card;

    @Option(names = "--parameterization", paramLabel = "x|eps|v|both")
    String parameterization;

    @Option(names = "--shape", paramLabel = "D1,D2,...", split = ",")
    int[] shape;

    @Option(names = "--data-range", paramLabel = "LO,HI", split = ",")
    double[] range;

    CardOverrides overrides() throws CardException {
        if (range != null && (range.length != 2 || !Double.isFinite(range[0]) || !Double.isFinite(range[1])
                || !(range[0] < range[1]))) {
            throw new IllegalArgumentException("--data-range takes two finite numbers LO,HI with LO < HI; got "
                    + Arrays.toString(range));
        }
        if (shape != null && (shape.length == 0 || Arrays.stream(shape).anyMatch(d -> d <= 0))) {
            throw new IllegalArgumentException("--shape takes positive sizes D1,D2,...; got " + Arrays.toString(shape));
        }
        CardOverrides flags = new CardOverrides(null, null, parameterization == null ? null
                : OptionValues.named("--parameterization", () -> Parameterization.parse(parameterization)),
                shape == null ? null : new DataShape(shape), range, null, null);
        return card == null ? flags : flags.withSide(CardJson.readFile(card));
    }
}
