package org.pdviz.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Label;

/**
 * Keeps the text rows of side-by-side panes level: each pane gives its labels in the same order,
 * and the k-th label of every pane gets the height the tallest of them needs at its width. Without
 * it a line that wraps in one pane (a longer FID line) shrinks that pane's pictures, and the
 * panes' frames no longer line up for the class.
 */
final class LevelRows {

    private final List<List<Label>> panes = new ArrayList<>();
    private boolean pending;

    void add(List<Label> rows) {
        panes.add(rows);
        for (Label l : rows) {
            l.setAlignment(javafx.geometry.Pos.TOP_LEFT); // a taller row keeps its text at the top
            l.textProperty().addListener((o, a, b) -> later());
            l.widthProperty().addListener((o, a, b) -> later());
            l.fontProperty().addListener((o, a, b) -> later());
        }
        later();
    }

    void remove(List<Label> rows) {
        panes.remove(rows);
        rows.forEach(l -> l.setMinHeight(Label.USE_PREF_SIZE));
        later();
    }

    /** Once per pulse, after the widths have settled. */
    private void later() {
        if (!pending) {
            pending = true;
            Platform.runLater(this::level);
        }
    }

    void level() {
        pending = false;
        int rows = panes.stream().mapToInt(List::size).min().orElse(0);
        for (int k = 0; k < rows; k++) {
            double h = 0;
            for (List<Label> pane : panes) {
                Label l = pane.get(k);
                h = Math.max(h, l.prefHeight(l.getWidth() > 0 ? l.getWidth() : -1));
            }
            for (List<Label> pane : panes) {
                pane.get(k).setMinHeight(h);
            }
        }
    }
}
