package org.pdviz.app.jobs;

import java.util.List;
import java.util.Locale;
import org.pdviz.app.PdvizHome;
import org.pdviz.core.data.Mnist;
import org.pdviz.runtime.ModelFiles;
import org.pdviz.runtime.features.OnnxClassifier;
import org.pdviz.train.ClassifierTraining;
import org.pdviz.train.data.TrainingData;
import org.pdviz.train.djl.Torch;
import org.pdviz.train.djl.TrainingException;
import org.pdviz.train.family.Classifier;

/**
 * Runs a {@link ClassifierJob}: trains, writes the ONNX file, then opens that file as
 * {@link OnnxClassifier} (the contract check evaluation relies on) and measures the held-out
 * accuracy again with ONNX Runtime; the two engines must agree.
 */
final class ClassifierRunner extends FileJobRunner {

    /** Digits whose prediction may flip between engines (float rounding at a near-tie). */
    static final int ENGINE_TOLERANCE = 2;

    private final ClassifierJob j;

    ClassifierRunner(ClassifierJob j) {
        super(j.out());
        this.j = j;
    }

    @Override
    public List<Stage> stages() {
        return List.of(new Stage(0, "training", null, j.iterations() != null ? j.iterations() : ClassifierJob.ITERATIONS,
                j.out().toAbsolutePath().normalize()));
    }

    /** MNIST, which the trainer opens itself. */
    @Override
    public TrainingData.Source data() {
        return null;
    }

    @Override
    public JobResult run(JobContext x) throws Exception {
        ProgressRelay relay = x.relay();
        Classifier classifier = Classifier.of(j.net());
        ClassifierTraining.Config c = new ClassifierTraining.Config(classifier,
                j.iterations() != null ? j.iterations() : ClassifierJob.ITERATIONS,
                j.batch() != null ? j.batch() : ClassifierJob.BATCH, j.lr() != null ? j.lr() : ClassifierJob.LR,
                j.shift(), j.seed(), j.evalEvery(), j.out(), ModelFiles.baseName(j.out()), j.command());
        Mnist mnist = Mnist.load(PdvizHome.locate().mnist());
        relay.message("training " + classifier.describe() + " on the " + mnist.indices(false).length
                + " MNIST training digits (held-out every tenth digit never trained on), " + c.iterations()
                + " iterations of batch " + c.batch() + ", Adam lr " + c.lr() + " with cosine decay, shifts up to "
                + c.shift() + " px, seed " + c.seed() + ", on " + Torch.name(x.device()));
        ClassifierTraining.Result r = ClassifierTraining.run(c, mnist, x.device(), x.checkpointer(), relay);
        if (!r.cancelled()) {
            OnnxClassifier.Accuracy ort;
            try (OnnxClassifier written = OnnxClassifier.open(j.out())) {
                ort = written.heldOutAccuracy(mnist);
            }
            if (Math.abs(ort.correct() - r.heldOut().correct()) > ENGINE_TOLERANCE) {
                throw new TrainingException("the written classifier disagrees with the trained network: held-out "
                        + ort.correct() + " right with ONNX Runtime, " + r.heldOut().correct() + " with DJL");
            }
            relay.message(String.format(Locale.ROOT, "held-out accuracy %.2f%% (%d/%d digits) with ONNX Runtime on"
                    + " the written file (DJL: %d); final loss %.4f", 100 * ort.fraction(), ort.correct(),
                    ort.total(), r.heldOut().correct(), r.finalLoss()));
        }
        return new JobResult(r.cancelled() ? JobResult.Status.CANCELLED : JobResult.Status.FINISHED, j,
                relay.rounds(), r.iterations(), r.seconds(), Torch.name(x.device()), classifier.describe(), null);
    }
}
