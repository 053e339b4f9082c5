package org.pdviz.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.pdviz.app.player.DisplayRanges;

/** A titled panel holding one quantity's picture: an image grid or a scatter plot. */
final class FramePanel extends BorderPane {

    final GridView grid = new GridView();
    final ScatterView scatter = new ScatterView();
    private final Label title = new Label();
    private final Label range = new Label();
    private final StackPane body = new StackPane();

    FramePanel(String id) {
        setId(id);
        getStyleClass().add("frame-panel");
        title.getStyleClass().add("panel-title");
        range.getStyleClass().add("panel-range");
        title.setMinWidth(0);
        range.setMinWidth(USE_PREF_SIZE);
        BorderPane head = new BorderPane();
        head.setLeft(title);
        head.setRight(range);
        setTop(head);
        setCenter(body);
        body.getChildren().add(grid);
        setMinSize(80, 80);
    }

    /** A panel for a quantity: its symbol and, in the window's language, what it is. */
    FramePanel(String id, DisplayRanges.Quantity q, Localizer t) {
        this(id);
        title(t, q);
    }

    void title(String text) {
        title.textProperty().unbind();
        title.setGraphic(null);
        title.setText(text);
    }

    /** The quantity's symbol (its own label, see {@link Controls#symbol}) and what it is, in the window's language. */
    void title(Localizer t, DisplayRanges.Quantity q) {
        Label symbol = Controls.symbol(q.symbol());
        symbol.getStyleClass().add("panel-title");
        title.setGraphic(symbol);
        title.setGraphicTextGap(8);
        title.textProperty().bind(t.text(q.meaningKey()));
    }

    void rangeNote(String text) {
        range.setText(text);
    }

    /** Shows the image grid or the scatter plot. */
    void usePoints(boolean points) {
        Node want = points ? scatter : grid;
        if (body.getChildren().get(0) != want) {
            body.getChildren().setAll(want);
        }
    }

    Node body() {
        return body;
    }
}
