package org.pdviz.app.draw;

/**
 * The colours of the phi and lesson pictures (ARGB), chosen to stay apart on a projector and for
 * the common colour-vision deficiencies (blue/orange for the two samplers).
 */
public final class Palette {

    public static final int BACKGROUND = 0xFFFFFFFF;
    public static final int GRID = 0xFFEEF0F3;
    public static final int AXIS = 0xFF3C4048;
    public static final int CIRCLE = 0xFF9AA0A8;
    public static final int TEXT = 0xFF1E2227;
    public static final int MUTED = 0xFF6B7280;
    public static final int TEACHER = 0xFF1F6FB4;
    public static final int STUDENT = 0xFFE8710A;
    public static final int Z = 0xFF111111;
    public static final int V = 0xFFD62728;
    public static final int V_HAT = 0xFFB0307A;
    public static final int X_HAT = 0xFF23913A;
    public static final int EPS_HAT = 0xFF6A3DB5;
    public static final int POINTS = 0x665A6270;

    private Palette() {
    }

    /** The colour with another alpha (0..255). */
    public static int alpha(int argb, int alpha) {
        return (alpha << 24) | (argb & 0x00FFFFFF);
    }
}
