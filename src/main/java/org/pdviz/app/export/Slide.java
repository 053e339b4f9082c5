package org.pdviz.app.export;

import java.awt.image.BufferedImage;
import org.pdviz.app.draw.Java2dPainter;
import org.pdviz.app.draw.Painter;
import org.pdviz.app.draw.Palette;

/** A 16:9 frame for slides with a header line; the body is laid out by the caller. */
final class Slide {

    static final int WIDTH = 1280, HEIGHT = 720, HEADER = 64;

    private Slide() {
    }

    static BufferedImage blank() {
        return new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    }

    /** Clears the frame and writes the title (left) and a second line (under it). */
    static Java2dPainter header(BufferedImage img, String title, String subtitle) {
        Java2dPainter p = Java2dPainter.on(img);
        p.clear(Palette.BACKGROUND);
        p.font(24, true, false);
        p.color(Palette.TEXT);
        p.text(title, 24, 32, Painter.Anchor.LEFT);
        p.font(17, false, false);
        p.color(Palette.MUTED);
        p.text(subtitle, 24, 56, Painter.Anchor.LEFT);
        p.color(Palette.GRID);
        p.lineWidth(2);
        p.line(0, HEADER, WIDTH, HEADER);
        return p;
    }

    /** A small quarter-circle dial showing the angle phi (top right of the header). */
    static void dial(Painter p, double phi, double x, double y, double r) {
        p.color(Palette.CIRCLE);
        p.lineWidth(2);
        int n = 24;
        double[][] arc = Painter.arc(x, y, r, 0, Math.PI / 2, n);
        p.polyline(arc[0], arc[1], n + 1);
        p.color(Palette.AXIS);
        p.lineWidth(1.2);
        p.line(x, y, x + r * 1.1, y);
        p.line(x, y, x, y - r * 1.1);
        p.color(Palette.Z);
        p.lineWidth(2);
        p.line(x, y, x + r * Math.cos(phi), y - r * Math.sin(phi));
        p.fillOval(x + r * Math.cos(phi), y - r * Math.sin(phi), 4, 4);
    }
}
