package org.pdviz.app.sampling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.pdviz.app.Capacity;
import org.pdviz.app.library.ModelImport;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;

/**
 * Runs one or more samplers with every frame recorded (the player and the comparison). Runs with
 * the same seed start from the same noise ({@link org.pdviz.core.ddim.StartNoise}); a model used
 * by several runs is opened once. Meant for a background thread: progress and cancellation go
 * through the arguments.
 */
public final class RunService {

    /** Progress over all runs: steps done and in all, and the run being sampled. */
    public interface Progress {
        void update(long done, long total, RunSpec current);

        /** Sampling is done; {@code current} is being run again for its steady-state time. */
        default void timing(RunSpec current, int round, int rounds) {
        }
    }

    public SampledRun run(RunSpec spec, Progress progress, BooleanSupplier cancelled)
            throws ModelFileException, DenoiserException, java.io.IOException {
        return runAll(List.of(spec), progress, cancelled, line -> { }).get(0);
    }

    /** Recorded frames hold z, x_hat, eps_hat and v_hat for every step and sample, as floats. */
    public static long recordedBytes(RunSpec spec) {
        ModelCard card = spec.model().card();
        long dim = card == null ? 0 : card.shapeValue().size();
        return Trajectory.recordedBytes(dim, spec.count(), spec.steps());
    }

    /** Refuses runs whose recorded frames would not fit in the memory this JVM may still use. */
    static void checkMemory(List<RunSpec> specs) {
        long need = specs.stream().mapToLong(RunService::recordedBytes).sum();
        Capacity.requireMemory(need, "recording every frame of " + (specs.size() == 1 ? specs.get(0).label()
                : specs.size() + " runs"), "use fewer steps or a smaller batch");
    }

    /** Warm-up calls per model and batch size before anything is timed. */
    static final int WARM_UP_CALLS = 3;

    public List<SampledRun> runAll(List<RunSpec> specs, Progress progress, BooleanSupplier cancelled,
                                   Consumer<String> notices) throws ModelFileException, DenoiserException,
            java.io.IOException {
        return runAll(specs, Timing.ONCE, progress, cancelled, notices);
    }

    /** Samples the runs in order, then times them; throws {@link CancellationException} when cancelled. */
    public List<SampledRun> runAll(List<RunSpec> specs, Timing timing, Progress progress, BooleanSupplier cancelled,
                                   Consumer<String> notices) throws ModelFileException, DenoiserException,
            java.io.IOException {
        checkMemory(specs);
        long total = specs.stream().mapToLong(RunSpec::steps).sum();
        Map<Path, OnnxDenoiser> open = new HashMap<>();
        Set<String> warmed = new HashSet<>();
        List<TimedRun> timed = new ArrayList<>();
        try {
            long before = 0;
            for (RunSpec spec : specs) {
                OnnxDenoiser d = open.get(spec.model().file());
                if (d == null) {
                    ModelCard card = spec.model().card();
                    d = OnnxDenoiser.open(spec.model().file(), card == null ? CardOverrides.NONE
                            : ModelImport.overridesOf(card), Device.CPU, notices);
                    open.put(spec.model().file(), d);
                }
                ModelCard card = d.card();
                StartTensor start = spec.start() == null ? null : StartTensor.read(spec.start(), d.shape());
                int count = start == null ? spec.count() : start.count();
                if (warmed.add(spec.model().file() + "#" + count)) {
                    new DdimSampler(card.scheduleValue()).warmUp(d, count, WARM_UP_CALLS);
                }
                long offset = before;
                SamplingMonitor monitor = new SamplingMonitor() {
                    @Override
                    public void stepDone(int done, int steps) {
                        progress.update(offset + done, total, spec);
                    }

                    @Override
                    public boolean cancelled() {
                        return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
                    }
                };
                SamplerSettings settings = new SamplerSettings(spec.steps(), spec.seed(), count, 0,
                        spec.clip() ? card.rangeValue() : null,
                        SamplerSettings.Recording.ALL, spec.grid(), spec.clipStyle());
                timed.add(TimedRun.first(spec, card, d, new DdimSampler(card.scheduleValue()), settings, monitor,
                        start));
                before += spec.steps();
            }
            TimedRun.repeat(timed, timing, progress);
            List<SampledRun> out = new ArrayList<>();
            for (TimedRun t : timed) {
                out.add(new SampledRun(t.spec, t.card, t.trajectory, t.wall(), t.start));
            }
            return out;
        } finally {
            open.values().forEach(OnnxDenoiser::close);
        }
    }
}
