package org.pdviz.train;

import java.time.Instant;
import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.card.ModelNames;
import org.pdviz.train.family.Family;

/** The cards the trainer writes into its checkpoints, named after their data set ({@link ModelNames}). */
public final class Cards {

    private Cards() {
    }

    /**
     * @param name the file's name; the card says it after the data set ({@link ModelNames#withDataset})
     * @param data the data file it learned from (null for a built-in data set)
     */
    public static ModelCard teacher(String name, String dataset, Family family, Parameterization p,
                                    CosineSchedule schedule, long iterations, long seed, double finalLoss,
                                    String command, String parent, ModelCard.DataOrigin data) {
        return new ModelCard(ModelCard.FORMAT, ModelNames.withDataset(dataset, name), dataset, p.id(),
                ModelCard.ScheduleSpec.of(schedule),
                family.dataShape().dims(), new double[] {-1, 1}, null, family.card(),
                new ModelCard.Lineage(parent, null, iterations, seed, Instant.now().toString(), finite(finalLoss),
                        command, data),
                "Teacher trained on " + dataset + " by pdviz train (" + family.describe() + ")"
                        + (parent == null ? "." : ", continued from " + parent + "."));
    }

    /** @param data what the student learned from when not its teacher's own data set (null: the teacher's) */
    public static ModelCard student(int steps, int round, String parent, ModelCard teacher, Family family,
                                    Parameterization p, long iterations, long seed, double finalLoss,
                                    String command, ModelCard.DataOrigin data) {
        return new ModelCard(ModelCard.FORMAT, ModelNames.student(teacher.dataset(), steps), teacher.dataset(), p.id(), teacher.schedule(),
                family.dataShape().dims(), teacher.dataRange(), steps, family.card(),
                new ModelCard.Lineage(parent, round, iterations, seed, Instant.now().toString(), finite(finalLoss),
                        command, data(teacher, data)),
                "Student for " + steps + " DDIM steps, distilled (Algorithm 2) from " + parent + learnedFrom(data)
                        + ".");
    }

    /** A fresh network made a copy of a (foreign) teacher: a teacher itself, usable with any step count. */
    public static ModelCard copy(ModelCard teacher, Family family, Parameterization p, long iterations, long seed,
                                 double finalLoss, String command, ModelCard.DataOrigin data) {
        return new ModelCard(ModelCard.FORMAT, ModelNames.withDataset(teacher.dataset(), "teacher-copy"),
                teacher.dataset(), p.id(), teacher.schedule(),
                family.dataShape().dims(), teacher.dataRange(), null, family.card(),
                new ModelCard.Lineage(teacher.name(), 0, iterations, seed, Instant.now().toString(), finite(finalLoss),
                        command, data(teacher, data)),
                "A " + family.name() + " trained to copy " + teacher.name() + " (its x_hat at every t), the start of"
                        + " its progressive distillation" + learnedFrom(data) + ".");
    }

    /** A student learned from the given data, else from what its teacher learned from. */
    private static ModelCard.DataOrigin data(ModelCard teacher, ModelCard.DataOrigin data) {
        return data != null ? data : teacher.lineage() == null ? null : teacher.lineage().data();
    }

    private static String learnedFrom(ModelCard.DataOrigin data) {
        if (data == null) {
            return "";
        }
        return data.note() != null ? "; " + data.note() : "; data: " + data.file();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
