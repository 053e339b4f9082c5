package org.pdviz.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.TrainJob;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.train.TeacherEngine;
import org.pdviz.train.family.Families;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Weights;
import org.pdviz.train.onnx.Checkpoint;
import org.pdviz.train.onnx.FamilyOnnx;

/** Tiny training and distillation jobs (a 2-D MLP of width 16): a round takes a fraction of a second. */
final class TinyJobs {

    private TinyJobs() {
    }

    /** A teacher of our own family for moons (freshly initialised: the faults do not need a good one). */
    static Path teacher(Path file) throws Exception {
        Family f = Families.build("mlp", DataShape.of(2), 1, Map.of("width", 16, "depth", 2, "embedding", 8));
        ModelCard card = new ModelCard(ModelCard.FORMAT, "teacher", "moons", Parameterization.V.id(),
                ModelCard.ScheduleSpec.of(CosineSchedule.CLIPPED), new int[] {2}, new double[] {-1, 1}, null, f.card(),
                null, null);
        FamilyOnnx.write(f, Weights.initialize(f, 11), card, file);
        return file;
    }

    /**
     * 8 -> 2 steps in two rounds of {@code k} iterations, from the teacher's weights, the teacher on ONNX
     * Runtime (no timing decides anything), one thread, no closing comparison.
     *
     * @param checkpointSeconds how often the state is saved inside a round (0: only at the ends of rounds)
     */
    static DistillJob distill(Path teacher, Path out, long k, double checkpointSeconds) {
        return new DistillJob(teacher, null, null, null, null, null, 8, 2, k, 32, 3e-3, Weighting.SNR_PLUS_ONE, 1.0, 5, Device.CPU, 1,
                TeacherEngine.ORT, 0, checkpointSeconds, out, "pdviz distill (test)", null, null);
    }

    static TrainJob train(Path out, long iterations, double checkpointSeconds) {
        return new TrainJob("moons", "mlp", Map.of("width", "16", "depth", "2"), Parameterization.V, Weighting.SNR_PLUS_ONE, iterations, 32, 2e-3,
                0.99, 1.0, 3, Device.CPU, 1, checkpointSeconds, out, "pdviz train (test)", null);
    }

    /** Two checkpoints hold the same weights, bit for bit. */
    static void assertSameWeights(Path expected, Path actual) throws Exception {
        var a = Checkpoint.read(expected).weights().asMap();
        var b = Checkpoint.read(actual).weights().asMap();
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), actual.getFileName() + ": " + name);
        }
    }
}
