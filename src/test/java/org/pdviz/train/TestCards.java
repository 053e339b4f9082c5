package org.pdviz.train;

import org.pdviz.core.param.Parameterization;
import org.pdviz.core.schedule.CosineSchedule;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.train.family.Family;

final class TestCards {
    private TestCards() {
    }

    static ModelCard card(Family f, Parameterization p, String name, Integer steps) {
        return new ModelCard(ModelCard.FORMAT, name, "test", p.id(), ModelCard.ScheduleSpec.of(CosineSchedule.CLIPPED),
                f.dataShape().dims(), new double[] {-1, 1}, steps, f.card(), null, null);
    }
}
