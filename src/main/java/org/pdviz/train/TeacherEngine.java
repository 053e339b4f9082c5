package org.pdviz.train;

import java.util.Locale;

/**
 * What runs the teacher's two DDIM steps during distillation: DJL (the same engine that trains),
 * ONNX Runtime, or whichever is faster for this network and batch (measured when a round starts).
 * A teacher that is not one of our families always runs on ONNX Runtime.
 */
public enum TeacherEngine {
    AUTO, DJL, ORT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TeacherEngine parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "auto" -> AUTO;
            case "djl" -> DJL;
            case "ort", "onnx", "onnxruntime" -> ORT;
            default -> throw new IllegalArgumentException("unknown teacher engine '" + s + "', expected auto, djl or ort");
        };
    }
}
