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
import org.pdviz.app.phi.PhiModelChoice;
import org.pdviz.app.phi.PhiSession;
import org.pdviz.ui.Localizer;

/** The phi view's title row (with the export menu) and its choices: teacher, student or steps, seed, whose predictions. */
final class PhiToolbar extends VBox {

    private final Localizer i18n;

    PhiToolbar(PhiModel model, Consumer<PhiModel.Export> export) {
        i18n = model.i18n();
        Label title = i18n.bind(new Label(), "phi.title");
        title.getStyleClass().add("title");
        ComboBox<ModelEntry> teacherBox = new ComboBox<>(model.teachers);
        ComboBox<ModelEntry> studentBox = new ComboBox<>(model.students);
        teacherBox.setCellFactory(v -> entryCell("phi.none.teacher"));
        teacherBox.setButtonCell(entryCell("phi.none.teacher"));
        studentBox.setCellFactory(v -> entryCell("phi.none.student"));
        studentBox.setButtonCell(entryCell("phi.none.student"));
        teacherBox.setId("teacher-box");
        studentBox.setId("student-box");
        teacherBox.setTooltip(tip("phi.teacher.tip", PhiModelChoice.TEACHER_STEPS));
        studentBox.setTooltip(tip("phi.student.tip"));
        teacherBox.valueProperty().bindBidirectional(model.teacher);
        studentBox.valueProperty().bindBidirectional(model.student);
        Spinner<Integer> studentSteps = new Spinner<>(1, 256, PhiModelChoice.STUDENT_STEPS);
        studentSteps.setPrefWidth(78);
        studentSteps.setId("student-steps");
        studentSteps.setTooltip(tip("phi.steps.tip"));
        studentSteps.getValueFactory().valueProperty().bindBidirectional(model.studentSteps);
        studentSteps.disableProperty().bind(model.student.isNotNull());
        Spinner<Integer> seed = new Spinner<>(0, 1_000_000, 0);
        seed.setPrefWidth(96);
        seed.setEditable(true);
        seed.setId("seed");
        seed.setTooltip(tip("phi.seed.tip"));
        seed.getValueFactory().valueProperty().bindBidirectional(model.seed);

        ToggleGroup sourceGroup = new ToggleGroup();
        ToggleButton fromTeacher = i18n.bind(new ToggleButton(), "phi.source.teacher");
        ToggleButton fromStudent = new ToggleButton();
        fromStudent.textProperty().bind(model.studentLabelProperty());
        fromTeacher.setToggleGroup(sourceGroup);
        fromStudent.setToggleGroup(sourceGroup);
        fromTeacher.setSelected(model.source.get() == PhiSession.Source.TEACHER);
        fromStudent.setSelected(model.source.get() == PhiSession.Source.STUDENT);
        fromTeacher.setId("source-teacher");
        fromStudent.setId("source-student");
        fromTeacher.setTooltip(tip("phi.source.teacher.tip"));
        fromStudent.setTooltip(tip("phi.source.student.tip"));
        sourceGroup.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one of the two is always shown
                return;
            }
            model.source.set(b == fromStudent ? PhiSession.Source.STUDENT : PhiSession.Source.TEACHER);
        });

        MenuButton exportMenu = i18n.bind(new MenuButton(), "phi.export");
        exportMenu.setId("export");
        exportMenu.setTooltip(tip("phi.export.tip"));
        MenuItem phiGif = item("phi.export.phi");
        phiGif.setAccelerator(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        phiGif.setOnAction(e -> export.accept(PhiModel.Export.PHI));
        MenuItem teacherRun = item("phi.export.teacher");
        teacherRun.setOnAction(e -> export.accept(PhiModel.Export.TEACHER_SAMPLING));
        MenuItem studentRun = item("phi.export.student");
        studentRun.setOnAction(e -> export.accept(PhiModel.Export.STUDENT_SAMPLING));
        exportMenu.getItems().addAll(phiGif, teacherRun, studentRun);
        Label subtitle = i18n.bind(new Label(), "phi.subtitle");
        subtitle.getStyleClass().add("subtitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(title, subtitle, spacer, exportMenu);
        top.getStyleClass().add("title-row");
        teacherBox.setPrefWidth(230);
        studentBox.setPrefWidth(190);
        HBox controls = new HBox(fixed("phi.teacher"), teacherBox, fixed("phi.against"), studentBox, studentSteps,
                fixed("phi.steps"), gap(), fixed("phi.seed"), seed, gap(), fixed("phi.predictions_of"), fromTeacher,
                fromStudent);
        controls.getStyleClass().add("toolbar-row");
        getChildren().addAll(top, controls);
    }

    private Label fixed(String key) {
        Label l = i18n.bind(new Label(), key);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinWidth(12);
        return r;
    }

    /** A model's name (and a student's steps); an empty choice says {@code nullKey}'s text. */
    private ListCell<ModelEntry> entryCell(String nullKey) {
        return new ListCell<>() {
            @Override
            protected void updateItem(ModelEntry e, boolean empty) {
                super.updateItem(e, empty);
                textProperty().unbind();
                if (empty) {
                    setText(null);
                } else if (e == null) {
                    textProperty().bind(i18n.text(nullKey));
                } else {
                    setText(e.name() + (e.steps() == null ? "" : " (" + e.steps() + ")"));
                }
            }
        };
    }

    private Tooltip tip(String key, Object... args) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.text(key, args));
        return t;
    }

    private MenuItem item(String key) {
        MenuItem m = new MenuItem();
        m.textProperty().bind(i18n.text(key));
        return m;
    }
}
