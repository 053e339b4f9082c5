package org.pdviz.app.sampling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pdviz.core.ddim.DdimSampler;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.ddim.SamplingMonitor;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.runtime.card.ModelCard;

/** A sampled run and the step times measured for it, over its own run and its repeats ({@link Timing}). */
final class TimedRun {
    final RunSpec spec;
    final ModelCard card;
    final Trajectory trajectory;
    final StartTensor start;
    private final Denoiser denoiser;
    private final DdimSampler sampler;
    private final SamplerSettings settings;
    private final SamplingMonitor monitor;
    private final List<Long> stepNanos = new ArrayList<>();
    private long spent;
    private int runs;

    private TimedRun(RunSpec spec, ModelCard card, Denoiser denoiser, DdimSampler sampler, SamplerSettings settings,
                     SamplingMonitor monitor, StartTensor start) throws DenoiserException {
        this.spec = spec;
        this.start = start;
        this.card = card;
        this.denoiser = denoiser;
        this.sampler = sampler;
        this.settings = settings;
        this.monitor = monitor;
        this.trajectory = run();
    }

    /**
     * Samples the run once (with {@code monitor}'s progress and cancellation), timing every step;
     * from {@code start} when it is not null, else from the seed's noise.
     */
    static TimedRun first(RunSpec spec, ModelCard card, Denoiser denoiser, DdimSampler sampler,
                          SamplerSettings settings, SamplingMonitor monitor, StartTensor start)
            throws DenoiserException {
        return new TimedRun(spec, card, denoiser, sampler, settings, monitor, start);
    }

    private Trajectory run() throws DenoiserException {
        long[] last = {System.nanoTime()};
        SamplingMonitor timer = new SamplingMonitor() {
            @Override
            public void stepDone(int done, int steps) {
                long now = System.nanoTime();
                stepNanos.add(now - last[0]);
                last[0] = now;
                if (runs == 0) {
                    monitor.stepDone(done, steps);
                }
            }

            @Override
            public boolean cancelled() {
                return monitor.cancelled();
            }
        };
        Trajectory tr = start == null ? sampler.sample(card.name(), denoiser, settings, timer)
                : sampler.run(card.name(), denoiser, settings, timer, start.values());
        runs++;
        spent += tr.nanos();
        return tr;
    }

    /**
     * Repeats the runs that {@code timing} allows, round after round, every other round in reverse
     * order so that no sampler always runs right after the same other one.
     */
    static void repeat(List<TimedRun> timed, Timing timing, RunService.Progress progress) throws DenoiserException {
        long longest = timed.stream().mapToLong(t -> t.trajectory.nanos()).max().orElse(0);
        int round = 0;
        for (boolean any = true; any; ) {
            any = false;
            round++;
            List<TimedRun> order = new ArrayList<>(timed);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (TimedRun t : order) {
                if (timing.again(t.runs, t.stepNanos.size(), t.spent, longest)) {
                    any = true;
                    progress.timing(t.spec, round, timing.maxRuns() - 1);
                    t.run();
                }
            }
        }
    }

    /**
     * Steps times the fastest step over every run. Other programs on the machine only ever add time
     * to a step, and on a loaded machine they do so for seconds on end to one thread pool and not to
     * another, so the fastest step is what stays comparable between samplers (a median does not).
     */
    WallTime wall() {
        long fastest = stepNanos.stream().mapToLong(Long::longValue).min().orElseThrow();
        return new WallTime(settings.steps() * fastest, runs);
    }
}
