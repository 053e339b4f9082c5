package org.pdviz.ui.phi;

import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/** A canvas that fills its pane and repaints itself (through a {@link FxPainter}) when resized. */
public final class CanvasPane extends Region {

    private final Canvas canvas = new Canvas();
    private Consumer<FxPainter> painter = p -> { };

    public CanvasPane(double prefWidth, double prefHeight) {
        getChildren().add(canvas);
        setPrefSize(prefWidth, prefHeight);
        setMinSize(60, 60);
    }

    public Canvas canvas() {
        return canvas;
    }

    public void painter(Consumer<FxPainter> p) {
        this.painter = p;
        repaint();
    }

    public void repaint() {
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            painter.accept(new FxPainter(canvas));
        }
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth()), h = Math.floor(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        }
    }
}
