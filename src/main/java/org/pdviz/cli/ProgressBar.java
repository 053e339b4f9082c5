package org.pdviz.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on stderr, redrawn in place at most every 100 ms when stderr is a
 * terminal; otherwise a line at every tenth of the way, so logs stay readable.
 */
final class ProgressBar {

    private static final long QUIET_NANOS = 2_000_000_000L;
    private final PrintWriter err;
    private final String label;
    private final boolean terminal = System.console() != null;
    private final long started = System.nanoTime();
    private long lastDraw;
    private int lastDecile = -1;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    void update(long done, long total, String detail) {
        long now = System.nanoTime();
        double frac = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        if (terminal) {
            if (now - lastDraw < 100_000_000L && done < total) {
                return;
            }
            lastDraw = now;
            int width = 30, filled = (int) Math.round(frac * width);
            err.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(width - filled) + "] "
                    + String.format("%3.0f%%", 100 * frac) + " " + done + "/" + total + " " + eta(frac, now)
                    + (detail == null ? "" : "  " + detail) + "   ");
            err.flush();
        } else {
            // logs: nothing for short runs, then a line per tenth of the way
            int decile = (int) (frac * 10);
            if (now - started > QUIET_NANOS && decile != lastDecile) {
                lastDecile = decile;
                err.println(label + " " + String.format("%3.0f%%", 100 * frac) + " " + done + "/" + total + " "
                        + eta(frac, now) + (detail == null ? "" : "  " + detail));
                err.flush();
            }
        }
    }

    void finish() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }

    private String eta(double frac, long now) {
        double elapsed = (now - started) / 1e9;
        if (frac <= 0) {
            return "";
        }
        if (frac >= 1) {
            return String.format("in %s", duration(elapsed));
        }
        return "ETA " + duration(elapsed * (1 - frac) / frac);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return seconds < 10 ? String.format("%.1fs", seconds) : s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
