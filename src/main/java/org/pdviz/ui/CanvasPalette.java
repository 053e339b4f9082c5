package org.pdviz.ui;

import javafx.scene.paint.Color;

/** Colours for what the views draw themselves on canvases, per theme (the CSS styles the controls). */
record CanvasPalette(Color background, Color plot, Color grid, Color axis, Color text, Color muted, Color points,
               Color paths, Color reference, Color cursor, Color[] series) {

    static final CanvasPalette LIGHT = new CanvasPalette(Color.web("#ffffff"), Color.web("#ffffff"), Color.web("#e3e6ec"),
            Color.web("#8a929e"), Color.web("#1d2430"), Color.web("#5b6472"), Color.web("#1f5fbf", 0.75),
            Color.web("#1f5fbf", 0.22), Color.web("#9aa3af", 0.9), Color.web("#d1343b"),
            new Color[] {Color.web("#1f5fbf"), Color.web("#e07b00"), Color.web("#7a3fb0"), Color.web("#18864b"),
                Color.web("#c2185b"), Color.web("#5d6d7e")});

    static final CanvasPalette DARK = new CanvasPalette(Color.web("#1c2027"), Color.web("#242932"), Color.web("#343b46"),
            Color.web("#7d8794"), Color.web("#e8ecf2"), Color.web("#a9b2bf"), Color.web("#7fb2ff", 0.8),
            Color.web("#7fb2ff", 0.18), Color.web("#8a93a0", 0.9), Color.web("#ff6b6b"),
            new Color[] {Color.web("#7fb2ff"), Color.web("#ffb14d"), Color.web("#c79bff"), Color.web("#5fd39a"),
                Color.web("#ff7eb6"), Color.web("#b8c4d0")});

    static CanvasPalette of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    Color series(int i) {
        return series[i % series.length];
    }
}
