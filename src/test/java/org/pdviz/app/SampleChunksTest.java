package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.model.DataShape;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.TestPaths;
import org.pdviz.runtime.card.CardOverrides;

/** Final-only runs go in chunks of samples, frames are streamed: the files are those of one batch. */
class SampleChunksTest {

    static final Path DIGITS = TestPaths.home().resolve("models/exact/exact-mnist-class-means.onnx");
    static final Path G8 = TestPaths.home().resolve("models/exact/exact-gaussians8.onnx");

    @TempDir
    Path dir;

    private JsonNode run(SampleService service, Path model, int count, SamplerSettings.Recording recording,
                         String name) throws Exception {
        Path out = dir.resolve(name);
        service.run(new SampleService.Request(model, CardOverrides.NONE, Device.CPU, 3, 7, count, true, recording,
                out), SamplingMonitor.NONE, line -> { });
        return new ObjectMapper().readTree(out.resolve(SampleService.JSON).toFile());
    }

    private static float[] values(JsonNode array) {
        float[] v = new float[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).floatValue();
        }
        return v;
    }

    @Test
    void chunksOfSamplesGiveTheSameFileAsOneBatch() throws Exception {
        // 300 digits: one batch, or chunks of 256 samples (the smallest chunk, a multiple of the model's batch)
        JsonNode whole = run(new SampleService(), DIGITS, 300, SamplerSettings.Recording.FINAL, "whole");
        SampleService.Plan plan = SampleService.plan(300, 3, DataShape.of(1, 28, 28), 1, false, 256, 1);
        assertEquals(256, plan.chunk());
        JsonNode chunked = run(new SampleService(1), DIGITS, 300, SamplerSettings.Recording.FINAL, "chunked");
        assertEquals(300 * 784, chunked.get("final").size());
        assertArrayEquals(values(whole.get("final")), values(chunked.get("final")));
        assertEquals(whole.get("shape"), chunked.get("shape"));
        assertTrue(Files.size(dir.resolve("chunked/samples.png")) > 0);
    }

    @Test
    void streamedFramesAreTheRecordedFrames() throws Exception {
        JsonNode all = run(new SampleService(), G8, 9, SamplerSettings.Recording.ALL, "all");
        var sampler = new org.pdviz.core.ddim.DdimSampler(org.pdviz.core.schedule.CosineSchedule.CLIPPED);
        try (var model = org.pdviz.runtime.OnnxDenoiser.open(G8)) {
            var tr = sampler.sample("g", model, new SamplerSettings(3, 7, 9, model.card().rangeValue(),
                    SamplerSettings.Recording.ALL), SamplingMonitor.NONE);
            assertEquals(3, all.get("frames").size());
            for (int k = 0; k < 3; k++) {
                assertArrayEquals(tr.frames().get(k).z(), values(all.get("frames").get(k).get("z")));
                assertArrayEquals(tr.frames().get(k).vHat(), values(all.get("frames").get(k).get("vHat")));
            }
            assertArrayEquals(tr.finalSample(), values(all.get("final")));
        }
    }

    @Test
    void thePlanCountsWhatARunKeeps() {
        // every frame recorded: the whole batch is held (z, next, x_hat, eps_hat, v_hat, the output, t)
        SampleService.Plan frames = SampleService.plan(5000, 512, DataShape.of(1, 28, 28), 1, true, 256,
                SampleService.CHUNK_BYTES);
        assertEquals(5000, frames.chunk());
        assertEquals(784L * 6 + 1, frames.workingValuesPerSample());
        assertEquals(5000L * 784 * (1 + 4 * 512) * SampleService.JSON_BYTES_PER_VALUE, frames.diskBytes());
        // final only: chunks under the limit, and the picture keeps the first 1024 images
        SampleService.Plan fin = SampleService.plan(20000, 512, DataShape.of(1, 28, 28), 1, false, 256,
                SampleService.CHUNK_BYTES);
        assertTrue(fin.chunk() % 256 == 0 && fin.chunk() < 20000, "chunk " + fin.chunk());
        assertTrue(fin.chunk() * fin.workingValuesPerSample() * 4 <= SampleService.CHUNK_BYTES);
        assertEquals(1024L * 784, fin.keptValues());
    }
}
