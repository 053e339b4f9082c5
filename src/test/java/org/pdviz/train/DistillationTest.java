package org.pdviz.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.eval.DistillComparison;
import org.pdviz.core.distill.DistillTarget;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.exact.ExactTeachers;
import org.pdviz.train.djl.DjlDenoiser;
import org.pdviz.train.djl.Network;
import org.pdviz.train.family.Families;
import org.pdviz.train.family.Family;
import org.pdviz.train.family.Weights;
import org.pdviz.train.onnx.Checkpoint;
import org.pdviz.train.onnx.FamilyOnnx;
import org.pdviz.train.state.TrainingState;

class DistillationTest {

    @TempDir
    Path dir;

    static final Path MNIST = Path.of(System.getProperty("pdviz.home", ".")).resolve("assets/mnist");

    /** A small teacher of our own family, a few steps away from its initialisation. */
    Path ourTeacher(Parameterization p) throws Exception {
        Family f = Families.build("mlp", DataShape.of(2), p.outputFactor(), Map.of("width", 16, "depth", 2,
                "embedding", 8));
        Path file = dir.resolve("teacher-" + p.id() + ".onnx");
        ModelCard card = new ModelCard(ModelCard.FORMAT, "teacher", "moons", p.id(),
                ModelCard.ScheduleSpec.of(CosineSchedule.CLIPPED), new int[] {2}, new double[] {-1, 1}, null, f.card(),
                null, null);
        FamilyOnnx.write(f, FamilyOnnxTest.perturbed(f, 3), card, file);
        return file;
    }

    DistillConfig config(Path teacher, Family fresh, Integer from, int to, long k, double lr, TeacherEngine e,
                         Path out) {
        return DistillConfig.builder(teacher, to, k, 64, lr, out).teacher(null, e).from(from).student(fresh, null)
                .optimiser(Weighting.SNR_PLUS_ONE, 1.0, 4).context(MNIST, "pdviz distill (test)").build();
    }

