package org.pdviz.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.jobs.RoundPreview;
import org.pdviz.app.player.DisplayRanges;
import org.pdviz.core.model.DataRange;

/**
 * The trainer's preview on screen ({@link StagePreviews} is its model): the newest student next to the teacher's plain DDIM with as many steps, both from the noise of
 * the teacher's many-step reference: points are joined to their reference partners (grey), so the
 * same-noise error is the length of the lines; images are shown as grids.
 */
final class PreviewPane extends VBox {

    final FramePanel student = new FramePanel("trainer-preview-student");
    final FramePanel teacher = new FramePanel("trainer-preview-teacher");
    private final Label caption = new Label();
    private final Label studentTitle = new Label();
    private final Label teacherTitle = new Label();
    private final Label note = new Label();
    private final AppContext ctx;
    private RoundPreview.View view;
    private Message what;
    private Message placeholder;

    PreviewPane(AppContext ctx, StagePreviews previews) {
        super(4);
        this.ctx = ctx;
        ctx.i18n.onChange(() -> {
            if (view != null) {
                show(view, what);
            } else if (placeholder != null) {
                clear(placeholder);
            }
        });
        previews.shownProperty().addListener((o, a, b) -> {
            if (b != null) {
                show(b.view(), b.what());
            }
        });
        previews.placeholderProperty().addListener((o, a, b) -> clear(b));
        setId("trainer-preview");
        caption.getStyleClass().add("caption");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setId("trainer-preview-note");
        GridPane panels = new GridPane();
        panels.setHgap(8);
        panels.setVgap(2);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            c.setHgrow(Priority.ALWAYS);
            panels.getColumnConstraints().add(c);
        }
        RowConstraints titles = new RowConstraints();
        titles.setValignment(javafx.geometry.VPos.BOTTOM);
        RowConstraints pictures = new RowConstraints();
        pictures.setVgrow(Priority.ALWAYS);
        panels.getRowConstraints().addAll(titles, pictures);
        for (Label l : new Label[] {studentTitle, teacherTitle}) {
            l.getStyleClass().add("panel-title");
            l.setMinWidth(0);
        }
        panels.addRow(0, studentTitle, teacherTitle);
        panels.addRow(1, student, teacher);
        caption.setMinHeight(USE_PREF_SIZE);
        note.setMinHeight(USE_PREF_SIZE);
        VBox.setVgrow(panels, Priority.ALWAYS);
        getChildren().addAll(caption, panels, note);
        setPadding(new Insets(0, 0, 0, 4));
        clear(previews.placeholderProperty().get());
    }

    void clear(Message text) {
        Texts t = ctx.i18n.texts();
        view = null;
        placeholder = text;
        caption.setText(t.get("trainer.preview"));
        studentTitle.setText(t.get("trainer.preview.student"));
        teacherTitle.setText(t.get("trainer.preview.teacher"));
        student.rangeNote("");
        teacher.rangeNote("");
        note.setText("");
        student.usePoints(false);
        teacher.usePoints(false);
        student.grid.clear(t.text(text));
        teacher.grid.clear("");
    }

    void show(RoundPreview.View v, Message shown) {
        Texts x = ctx.i18n.texts();
        view = v;
        what = shown;
        caption.setText(x.format("trainer.preview.of", shown));
        RoundPreview.Samples m = v.model();
        RoundPreview.Samples t = v.teacherDdim();
        studentTitle.setText(x.run(m.model(), m.steps()));
        teacherTitle.setText(x.format("trainer.preview.teacher.steps", x.steps(t.steps())));
        student.rangeNote(String.format("RMSE %.3f", m.rmse()));
        teacher.rangeNote(String.format("RMSE %.3f", t.rmse()));
        note.setText(x.format(m.shape().isPoints() ? "trainer.preview.note.points" : "trainer.preview.note",
                m.count(), x.steps(v.reference().steps())));
        draw(student, m);
        draw(teacher, t);
    }

    private void draw(FramePanel panel, RoundPreview.Samples s) {
        boolean points = s.shape().isPoints();
        panel.usePoints(points);
        if (points) {
            panel.scatter.style(ctx.palette(), ctx.fontScale.get());
            panel.scatter.show(new ScatterView.Scene(s.values(), s.count(), s.shape().size(), window(view), null,
                    view.reference().values(), null));
        } else {
            panel.grid.show(s.values(), s.count(), s.shape(), s.range(), null);
        }
    }

    /**
     * One square window for both pictures, fitted to the points (the player's fixed window of
     * DisplayRanges is for noise too, and leaves data in [-1, 1] small), in steps of 0.5.
     */
    static DataRange window(RoundPreview.View v) {
        double m = 0;
        for (RoundPreview.Samples s : new RoundPreview.Samples[] {v.reference(), v.model(), v.teacherDdim()}) {
            int d = s.shape().size();
            for (int i = 0; i < s.count(); i++) {
                for (int j = 0; j < Math.min(2, d); j++) {
                    float x = s.values()[i * d + j];
                    if (Float.isFinite(x)) {
                        m = Math.max(m, Math.abs(x));
                    }
                }
            }
        }
        double h = Math.max(1, Math.min(DisplayRanges.POINTS_HALF_WIDTH * 4, Math.ceil(m * 1.1 * 2) / 2));
        return new DataRange(-h, h);
    }

    /** The theme or font changed. */
    void restyle() {
        if (view != null) {
            draw(student, view.model());
            draw(teacher, view.teacherDdim());
        }
    }

    RoundPreview.View view() {
        return view;
    }
}
