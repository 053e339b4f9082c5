package org.pdviz.core.data;

import java.util.List;
import java.util.Random;
import org.pdviz.core.exact.GaussianMixture;
import org.pdviz.core.model.DataShape;

/** Seeded 2-D toy distributions, scaled to roughly [-1, 1]. */
public final class PointSets {

    private static final DataShape POINTS = DataShape.of(2);

    /** The ring of 8 Gaussians that the {@code exact-gaussians8} teacher denoises exactly. */
    public static final GaussianMixture GAUSSIANS8 = GaussianMixture.ring("gaussians8", 8, 0.8, 0.08);

    private PointSets() {
    }

    public static List<String> names() {
        return List.of("moons", "swissroll", "checkerboard", "gaussians8", "rings", "face");
    }

    public static Dataset byName(String name) {
        return switch (name) {
            case "moons" -> of(name, PointSets::moon);
            case "swissroll" -> of(name, PointSets::swissRoll);
            case "checkerboard" -> of(name, PointSets::checkerboard);
            case "gaussians8" -> mixture(GAUSSIANS8);
            case "rings" -> of(name, PointSets::rings);
            case "face" -> of(name, PointSets::face);
            default -> throw new IllegalArgumentException("unknown 2-D data set '" + name + "', expected one of "
                    + names());
        };
    }

    /** Any Gaussian mixture as a data set (the exact teachers' distributions). */
    public static Dataset mixture(GaussianMixture m) {
        return Dataset.of(m.name(), m.shape(), m::sample);
    }

    private static Dataset of(String name, Dataset.Sampler point) {
        return Dataset.of(name, POINTS, point);
    }

    /** Two interleaved half circles (as scikit-learn's make_moons), noise 0.05, centred and scaled. */
    private static void moon(Random rng, float[] out, int o) {
        double a = Math.PI * rng.nextDouble();
        double x, y;
        if (rng.nextBoolean()) {
            x = Math.cos(a);
            y = Math.sin(a);
        } else {
            x = 1 - Math.cos(a);
            y = 0.5 - Math.sin(a);
        }
        x += 0.05 * rng.nextGaussian();
        y += 0.05 * rng.nextGaussian();
        out[o] = (float) ((x - 0.5) / 1.5);
        out[o + 1] = (float) ((y - 0.25) / 1.5);
    }

    /** A 2-D swiss roll, angle 1.5 pi .. 4.5 pi, noise 0.3 before scaling by 1/13. */
    private static void swissRoll(Random rng, float[] out, int o) {
        double t = 1.5 * Math.PI * (1 + 2 * rng.nextDouble());
        double x = t * Math.cos(t) + 0.3 * rng.nextGaussian();
        double y = t * Math.sin(t) + 0.3 * rng.nextGaussian();
        out[o] = (float) (x / 13.0);
        out[o + 1] = (float) (y / 13.0);
    }

    /** A 4x4 checkerboard on [-1, 1]^2 with the dark squares filled uniformly. */
    private static void checkerboard(Random rng, float[] out, int o) {
        double x1 = rng.nextDouble() * 4 - 2;
        double x2 = rng.nextDouble() - 2 * rng.nextInt(2);
        x2 += Math.floorMod((long) Math.floor(x1), 2L);
        out[o] = (float) (x1 / 2);
        out[o + 1] = (float) (x2 / 2);
    }

    /** Pen-stroke jitter of the drawn shapes (rings, face): thin structure, as a marker on a whiteboard. */
    private static final double PEN = 0.012;

    /** Two concentric circles, radius 0.35 and 0.8, points spread evenly along their length. */
    private static void rings(Random rng, float[] out, int o) {
        double r = rng.nextDouble() * (0.35 + 0.8) < 0.35 ? 0.35 : 0.8;
        double a = 2 * Math.PI * rng.nextDouble();
        out[o] = (float) (r * Math.cos(a) + PEN * rng.nextGaussian());
        out[o + 1] = (float) (r * Math.sin(a) + PEN * rng.nextGaussian());
    }

    /**
     * A face as drawn with one pen: the head (circle, radius 0.85), two eyes (radius 0.1 at
     * (+-0.32, 0.28)), a nose (a short vertical line) and a smile (arc of radius 0.45 from 200 to 340
     * degrees), points spread evenly along the strokes' total length.
     */
    private static void face(Random rng, float[] out, int o) {
        double head = 2 * Math.PI * 0.85, eye = 2 * Math.PI * 0.1, nose = 0.25, smile = 0.45 * Math.toRadians(140);
        double u = rng.nextDouble() * (head + 2 * eye + nose + smile);
        double x, y;
        if (u < head) {
            double a = u / 0.85;
            x = 0.85 * Math.cos(a);
            y = 0.85 * Math.sin(a);
        } else if ((u -= head) < 2 * eye) {
            double a = (u % eye) / 0.1;
            x = (u < eye ? -0.32 : 0.32) + 0.1 * Math.cos(a);
            y = 0.28 + 0.1 * Math.sin(a);
        } else if ((u -= 2 * eye) < nose) {
            x = 0;
            y = 0.12 - u;
        } else {
            double a = Math.toRadians(200) + (u - nose) / 0.45;
            x = 0.45 * Math.cos(a);
            y = -0.05 + 0.45 * Math.sin(a);
        }
        out[o] = (float) (x + PEN * rng.nextGaussian());
        out[o + 1] = (float) (y + PEN * rng.nextGaussian());
    }
}
