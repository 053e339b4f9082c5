package org.pdviz.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.SegmentedButton;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.LanguagePreference;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.jobs.Runs;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.runtime.card.CardOverrides;

/**
 * The window: a top bar (the views, opening models, font size, theme, full screen) over the page
 * on screen. Pages are created on first use from {@link #create}: a new view is one more enum
 * constant in {@link PdvizApp.View} and one more case there. The keyboard's playback keys go to
 * the page on screen; model files can be dropped anywhere on the window.
 */
final class MainWindow {

    private final Stage stage;
    private final AppContext ctx;
    private final BorderPane root = new BorderPane();
    private final StackPane host = new StackPane();
    private final Map<PdvizApp.View, Page> pages = new EnumMap<>(PdvizApp.View.class);
    private final Map<PdvizApp.View, ToggleButton> nav = new EnumMap<>(PdvizApp.View.class);
    private final ToggleButton dark = new ToggleButton();
    private final ToggleButton fullScreen = new ToggleButton();
    private final Scene scene;
    private PdvizApp.View current;
    private int fontStep = 2;

    private MainWindow(Stage stage, PdvizHome home, Path runs, Language language) {
        this.stage = stage;
        this.ctx = new AppContext(home, runs, language);
        Localizer t = ctx.i18n;
        Tips.tip(t.bind(dark, "top.dark"), "theme", t.text("top.dark.tip"));
        Tips.tip(t.bind(fullScreen, "top.fullscreen"), "fullscreen", t.text("top.fullscreen.tip"));
        ctx.attach(stage, this::show, this::page);
        root.setTop(topBar());
        root.setCenter(host);
        root.getStyleClass().add("main");
        host.getStyleClass().add("page-host");
        scene = new Scene(root, 1280, 800);
        Styles.apply(scene, home, false);
        Styles.font(root, AppContext.FONT_BASE_PX, language);
        t.onChange(() -> {
            Styles.font(root, AppContext.FONT_BASE_PX * ctx.fontScale.get(), t.language());
            pages.values().forEach(Page::restyle);
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                openFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        dark.selectedProperty().addListener((o, a, b) -> {
            ctx.dark.set(b);
            Styles.apply(scene, home, b);
            pages.values().forEach(Page::restyle);
        });
        fullScreen.setOnAction(e -> stage.setFullScreen(fullScreen.isSelected()));
        stage.fullScreenProperty().addListener((o, a, b) -> fullScreen.setSelected(b));
        stage.fullScreenExitHintProperty().bind(t.text("top.fullscreen.hint"));
        stage.titleProperty().bind(t.text("window.title"));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.setOnHidden(e -> close());
        stage.setOnCloseRequest(e -> {
            if (!confirmClose()) {
                e.consume();
            }
        });
    }

    /** Shows the window on {@code view}; {@code model} (may be null) is added to the library and selected first. */
    static MainWindow open(Stage stage, PdvizHome home, PdvizApp.View view, Path model) {
        return open(stage, home, view, model, Runs.defaultFolder(), Language.EN);
    }

    /** As above, with the folder where the trainer writes its runs (their models join the library). */
    static MainWindow open(Stage stage, PdvizHome home, PdvizApp.View view, Path model, Path runs) {
        return open(stage, home, view, model, runs, Language.EN);
    }

    /** As above, in a language. */
    static MainWindow open(Stage stage, PdvizHome home, PdvizApp.View view, Path model, Path runs, Language language) {
        return open(stage, home, view, model, CardOverrides.NONE, runs, language);
    }

    /** As above, with card fields for {@code model} (a side card). */
    static MainWindow open(Stage stage, PdvizHome home, PdvizApp.View view, Path model, CardOverrides card, Path runs,
                           Language language) {
        MainWindow w = new MainWindow(stage, home, runs, language);
        stage.show();
        if (model == null) {
            w.show(view);
        } else {
            w.ctx.openModels(List.of(model), card, e -> {
                w.ctx.selected.set(e);
                if (view == PdvizApp.View.COMPARE) {
                    w.<ComparePage>page(PdvizApp.View.COMPARE).useDefaults(e);
                }
                w.show(view);
            }, () -> w.show(view));
        }
        return w;
    }

    private Node topBar() {
        Localizer t = ctx.i18n;
        Label title = t.bind(new Label(), "app.name");
        title.getStyleClass().add("app-title");
        SegmentedButton views = new SegmentedButton();
        ToggleGroup group = new ToggleGroup();
        for (PdvizApp.View v : PdvizApp.View.values()) {
            ToggleButton b = Tips.tip(t.bind(new ToggleButton(), v.titleKey()), "nav-" + v.id(),
                    t.text("top.view.tip", t.text(v.titleKey()), t.text(v.aboutKey())));
            b.setToggleGroup(group);
            b.setOnAction(e -> show(v));
            b.setFocusTraversable(false);
            nav.put(v, b);
            views.getButtons().add(b);
        }
        views.setToggleGroup(group);
        Button open = Tips.tip(t.bind(new Button(), "top.open"), "open-model", t.text("top.open.tip"));
        open.setOnAction(e -> chooseFiles());
        Button smaller = Tips.tip(t.bind(new Button(), "top.smaller"), "font-smaller", t.text("top.smaller.tip"));
        Button larger = Tips.tip(t.bind(new Button(), "top.larger"), "font-larger", t.text("top.larger.tip"));
        smaller.setOnAction(e -> font(-1));
        larger.setOnAction(e -> font(1));
        MenuButton language = languageMenu();
        for (Node n : new Node[] {open, smaller, larger, dark, fullScreen, language}) {
            n.setFocusTraversable(false);
        }
        HBox left = new HBox(10, title, views);
        left.setAlignment(Pos.CENTER_LEFT);
        HBox right = new HBox(10, open, smaller, larger, dark, fullScreen, language);
        right.setAlignment(Pos.CENTER_RIGHT);
        for (HBox box : new HBox[] {left, right}) {
            box.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        }
        TopBar bar = new TopBar(left, right);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    /**
     * The language menu: the current language's short name, one item per language (each in its own
     * words). A choice takes effect at once (texts are bindings) and is remembered.
     */
    private MenuButton languageMenu() {
        Localizer t = ctx.i18n;
        MenuButton menu = Tips.tip(new MenuButton(), "language", t.text("top.language.tip"));
        // short, so the top bar keeps one row: "EN", "中文"; the items say each language's full name
        menu.textProperty().bind(t.text(x -> x.get("language.short." + x.language().tag())));
        ToggleGroup group = new ToggleGroup();
        for (Language l : Language.values()) {
            RadioMenuItem item = new RadioMenuItem(Texts.of(l).get("language." + l.tag()));
            item.setId("language-" + l.tag());
            item.setToggleGroup(group);
            item.setSelected(l == t.language());
            item.setOnAction(e -> setLanguage(l));
            menu.getItems().add(item);
        }
        t.languageProperty().addListener((o, a, b) -> group.getToggles().forEach(
                g -> g.setSelected(((RadioMenuItem) g).getId().equals("language-" + b.tag()))));
        return menu;
    }

    /** Switches the window's language (every page keeps its state) and remembers the choice. */
    void setLanguage(Language language) {
        ctx.i18n.languageProperty().set(language);
        LanguagePreference.user().save(language);
    }

    private Page create(PdvizApp.View view) {
        return switch (view) {
            case LIBRARY -> new LibraryPage(ctx, this::chooseFiles);
            case PLAYER -> new PlayerPage(ctx);
            case COMPARE -> new ComparePage(ctx);
            case CURVES -> new CurvesPage(ctx);
            case PHI -> new EmbeddedPage(view, phiView().root());
            case LESSON -> new EmbeddedPage(view, org.pdviz.ui.lesson.LessonView.create(ctx.home, ctx.tasks, ctx.i18n));
            case TRAINER -> new TrainerPage(ctx);
        };
    }

    @SuppressWarnings("unchecked")
    <P extends Page> P page(PdvizApp.View view) {
        return (P) pages.computeIfAbsent(view, this::create);
    }

    void show(PdvizApp.View view) {
        Page page = page(view);
        if (current != null && current != view) {
            pages.get(current).hidden();
        }
        current = view;
        ctx.view.set(view);
        host.getChildren().setAll(page.node());
        nav.get(view).setSelected(true);
        page.shown();
        host.requestFocus();
    }

    PdvizApp.View current() {
        return current;
    }

    AppContext context() {
        return ctx;
    }

    Scene scene() {
        return scene;
    }

    /** Adds model files (the file chooser, drops and --model end here) and selects the last one added. */
    void openFiles(List<Path> files) {
        ctx.openModels(files, e -> ctx.selected.set(e), () -> { });
    }

    private void chooseFiles() {
        FileChooser fc = new FileChooser();
        fc.setTitle(ctx.i18n.get("top.open.chooser"));
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(ctx.i18n.get("file.onnx"), "*.onnx"),
                new FileChooser.ExtensionFilter(ctx.i18n.get("file.all"), "*"));
        File dir = ctx.home.models().toFile();
        if (dir.isDirectory()) {
            fc.setInitialDirectory(dir);
        }
        List<File> files = fc.showOpenMultipleDialog(stage);
        if (files != null) {
            openFiles(files.stream().map(File::toPath).toList());
        }
    }

    void font(int delta) {
        fontStep = Math.max(0, Math.min(AppContext.FONT_SCALES.length - 1, fontStep + delta));
        double s = AppContext.FONT_SCALES[fontStep];
        ctx.fontScale.set(s);
        Styles.font(root, AppContext.FONT_BASE_PX * s, ctx.i18n.language());
        pages.values().forEach(Page::restyle);
    }

    private void key(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code == KeyCode.F11) {
            stage.setFullScreen(!stage.isFullScreen());
            e.consume();
            return;
        }
        if (e.isShortcutDown()) {
            if (code == KeyCode.EQUALS || code == KeyCode.PLUS || code == KeyCode.ADD) {
                font(1);
                e.consume();
            } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
                font(-1);
                e.consume();
            }
            return;
        }
        Node focus = scene.getFocusOwner();
        boolean typing = focus instanceof TextInputControl || focus instanceof Spinner
                || focus instanceof ComboBox<?> c && c.isEditable();
        if (typing) {
            if (code == KeyCode.ENTER || code == KeyCode.ESCAPE) {
                // leave the field so the playback keys work again (the spinner commits on focus loss)
                host.requestFocus();
            }
            return;
        }
        Page page = current == null ? null : pages.get(current);
        PlaybackKeys keys = page == null ? null : page.keys();
        if (keys == null || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        boolean handled = true;
        switch (code) {
            case SPACE -> keys.togglePlay();
            case LEFT -> keys.step(-1);
            case RIGHT -> keys.step(1);
            case PAGE_UP -> keys.step(-10);
            case PAGE_DOWN -> keys.step(10);
            case HOME -> keys.home();
            case END -> keys.end();
            case EQUALS, PLUS, ADD -> keys.faster();
            case MINUS, SUBTRACT -> keys.slower();
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    /** The phi view around the selected model (its student, or its own few-step DDIM), else the defaults. */
    private org.pdviz.ui.phi.PhiView phiView() {
        ModelEntry selected = ctx.selected.get();
        if (selected != null && selected.card() != null) {
            return new org.pdviz.ui.phi.PhiView(ctx.library, org.pdviz.app.phi.PhiModelChoice.around(ctx.library, selected),
                    ctx.tasks, ctx.i18n);
        }
        return new org.pdviz.ui.phi.PhiView(ctx.library, org.pdviz.app.phi.PhiModelChoice.choose(ctx.library).orElse(null),
                ctx.tasks, ctx.i18n);
    }

    /** Every page may object to closing the window (the trainer asks before stopping a job). */
    boolean confirmClose() {
        for (Page p : pages.values()) {
            if (!p.confirmClose()) {
                return false;
            }
        }
        return true;
    }

    void close() {
        pages.values().forEach(Page::close);
        ctx.shutdown();
    }
}
