package org.pdviz.ui.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import org.pdviz.app.bench.Stats;
import org.pdviz.app.library.ModelImport;
import org.pdviz.app.player.DisplayRanges;
import org.pdviz.app.player.DisplayRanges.Quantity;
import org.pdviz.app.player.FrameExport;
import org.pdviz.app.render.ImageGrid;
import org.pdviz.app.render.Raster;
import org.pdviz.app.sampling.FrameData;
import org.pdviz.app.sampling.RunService;
import org.pdviz.app.sampling.RunSpec;
import org.pdviz.app.sampling.SampledRun;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.model.DataShape;

/**
 * How fast the player redraws cached frames: ImageGrid.renderInto into a reused pixel buffer,
 * then one PixelWriter.setPixels into a reused WritableImage, the path the player takes on every
 * frame. Timed per frame over several passes through a recorded run; the median is reported.
 */
public final class RenderBench {

    /** Median per-frame time for one configuration. */
    public record Row(String what, int grids, int scale, int width, int height, int frames, double medianMicros) {
        public double framesPerSecond() {
            return 1e6 / medianMicros;
        }
    }

    public List<Row> run(Path model, int count, int steps, int passes) throws Exception {
        SampledRun run = new RunService().run(new RunSpec(ModelImport.complete(model,
                org.pdviz.runtime.card.CardOverrides.NONE), steps, 0, count, false), (d, t, c) -> { }, () -> false);
        DataShape shape = run.trajectory().shape();
        if (!shape.isImage()) {
            throw new IllegalArgumentException("render bench needs an image model, '" + model.getFileName()
                    + "' has data shape " + shape);
        }
        List<Row> rows = new ArrayList<>();
        for (int scale : new int[] {1, 2}) {
            rows.add(time(run, count, scale, new Quantity[] {Quantity.Z}, passes, "one grid (z_t)"));
            rows.add(time(run, count, scale, Quantity.values(), passes, "player frame (z, x, eps, v)"));
        }
        return rows;
    }

    private static Row time(SampledRun run, int count, int scale, Quantity[] qs, int passes, String what) {
        DataShape shape = run.trajectory().shape();
        ImageGrid.Layout layout = ImageGrid.Layout.square(count, scale, scale);
        Raster r = ImageGrid.allocate(count, shape, layout);
        int w = r.width(), h = r.height();
        int[][] buffers = new int[qs.length][w * h];
        WritableImage[] images = new WritableImage[qs.length];
        PixelWriter[] writers = new PixelWriter[qs.length];
        for (int i = 0; i < qs.length; i++) {
            images[i] = new WritableImage(w, h);
            writers[i] = images[i].getPixelWriter();
        }
        PixelFormat<java.nio.IntBuffer> format = PixelFormat.getIntArgbInstance();
        int positions = run.last() + 1;
        // warm-up pass, then the timed passes
        long[] nanos = new long[passes * positions];
        for (int pass = -1; pass < passes; pass++) {
            for (int p = 0; p < positions; p++) {
                FrameData f = run.frame(p);
                long t0 = System.nanoTime();
                for (int i = 0; i < qs.length; i++) {
                    float[] data = FrameExport.values(f, qs[i]);
                    if (data == null) {
                        continue;
                    }
                    DataRange range = DisplayRanges.image(qs[i], run.range());
                    ImageGrid.renderInto(data, count, shape, range.lo(), range.hi(), layout, buffers[i]);
                    writers[i].setPixels(0, 0, w, h, format, buffers[i], 0, w);
                }
                long dt = System.nanoTime() - t0;
                if (pass >= 0) {
                    nanos[pass * positions + p] = dt;
                }
            }
        }
        return new Row(what, qs.length, scale, w, h, nanos.length, Stats.median(nanos) / 1e3);
    }
}
