package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pdviz.runtime.TestPaths;
import org.pdviz.ui.bench.RenderBench;

/** The render benchmark runs (tiny sizes; its speed is reported by `pdviz bench render`, not tested). */
class RenderBenchTest {

    @Test
    void measuresEveryConfiguration() throws Exception {
        List<RenderBench.Row> rows = new RenderBench().run(
                TestPaths.home().resolve("models/exact/exact-mnist-class-means.onnx"), 64, 2, 1);
        assertEquals(4, rows.size());
        RenderBench.Row grid = rows.get(0);
        assertEquals(8 * 28 + 9, grid.width(), "an 8x8 grid of 28x28 at scale 1 with 1-pixel gaps");
        assertEquals(3, grid.frames());
        assertTrue(rows.stream().allMatch(r -> r.medianMicros() > 0));
    }
}
