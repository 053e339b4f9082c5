package org.pdviz.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.pdviz.app.jobs.RoundPreview;
import org.pdviz.app.player.DisplayRanges;

/**
 * The newest student next to the teacher's plain DDIM with as many steps, both from the noise of
 * the teacher's many-step reference: points are joined to their reference partners (grey), so the
 * same-noise error is the length of the lines; images are shown as grids.
 */
final class PreviewPane extends VBox {

    final FramePanel student = new FramePanel("trainer-preview-student");
    final FramePanel teacher = new FramePanel("trainer-preview-teacher");
    private final Label caption = new Label("Preview");
    private final Label note = new Label();
    private final AppContext ctx;
    private RoundPreview.View view;
    private String message = "Each finished stage is sampled here";

    PreviewPane(AppContext ctx) {
        super(4);
        this.ctx = ctx;
        setId("trainer-preview");
        caption.getStyleClass().add("caption");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setId("trainer-preview-note");
        HBox panels = new HBox(8, student, teacher);
        HBox.setHgrow(student, Priority.ALWAYS);
        HBox.setHgrow(teacher, Priority.ALWAYS);
        student.setPrefWidth(230);
        teacher.setPrefWidth(230);
        VBox.setVgrow(panels, Priority.ALWAYS);
        getChildren().addAll(caption, panels, note);
        setPadding(new Insets(0, 0, 0, 4));
        clear(message);
    }

    void clear(String text) {
        view = null;
        message = text;
        student.title("student");
        teacher.title("teacher, plain DDIM");
        student.rangeNote("");
        teacher.rangeNote("");
        note.setText("");
        student.usePoints(false);
        teacher.usePoints(false);
        student.grid.clear(text);
        teacher.grid.clear("");
    }

    void show(RoundPreview.View v, String what) {
        view = v;
        caption.setText("Preview: " + what);
        RoundPreview.Samples m = v.model();
        RoundPreview.Samples t = v.teacherDdim();
        student.title(m.label());
        teacher.title("teacher, plain " + t.steps() + "-step DDIM");
        student.rangeNote(String.format("RMSE %.3f", m.rmse()));
        teacher.rangeNote(String.format("RMSE %.3f", t.rmse()));
        note.setText(String.format("Same noise (seed 0, %d samples). RMSE: mean distance to the teacher's %d-step"
                        + " samples%s. Smaller is better.", m.count(), v.reference().steps(),
                m.shape().isPoints() ? " (grey dots; each line joins a sample to its partner)" : ""));
        draw(student, m);
        draw(teacher, t);
    }

    private void draw(FramePanel panel, RoundPreview.Samples s) {
        boolean points = s.shape().isPoints();
        panel.usePoints(points);
        if (points) {
            panel.scatter.style(ctx.palette(), ctx.fontScale.get());
            panel.scatter.show(new ScatterView.Scene(s.values(), s.count(), s.shape().size(),
                    DisplayRanges.points(s.range()), null, view.reference().values(), null));
        } else {
            panel.grid.show(s.values(), s.count(), s.shape(), s.range(), null);
        }
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
