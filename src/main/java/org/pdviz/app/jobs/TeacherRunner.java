package org.pdviz.app.jobs;

import java.util.List;
import org.pdviz.app.PdvizHome;
import org.pdviz.core.data.Dataset;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.ModelFiles;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.train.TeacherTraining;
import org.pdviz.train.data.TrainingData;
import org.pdviz.train.djl.Torch;
import org.pdviz.train.family.Families;
import org.pdviz.train.family.Family;
import org.pdviz.train.onnx.Checkpoint;

/** Runs a {@link TrainJob}: a fresh network, or one of our checkpoints trained further. */
final class TeacherRunner extends FileJobRunner {

    private final TrainJob j;

    TeacherRunner(TrainJob j) {
        super(j.out());
        this.j = j;
    }

    @Override
    public List<Stage> stages() throws Exception {
        String family = j.family() != null ? j.family() : j.init() != null ? Jobs.familyOf(j.init()) : "mlp";
        long iterations = j.iterations() != null ? j.iterations() : Defaults.iterations(family);
        return List.of(new Stage(0, "training", null, iterations, j.out().toAbsolutePath().normalize()));
    }

    @Override
    public TrainingData.Source data() throws Exception {
        String name = j.data();
        if (name == null && j.init() != null) {
            var card = OnnxDenoiser.inspect(j.init()).card();
            if (card == null || card.dataset() == null) {
                throw new IllegalArgumentException("--init " + j.init().getFileName() + " has no card naming its"
                        + " data set: give --data");
            }
            name = card.dataset();
        }
        return TrainingData.resolve(name, j.normalize(), PdvizHome.locate().mnist());
    }

    @Override
    public JobResult run(JobContext x) throws Exception {
        Checkpoint init = j.init() == null ? null : Checkpoint.read(j.init());
        Dataset data = x.data().dataset();
        Parameterization p;
        Family family;
        if (init != null) {
            p = init.card().parameterizationValue();
            family = init.family();
            if (j.parameterization() != null && j.parameterization() != p) {
                throw new IllegalArgumentException("--init " + j.init().getFileName() + " predicts " + p.id()
                        + "; a reopened checkpoint keeps its parameterization");
            }
            if (j.family() != null && !j.family().equals(family.name()) || !j.net().isEmpty()) {
                throw new IllegalArgumentException("--init takes the network from the checkpoint: leave out --family"
                        + " and --net");
            }
        } else {
            p = j.parameterization() != null ? j.parameterization() : Defaults.parameterization();
            if (j.family() == null) {
                throw new IllegalArgumentException("give --family mlp|unet (or --init FILE)");
            }
            family = Families.build(j.family(), data.shape(), p.outputFactor(), j.net());
        }
        long iterations = j.iterations() != null ? j.iterations() : Defaults.iterations(family.name());
        TeacherTraining.Config c = new TeacherTraining.Config(x.data().name(), family, p,
                j.weighting() != null ? j.weighting() : Defaults.weighting(), iterations,
                j.batch() != null ? j.batch() : Defaults.batch(family.name()),
                j.lr() != null ? j.lr() : Defaults.trainLr(family.name()), j.ema(), j.clip(), j.seed(),
                init != null ? init.card().cosineSchedule("training further") : CosineSchedule.CLIPPED, j.out(),
                ModelFiles.baseName(j.out()), j.command(), init == null ? null : init.weights(),
                init == null ? null : init.card().name(), x.data().origin());
        x.relay().message("training " + family.describe() + (init == null ? "" : " from " + j.init().getFileName())
                + " on " + x.data().name() + " (" + p.id() + ", " + c.weighting().id() + " weighting), " + iterations
                + " iterations of batch " + c.batch() + ", on " + Torch.name(x.device()));
        TeacherTraining.Result r = TeacherTraining.run(c, data, x.device(), x.checkpointer(), x.relay());
        return new JobResult(r.cancelled() ? JobResult.Status.CANCELLED : JobResult.Status.FINISHED, j,
                x.relay().rounds(), r.iterations(), r.seconds(), Torch.name(x.device()), family.describe(), null);
    }
}
