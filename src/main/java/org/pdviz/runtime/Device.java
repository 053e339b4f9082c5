package org.pdviz.runtime;

import java.util.Locale;

/** Where a model runs. CUDA falls back to the CPU with one clear line when it is not usable. */
public enum Device {
    CPU, CUDA;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Device parse(String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "cpu" -> CPU;
            case "cuda", "gpu" -> CUDA;
            default -> throw new IllegalArgumentException("unknown device '" + text + "', expected cpu or cuda");
        };
    }
}
