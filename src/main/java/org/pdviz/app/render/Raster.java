package org.pdviz.app.render;

/** An image as packed ARGB pixels, row-major; drawn by the UI and written to PNG by the CLI. */
public record Raster(int width, int height, int[] argb) {

    public Raster {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("raster " + width + "x" + height + " needs " + width * height
                    + " pixels, got " + argb.length);
        }
    }

    public int pixel(int x, int y) {
        return argb[y * width + x];
    }
}
