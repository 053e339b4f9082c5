package org.pdviz.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelImport;
import org.pdviz.app.library.ModelLibrary;
import org.pdviz.core.schedule.NoiseLevel;
import org.pdviz.core.schedule.SamplingGrid;
import org.pdviz.core.schedule.Schedule;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.ui.task.BackgroundTask;
import org.pdviz.ui.task.UiExecutor;

/**
 * What the pages share: the model library, the selected model, the frame cursor (time t of the
 * frame last shown by a player or the comparison), the time grids of the samplers on screen, the
 * theme and font scale, and the window's one executor for background work ({@link #tasks}). One per
 * window; no static state.
 */
final class AppContext {

    /** A sampler's time grid, shown on the curves: who runs it, a label, N, the grid and its schedule. */
    record GridMark(String source, String label, int steps, Schedule schedule, SamplingGrid grid) {
        static GridMark of(String source, String label, org.pdviz.core.ddim.Trajectory tr) {
            return new GridMark(source, label, tr.steps(), tr.schedule(), tr.grid());
        }
    }

    /**
     * The frame on screen: its time and noise level, who shows it, a description, and how to move that
     * view to another t.
     */
    record Cursor(double t, NoiseLevel level, String source, String detail, DoubleConsumer seek) {
    }

    static final double FONT_BASE_PX = 15;
    static final double[] FONT_SCALES = {0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.4};

    final PdvizHome home;
    final ModelLibrary library;
    final ObservableList<ModelEntry> models = FXCollections.observableArrayList();
    final ObjectProperty<ModelEntry> selected = new SimpleObjectProperty<>();
    final ObjectProperty<Cursor> cursor = new SimpleObjectProperty<>();
    final ObservableList<GridMark> grids = FXCollections.observableArrayList();
    final BooleanProperty dark = new SimpleBooleanProperty(false);
    final DoubleProperty fontScale = new SimpleDoubleProperty(1.0);
    /** The message of the last error dialog (what a user read; tests check it). */
    final StringProperty lastError = new SimpleStringProperty();
    /** Set while a background import of model files runs. */
    final BooleanProperty importing = new SimpleBooleanProperty(false);

    /** Where every page runs its background work; closed with the window. */
    final UiExecutor tasks;
    private Window owner;
    private Consumer<PdvizApp.View> navigator = v -> { };
    private java.util.function.Function<PdvizApp.View, Page> pages = v -> null;

    /** The page on screen (set by the window). */
    final ObjectProperty<PdvizApp.View> view = new SimpleObjectProperty<>();

    /** Where the trainer writes its runs; the models there are in the library too. */
    final ObjectProperty<Path> runs = new SimpleObjectProperty<>();

    /** The window's language and its texts (labels bind to it, so switching keeps every page as it is). */
    final Localizer i18n;

    AppContext(PdvizHome home) {
        this(home, org.pdviz.app.jobs.Runs.defaultFolder(), Language.EN);
    }

    AppContext(PdvizHome home, Path runsFolder, Language language) {
        this.home = home;
        this.i18n = new Localizer(language);
        this.tasks = new UiExecutor(javafx.application.Platform::runLater, i18n::texts);
        this.library = ModelLibrary.scan(home.models());
        this.runs.set(runsFolder.toAbsolutePath().normalize());
        library.addFolder(runs.get());
        refreshModels();
        List<ModelEntry> usable = models.filtered(e -> e.card() != null);
        selected.set(org.pdviz.app.library.ModelChoice.defaultTeacher(usable)
                .orElse(usable.isEmpty() ? null : usable.get(0)));
    }

    void attach(Window window, Consumer<PdvizApp.View> navigate, java.util.function.Function<PdvizApp.View, Page> page) {
        owner = window;
        navigator = navigate;
        pages = page;
    }

    CanvasPalette palette() {
        return CanvasPalette.of(dark.get());
    }

    void navigate(PdvizApp.View view) {
        navigator.accept(view);
    }

    /** The window the pages are in (null before it is attached). */
    Window owner() {
        return owner;
    }

