package org.pdviz.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import org.pdviz.app.render.ImageGrid;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.model.DataShape;

/**
 * A batch of images as a grid, scaled to fit with sharp pixels. The pixel buffer and the
 * WritableImage are reused while the batch and shape stay the same, so redrawing a cached frame
 * allocates nothing (ImageGrid.renderInto then one PixelWriter call).
 */
final class GridView extends Region {

    static final int SCALE = 1;
    static final int GAP = 1;

    private final ImageView view = new ImageView();
    private final Label note = new Label();
    private WritableImage image;
    private int[] argb;
    private int width;
    private int height;
    private int count = -1;
    private DataShape shape;
    private ImageGrid.Layout layout;

    GridView() {
        view.setSmooth(false);
        view.setPreserveRatio(true);
        note.getStyleClass().add("placeholder");
        note.setWrapText(true);
        note.setAlignment(Pos.CENTER);
        note.setVisible(false);
        getChildren().addAll(view, note);
        getStyleClass().add("grid-view");
        setMinSize(60, 60);
        setPrefSize(240, 240);
    }

    /** Shows the batch; {@code data == null} shows {@code message} instead. */
    void show(float[] data, int n, DataShape s, DataRange range, String message) {
        if (data == null) {
            view.setVisible(false);
            note.setText(message);
            note.setVisible(true);
            return;
        }
        if (n != count || !s.equals(shape)) {
            count = n;
            shape = s;
            layout = ImageGrid.Layout.square(n, SCALE, GAP);
            var r = ImageGrid.allocate(n, s, layout);
            width = r.width();
            height = r.height();
            argb = r.argb();
            image = new WritableImage(width, height);
            view.setImage(image);
            requestLayout();
        }
        ImageGrid.renderInto(data, n, s, range.lo(), range.hi(), layout, argb);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        note.setVisible(false);
        view.setVisible(true);
    }

    void clear(String message) {
        show(null, 0, null, null, message);
    }

    WritableImage image() {
        return image;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        if (image != null) {
            double k = Math.min(w / width, h / height);
            // a whole-number scale keeps every source pixel the same size, unless it wastes much room
            if (k >= 2 && Math.floor(k) / k >= 0.92) {
                k = Math.floor(k);
            }
            double fw = Math.max(1, width * k), fh = Math.max(1, height * k);
            view.setFitWidth(fw);
            view.setFitHeight(fh);
            view.relocate(snappedLeftInset() + (w - fw) / 2, snappedTopInset() + (h - fh) / 2);
        }
        note.resizeRelocate(snappedLeftInset(), snappedTopInset(), w, h);
    }
}
