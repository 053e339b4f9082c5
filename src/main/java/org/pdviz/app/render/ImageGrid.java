package org.pdviz.app.render;

import org.pdviz.core.model.DataShape;

/**
 * Lays a batch of [C, H, W] images out as a grid of tiles: values in [lo, hi] map to 0..255
 * (clamped); one channel is grey, three are RGB, any other count shows channel 0.
 */
public final class ImageGrid {

    /** Layout of the grid: columns, tile scale and the gap between tiles, in pixels. */
    public record Layout(int columns, int scale, int gap) {
        public static Layout square(int count, int scale, int gap) {
            return new Layout(Math.max(1, (int) Math.ceil(Math.sqrt(count))), scale, gap);
        }
    }

    private static final int GAP_COLOR = 0xFF3A3F4A;

    private ImageGrid() {
    }

    public static Raster render(float[] data, int count, DataShape shape, double lo, double hi, Layout layout) {
        Raster r = allocate(count, shape, layout);
        renderInto(data, count, shape, lo, hi, layout, r.argb());
        return r;
    }

    /** A raster of the right size for {@link #renderInto}. */
    public static Raster allocate(int count, DataShape shape, Layout layout) {
        int cols = Math.min(layout.columns(), count);
        int rows = (count + layout.columns() - 1) / layout.columns();
        int tw = shape.dim(2) * layout.scale(), th = shape.dim(1) * layout.scale();
        int width = cols * tw + (cols + 1) * layout.gap();
        int height = rows * th + (rows + 1) * layout.gap();
        return new Raster(width, height, new int[width * height]);
    }

    /** Renders into an existing pixel array (no allocation: the player redraws cached frames with it). */
    public static void renderInto(float[] data, int count, DataShape shape, double lo, double hi, Layout layout,
                                  int[] argb) {
        if (!shape.isImage()) {
            throw new IllegalArgumentException("an image grid needs [C, H, W] data, got " + shape);
        }
        int c = shape.dim(0), h = shape.dim(1), w = shape.dim(2), s = layout.scale(), gap = layout.gap();
        int cols = Math.min(layout.columns(), count);
        int width = cols * w * s + (cols + 1) * gap;
        java.util.Arrays.fill(argb, GAP_COLOR);
        double k = 255.0 / (hi - lo);
        boolean rgb = c == 3;
        int size = shape.size(), plane = h * w;
        for (int n = 0; n < count; n++) {
            int x0 = gap + (n % layout.columns()) * (w * s + gap);
            int y0 = gap + (n / layout.columns()) * (h * s + gap);
            int base = n * size;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = base + y * w + x;
                    int color;
                    if (rgb) {
                        color = 0xFF000000 | (level(data[p], lo, k) << 16) | (level(data[p + plane], lo, k) << 8)
                                | level(data[p + 2 * plane], lo, k);
                    } else {
                        int g = level(data[p], lo, k);
                        color = 0xFF000000 | (g << 16) | (g << 8) | g;
                    }
                    int row = (y0 + y * s) * width + x0 + x * s;
                    for (int dy = 0; dy < s; dy++) {
                        java.util.Arrays.fill(argb, row + dy * width, row + dy * width + s, color);
                    }
                }
            }
        }
    }

    private static int level(float v, double lo, double k) {
        double g = (v - lo) * k;
        return g <= 0 ? 0 : g >= 255 ? 255 : (int) (g + 0.5);
    }

    /** Which sample a pixel of the grid shows, or -1 for a gap. */
    public static int sampleAt(int px, int py, int count, DataShape shape, Layout layout) {
        int tw = shape.dim(2) * layout.scale() + layout.gap(), th = shape.dim(1) * layout.scale() + layout.gap();
        int col = (px - layout.gap()) / tw, row = (py - layout.gap()) / th;
        if (px < layout.gap() || py < layout.gap() || col >= layout.columns()
                || (px - layout.gap()) % tw >= tw - layout.gap() || (py - layout.gap()) % th >= th - layout.gap()) {
            return -1;
        }
        int n = row * layout.columns() + col;
        return n < count ? n : -1;
    }
}
