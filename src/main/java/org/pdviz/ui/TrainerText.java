package org.pdviz.ui;

import java.util.Locale;
import org.pdviz.app.i18n.Message;

/** How the trainer panel writes its numbers: rates, losses, durations and devices, as people write them. */
final class TrainerText {
    private TrainerText() {
    }

    /** A small positive number in three digits, as people write it: 2.06e-4, 0.0123, 0.406. */
    static String compact(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v != 0 && Math.abs(v) < 0.01) {
            return exponent(v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("\\.?0+$", "") : s;
    }

    /** A rate as people write it: 3e-4, 0.001 -> 1e-3, 0.05. */
    static String format(double v) {
        if (v != 0 && Math.abs(v) < 0.01) {
            return exponent(v);
        }
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String exponent(double v) {
        String[] parts = String.format(Locale.ROOT, "%.2e", v).split("e");
        return parts[0].replaceAll("\\.?0+$", "") + "e" + Integer.parseInt(parts[1]);
    }

    /** DJL's device names (cpu(), gpu(0)) in words. */
    /** A device as people say it: "the CPU", "GPU 0" (DJL says "cpu()", "gpu(0)"). */
    static Message deviceName(String djl) {
        return djl == null ? Message.of("text.as_is", "?") : djl.startsWith("cpu") ? Message.of("trainer.device.cpu")
                : djl.startsWith("gpu") ? Message.of("trainer.device.gpu", djl.replaceAll("\\D", ""))
                : Message.of("text.as_is", djl);
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        if (seconds < 9.95) {
            return String.format("%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? String.format("%dm %02ds", s / 60, s % 60)
                : String.format("%dh %02dm", s / 3600, (s % 3600) / 60);
    }
}
