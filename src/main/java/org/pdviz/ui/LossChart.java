package org.pdviz.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;
import org.pdviz.app.jobs.ProgressLog;
import org.pdviz.app.jobs.Stage;

/**
 * The loss of a running job against iterations (all stages end to end), on a log scale: one line
 * per stage, each point the mean over a bucket of iterations ({@link ProgressLog}), so the chart
 * holds a few hundred points per stage however long the job is.
 */
final class LossChart extends LineChart<Number, Number> {

    private final List<XYChart.Series<Number, Number>> series = new ArrayList<>();
    private List<Stage> stages = List.of();
    private long[] offsets = new long[0];
    private int points;
    private final javafx.beans.property.BooleanProperty empty = new javafx.beans.property.SimpleBooleanProperty(true);
    private final javafx.beans.property.BooleanProperty single = new javafx.beans.property.SimpleBooleanProperty(false);

    LossChart(Localizer t) {
        super(new NumberAxis(), new NumberAxis());
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        x.labelProperty().bind(t.text("trainer.chart.x"));
        x.setForceZeroInRange(true);
        y.labelProperty().bind(t.text("trainer.chart.y"));
        titleProperty().bind(Bindings.when(single).then(t.text("trainer.chart.title.one"))
                .otherwise(t.text("trainer.chart.title.stages")));
        y.setForceZeroInRange(false);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number log10) {
                // two digits are plenty on an axis: 3.2e-4, 0.01, 0.32
                double v = Math.pow(10, log10.doubleValue());
                if (v < 0.01) {
                    String[] parts = String.format(java.util.Locale.ROOT, "%.1e", v).split("e");
                    return parts[0].replaceAll("\\.0$", "") + "e" + Integer.parseInt(parts[1]);
                }
                String s = String.format(java.util.Locale.ROOT, "%.2g", v);
                return s.contains(".") && !s.contains("e") ? s.replaceAll("\\.?0+$", "") : s;
            }

            @Override
            public Number fromString(String s) {
                return Math.log10(Double.parseDouble(s));
            }
        });
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        setId("trainer-loss-chart");
        getStyleClass().add("loss-chart");
        setMinSize(200, 160);
        x.setAutoRanging(false);
        x.setUpperBound(1000);
        x.setTickUnit(200);
        y.setAutoRanging(false);
        y.setLowerBound(-3);
        y.setUpperBound(0);
        y.setTickUnit(1);
    }

    /** True while no point is drawn. */
    javafx.beans.property.BooleanProperty emptyProperty() {
        return empty;
    }

    /** Starts over for a job of these stages. */
    void reset(List<Stage> plan) {
        stages = List.copyOf(plan);
        offsets = new long[stages.size() + 1];
        for (int i = 0; i < stages.size(); i++) {
            offsets[i + 1] = offsets[i] + stages.get(i).iterations();
        }
        series.clear();
        getData().clear();
        points = 0;
        for (Stage s : stages) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(s.label());
            series.add(line);
        }
        getData().setAll(series);
        empty.set(true);
        getYAxis().setAutoRanging(true);
        NumberAxis x = (NumberAxis) getXAxis();
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.setUpperBound(Math.max(1, offsets[stages.size()]));
        x.setTickUnit(niceTick(offsets[stages.size()]));
        single.set(stages.size() == 1);
    }

    void add(List<? extends ProgressLog.LossPoint> losses) {
        for (ProgressLog.LossPoint p : losses) {
            if (p.stage() < 0 || p.stage() >= series.size() || !(p.loss() > 0)) {
                continue;
            }
            series.get(p.stage()).getData().add(new XYChart.Data<>(offsets[p.stage()] + p.iteration(),
                    Math.log10(p.loss())));
            points++;
        }
        empty.set(points == 0);
    }

    /** Points drawn so far. */
    int points() {
        return points;
    }

    private static double niceTick(long range) {
        double raw = Math.max(1, range) / 4.0;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
