package org.pdviz.app.player;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.player.DisplayRanges.Quantity;
import org.pdviz.app.render.ImageGrid;
import org.pdviz.app.render.Png;
import org.pdviz.app.render.SamplePlots;
import org.pdviz.app.render.ScatterPlot;
import org.pdviz.app.sampling.FrameData;
import org.pdviz.app.sampling.SampledRun;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * One frame of a run as a PNG: z_t, x_hat, eps_hat and v_hat (image grids, or scatter plots for
 * 2-D data) in a 2x2 layout under a caption with the run and the schedule's values at t.
 */
public final class FrameExport {

    private static final int TILE = 480;
    private static final int CAPTION = 64;
    private static final int LABEL = 28;

    private FrameExport() {
    }

    /** Writes the frame as a PNG whose texts are in {@code t}'s language. */
    public static void write(SampledRun run, int position, Path file, Texts t) throws IOException {
        Png.write(image(run, position, t), file);
    }

    /** The caption's two lines: the run, then the step and the schedule at t (symbols as symbols). */
    public static String[] caption(SampledRun run, int position, Texts t) {
        NoiseLevel l = run.level(position);
        return new String[] {
            t.format("export.frame.run", run.spec().label(t), run.spec().seed(), run.count()),
            t.format("export.frame.position", position, run.last()) + String.format(
                    "  t = %.4f  \u03C6 = %.4f  \u03BB = %.3f  \u03B1 = %.4f  \u03C3 = %.4f",
                    l.t(), l.phi(), l.logSnr(), l.alpha(), l.sigma())};
    }

    public static BufferedImage image(SampledRun run, int position, Texts t) {
        FrameData f = run.frame(position);
        DataShape shape = run.trajectory().shape();
        int count = run.count();
        List<Quantity> qs = List.of(Quantity.values());
        int width = 2 * TILE, height = CAPTION + 2 * (TILE + LABEL);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            String[] caption = caption(run, position, t);
            g.drawString(caption[0], 12, 24);
            g.drawString(caption[1], 12, 48);
            for (int i = 0; i < qs.size(); i++) {
                Quantity q = qs.get(i);
                int x0 = (i % 2) * TILE, y0 = CAPTION + (i / 2) * (TILE + LABEL);
                g.setColor(Color.DARK_GRAY);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
                g.drawString(t.format("export.frame.quantity", q.id(), q.meaning(t)), x0 + 12, y0 + 20);
                float[] data = values(f, q);
                if (data == null) {
                    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
                    g.drawString(t.get("export.frame.no_prediction"), x0 + 12, y0 + LABEL + TILE / 2);
                    continue;
                }
                BufferedImage tile = tile(data, count, shape, q, run.range());
                double k = Math.min((double) TILE / tile.getWidth(), (double) TILE / tile.getHeight());
                int w = (int) (tile.getWidth() * k), h = (int) (tile.getHeight() * k);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
                g.drawImage(tile, x0 + (TILE - w) / 2, y0 + LABEL + (TILE - h) / 2, w, h, null);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    public static float[] values(FrameData f, Quantity q) {
        return switch (q) {
            case Z -> f.z();
            case X_HAT -> f.xHat();
            case EPS_HAT -> f.epsHat();
            case V_HAT -> f.vHat();
        };
    }

    private static BufferedImage tile(float[] data, int count, DataShape shape, Quantity q, DataRange range) {
        if (shape.isImage()) {
            DataRange r = DisplayRanges.image(q, range);
            return Png.image(ImageGrid.render(data, count, shape, r.lo(), r.hi(), ImageGrid.Layout.square(count, 2, 2)));
        }
        DataRange w = DisplayRanges.points(range);
        return ScatterPlot.render("", List.of(new ScatterPlot.Series(q.id(), SamplePlots.firstTwo(data, count, shape),
                SamplePlots.POINT_COLOR)), w.lo(), w.hi(), TILE);
    }
}
