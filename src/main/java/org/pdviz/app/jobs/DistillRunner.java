package org.pdviz.app.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.eval.DistillComparison;
import org.pdviz.core.model.DataShape;
import org.pdviz.runtime.AtomicFiles;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.train.DistillConfig;
import org.pdviz.train.Distillation;
import org.pdviz.train.data.TrainingData;
import org.pdviz.train.djl.Torch;
import org.pdviz.train.family.Families;
import org.pdviz.train.family.Family;

/**
 * Runs a {@link DistillJob}: its settings into the trainer's {@link DistillConfig} (the family's
 * defaults where the job leaves a value out), the rounds, then the closing same-noise comparison and
 * {@code summary.json}. Its folder is {@code DIR/.job}, inside the folder of students.
 */
final class DistillRunner implements JobRunner {

    private final DistillJob j;

    DistillRunner(DistillJob j) {
        this.j = j;
    }

    @Override
    public Path folder() {
        return Jobs.distillFolder(j.out());
    }

    @Override
    public List<Stage> stages() throws Exception {
        Distillation.Plan plan = Distillation.plan(config(null));
        List<Stage> out = new ArrayList<>();
        for (int stage = 0; stage < plan.stages(); stage++) {
            out.add(new Stage(stage, plan.label(stage), plan.studentSteps(stage), plan.iterations(stage),
                    Distillation.stageFile(plan, j.out().toAbsolutePath().normalize(), stage)));
        }
        return out;
    }

    @Override
    public String where(int round, long iteration) {
        return "stage " + (round + 1) + ", iteration " + iteration;
    }

    @Override
    public String restartEffect() {
        return "--restart drops the saved state and continues after the last finished student, which is kept";
    }

    @Override
    public void removeLeftovers() throws IOException {
        AtomicFiles.removeLeftovers(j.out().toAbsolutePath().normalize(), ".");
    }

    @Override
    public void checkFreshOutput() throws IOException {
        if (Files.isDirectory(j.out())) {
            try (Stream<Path> s = Files.list(j.out())) {
                if (s.anyMatch(p -> p.getFileName().toString().matches("student-\\d+\\.onnx"))) {
                    throw new IOException(j.out() + " already holds students; choose another --out or empty it");
                }
            }
        }
    }

    /**
     * A data set or file the job names, read and checked against the teacher's shape; null when it
     * takes the teacher card's data set or the teacher's own samples.
     */
    @Override
    public TrainingData.Source data() throws Exception {
        if (j.data() == null || j.data().equals(TrainingData.TEACHER_SAMPLES)) {
            return null;
        }
        TrainingData.Source s = TrainingData.resolve(j.data(), j.normalize(), PdvizHome.locate().mnist());
        DataShape teacherShape = shapeOf(j.teacher(), j.teacherParameterization() == null ? CardOverrides.NONE
                : CardOverrides.parameterization(j.teacherParameterization()));
        if (!s.dataset().shape().equals(teacherShape)) {
            throw new IllegalArgumentException(s.name() + ": samples of shape " + s.dataset().shape()
                    + ", but the teacher's data has shape " + teacherShape);
        }
        return j.normalize() ? s : withTeachersMap(s, j.teacher());
    }

    /** A point file distilled without --normalize gets the map its teacher learned with, if its card records one. */
    private static TrainingData.Source withTeachersMap(TrainingData.Source s, Path teacher) throws Exception {
        var card = OnnxDenoiser.inspect(teacher).card();
        var origin = card == null || card.lineage() == null ? null : card.lineage().data();
        if (s.table() == null || origin == null || origin.normalization() == null || !s.table().shape().isPoints()
                || origin.normalization().center().length != s.table().shape().size()) {
            return s;
        }
        var map = origin.normalization();
        return new TrainingData.Source(s.table().withValues(map.apply(s.table().values())), s.name(),
                new ModelCard.DataOrigin(s.origin().source(), s.origin().file(), s.origin().sha256(), s.origin().count(),
                        map, "normalised with the map of " + card.name() + "'s data"));
    }

    /** The trainer's configuration (checked; opens the teacher's file). */
    private DistillConfig config(TrainingData.Source data) throws Exception {
        CardOverrides overrides = (j.teacherParameterization() == null ? CardOverrides.NONE
                : CardOverrides.parameterization(j.teacherParameterization()))
                .withSide(j.teacherCard() == null ? null : CardJson.readFile(j.teacherCard()));
        Family fresh = null;
        if (j.family() != null) {
            // the data shape comes from the teacher; the output size is settled by the plan
            var card = OnnxDenoiser.inspect(j.teacher()).card();
            var shape = card != null && card.dataShape() != null ? card.shapeValue() : shapeOf(j.teacher(), overrides);
            fresh = Families.build(j.family(), shape, 1, j.net());
        }
        String family = fresh != null ? fresh.name() : Jobs.familyOf(j.teacher());
        return DistillConfig.builder(j.teacher(), j.to(), j.iterationsPerRound(),
                        j.batch() != null ? j.batch() : Defaults.batch(family),
                        j.lr() != null ? j.lr() : Defaults.distillLr(family), j.out())
                .teacher(overrides, j.teacherEngine()).from(j.from())
                .student(fresh, j.studentParameterization()).data(j.data(), data, j.teacherSamples())
                .optimiser(j.weighting(), j.clip(), j.seed())
                .stages(j.copyIterations(), j.copyLr() != null ? j.copyLr() : Defaults.trainLr(family), null)
                .roundIterations(j.roundIterations()).context(PdvizHome.locate().mnist(), j.command()).build();
    }

