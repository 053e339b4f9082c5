package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pdviz.ui.UiTestSupport.fx;
import static org.pdviz.ui.UiTestSupport.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.core.param.Parameterization;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LibraryPageTest {

    MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.open(stage, PdvizApp.View.LIBRARY);
    }

    @Test
    void listsTheShippedModelsByDataSetWithTheirCards() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(UiTestSupport.home().models())) {
            // the feature classifier (models/classifier/) is for pdviz eval, not a model to sample
            files = s.filter(p -> p.toString().endsWith(".onnx") && !isFeatureClassifier(p)).toList();
        }
        Set<String> datasets = new TreeSet<>();
        for (Path f : files) {
            datasets.add(UiTestSupport.cardOf(f).dataset());
        }
        LibraryPage page = window.page(PdvizApp.View.LIBRARY);
        assertEquals(files.size(), (int) fx(page::listed));
        assertEquals(datasets, new TreeSet<>(fx(page::groups)));
        // the default selection's card is on screen, lineage included
        ModelEntry selected = window.context().selected.get();
        assertNotNull(selected);
        String shown = fx(() -> page.fields().getChildren().stream().filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText()).collect(Collectors.joining("\n")));
        assertTrue(shown.contains(selected.card().lineage().command()), shown);
        assertTrue(shown.contains(selected.card().dataset()), shown);
        UiTestSupport.screenshot(window.scene().getRoot(), "library");
    }

    static boolean isFeatureClassifier(Path file) {
        try {
            return org.pdviz.runtime.onnx.OnnxGraph.read(file).getMetadataPropsList().stream()
                    .anyMatch(p -> p.getKey().equals(org.pdviz.runtime.features.ClassifierCard.METADATA_KEY));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFileThatIsNotAModelShowsAnErrorAndIsNotAdded(FxRobot robot) throws Exception {
        int before = window.context().library.entries().size();
        Path bad = UiTestSupport.garbage(dir);
        fx(() -> window.openFiles(List.of(bad)));
        waitFor("the error dialog", () -> window.context().lastError.get() != null);
        String message = window.context().lastError.get();
        assertTrue(message.contains("broken.onnx") && message.contains("not a valid ONNX model"), message);
        DialogPane pane = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertTrue(pane.getScene().getWindow().isShowing());
        assertEquals(message, pane.getContentText());
        assertEquals(before, window.context().library.entries().size());
        assertEquals(before, (int) fx(() -> window.context().models.size()));
        fx(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
    }

    @Test
    void aModelThatBreaksTheContractIsRefusedWithTheReason(FxRobot robot) throws Exception {
        int before = window.context().library.entries().size();
        Path bad = UiTestSupport.wrongContract(dir);
        fx(() -> window.openFiles(List.of(bad)));
        waitFor("the error dialog", () -> window.context().lastError.get() != null);
        String message = window.context().lastError.get();
        assertTrue(message.contains("'z' and 't'"), message);
        assertEquals(before, window.context().library.entries().size());
        DialogPane pane = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        fx(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
    }

    @Test
    void aModelWithoutACardAsksForItsParameterizationThenSamples(FxRobot robot) throws Exception {
        Path file = UiTestSupport.withoutCard(dir);
        fx(() -> window.openFiles(List.of(file)));
        waitFor("the form", () -> robot.lookup("#missing-fields-dialog").tryQuery().isPresent());
        DialogPane form = robot.lookup("#missing-fields-dialog").queryAs(DialogPane.class);
        assertTrue(form.lookupButton(button(form, ButtonBar.ButtonData.OK_DONE)).isDisabled(), "OK needs the parameterisation first");
        @SuppressWarnings("unchecked")
        ChoiceBox<Parameterization> p = (ChoiceBox<Parameterization>) form.lookup("#field-parameterization");
        fx(() -> p.setValue(Parameterization.X));
        assertTrue(!form.lookupButton(button(form, ButtonBar.ButtonData.OK_DONE)).isDisabled());
        UiTestSupport.screenshot(form, "library-missing-fields");
        robot.clickOn("#missing-fields-ok");
        waitFor("the model in the library", () -> window.context().models.stream()
                .anyMatch(e -> e.file().equals(file.toAbsolutePath().normalize())));
        ModelEntry added = window.context().selected.get();
        assertEquals("nocard", added.name());
        assertEquals("x", added.card().parameterization());
        assertEquals(List.of(2), java.util.Arrays.stream(added.card().dataShape()).boxed().toList());
        // it samples like any other model
        fx(() -> window.show(PdvizApp.View.PLAYER));
        PlayerPage player = window.page(PdvizApp.View.PLAYER);
        waitFor("a run of the new model", () -> player.run() != null && !player.busy()
                && player.run().card().name().equals("nocard"));
        assertEquals(512, player.run().steps());
    }

    @Test
    void aModelWhoseInputLeavesTheShapeOpenAsksForTheShapeToo(FxRobot robot) throws Exception {
        Path file = UiTestSupport.openShape(dir);
        fx(() -> window.openFiles(List.of(file)));
        waitFor("the form", () -> robot.lookup("#missing-fields-dialog").tryQuery().isPresent());
        DialogPane form = robot.lookup("#missing-fields-dialog").queryAs(DialogPane.class);
        @SuppressWarnings("unchecked")
        ChoiceBox<Parameterization> p = (ChoiceBox<Parameterization>) form.lookup("#field-parameterization");
        javafx.scene.control.TextField shape = (javafx.scene.control.TextField) form.lookup("#field-shape");
        javafx.scene.control.TextField dataset = (javafx.scene.control.TextField) form.lookup("#field-dataset");
        fx(() -> p.setValue(Parameterization.X));
        fx(() -> shape.setText("2, x"));
        assertTrue(form.lookupButton(button(form, ButtonBar.ButtonData.OK_DONE)).isDisabled(), "'2, x' is not a shape");
        fx(() -> {
            shape.setText("2");
            dataset.setText("identity-test");
        });
        assertTrue(!form.lookupButton(button(form, ButtonBar.ButtonData.OK_DONE)).isDisabled());
        robot.clickOn("#missing-fields-ok");
        waitFor("the model in the library", () -> window.context().models.stream()
                .anyMatch(e -> e.file().equals(file.toAbsolutePath().normalize())));
        ModelEntry added = window.context().selected.get();
        assertEquals("identity-test", added.dataset());
        assertEquals(List.of(2), java.util.Arrays.stream(added.card().dataShape()).boxed().toList());
        assertTrue(fx(() -> page().groups()).contains("identity-test"));
    }

    @Test
    void cancellingTheFormAddsNothing(FxRobot robot) throws Exception {
        int before = window.context().library.entries().size();
        Path file = UiTestSupport.withoutCard(dir);
        fx(() -> window.openFiles(List.of(file)));
        waitFor("the form", () -> robot.lookup("#missing-fields-dialog").tryQuery().isPresent());
        DialogPane form = robot.lookup("#missing-fields-dialog").queryAs(DialogPane.class);
        fx(() -> ((javafx.scene.control.Button) form.lookupButton(button(form, ButtonBar.ButtonData.CANCEL_CLOSE))).fire());
        waitFor("the form to close", () -> robot.lookup("#missing-fields-dialog").tryQuery().isEmpty());
        assertEquals(before, window.context().library.entries().size());
    }

    private LibraryPage page() {
        return window.page(PdvizApp.View.LIBRARY);
    }

    /** The dialog's button of a kind (its text is in the window's language). */
    private static ButtonType button(javafx.scene.control.DialogPane form, ButtonBar.ButtonData data) {
        return form.getButtonTypes().stream().filter(b -> b.getButtonData() == data).findFirst().orElseThrow();
    }
}
