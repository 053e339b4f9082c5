package org.pdviz.app.draw;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.pdviz.app.render.Png;

/**
 * The application's icon, drawn here rather than taken from anywhere: the phi view's picture of
 * DDIM in v-space. On a dark tile, z travels a quarter circle from noise (grey, top) to data
 * (white, right): the teacher's many small rotations follow the arc (blue, ticked), the 4-step
 * student takes four big ones (orange), and both end at the same sample. The installers
 * ({@code mvn -Pdist package}) run {@link #main} to write it as PNG.
 */
public final class AppIcon {

    static final int TILE = 0xFF16324F;
    static final int ARC = 0xFF8EC5F0;
    static final int START = 0xFFB8C2CC;
    static final int END = 0xFFFFFFFF;

    private AppIcon() {
    }

    /** The icon at {@code size} x {@code size} pixels, ARGB, transparent outside the rounded tile. */
    public static BufferedImage draw(int size) {
        if (size < 16) {
            throw new IllegalArgumentException("an icon needs at least 16 pixels, got " + size);
        }
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Java2dPainter p = Java2dPainter.on(img);
        try {
            paint(p, size);
        } finally {
            p.dispose();
        }
        return img;
    }

    static void paint(Painter p, double s) {
        p.color(TILE);
        roundedSquare(p, s * 0.03, s * 0.03, s * 0.94, s * 0.18);
        // the circle's centre low on the left, so the quarter arc fills the tile
        double cx = s * 0.2, cy = s * 0.8, r = s * 0.6;
        int n = 64;
        double[][] arc = Painter.arc(cx, cy, r, 0, Math.PI / 2, n);
        double[] xs = arc[0], ys = arc[1];
        p.color(ARC);
        p.lineWidth(Math.max(1, s * 0.05));
        p.polyline(xs, ys, n + 1);
        // the teacher's many small steps: ticks along the arc
        p.color(TILE);
        for (int i = 1; i < n; i += 2) {
            p.fillOval(xs[i], ys[i], s * 0.008, s * 0.008);
        }
        int steps = 4;
        double[][] stops = Painter.arc(cx, cy, r, Math.PI / 2, 0, steps);
        double[] sx = stops[0], sy = stops[1];
        p.color(Palette.STUDENT);
        p.lineWidth(Math.max(1, s * 0.022));
        p.polyline(sx, sy, steps + 1);
        for (int k = 1; k < steps; k++) {
            p.fillOval(sx[k], sy[k], s * 0.05, s * 0.05);
        }
        p.color(START);
        p.fillOval(sx[0], sy[0], s * 0.065, s * 0.065);
        p.color(END);
        p.fillOval(sx[steps], sy[steps], s * 0.08, s * 0.08);
    }

    /** A filled square with quarter-circle corners of radius {@code corner}. */
    private static void roundedSquare(Painter p, double x, double y, double w, double corner) {
        int per = 12;
        double[] xs = new double[4 * (per + 1)], ys = new double[4 * (per + 1)];
        double[][] centres = {{x + w - corner, y + corner}, {x + corner, y + corner}, {x + corner, y + w - corner},
            {x + w - corner, y + w - corner}};
        int j = 0;
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i <= per; i++) {
                double a = Math.PI / 2 * (c + (double) i / per);
                xs[j] = centres[c][0] + corner * Math.cos(a);
                ys[j] = centres[c][1] - corner * Math.sin(a);
                j++;
            }
        }
        p.fillPolygon(xs, ys, j);
    }

    /** {@code AppIcon OUT.png [SIZE]}: writes the icon (default 256 pixels). */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: AppIcon OUT.png [SIZE]");
            System.exit(2);
        }
        int size = args.length == 2 ? Integer.parseInt(args[1]) : 256;
        Png.write(draw(size), Path.of(args[0]));
    }
}
