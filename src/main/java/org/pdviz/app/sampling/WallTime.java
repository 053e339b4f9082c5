package org.pdviz.app.sampling;

/**
 * How long one run takes in the steady state: the median wall time of {@code runs} identical runs,
 * each made after the model's session was warmed (so no run pays for opening the session or for
 * the engine's first call).
 */
public record WallTime(long nanos, int runs) {

    public WallTime {
        if (nanos < 0 || runs < 1) {
            throw new IllegalArgumentException("a wall time needs nanos >= 0 and at least one run, got " + nanos
                    + " ns over " + runs);
        }
    }

    /** Seconds with 3 significant digits ("56.3 s", "385 ms", "1.27 ms"). */
    public String text() {
        return text(nanos);
    }

    public static String text(long nanos) {
        double s = nanos / 1e9;
        if (s >= 1) {
            return String.format(java.util.Locale.ROOT, s >= 100 ? "%.0f s" : s >= 10 ? "%.1f s" : "%.2f s", s);
        }
        double ms = nanos / 1e6;
        return String.format(java.util.Locale.ROOT, ms >= 100 ? "%.0f ms" : ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
    }
}
