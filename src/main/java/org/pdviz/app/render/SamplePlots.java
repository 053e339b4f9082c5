package org.pdviz.app.render;

import java.awt.image.BufferedImage;
import java.util.List;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.model.DataShape;

/** The picture of a batch of samples: an image grid for [C, H, W] data, a scatter plot otherwise. */
public final class SamplePlots {

    public static final int POINT_COLOR = 0xB02060C0;

    private SamplePlots() {
    }

    public static BufferedImage samples(String title, float[] data, int count, DataShape shape, DataRange range) {
        if (shape.isImage()) {
            return Png.image(ImageGrid.render(data, count, shape, range.lo(), range.hi(),
                    ImageGrid.Layout.square(count, 2, 2)));
        }
        return ScatterPlot.render(title, List.of(new ScatterPlot.Series(title, firstTwo(data, count, shape),
                POINT_COLOR)), Math.min(-1.5, range.lo() - 0.5), Math.max(1.5, range.hi() + 0.5), 640);
    }

    /** The first two coordinates of each sample (all of them for 2-D points). */
    public static float[] firstTwo(float[] data, int count, DataShape shape) {
        int d = shape.size();
        if (d == 2) {
            return data;
        }
        float[] out = new float[2 * count];
        for (int i = 0; i < count; i++) {
            out[2 * i] = data[i * d];
            out[2 * i + 1] = d > 1 ? data[i * d + 1] : 0f;
        }
        return out;
    }
}
