package org.pdviz.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.pdviz.core.schedule.NoiseLevel;

/** The schedule at the frame on screen: t, phi, log-SNR, alpha, sigma, and where the step goes. */
final class ScheduleReadouts extends VBox {

    private final Label frame = value("readout-frame");
    private final Label t = value("readout-t");
    private final Label phi = value("readout-phi");
    private final Label logSnr = value("readout-logsnr");
    private final Label alpha = value("readout-alpha");
    private final Label sigma = value("readout-sigma");
    private final Label next = value("readout-next");

    private final Localizer i18n;
    private boolean finalFrame;

    ScheduleReadouts(Localizer i18n) {
        super(8);
        this.i18n = i18n;
        getStyleClass().add("readouts");
        Label head = i18n.bind(new Label(), "readout.head");
        head.getStyleClass().add("readout-head");
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(4);
        int r = 0;
        g.addRow(r++, key("readout.frame"), frame);
        g.addRow(r++, key("readout.t"), t);
        g.addRow(r++, key("readout.phi"), phi);
        g.addRow(r++, key("readout.logsnr"), logSnr);
        g.addRow(r++, key("readout.alpha"), alpha);
        g.addRow(r++, key("readout.sigma"), sigma);
        g.addRow(r, key("readout.next"), next);
        getChildren().addAll(head, g);
        clear();
        i18n.onChange(() -> {
            if (finalFrame) {
                next.setText(i18n.get("readout.final"));
            }
        });
    }

    private Label key(String textKey) {
        Label l = i18n.bind(new Label(), textKey);
        l.getStyleClass().add("readout-key");
        l.setMinWidth(USE_PREF_SIZE);
        return l;
    }

    private static Label value(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("readout-value");
        return l;
    }

    void clear() {
        finalFrame = false;
        for (Label l : new Label[] {frame, t, phi, logSnr, alpha, sigma, next}) {
            l.setText("\u2013");
        }
    }

    /** A frame's level; {@code timesteps}: a discrete schedule, whose timestep index shows beside t. */
    void show(int position, int last, NoiseLevel l, NoiseLevel to, boolean timesteps) {
        frame.setText(position + " / " + last);
        t.setText(String.format("%.4f", l.t()) + (timesteps ? timestep(i18n, l) : ""));
        phi.setText(String.format("%.4f", l.phi()));
        logSnr.setText(signed(l.logSnr()));
        alpha.setText(String.format("%.4f", l.alpha()));
        sigma.setText(String.format("%.4f", l.sigma()));
        finalFrame = to == null;
        next.setText(finalFrame ? i18n.get("readout.final") : String.format("%.4f", to.t())
                + (timesteps ? timestep(i18n, to) : ""));
    }

    /** "  (timestep 749)", or "  (alpha-bar = 1)" at the data end. */
    static String timestep(Localizer i18n, NoiseLevel l) {
        return "  " + (l.position() < 0 ? i18n.get("readout.data_end")
                : i18n.format("readout.timestep", (long) l.position()));
    }

    /** Three decimals with a sign; values that round to zero show as +0.000, never -0.000. */
    static String signed(double v) {
        return String.format("%+.3f", Math.abs(v) < 0.0005 ? 0.0 : v);
    }

    String text(String id) {
        return ((Label) lookup("#" + id)).getText();
    }
}