    /** The page for a view, created on first use (not shown). */
    @SuppressWarnings("unchecked")
    <P extends Page> P page(PdvizApp.View view) {
        return (P) pages.apply(view);
    }

    /** Library entries in display order: by data set, teachers first, then students by falling steps. */
    void refreshModels() {
        List<ModelEntry> all = new ArrayList<>();
        for (Map.Entry<String, List<ModelEntry>> g : library.byDataset().entrySet()) {
            all.addAll(g.getValue());
        }
        models.setAll(all);
    }

    void setGrids(String source, List<GridMark> marks) {
        grids.removeIf(m -> m.source().equals(source));
        grids.addAll(marks);
    }

    /** A clear, non-blocking error dialog; nothing else changes. {@code headerKey} names its header's text. */
    void error(String headerKey, String message) {
        lastError.set(message);
        Alert a = new Alert(Alert.AlertType.ERROR, message, okButton());
        a.setTitle(i18n.get("app.name"));
        a.setHeaderText(i18n.get(headerKey));
        a.getDialogPane().setId("error-dialog");
        a.getDialogPane().setMinWidth(520);
        if (owner != null) {
            a.initOwner(owner);
        }
        style(a.getDialogPane());
        a.show();
    }

    /**
     * Adds model files: each is checked off the UI thread; a file that fails gets an error dialog
     * and is not added; a file without a card asks for its missing fields first.
     */
    void openModels(List<Path> files, Consumer<ModelEntry> added, Runnable failed) {
        openModels(files, CardOverrides.NONE, added, failed);
    }

    /** As above, with card fields for every file (a side card: {@code pdviz app --model F --card C}). */
    void openModels(List<Path> files, CardOverrides given, Consumer<ModelEntry> added, Runnable failed) {
        for (Path f : files) {
            importing.set(true);
            tasks.execute(BackgroundTask.of(Message.of("task.add_model", f.getFileName()), m -> ModelImport.check(f, given))
                    .onSuccess(outcome -> {
                        importing.set(false);
                        if (outcome instanceof ModelImport.Ready ready) {
                            add(ready.entry(), added);
                        } else if (outcome instanceof ModelImport.NeedsFields needs) {
                            MissingFieldsDialog.ask(this, owner, needs,
                                    fields -> complete(f, fields.over(given), added, failed), failed);
                        }
                    })
                    .onFailure(e -> {
                        importing.set(false);
                        error("dialog.add_model.failed", e.reason());
                        failed.run();
                    }));
        }
    }

    private void complete(Path file, CardOverrides fields, Consumer<ModelEntry> added, Runnable failed) {
        importing.set(true);
        tasks.execute(BackgroundTask.of(Message.of("task.add_model", file.getFileName()),
                m -> ModelImport.complete(file, fields))
                .onSuccess(entry -> {
                    importing.set(false);
                    add(entry, added);
                })
                .onFailure(e -> {
                    importing.set(false);
                    error("dialog.add_model.failed", e.reason());
                    failed.run();
                }));
    }

    private void add(ModelEntry entry, Consumer<ModelEntry> added) {
        library.add(entry);
        refreshModels();
        ModelEntry listed = models.stream().filter(m -> m.file().equals(entry.file())).findFirst().orElse(entry);
        added.accept(listed);
    }

    /** An OK button in the window's language (JavaFX's own follows the system locale, not the window). */
    javafx.scene.control.ButtonType okButton() {
        return new javafx.scene.control.ButtonType(i18n.get("dialog.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
    }

    javafx.scene.control.ButtonType cancelButton() {
        return new javafx.scene.control.ButtonType(i18n.get("dialog.cancel"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /** Dialogs have their own scene: give them the window's theme and font size. */
    void style(javafx.scene.control.DialogPane pane) {
        if (owner != null && owner.getScene() != null) {
            pane.getStylesheets().setAll(owner.getScene().getStylesheets());
            pane.setStyle(owner.getScene().getRoot().getStyle());
        }
    }

    void shutdown() {
        tasks.close();
    }
}
