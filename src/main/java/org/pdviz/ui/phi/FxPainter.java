package org.pdviz.ui.phi;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.pdviz.app.draw.Painter;
import org.pdviz.app.i18n.Fonts;

/** {@link Painter} on a JavaFX canvas, so the app's diagrams draw on screen crisp at any size. */
public final class FxPainter implements Painter {

    private final GraphicsContext g;
    private final double width, height;
    private final Text measure = new Text();

    public FxPainter(Canvas canvas) {
        this.g = canvas.getGraphicsContext2D();
        this.width = canvas.getWidth();
        this.height = canvas.getHeight();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setImageSmoothing(false);
        g.setLineDashes();
        font(14, false, false);
    }

    static Color fx(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    @Override
    public void color(int argb) {
        Color c = fx(argb);
        g.setStroke(c);
        g.setFill(c);
    }

    @Override
    public void lineWidth(double w) {
        g.setLineWidth(w);
    }

    @Override
    public void dashes(double... lengths) {
        g.setLineDashes(lengths == null || lengths.length == 0 ? null : lengths);
    }

    @Override
    public void font(double size, boolean bold, boolean italic) {
        weight = bold ? FontWeight.BOLD : FontWeight.NORMAL;
        posture = italic ? FontPosture.ITALIC : FontPosture.REGULAR;
        latin = Font.font(Fonts.LATIN, weight, posture, size);
        cjk = null;
        g.setFont(latin);
        measure.setFont(latin);
    }

    /** The current font for a text: Chinese in the first installed CJK family (with its bold face). */
    private Font fontFor(String s) {
        if (!Fonts.needsCjk(s) || CJK_FAMILY == null) {
            return latin;
        }
        if (cjk == null) {
            cjk = Font.font(CJK_FAMILY, weight, posture, latin.getSize());
        }
        return cjk;
    }

    private static final String CJK_FAMILY = Fonts.first(Fonts.CJK, Font.getFamilies()).orElse(null);
    private Font latin;
    private Font cjk;
    private FontWeight weight;
    private FontPosture posture;

    @Override
    public void line(double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n) {
        if (n >= 2) {
            g.strokePolyline(xs, ys, n);
        }
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        g.fillPolygon(xs, ys, n);
    }

    @Override
    public void strokeOval(double cx, double cy, double rx, double ry) {
        g.strokeOval(cx - rx, cy - ry, 2 * rx, 2 * ry);
    }

    @Override
    public void fillOval(double cx, double cy, double rx, double ry) {
        g.fillOval(cx - rx, cy - ry, 2 * rx, 2 * ry);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void text(String s, double x, double y, Anchor anchor) {
        double w = anchor == Anchor.LEFT ? 0 : textWidth(s);
        double dx = anchor == Anchor.CENTER ? -w / 2 : anchor == Anchor.RIGHT ? -w : 0;
        if (!Fonts.needsCjk(s)) {
            g.fillText(s, x + dx, y);
            return;
        }
        // run by run: Chinese in the CJK family, symbols (with their combining accents) in the Latin one
        double at = x + dx;
        for (String run : Fonts.runs(s)) {
            g.setFont(fontFor(run));
            g.fillText(run, at, y);
            at += width(run);
        }
        g.setFont(latin);
    }

    @Override
    public double textWidth(String s) {
        if (!Fonts.needsCjk(s)) {
            return width(s);
        }
        double w = 0;
        for (String run : Fonts.runs(s)) {
            w += width(run);
        }
        return w;
    }

    private double width(String run) {
        measure.setFont(fontFor(run));
        measure.setText(run);
        return measure.getLayoutBounds().getWidth();
    }

    @Override
    public void image(int[] argb, int imageWidth, int imageHeight, double x, double y, double w, double h) {
        WritableImage img = new WritableImage(imageWidth, imageHeight);
        img.getPixelWriter().setPixels(0, 0, imageWidth, imageHeight, PixelFormat.getIntArgbInstance(), argb, 0,
                imageWidth);
        g.drawImage(img, x, y, w, h);
    }
}
