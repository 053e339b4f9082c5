package org.pdviz.ui.phi;

import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.phi.ModelChoice;
import org.pdviz.app.phi.PhiSession;

/** The phi view's title row (with the export menu) and its choices: teacher, student or steps, seed, whose predictions. */
final class PhiToolbar extends VBox {

    PhiToolbar(PhiModel model, Consumer<PhiModel.Export> export) {
        Label title = new Label("The v-trajectory");
        title.getStyleClass().add("title");
        ComboBox<ModelEntry> teacherBox = new ComboBox<>(model.teachers);
        ComboBox<ModelEntry> studentBox = new ComboBox<>(model.students);
        teacherBox.setCellFactory(v -> entryCell("teacher"));
        teacherBox.setButtonCell(entryCell("teacher"));
        studentBox.setCellFactory(v -> entryCell("plain DDIM"));
        studentBox.setButtonCell(entryCell("plain DDIM"));
        teacherBox.setId("teacher-box");
        studentBox.setId("student-box");
        teacherBox.setTooltip(new Tooltip("The teacher, sampled with " + ModelChoice.TEACHER_STEPS + " small steps"));
        studentBox.setTooltip(new Tooltip("A distilled student, or the teacher itself with few steps (plain DDIM)"));
        teacherBox.valueProperty().bindBidirectional(model.teacher);
        studentBox.valueProperty().bindBidirectional(model.student);
        Spinner<Integer> studentSteps = new Spinner<>(1, 256, ModelChoice.STUDENT_STEPS);
        studentSteps.setPrefWidth(78);
        studentSteps.setId("student-steps");
        studentSteps.setTooltip(new Tooltip("Steps of the few-step sampler (plain DDIM)"));
        studentSteps.getValueFactory().valueProperty().bindBidirectional(model.studentSteps);
        studentSteps.disableProperty().bind(model.student.isNotNull());
        Spinner<Integer> seed = new Spinner<>(0, 1_000_000, 0);
        seed.setPrefWidth(96);
        seed.setEditable(true);
        seed.setId("seed");
        seed.setTooltip(new Tooltip("Noise seed: the same seed gives the same starting noise for every model"));
        seed.getValueFactory().valueProperty().bindBidirectional(model.seed);

        ToggleGroup sourceGroup = new ToggleGroup();
        ToggleButton fromTeacher = new ToggleButton("teacher");
        ToggleButton fromStudent = new ToggleButton();
        fromStudent.textProperty().bind(model.studentLabelProperty());
        fromTeacher.setToggleGroup(sourceGroup);
        fromStudent.setToggleGroup(sourceGroup);
        fromTeacher.setSelected(model.source.get() == PhiSession.Source.TEACHER);
        fromStudent.setSelected(model.source.get() == PhiSession.Source.STUDENT);
        fromTeacher.setId("source-teacher");
        fromStudent.setId("source-student");
        fromTeacher.setTooltip(new Tooltip("Show the teacher's predictions at the slider's angle"));
        fromStudent.setTooltip(new Tooltip("Show the student's predictions at the slider's angle"));
        sourceGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one of the two is always shown
                return;
            }
            model.source.set(b == fromStudent ? PhiSession.Source.STUDENT : PhiSession.Source.TEACHER);
        });

        MenuButton exportMenu = new MenuButton("Export for slides");
        exportMenu.setId("export");
        exportMenu.setTooltip(new Tooltip("Animations for slides: PNG frames and a looping GIF (Ctrl+E: the phi scrub)"));
        MenuItem phiGif = new MenuItem("phi scrub: GIF + PNG frames\u2026");
        phiGif.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        phiGif.setOnAction(e -> export.accept(PhiModel.Export.PHI));
        MenuItem teacherRun = new MenuItem("teacher's sampling: GIF + PNG frames\u2026");
        teacherRun.setOnAction(e -> export.accept(PhiModel.Export.TEACHER_SAMPLING));
        MenuItem studentRun = new MenuItem("few-step sampling: GIF + PNG frames\u2026");
        studentRun.setOnAction(e -> export.accept(PhiModel.Export.STUDENT_SAMPLING));
        exportMenu.getItems().addAll(phiGif, teacherRun, studentRun);
        Label subtitle = new Label("z\u03c6 = cos\u03c6 x + sin\u03c6 \u03b5 moves on a circle, v = dz/d\u03c6 is its tangent,"
                + " and every DDIM step is a rotation");
        subtitle.getStyleClass().add("subtitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(title, subtitle, spacer, exportMenu);
        top.getStyleClass().add("title-row");
        teacherBox.setPrefWidth(230);
        studentBox.setPrefWidth(190);
        HBox controls = new HBox(fixed("teacher"), teacherBox, fixed("against"), studentBox, studentSteps,
                fixed("steps"), gap(), fixed("seed"), seed, gap(), fixed("predictions of"), fromTeacher, fromStudent);
        controls.getStyleClass().add("toolbar-row");
        getChildren().addAll(top, controls);
    }

    private static Label fixed(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinWidth(12);
        return r;
    }

    private static ListCell<ModelEntry> entryCell(String nullText) {
        return new ListCell<>() {
            @Override
            protected void updateItem(ModelEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty ? null : e == null ? nullText : e.name() + (e.steps() == null ? "" : " (" + e.steps() + ")"));
            }
        };
    }
}
