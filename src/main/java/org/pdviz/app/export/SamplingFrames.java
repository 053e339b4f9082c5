package org.pdviz.app.export;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pdviz.app.draw.Java2dPainter;
import org.pdviz.app.draw.Painter;
import org.pdviz.app.draw.Palette;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.phi.PhiDiagram;
import org.pdviz.app.phi.SamplePanel;
import org.pdviz.app.render.ImageGrid;
import org.pdviz.app.render.Raster;
import org.pdviz.core.ddim.Frame;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.model.DataShape;

/**
 * A sampling run as slides: z_t beside x_hat at chosen steps (evenly spread when the run has more
 * steps than frames wanted), then the final sample.
 */
public final class SamplingFrames implements FrameSource {

    private final Trajectory run;
    private final DataRange range;
    private final String title;
    private final int[] steps;
    private final Texts texts;

    /**
     * At most {@code maxFrames} recorded steps, then the final sample (needs every frame recorded);
     * the slides' words in {@code texts}' language.
     */
    public SamplingFrames(Trajectory run, DataRange range, String title, int maxFrames, Texts texts) {
        if (run.frames().size() != run.steps()) {
            throw new IllegalArgumentException("the run has no recorded frames to export");
        }
        if (maxFrames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, got " + maxFrames);
        }
        this.run = run;
        this.range = range;
        this.title = title;
        this.texts = texts;
        this.steps = pick(run.steps(), maxFrames);
    }

    /** {@code min(n, wanted)} step indices spread evenly from the first to the last step. */
    static int[] pick(int n, int wanted) {
        int m = Math.min(n, wanted);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            int k = m == 1 ? n - 1 : (int) Math.round((double) i * (n - 1) / (m - 1));
            if (out.isEmpty() || out.get(out.size() - 1) != k) {
                out.add(k);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int count() {
        return steps.length + 1;
    }

    @Override
    public BufferedImage frame(int i) {
        BufferedImage img = Slide.blank();
        boolean fin = i == steps.length;
        Frame f = fin ? null : run.frames().get(steps[i]);
        String sub = fin
                ? texts.format("export.sampling.result", texts.steps(run.steps()), run.evaluationsPerSample())
                : texts.format("export.sampling.step", f.index() + 1, run.steps()) + String.format(Locale.ROOT,
                        "  t = %.3f,  \u03c6 = %s,  \u03bb = %.2f,  \u03b1 = %.3f,  \u03c3 = %.3f", f.at().t(),
                        PhiDiagram.degrees(f.at().phi(), 1), f.at().logSnr(), f.at().alpha(), f.at().sigma());
        Java2dPainter p = Slide.header(img, title, sub);
        try {
            Slide.dial(p, fin ? run.grid().last().phi() : f.at().phi(), Slide.WIDTH - 70, 54, 40);
            float[] z = fin ? run.finalSample() : f.z();
            float[] xHat = fin ? run.finalSample() : f.xHat();
            double half = (Slide.WIDTH - 48) / 2.0, top = Slide.HEADER + 8, h = Slide.HEIGHT - top - 8;
            panel(p, 16, top, half, h, texts.get(fin ? "export.sampling.final" : "export.sampling.z"), z);
            panel(p, 32 + half, top, half, h, texts.get(fin ? "export.sampling.final" : "export.sampling.x_hat"), xHat);
        } finally {
            p.dispose();
        }
        return img;
    }

    private void panel(Java2dPainter parent, double x, double y, double w, double h, String label, float[] data) {
        Java2dPainter p = parent.region(x, y, w, h);
        try {
            DataShape shape = run.shape();
            int count = run.count();
            if (shape.isImage()) {
                p.clear(Palette.BACKGROUND);
                double fs = 22;
                p.font(fs, true, false);
                p.color(Palette.TEXT);
                p.text(label, w / 2, fs * 1.2, Painter.Anchor.CENTER);
                ImageGrid.Layout layout = ImageGrid.Layout.square(count, 1, 1);
                Raster r = ImageGrid.render(data, count, shape, range.lo(), range.hi(), layout);
                double side = Math.min(w - 16, h - fs * 2.2);
                double scale = side / Math.max(r.width(), r.height());
                double iw = r.width() * scale, ih = r.height() * scale;
                p.image(r.argb(), r.width(), r.height(), (w - iw) / 2, fs * 1.8, iw, ih);
            } else {
                double lim = Math.max(2.0, Math.max(Math.abs(range.lo()), Math.abs(range.hi())) + 1);
                SamplePanel.points(p, texts, label, Palette.TEACHER, data, count, shape.size(), -1, -lim, lim, List.of());
            }
        } finally {
            p.dispose();
        }
    }
}
