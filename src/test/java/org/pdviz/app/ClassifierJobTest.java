package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.jobs.ClassifierJob;
import org.pdviz.app.jobs.JobListener;
import org.pdviz.app.jobs.JobResult;
import org.pdviz.app.jobs.Jobs;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.onnx.OnnxGraph;

/** The classifier runs through the same job API as the trainer: saved spec, cancel, resume, same result. */
class ClassifierJobTest {

    @TempDir
    Path dir;

    static ClassifierJob tiny(Path out) {
        return new ClassifierJob(Map.of("channels", "8,16", "groups", "4", "features", "16"), 30L, 16, 2e-3, 2, 4,
                0, Device.CPU, 1, 0, out, "pdviz train-classifier (test)");
    }

    static List<OnnxMl.TensorProto> initializers(Path file) throws Exception {
        return OnnxGraph.read(file).getGraph().getInitializerList();
    }

    @Test
    void aCancelledClassifierJobResumesFromItsFolderToTheSameWeights() throws Exception {
        Path straight = dir.resolve("straight.onnx");
        Jobs.run(tiny(straight), false, JobListener.NONE, () -> false);

        Path out = dir.resolve("c.onnx");
        ClassifierJob job = tiny(out);
        JobsTest.Recorder rec = new JobsTest.Recorder();
        rec.cancelAfter = 12;
        synchronized (rec) {
            rec.cancelAt.set(Jobs.start(job, rec));
        }
        JobResult first = rec.cancelAt.get().await();
        assertTrue(first.cancelled());
        assertFalse(Files.exists(out));
        assertEquals(dir.resolve("c.onnx.job"), job.folder());
        var interrupted = Jobs.interrupted(job.folder()).orElseThrow();
        assertEquals(job, interrupted.spec(), "job.json holds the spec");
        assertTrue(interrupted.where().startsWith("iteration "), interrupted.where());

        JobsTest.Recorder rec2 = new JobsTest.Recorder();
        JobResult second = Jobs.resume(job.folder(), rec2).await();
        assertFalse(second.cancelled());
        assertEquals(interrupted.iteration() + 1, rec2.progress.get(0).iteration());
        assertTrue(rec2.messages.stream().anyMatch(m -> m.startsWith("held-out accuracy")), rec2.messages.toString());
        assertFalse(Files.exists(job.folder()), "a finished job's folder is removed");
        List<OnnxMl.TensorProto> a = initializers(straight), b = initializers(out);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getName(), b.get(i).getName());
            assertEquals(a.get(i).getRawData(), b.get(i).getRawData(), a.get(i).getName());
        }
    }
}
