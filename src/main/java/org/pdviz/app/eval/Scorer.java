package org.pdviz.app.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pdviz.core.metrics.Bootstrap;
import org.pdviz.core.metrics.EnergyDistance;
import org.pdviz.core.metrics.Estimate;
import org.pdviz.core.metrics.FeatureMap;
import org.pdviz.core.metrics.FrechetDistance;
import org.pdviz.core.metrics.KernelDistance;
import org.pdviz.core.metrics.SampleSet;
import org.pdviz.core.metrics.SlicedWasserstein;

/** Distribution metrics of a set of samples against the reference: SWD + energy for points, FID + KID for images. */
abstract class Scorer {

    static final String RMSE = "rmse";

    final Bootstrap bootstrap;

    Scorer(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    abstract String primary();

    /** Metric id -> one line saying what it is. */
    abstract Map<String, String> descriptions();

    abstract Map<String, Estimate> score(SampleSet samples) throws Exception;

    static final class Points extends Scorer {
        final SampleSet reference;
        final SlicedWasserstein swd;
        final EnergyDistance energy;

        Points(SampleSet reference, Bootstrap bootstrap, SlicedWasserstein swd, EnergyDistance energy) {
            super(bootstrap);
            this.reference = reference;
            this.swd = swd;
            this.energy = energy;
        }

        @Override
        String primary() {
            return "swd";
        }

        @Override
        Map<String, String> descriptions() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("swd", "sliced Wasserstein distance SW_2 to the reference, " + swd.projections()
                    + " seeded projections (lower is better)");
            m.put("energy", "energy distance 2E|X-Y| - E|X-X'| - E|Y-Y'| to the reference (lower is better)");
            m.put(RMSE, "same-noise RMSE: mean over samples of the per-sample RMSE to the teacher's largest-step"
                    + " samples from the same starting noise");
            return m;
        }

        @Override
        Map<String, Estimate> score(SampleSet samples) {
            Map<String, Estimate> m = new LinkedHashMap<>();
            m.put("swd", swd.estimate(samples, reference, bootstrap));
            m.put("energy", energy.estimate(samples, reference, bootstrap));
            return m;
        }
    }

    static final class Images extends Scorer {
        final FeatureMap features;
        final SampleSet referenceFeatures;
        final KernelDistance kid;

        Images(FeatureMap features, SampleSet reference, Bootstrap bootstrap, KernelDistance kid) throws Exception {
            super(bootstrap);
            this.features = features;
            this.referenceFeatures = features.apply(reference);
            this.kid = kid;
        }

        @Override
        String primary() {
            return "fid";
        }

        @Override
        Map<String, String> descriptions() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("fid", "Frechet distance between Gaussians fitted to " + features.id() + " features of the"
                    + " samples and of the reference (lower is better)");
            m.put("kid", "unbiased MMD^2 with the cubic polynomial kernel on the same features, "
                    + kid.subsets() + " subsets of at most " + kid.subsetSize() + " (lower is better; ~0 is ideal)");
            m.put(RMSE, "same-noise RMSE (pixels in [-1, 1]): mean over samples of the per-sample RMSE to the"
                    + " teacher's largest-step samples from the same starting noise");
            return m;
        }

        @Override
        Map<String, Estimate> score(SampleSet samples) throws Exception {
            SampleSet f = features.apply(samples);
            Map<String, Estimate> m = new LinkedHashMap<>();
            m.put("fid", FrechetDistance.estimate(f, referenceFeatures, bootstrap));
            m.put("kid", kid.estimate(f, referenceFeatures, bootstrap));
            return m;
        }
    }
}
