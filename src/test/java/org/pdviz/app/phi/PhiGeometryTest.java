package org.pdviz.app.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.pdviz.app.work.LatestLane;
import org.pdviz.core.data.PointSets;
import org.pdviz.core.ddim.Ddim;
import org.pdviz.core.ddim.Frame;
import org.pdviz.core.ddim.StartNoise;
import org.pdviz.core.ddim.Trajectory;
import org.pdviz.core.exact.ExactDenoiser;
import org.pdviz.core.exact.GaussianMixture;
import org.pdviz.core.model.DataRange;
import org.pdviz.core.model.DataShape;
import org.pdviz.core.model.Denoiser;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.param.Predictions;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.core.schedule.NoiseLevel;

/** The phi view's geometry, checked numerically against the closed forms of METHOD.md. */
class PhiGeometryTest {

    static final CosineSchedule S = CosineSchedule.CLIPPED;
    static final PhiGrid GRID = PhiGrid.of(S);

    /** Digit-like data: 16-pixel images in [-1, 1], noise from the sampler's generator. */
    static PhiSamples images(long seed) {
        DataShape shape = DataShape.of(1, 4, 4);
        Random rng = new Random(seed);
        float[] x = new float[3 * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return new PhiSamples(seed, 3, shape, x, PhiSamples.startNoise(seed, 3, shape));
    }

    @Test
    void gridSnapsToEvenTimesAndRoundTrips() {
        assertEquals(S.phi(0), GRID.phiMin(), 0);
        assertEquals(S.phi(1), GRID.phiMax(), 0);
        for (int i = 0; i <= GRID.resolution(); i += 7) {
            assertEquals(i, GRID.indexOf(GRID.phi(i)));
            assertEquals(i / 1024.0, GRID.t(i), 0);
            assertEquals(S.phi(i / 1024.0), GRID.level(i).phi(), 1e-15);
        }
        assertEquals(0, GRID.indexOf(-1));
        assertEquals(1024, GRID.indexOf(Math.PI));
        // the teacher's 512-step grid times are slider positions
        assertEquals(512.0 / 1024, GRID.t(GRID.indexOf(S.phi(256.0 / 512))), 0);
    }

    @Test
    void zIsOnTheUnitCircleAtAnglePhi() {
        PhiSamples set = images(3);
        for (int sample = 0; sample < set.count(); sample++) {
            PlaneCoordinates plane = set.plane(sample);
            assertFalse(plane.degenerate());
            for (int i = 0; i <= 1024; i += 64) {
                PhiPoint p = PhiPoint.of(set, sample, plane, GRID.level(i), null, 5);
                double phi = GRID.phi(i);
                assertEquals(Math.cos(phi), p.z().a(), 1e-6, "a = cos(phi)");
                assertEquals(Math.sin(phi), p.z().b(), 1e-6, "b = sin(phi)");
                assertEquals(1.0, p.z().norm(), 1e-6);
                assertEquals(phi, p.z().angle(), 1e-6);
                assertTrue(p.z().offPlane() < 1e-6);
                // the coordinate's numbers are the closed forms
                int j = sample * 16 + 5;
                NoiseLevel level = GRID.level(i);
                assertEquals(level.alpha() * set.x()[j] + level.sigma() * set.eps()[j], p.coordinate().z(), 1e-6);
                assertEquals(level.alpha() * set.eps()[j] - level.sigma() * set.x()[j], p.coordinate().v(), 1e-6);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Parameterization.class)
    void exactPredictionsGiveTheTangentPerpendicularToTheRadius(Parameterization param) throws Exception {
        PhiSamples set = images(5);
        OracleDenoiser oracle = new OracleDenoiser(set, param, S);
        PlaneCoordinates plane = set.plane(1);
        for (int i = 16; i <= 1008; i += 62) { // away from the ends, where eps (alpha -> 0) is ill-conditioned
            NoiseLevel level = GRID.level(i);
            PhiPredictions pred = PhiPredictions.evaluate("oracle", oracle, set, i, level);
            PhiPoint p = PhiPoint.of(set, 1, plane, level, pred, 7);
            double phi = level.phi();
            // v_hat = (-sin phi, cos phi): the tangent, perpendicular to the radius z
            assertEquals(-Math.sin(phi), p.vHat().a(), 1e-5);
            assertEquals(Math.cos(phi), p.vHat().b(), 1e-5);
            assertEquals(0.0, p.vHat().dot(p.z()), 1e-5, "tangent perpendicular to radius");
            assertEquals(1.0, p.vHat().norm(), 1e-5);
            // and it equals dz/dphi, by central differences of z_phi
            double h = 1e-3;
            PlanePoint zPlus = plane.project(set.z(at(phi + h)), 16), zMinus = plane.project(set.z(at(phi - h)), 16);
            assertEquals((zPlus.a() - zMinus.a()) / (2 * h), p.vHat().a(), 1e-4);
            assertEquals((zPlus.b() - zMinus.b()) / (2 * h), p.vHat().b(), 1e-4);
            // exact x_hat and eps_hat sit on the axes
            assertEquals(1.0, p.xHat().a(), 1e-4);
            assertEquals(0.0, p.xHat().b(), 1e-4);
            assertEquals(0.0, p.epsHat().a(), 1e-4);
            assertEquals(1.0, p.epsHat().b(), 1e-4);
            assertEquals(p.coordinate().v(), p.coordinate().vHat(), 1e-4);
        }
    }

    /** A level at an arbitrary angle (for finite differences off the grid). */
    static NoiseLevel at(double phi) {
        return S.at(S.tFromPhi(phi));
    }

    @Test
    void realPredictionsKeepTheIdentitiesOfTheCircle() throws Exception {
        // the exact denoiser of a mixture: x_hat is E[x | z], not the sample's own x
        GaussianMixture mix = GaussianMixture.ring("ring", 3, 0.6, 0.2);
        Denoiser model = new ExactDenoiser(mix, S);
        float[] x = mix.sample(new Random(1), 5);
        PhiSamples set = new PhiSamples(1, 5, DataShape.of(2), x, PhiSamples.startNoise(1, 5, DataShape.of(2)));
        int sample = firstWellConditioned(set);
        PlaneCoordinates plane = set.plane(sample);
        for (int i = 8; i <= 1016; i += 100) {
            NoiseLevel level = GRID.level(i);
            PhiPoint p = PhiPoint.of(set, sample, plane, level, PhiPredictions.evaluate("mix", model, set, i, level), 1);
            double a = level.alpha(), s = level.sigma();
            // z = alpha x_hat + sigma eps_hat, and x_hat = alpha z - sigma v_hat, in the drawn plane
            assertEquals(p.z().a(), a * p.xHat().a() + s * p.epsHat().a(), 1e-4);
            assertEquals(p.z().b(), a * p.xHat().b() + s * p.epsHat().b(), 1e-4);
            assertEquals(p.xHat().a(), a * p.z().a() - s * p.vHat().a(), 1e-4);
            assertEquals(p.xHat().b(), a * p.z().b() - s * p.vHat().b(), 1e-4);
            // 2-D data: the plane holds everything
            assertTrue(p.xHat().offPlane() < 1e-4);
            Coordinate c = p.coordinate();
            assertEquals(Predictions.v(level, c.xHat(), c.epsHat()), c.vHat(), 1e-5);
        }
    }

    /** The sample whose x and eps are furthest from parallel (2-D flows tend to align them). */
    static int firstWellConditioned(PhiSamples set) {
        int best = 0;
        for (int i = 1; i < set.count(); i++) {
            if (Math.abs(set.plane(i).cosAngle()) < Math.abs(set.plane(best).cosAngle())) {
                best = i;
            }
        }
        assertTrue(Math.abs(set.plane(best).cosAngle()) < 0.95, "no sample with x and eps far from parallel");
        return best;
    }

    @Test
    void projectionIsLeastSquaresForVectorsOffThePlane() {
        float[] x = {1, 0, 0}, eps = {0, 1, 0};
        PlaneCoordinates plane = new PlaneCoordinates(x, eps, 0, 3);
        PlanePoint p = plane.project(new float[] {2, -1, 2}, 0);
        assertEquals(2, p.a(), 1e-12);
        assertEquals(-1, p.b(), 1e-12);
        assertEquals(2 / 3.0, p.offPlane(), 1e-12);
        assertTrue(new PlaneCoordinates(new float[] {1, 2}, new float[] {2, 4}, 0, 2).degenerate());
    }

    static PhiModels models(Denoiser teacher, int teacherSteps, Denoiser student, int studentSteps) {
        return new PhiModels(new PhiModels.Sampler("teacher", "teacher", teacher, teacherSteps),
                new PhiModels.Sampler("student", "student", student, studentSteps), S, DataRange.SYMMETRIC_UNIT,
                "test", false);
    }

    /** Three 16-pixel "digits": enough dimensions for the teacher's x to be far from parallel to eps. */
    static GaussianMixture smallImages() {
        Random rng = new Random(4);
        double[][] means = new double[3][16];
        for (double[] m : means) {
            for (int j = 0; j < 16; j++) {
                m[j] = rng.nextDouble() * 2 - 1;
            }
        }
        return new GaussianMixture("small", DataShape.of(1, 4, 4), new double[] {1, 1, 1}, means,
                new double[] {0.1, 0.1, 0.1});
    }

    @Test
    void eachRotationTurnsByThePhiDifferenceAndLandsOnTheSamplersNextState() throws Exception {
        for (GaussianMixture mix : List.of(smallImages(), PointSets.GAUSSIANS8)) {
            Denoiser model = new ExactDenoiser(mix, S);
            PhiData data = PhiData.sample(models(model, 64, model, 4), 7, 16, org.pdviz.core.ddim.SamplingMonitor.NONE);
            assertEquals(mix.shape().size() > 8, data.xFromSameNoise());
            int sample = data.bestConditionedSample();
            PlaneCoordinates plane = data.samples().plane(sample);
            assertTrue(Math.abs(plane.cosAngle()) < 0.9, mix.name() + ": x and eps far from parallel");
            for (Trajectory tr : List.of(data.teacherRun(), data.studentRun())) {
                RotationPath path = RotationPath.of("run", tr, sample, plane);
                int n = tr.steps();
                assertEquals(n, path.rotations().size());
                for (RotationStep r : path.rotations()) {
                    int k = r.index();
                    double expected = S.phi((double) (n - k) / n) - S.phi((double) (n - k - 1) / n);
                    assertEquals(expected, r.angle(), 1e-12, "angle = phi_t - phi_s");
                    assertEquals(S.phiSpan() / n, r.angle(), 1e-12, "even grid: equal angles");
                    PlanePoint end = r.rotated(r.angle());
                    double tol = r.last() ? 2e-4 : 1e-5; // the last step returns x_hat: off by sigma_0 eps_hat
                    assertEquals(r.end().a(), end.a(), tol, "rotation lands on the sampler's state, step " + k);
                    assertEquals(r.end().b(), end.b(), tol);
                    assertEquals(r.start().a(), r.rotated(0).a(), 0);
                }
                assertEquals(S.phiSpan(), path.totalAngle(), 1e-12);
                // every path starts at its noise, eps = (0, 1)
                assertEquals(0, path.states().get(0).a(), 1e-5);
                assertEquals(1, path.states().get(0).b(), 1e-5);
            }
            if (data.xFromSameNoise()) {
                // the teacher's path ends at its own result, x = (1, 0)
                List<PlanePoint> states = RotationPath.of("t", data.teacherRun(), sample, plane).states();
                assertEquals(1, states.get(states.size() - 1).a(), 1e-5);
                assertEquals(0, states.get(states.size() - 1).b(), 1e-5);
            }
        }
    }

    @Test
    void rotationsComposeToTheSamplersTrajectory() throws Exception {
        Denoiser model = new ExactDenoiser(GaussianMixture.ring("ring", 4, 0.7, 0.1), S);
        int steps = 16, count = 5, dim = 2;
        PhiData data = PhiData.sample(models(model, steps, model, 4), 11, count, org.pdviz.core.ddim.SamplingMonitor.NONE);
        assertFalse(data.xFromSameNoise());
        Trajectory tr = data.teacherRun();
        // independently: from z_1, evaluate the model, read out v_hat, rotate by phi_t - phi_s
        float[] z = StartNoise.batch(11, 0, count, dim);
        float[] t = new float[count], out = new float[count * dim];
        float[] xHat = new float[count * dim], epsHat = new float[count * dim], vHat = new float[count * dim];
        for (int k = 0; k < steps; k++) {
            Frame f = tr.frames().get(k);
            for (int i = 0; i < z.length; i++) {
                assertEquals(f.z()[i], z[i], 1e-5, "state before step " + k);
            }
            NoiseLevel from = S.at((double) (steps - k) / steps), to = S.at((double) (steps - k - 1) / steps);
            java.util.Arrays.fill(t, (float) from.t());
            model.predict(z, t, 0, count, out);
            Predictions.readOut(Parameterization.X, from, z, 0, out, 0, count, dim, null, xHat, epsHat, vHat, 0);
            float[] next = new float[z.length];
            Ddim.rotate(from, to, z, vHat, next, 0, next.length);
            z = next;
        }
        for (int i = 0; i < z.length; i++) {
            assertEquals(tr.finalSample()[i], z[i], 2e-4, "final sample (up to sigma_0 eps_hat)");
        }
    }

    @Test
    void sessionCachesAndALatestLaneSkipsStaleRequests() throws Exception {
        PhiSamples set = images(9);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        OracleDenoiser oracle = new OracleDenoiser(set, Parameterization.X, S) {
            @Override
            public void predict(float[] z, float[] tt, int from, int batch, float[] out) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.predict(z, tt, from, batch, out);
            }
        };
        Trajectory dummy = new Trajectory("m", Parameterization.X, new org.pdviz.core.ddim.SamplerSettings(1, 9, 3,
                null, null), set.shape(), S, S.grid(1), List.of(), set.x(), 0);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();
        LatestLane lane = new LatestLane(pool);
        try (PhiSession session = new PhiSession(models(oracle, 1, oracle, 1), new PhiData(set, dummy, dummy, true), GRID)) {
            var first = lane.submit(() -> session.predictNow(PhiSession.Source.TEACHER, 100));
            assertTrue(entered.await(10, java.util.concurrent.TimeUnit.SECONDS), "the first evaluation started");
            java.util.List<LatestLane.Request<PhiPredictions>> later = new java.util.ArrayList<>();
            for (int i = 101; i <= 120; i++) {
                int index = i;
                later.add(lane.submit(() -> session.predictNow(PhiSession.Source.TEACHER, index)));
            }
            release.countDown();
            var newest = later.get(later.size() - 1);
            PhiPredictions last = newest.result().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(120, last.index());
            assertEquals(100, first.result().get().index());
            // the first ran (it had started), the newest ran, the 19 in between were skipped
            assertEquals(2, oracle.calls.get());
            assertTrue(later.subList(0, later.size() - 1).stream().allMatch(r -> r.result().isCancelled()));
            // the first finished but is stale: a newer request came after it; the newest is current
            assertFalse(lane.isLatest(first));
            assertTrue(lane.isLatest(newest));
            // a cache hit is the same values without another evaluation
            assertTrue(session.cached(PhiSession.Source.TEACHER, 120) == last);
            assertTrue(session.predictNow(PhiSession.Source.TEACHER, 120) == last);
            assertEquals(2, oracle.calls.get());
            PhiPoint p = session.point(120, 2, 3, PhiSession.Source.TEACHER);
            assertTrue(p.hasPredictions());
            assertFalse(session.point(121, 2, 3, PhiSession.Source.TEACHER).hasPredictions());
        } finally {
            pool.shutdownNow();
        }
    }
}
