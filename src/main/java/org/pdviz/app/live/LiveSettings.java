package org.pdviz.app.live;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a live run distils: the steps it starts from, the copy stage and the rounds, the student
 * network, the teacher's size, and the closing comparison. {@link #classroom()} holds the defaults
 * chosen by measurement (README, "pdviz live"); {@link #with} changes one by name.
 *
 * @param from               steps of the first round's teacher (the exact teacher is sampled with these)
 * @param copyIterations     iterations in which the fresh student learns the exact teacher's x_hat (0: none)
 * @param firstRoundIterations iterations of the first halving round (the exact teacher's)
 * @param iterationsPerRound iterations of every later halving round
 * @param width              the mlp's hidden width
 * @param depth              its hidden layers
 * @param batch              samples per iteration
 * @param lr                 the rounds' initial learning rate (decayed linearly to 0 in each)
 * @param copyLr             the copy stage's
 * @param threads            tensor threads (0: all cores)
 * @param maxPoints          at most this many points become the teacher's components (a seeded subset)
 * @param std                the components' std (null: the bandwidth rule)
 * @param presetPoints       points drawn from a preset (a built-in shape or a word)
 * @param evalCount          samples of the closing same-noise comparison (0: none)
 * @param referenceSteps     the teacher's steps for that comparison's reference
 * @param previewCount       points sampled from each finished round's model (0: no previews)
 */
public record LiveSettings(int from, long copyIterations, long firstRoundIterations, long iterationsPerRound,
                           int width, int depth, int batch,
                           double lr, double copyLr, int threads, int maxPoints, Double std, int presetPoints,
                           int evalCount, int referenceSteps, int previewCount) {

    public LiveSettings {
        if (from < 2 || Integer.bitCount(from) != 1) {
            throw new IllegalArgumentException("from must be a power of two >= 2, got " + from);
        }
        if (copyIterations < 0 || firstRoundIterations < 1 || iterationsPerRound < 1 || width < 1 || depth < 1 || batch < 1 || presetPoints < 2
                || referenceSteps < 1 || evalCount < 0 || previewCount < 0 || maxPoints < 0 || threads < 0) {
            throw new IllegalArgumentException("live settings out of range: " + this);
        }
        if (!(lr > 0) || !(copyLr > 0)) {
            throw new IllegalArgumentException("learning rates must be positive: " + this);
        }
    }

    /** The classroom defaults (README, "Live distillation": their times and the student's RMSE ratio to DDIM-4). */
    public static LiveSettings classroom() {
        // width 256, depth 4, lr 1e-3: 27-28 s on 2 quiet cores with the student 0.30-0.37x DDIM-4's RMSE; the
        // earlier 128x3 at 3e-4 took 16-17 s but reached only 0.58-0.81x (capacity, not iterations, limits it)
        return new LiveSettings(32, 1500, 600, 600, 256, 4, 256, 1e-3, 1e-3, 0, 2000, null, 2000, 500, 512, 0);
    }

    public LiveSettings withPreviews(int count) {
        return with("previewCount", Integer.toString(count));
    }

    /** This with one setting changed by its name (as in the record), e.g. {@code with("width", "64")}. */
    public LiveSettings with(String key, String value) {
        Map<String, String> m = asMap();
        if (!m.containsKey(key)) {
            throw new IllegalArgumentException("unknown live setting '" + key + "', expected one of " + m.keySet());
        }
        m.put(key, value);
        try {
            return new LiveSettings(Integer.parseInt(m.get("from")), Long.parseLong(m.get("copyIterations")),
                    Long.parseLong(m.get("firstRoundIterations")), Long.parseLong(m.get("iterationsPerRound")), Integer.parseInt(m.get("width")),
                    Integer.parseInt(m.get("depth")), Integer.parseInt(m.get("batch")),
                    Double.parseDouble(m.get("lr")), Double.parseDouble(m.get("copyLr")),
                    Integer.parseInt(m.get("threads")), Integer.parseInt(m.get("maxPoints")),
                    m.get("std").equals("rule") ? null : Double.valueOf(m.get("std")),
                    Integer.parseInt(m.get("presetPoints")), Integer.parseInt(m.get("evalCount")),
                    Integer.parseInt(m.get("referenceSteps")), Integer.parseInt(m.get("previewCount")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("live setting " + key + "=" + value + " is not a number");
        }
    }

    /** Every setting by name ("std" is "rule" when the bandwidth rule chooses it). */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("from", Integer.toString(from));
        m.put("copyIterations", Long.toString(copyIterations));
        m.put("firstRoundIterations", Long.toString(firstRoundIterations));
        m.put("iterationsPerRound", Long.toString(iterationsPerRound));
        m.put("width", Integer.toString(width));
        m.put("depth", Integer.toString(depth));
        m.put("batch", Integer.toString(batch));
        m.put("lr", Double.toString(lr));
        m.put("copyLr", Double.toString(copyLr));
        m.put("threads", Integer.toString(threads));
        m.put("maxPoints", Integer.toString(maxPoints));
        m.put("std", std == null ? "rule" : String.format(Locale.ROOT, "%s", std));
        m.put("presetPoints", Integer.toString(presetPoints));
        m.put("evalCount", Integer.toString(evalCount));
        m.put("referenceSteps", Integer.toString(referenceSteps));
        m.put("previewCount", Integer.toString(previewCount));
        return m;
    }
}
