package org.pdviz.app.phi;

import org.pdviz.core.model.DenoiserException;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * Everything the phi view asks for, for one pair of models and one set of samples: the geometry at
 * a slider position (immediately, from the samples), the models' predictions there (computed by
 * {@link #predictNow}, cached), and the sampling runs as rotations.
 *
 * <p>It owns no thread: a view computes predictions in the background through a
 * {@link org.pdviz.app.work.LatestLane}, so while the slider moves a queued evaluation that is no
 * longer the newest is skipped. Thread-safe.
 */
public final class PhiSession implements AutoCloseable {

    /** Whose predictions the scrub shows. */
    public enum Source { TEACHER, STUDENT }

    private record Key(Source source, int index) {
    }

    /** Keeps the cache near this many bytes whatever the sample size. */
    private static final long CACHE_BYTES = 64L << 20;

    private final PhiModels models;
    private final PhiData data;
    private final PhiGrid grid;
    private final LruCache<Key, PhiPredictions> cache;
    private final PlaneCoordinates[] planes;

    public PhiSession(PhiModels models, PhiData data, PhiGrid grid) {
        this.models = models;
        this.data = data;
        this.grid = grid;
        long entryBytes = 16L * data.samples().count() * data.samples().dim();
        this.cache = new LruCache<>((int) Math.max(16, Math.min(grid.resolution() + 1, CACHE_BYTES / entryBytes)));
        this.planes = new PlaneCoordinates[data.samples().count()];
    }

    public PhiModels models() {
        return models;
    }

    public PhiData data() {
        return data;
    }

    public PhiGrid grid() {
        return grid;
    }

    public PhiSamples samples() {
        return data.samples();
    }

    public synchronized PlaneCoordinates plane(int sample) {
        data.samples().checkSample(sample);
        if (planes[sample] == null) {
            planes[sample] = data.samples().plane(sample);
        }
        return planes[sample];
    }

    /** Predictions already computed for this position, or null. */
    public PhiPredictions cached(Source source, int index) {
        return cache.get(new Key(source, index));
    }

    /** Computes (or returns cached) predictions on the calling thread. */
    public PhiPredictions predictNow(Source source, int index) throws DenoiserException {
        Key key = new Key(source, index);
        PhiPredictions hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        PhiModels.Sampler s = source == Source.TEACHER ? models.teacher() : models.student();
        PhiPredictions p = PhiPredictions.evaluate(s.model(), s.denoiser(), data.samples(), index, grid.level(index));
        cache.put(key, p);
        return p;
    }

    /** The picture at a position, with the predictions if they are cached (else without). */
    public PhiPoint point(int index, int sample, int coordinate, Source source) {
        NoiseLevel level = grid.level(index);
        return PhiPoint.of(data.samples(), sample, plane(sample), level, cached(source, index), coordinate);
    }

    public RotationPath teacherPath(int sample) {
        return RotationPath.of(models.teacher().label(), data.teacherRun(), sample, plane(sample));
    }

    public RotationPath studentPath(int sample) {
        return RotationPath.of(models.student().label(), data.studentRun(), sample, plane(sample));
    }

    public CoordinateTrace teacherTrace(int sample, int coordinate) {
        return CoordinateTrace.of(models.teacher().label(), data.teacherRun(), sample, coordinate);
    }

    public CoordinateTrace studentTrace(int sample, int coordinate) {
        return CoordinateTrace.of(models.student().label(), data.studentRun(), sample, coordinate);
    }

    /** Drops the cached predictions (the models belong to whoever opened them). */
    @Override
    public void close() {
        cache.clear();
    }
}