    @Test
    void theTargetIsAlgorithm2sWithEitherEngineRunningTheTeacher() throws Exception {
        for (Parameterization p : new Parameterization[] {Parameterization.V, Parameterization.BOTH}) {
            Path file = ourTeacher(p);
            Checkpoint cp = Checkpoint.read(file);
            int n = 8, batch = 16;
            SeededRandom rng = new SeededRandom(2);
            float[] z = new float[batch * 2];
            int[] idx = new int[batch];
            for (int b = 0; b < batch; b++) {
                idx[b] = 1 + b % n; // every index, the final one (1) and the first (n) included
            }
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) rng.nextGaussian();
            }
            float[] viaDjl = new float[z.length], viaOrt = new float[z.length];
            try (DjlDenoiser djl = new DjlDenoiser(new Network(cp.family(), cp.weights(), Device.CPU, false), p);
                 OnnxDenoiser ort = OnnxDenoiser.open(file)) {
                DistillTarget.xTilde(djl, CosineSchedule.CLIPPED, z, idx, n, viaDjl);
                DistillTarget.xTilde(ort, CosineSchedule.CLIPPED, z, idx, n, viaOrt);
                float[] independent = algorithm2(ort, p, z, idx, n);
                for (int b = 0; b < batch; b++) {
                    var times = DistillTarget.Times.of(idx[b], n);
                    double amplification = times.isFinal() ? 1 : Math.abs(DistillTarget.coefficients(
                            CosineSchedule.CLIPPED.at(times.t()), CosineSchedule.CLIPPED.at(times.tDoublePrime()))
                            .zDoublePrime());
                    for (int j = 2 * b; j < 2 * b + 2; j++) {
                        assertEquals(viaOrt[j], viaDjl[j], 2e-5 * amplification * (1 + Math.abs(viaOrt[j])),
                                p.id() + " i=" + idx[b]);
                        assertEquals(independent[j], viaOrt[j], 2e-5 * amplification * (1 + Math.abs(viaOrt[j])),
                                p.id() + " i=" + idx[b]);
                    }
                }
            }
        }
    }

    /** METHOD.md's Algorithm 2 written out afresh, in double, from the teacher's raw outputs. */
    static float[] algorithm2(OnnxDenoiser teacher, Parameterization p, float[] z, int[] idx, int n)
            throws Exception {
        CosineSchedule s = CosineSchedule.CLIPPED;
        float[] out = new float[z.length];
        for (int b = 0; b < idx.length; b++) {
            double t = (double) idx[b] / n, t1 = t - 0.5 / n, t2 = t - 1.0 / n;
            double a = s.alpha(t), sg = s.sigma(t), a1 = s.alpha(t1), s1 = s.sigma(t1), a2 = s.alpha(t2),
                    s2 = s.sigma(t2);
            double[] zt = {z[2 * b], z[2 * b + 1]};
            double[] x1 = xHat(teacher, p, zt, t, a, sg);
            double[] zp = new double[2];
            for (int j = 0; j < 2; j++) {
                zp[j] = a1 * x1[j] + (s1 / sg) * (zt[j] - a * x1[j]);
            }
            double[] x2 = xHat(teacher, p, zp, t1, a1, s1);
            for (int j = 0; j < 2; j++) {
                if (idx[b] == 1) {
                    out[2 * b + j] = (float) x2[j];
                } else {
                    double zpp = a2 * x2[j] + (s2 / s1) * (zp[j] - a1 * x2[j]);
                    out[2 * b + j] = (float) ((zpp - (s2 / sg) * zt[j]) / (a2 - (s2 / sg) * a));
                }
            }
        }
        return out;
    }

    static double[] xHat(OnnxDenoiser teacher, Parameterization p, double[] z, double t, double a, double s)
            throws Exception {
        float[] o = new float[2 * p.outputFactor()];
        teacher.predict(new float[] {(float) z[0], (float) z[1]}, new float[] {(float) t}, 0, 1, o);
        double[] x = new double[2];
        for (int j = 0; j < 2; j++) {
            x[j] = p == Parameterization.V ? a * z[j] - s * o[j]
                    : s * s * o[j] + a * a * (z[j] - s * o[2 + j]) / a; // both: x first, then eps
        }
        return x;
    }

    @Test
    void aForeignTeacherDistilsIntoAFreshNetworkThatBeatsPlainDdim() throws Exception {
        Path teacher = dir.resolve("exact.onnx");
        ExactTeachers.write("gaussian-2d", MNIST, teacher, "test");
        Family fresh = Families.build("mlp", DataShape.of(2), 1, Map.of("width", 32, "depth", 2, "embedding", 16));
        Path out = dir.resolve("students");
        List<double[]> losses = new ArrayList<>();
        List<RoundResult> rounds = new ArrayList<>();
        Monitor m = new Monitor() {
            @Override
            public void iteration(int round, int roundCount, long done, long total, double loss) {
                losses.add(new double[] {round, loss});
            }

            @Override
            public void roundFinished(RoundResult r) {
                rounds.add(r);
            }
        };
        Distillation.Result r = Distillation.run(config(teacher, fresh, 8, 2, 300, 3e-3, TeacherEngine.AUTO, out),
                Device.CPU, Checkpointer.none(), m);
        assertFalse(r.cancelled());
        assertFalse(r.plan().startFromTeacher());
        assertEquals(Parameterization.V, r.plan().studentParameterization(), "a fresh student predicts v");
        assertEquals(1200, r.plan().copyIterations(), "the copy stage defaults to four rounds' worth");
        assertEquals(3, rounds.size(), "a copy stage, then two halving rounds");
        assertEquals(null, rounds.get(0).steps());
        double first = losses.subList(0, 30).stream().mapToDouble(x -> x[1]).average().orElseThrow();
        double last = losses.subList(1170, 1200).stream().mapToDouble(x -> x[1]).average().orElseThrow();
        assertTrue(last < 0.1 * first, "copying the teacher, the loss fell from " + first + " to " + last);

        ModelCard copy = OnnxDenoiser.inspect(out.resolve("teacher-copy.onnx")).card();
        assertEquals(null, copy.steps());
        assertEquals("exact-gaussian-2d", copy.lineage().parent());
        assertEquals(1200L, copy.lineage().iterations());
        ModelCard c4 = OnnxDenoiser.inspect(out.resolve("student-4.onnx")).card();
        ModelCard c2 = OnnxDenoiser.inspect(out.resolve("student-2.onnx")).card();
        assertEquals(4, c4.steps());
        assertEquals(1, c4.lineage().round());
        assertEquals("exact-gaussian-2d", c4.lineage().parent(), "round 1 learns from the original teacher");
        assertEquals(2, c2.steps());
        assertEquals(2, c2.lineage().round());
        assertEquals("gaussian-2d-student-4", c2.lineage().parent());
        assertEquals("gaussian-2d-student-2", c2.name(), "students are named after their data set");
        assertEquals("gaussian-2d-teacher-copy", copy.name());
        assertEquals(300L, c2.lineage().iterations());
        assertEquals("pdviz distill (test)", c2.lineage().command());
        assertEquals(rounds.get(2).finalLoss(), c2.lineage().finalLoss(), 1e-12);
        assertEquals("gaussian-2d", c2.dataset());

        DistillComparison.Comparison cmp = DistillComparison.compare(teacher, CardOverrides.NONE, out.resolve("student-2.onnx"), 8, 2,
                500, 0);
        assertTrue(cmp.student() < 0.5 * cmp.teacherDdim(), "student-2 " + cmp.student() + " vs teacher's 2-step DDIM "
                + cmp.teacherDdim() + " (distance to its 8-step samples)");
    }

    @Test
    void aStudentStartsFromItsTeachersWeightsAndAutoPicksAnEngine() throws Exception {
        Path teacher = ourTeacher(Parameterization.V);
        Path out = dir.resolve("s");
        List<String> messages = new ArrayList<>();
        Monitor m = new Monitor() {
            @Override
            public void iteration(int round, int rounds, long done, long total, double loss) {
            }

            @Override
            public void message(String line) {
                messages.add(line);
            }
        };
        // one step with a vanishing learning rate: the student is still the teacher
        Distillation.run(config(teacher, null, 4, 2, 1, 1e-12, TeacherEngine.AUTO, out), Device.CPU,
                Checkpointer.none(), m);
        Weights t = Checkpoint.read(teacher).weights(), s = Checkpoint.read(out.resolve("student-2.onnx")).weights();
        for (String name : t.asMap().keySet()) {
            assertArrayEquals(t.get(name), s.get(name), 1e-9f, name);
        }
        assertTrue(messages.stream().anyMatch(l -> l.contains("teacher forward")), messages.toString());
    }

    @Test
    void cancellingKeepsFinishedRoundsAndResumingGivesTheUninterruptedStudent() throws Exception {
        Path teacher = ourTeacher(Parameterization.V);
        Path straight = dir.resolve("straight"), resumed = dir.resolve("resumed");
        Distillation.run(config(teacher, null, 8, 2, 12, 1e-3, TeacherEngine.DJL, straight), Device.CPU,
                Checkpointer.none(), Monitor.NONE);

        Path state = dir.resolve("state.bin");
        Checkpointer cp = new Checkpointer(state, 0, 0);
        Monitor cancelInRound2 = new Monitor() {
            int round;
            long done;

            @Override
            public void iteration(int r, int rounds, long d, long total, double loss) {
                round = r;
                done = d;
            }

            @Override
            public boolean cancelled() {
                return round == 1 && done >= 5;
            }
        };
        DistillConfig c = config(teacher, null, 8, 2, 12, 1e-3, TeacherEngine.DJL, resumed);
        Distillation.Result first = Distillation.run(c, Device.CPU, cp, cancelInRound2);
        assertTrue(first.cancelled());
        assertEquals(1, first.rounds().size());
        assertTrue(Files.exists(resumed.resolve("student-4.onnx")), "the finished round is kept");
        assertFalse(Files.exists(resumed.resolve("student-2.onnx")));
        TrainingState.Header h = TrainingState.read(state).header();
        assertEquals(1, h.round());
        assertEquals(5, h.iteration());
        assertEquals(5, h.adamStep(), "the optimiser was reset when round 2 began");

        Distillation.Result second = Distillation.run(c, Device.CPU, cp, Monitor.NONE);
        assertFalse(second.cancelled());
        TeacherTrainingTest.assertWeightsEqual(Checkpoint.read(straight.resolve("student-2.onnx")).weights(),
                Checkpoint.read(resumed.resolve("student-2.onnx")).weights());
    }

    @Test
    void badPlansAreRefusedInOneLine() throws Exception {
        Path teacher = ourTeacher(Parameterization.V);
        Path out = dir.resolve("x");
        var e = assertThrows(IllegalArgumentException.class, () -> Distillation.plan(config(teacher, null, 12, 4, 10,
                1e-3, TeacherEngine.AUTO, out)));
        assertTrue(e.getMessage().contains("power of two"), e.getMessage());
        assertEquals("the steps to distil from 12 and the steps to distil to 4: each round halves the steps, so the"
                + " steps to distil from must be the steps to distil to times a power of two (e.g. 512 and 4)",
                e.getMessage(), "the trainer names settings, not command-line options");
        e = assertThrows(IllegalArgumentException.class, () -> Distillation.plan(config(teacher, null, null, 4, 10,
                1e-3, TeacherEngine.AUTO, out)));
        assertEquals(Setting.FROM, ((SettingException) e).setting(), e.getMessage());
        assertFalse(e.getMessage().contains("--"), e.getMessage());
        Path exact = dir.resolve("exact.onnx");
        ExactTeachers.write("gaussian-2d", MNIST, exact, "test");
        e = assertThrows(IllegalArgumentException.class, () -> Distillation.plan(config(exact, null, 8, 4, 10, 1e-3,
                TeacherEngine.AUTO, out)));
        assertEquals(Setting.FAMILY, ((SettingException) e).setting(), e.getMessage());
        Family images = Families.build("unet", DataShape.of(1, 28, 28), 1, Map.of());
        e = assertThrows(IllegalArgumentException.class, () -> Distillation.plan(config(exact, images, 8, 4, 10, 1e-3,
                TeacherEngine.AUTO, out)));
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }
}