    @Override
    public JobResult run(JobContext x) throws Exception {
        if (j.threads() <= 0) {
            Torch.threads(Distillation.studentThreads()); // a core is left to the teacher's targets
        }
        DistillConfig c = config(x.data());
        Distillation.Plan plan = Distillation.plan(c);
        ProgressRelay relay = x.relay();
        relay.plan(plan);
        relay.message("distilling " + plan.teacherCard().name() + " from " + plan.from() + " to " + plan.to()
                + " steps in " + plan.rounds() + (plan.rounds() == 1 ? " round" : " rounds") + " of "
                + j.iterationsPerRound() + " iterations" + (c.roundIterations().isEmpty() ? "" : " (by the student's"
                + " steps " + c.roundIterations().text() + ")") + " (batch "
                + c.batch() + ", lr " + c.lr() + ", " + c.weighting().id() + " weighting); student: "
                + plan.studentFamily().describe() + " (" + plan.studentParameterization().id() + ")"
                + (plan.startFromTeacher() ? ", from the teacher's weights" : !plan.hasCopyStage() ? ", fresh (no copy"
                + " stage)" : ", fresh: first " + plan.copyIterations() + " iterations copying the teacher (lr "
                + c.copyLr() + ")") + "; on " + Torch.name(x.device()));
        Distillation.Result r = Distillation.run(c, x.device(), x.checkpointer(), relay);
        DistillComparison.Comparison eval = null;
        int evalCount = j.evalCount() >= 0 ? j.evalCount() : plan.studentFamily().dataShape().isImage() ? 64 : 1000;
        if (!r.cancelled() && evalCount > 0) {
            relay.message("comparing with the teacher's " + plan.from() + "-step samples from the same noise ("
                    + evalCount + " samples)...");
            eval = DistillComparison.compare(j.teacher(), c.teacherOverrides(),
                    Distillation.studentFile(j.out(), plan.to()), plan.from(), plan.to(), evalCount, 0);
        }
        JobResult result = new JobResult(r.cancelled() ? JobResult.Status.CANCELLED : JobResult.Status.FINISHED, j,
                allRounds(plan, j.out(), relay.rounds()), relay.iterationsRun(), r.seconds(),
                Torch.name(x.device()), plan.studentFamily().describe(), eval);
        if (!r.cancelled()) {
            writeSummary(j.out().resolve("summary.json"), result, plan);
        }
        return result;
    }

    /** Every finished stage: this session's, and those of earlier sessions from their checkpoints' cards. */
    private static List<RoundSummary> allRounds(Distillation.Plan plan, Path out, List<RoundSummary> thisSession) {
        List<RoundSummary> all = new ArrayList<>();
        for (int stage = 0; stage < plan.stages(); stage++) {
            final int st = stage;
            Optional<RoundSummary> now = thisSession.stream().filter(s -> s.round() == st).findFirst();
            if (now.isPresent()) {
                all.add(now.get());
                continue;
            }
            Path file = Distillation.stageFile(plan, out, stage);
            try {
                var card = OnnxDenoiser.inspect(file).card();
                var l = card == null ? null : card.lineage();
                if (l != null && Objects.equals(card.steps(), plan.studentSteps(stage))) {
                    all.add(new RoundSummary(stage, plan.stages(), plan.studentSteps(stage), file,
                            l.iterations() == null ? 0 : l.iterations(),
                            l.finalLoss() == null ? Double.NaN : l.finalLoss(), Double.NaN));
                }
            } catch (ModelFileException e) {
                // not written yet (a cancelled job): not a finished stage
            }
        }
        return all;
    }

    private static void writeSummary(Path file, JobResult r, Distillation.Plan plan) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("teacher", plan.teacherCard().name());
        m.put("from", plan.from());
        m.put("to", plan.to());
        m.put("student", r.network());
        m.put("seconds", r.seconds());
        m.put("device", r.device());
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (RoundSummary s : r.rounds()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("stage", s.round() + 1);
            x.put("steps", s.steps());
            x.put("file", s.file().getFileName().toString());
            x.put("iterations", s.iterations());
            x.put("finalLoss", s.finalLoss());
            x.put("seconds", s.seconds());
            rounds.add(x);
        }
        m.put("rounds", rounds);
        if (r.evaluation() != null) {
            m.put("sameNoiseRmse", r.evaluation());
        }
        m.put("command", r.spec().command());
        AtomicFiles.writeString(file, JobJson.MAPPER.writeValueAsString(m));
    }

    private static DataShape shapeOf(Path teacher, CardOverrides overrides) throws Exception {
        try (var d = OnnxDenoiser.open(teacher, overrides, Device.CPU, l -> { })) {
            return d.shape();
        }
    }
}
