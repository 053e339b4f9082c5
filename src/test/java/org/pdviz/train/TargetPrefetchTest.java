package org.pdviz.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.data.Dataset;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.train.data.TrainingData;
import org.pdviz.train.djl.XLossStep;

class TargetPrefetchTest {

    @TempDir
    Path dir;

    /** Algorithm 2's batches, drawn one by one on this thread: the order the trainer used before the overlap. */
    static List<XLossStep.Batch> oneByOne(SeededRandom rng, Dataset data, OnnxDenoiser teacher, int count)
            throws DenoiserException {
        List<XLossStep.Batch> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(Distillation.distillBatch(rng, data, 32, 8, CosineSchedule.CLIPPED, teacher));
        }
        return out;
    }

    @Test
    void theOverlappedLoopGivesTheSequentialLoopsBatchesAndTargetsBitForBit() throws Exception {
        DistillationTest t = new DistillationTest();
        t.dir = dir;
        Path file = t.ourTeacher(Parameterization.V);
        Dataset data = TrainingData.open("moons", DistillationTest.MNIST);
        int count = 12;
        try (OnnxDenoiser teacher = OnnxDenoiser.open(file)) {
            SeededRandom plain = new SeededRandom(5);
            List<XLossStep.Batch> expected = oneByOne(plain, data, teacher, count);
            for (boolean overlap : new boolean[] {false, true}) {
                SeededRandom run = new SeededRandom(5);
                try (TargetPrefetch p = new TargetPrefetch(rng -> Distillation.distillBatch(rng, data, 32, 8,
                        CosineSchedule.CLIPPED, teacher), run.state(), count, overlap)) {
                    SeededRandom replay = new SeededRandom(5);
                    for (int i = 0; i < count; i++) {
                        TargetPrefetch.Drawn d = p.next();
                        XLossStep.Batch e = expected.get(i);
                        assertArrayEquals(e.z(), d.batch().z(), "z of batch " + i + ", overlap " + overlap);
                        assertArrayEquals(e.t(), d.batch().t(), "t of batch " + i);
                        assertArrayEquals(e.target(), d.batch().target(), "x_tilde of batch " + i);
                        // the state after batch i is the state one-by-one drawing reaches after it
                        oneByOne(replay, data, teacher, 1);
                        assertEquals(replay.state(), d.rngAfter(), "generator after batch " + i);
                    }
                    assertEquals(plain.state(), replay.state());
                }
            }
        }
    }

    @Test
    void noBatchIsDrawnBeyondTheStageAndAskingForOneMoreIsRefused() throws Exception {
        for (boolean overlap : new boolean[] {false, true}) {
            AtomicInteger draws = new AtomicInteger();
            TargetPrefetch p = new TargetPrefetch(rng -> {
                draws.incrementAndGet();
                float[] v = {(float) rng.nextDouble()};
                return new XLossStep.Batch(v, v, v, null);
            }, 1, 3, overlap);
            for (int i = 0; i < 3; i++) {
                p.next();
            }
            assertThrows(IllegalStateException.class, p::next);
            p.close();
            assertEquals(3, draws.get(), "overlap " + overlap);
        }
    }

    @Test
    void closingWaitsForTheBatchDrawnAheadSoTheTeacherIsNotClosedUnderIt() throws Exception {
        AtomicInteger finished = new AtomicInteger();
        TargetPrefetch p = new TargetPrefetch(rng -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new DenoiserException("interrupted", e);
            }
            finished.incrementAndGet();
            return new XLossStep.Batch(new float[1], new float[1], new float[1], null);
        }, 1, 5, true);
        p.next(); // the second batch is now being drawn
        p.close();
        assertEquals(2, finished.get(), "close returned while a batch was still being drawn");
    }

    @Test
    void aTeacherFailureOnTheSecondThreadReachesTheCallerAsItself() throws Exception {
        try (TargetPrefetch p = new TargetPrefetch(rng -> {
            throw new DenoiserException("teacher returned non-finite values at t = 0.5");
        }, 1, 2, true)) {
            DenoiserException e = assertThrows(DenoiserException.class, p::next);
            assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
        }
    }
}
