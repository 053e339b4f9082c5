package org.pdviz.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.pdviz.app.PdvizHome;
import org.pdviz.app.i18n.Fonts;
import org.pdviz.app.lesson.Formulas;
import org.pdviz.app.lesson.Lesson;
import org.pdviz.ui.Localizer;
import org.pdviz.ui.task.UiExecutor;

/**
 * Teaching mode: the lesson's steps as slides, text and rendered formulas on the left, the step's
 * live, computed view on the right. For a presenter: large type that grows with the window, full
 * screen (F or F11; Esc leaves it), and keyboard or clicker navigation (Right, PageDown, Space:
 * next; Left, PageUp, Backspace: back; Home, End).
 */
public final class LessonView implements AutoCloseable {

    private Lesson lesson;
    private final LiveViews live;
    private final Localizer i18n;
    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final Label counter = new Label();
    private final VBox text = new VBox();
    private final VBox formulas = new VBox();
    private final VBox left = new VBox();
    private final StackPane liveBox = new StackPane();
    private final Label note = new Label();
    private final HBox dots = new HBox(6);
    private int current = -1;
    private double formulaSize = -1;
    /** Below 1 when the slide's words had to be set smaller to fit the window (see {@link #fitColumn}). */
    private double textScale = 1;
    private final HBox header;
    private final HBox footer;

    /** The standard lesson in the window's language; its live views compute on {@code executor} (the window's). */
    public static Parent create(PdvizHome home, UiExecutor executor, Localizer i18n) {
        return new LessonView(home, executor, i18n).root();
    }

    /**
     * The standard lesson in {@code i18n}'s language. When the language changes, the slide on screen
     * stays, its words are said again and its live view repaints (nothing is recomputed).
     */
    public LessonView(PdvizHome home, UiExecutor executor, Localizer i18n) {
        this.i18n = i18n;
        this.lesson = Lesson.standard(i18n.language());
        this.live = new LiveViews(home, executor, i18n);
        i18n.onChange(() -> {
            lesson = Lesson.standard(i18n.language());
            int step = current;
            current = -1;
            show(step);
        });
        root.getStyleClass().add("lesson");
        root.getStylesheets().add(LessonView.class.getResource("lesson.css").toExternalForm());
        root.setUserData(this);
        root.setFocusTraversable(true);
        // type grows with the window: 1em = 1/34 of its height, at least 14 px
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                root.styleProperty().bind(Bindings.createStringBinding(() -> "-fx-font-size: "
                        + fontSize(scene) + "px;", scene.heightProperty()));
                scene.heightProperty().addListener((oo, aa, bb) -> {
                    formulaSize = -1;
                    textScale = 1;
                    renderFormulas();
                });
                scene.widthProperty().addListener((oo, aa, bb) -> {
                    formulaSize = -1;
                    textScale = 1;
                    renderFormulas();
                });
                renderFormulas();
            }
        });
        counter.getStyleClass().add("lesson-counter");
        counter.setId("lesson-counter");
        title.getStyleClass().add("lesson-title");
        title.setId("lesson-title");
        title.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header = new HBox(title, spacer, counter);
        header.getStyleClass().add("header");
        root.setTop(header);

        text.setSpacing(12);
        formulas.setSpacing(14);
        formulas.setAlignment(Pos.CENTER_LEFT);
        formulas.setId("lesson-formulas");
        note.getStyleClass().add("note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        left.getChildren().setAll(text, formulas);
        left.getStyleClass().add("text-column");
        left.setSpacing(24);
        // a fixed share of the width: the live view takes the rest and never squeezes the text
        left.prefWidthProperty().bind(Bindings.max(300, root.widthProperty().multiply(0.36)));
        left.minWidthProperty().bind(left.prefWidthProperty());
        left.maxWidthProperty().bind(left.prefWidthProperty());
        liveBox.setId("lesson-live");
        liveBox.setPadding(new Insets(8, 16, 4, 8));
        VBox right = new VBox(6, liveBox, note);
        VBox.setVgrow(liveBox, Priority.ALWAYS);
        right.setMinWidth(0);
        right.setMinHeight(0);
        liveBox.setMinSize(0, 0);
        HBox.setHgrow(right, Priority.ALWAYS);
        right.setPadding(new Insets(0, 8, 0, 0));
        root.setCenter(new HBox(left, right));

        Button back = i18n.bind(new Button(), "lesson.back");
        back.setId("lesson-back");
        back.setOnAction(e -> previous());
        back.setTooltip(tip("lesson.back.tip"));
        Button next = i18n.bind(new Button(), "lesson.next");
        next.setId("lesson-next");
        next.setOnAction(e -> next());
        next.setTooltip(tip("lesson.next.tip"));
        Button full = i18n.bind(new Button(), "lesson.fullscreen");
        full.setId("lesson-fullscreen");
        full.setOnAction(e -> toggleFullScreen());
        full.setTooltip(tip("lesson.fullscreen.tip"));
        for (int i = 0; i < lesson.size(); i++) {
            Circle c = new Circle(5);
            c.getStyleClass().add("dot");
            int target = i;
            c.setOnMouseClicked(e -> show(target));
            dots.getChildren().add(c);
        }
        dots.setAlignment(Pos.CENTER);
        Label hint = i18n.bind(new Label(), "lesson.keys");
        hint.getStyleClass().add("hint");
        Region s1 = new Region(), s2 = new Region();
        HBox.setHgrow(s1, Priority.ALWAYS);
        HBox.setHgrow(s2, Priority.ALWAYS);
        footer = new HBox(back, next, s1, dots, s2, hint, full);
        footer.getStyleClass().add("footer");
        root.setBottom(footer);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        show(0);
    }

    private Tooltip tip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.text(key));
        return t;
    }

    static double fontSize(Scene scene) {
        return Math.max(14, Math.round(scene.getHeight() / 34));
    }

    public Parent root() {
        return root;
    }

    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        boolean inSlider = e.getTarget() instanceof javafx.scene.control.Slider;
        switch (k) {
            case PAGE_DOWN, SPACE -> next();
            case RIGHT, DOWN -> {
                if (inSlider) {
                    return;
                }
                next();
            }
            case PAGE_UP, BACK_SPACE -> previous();
            case LEFT, UP -> {
                if (inSlider) {
                    return;
                }
                previous();
            }
            case HOME -> show(0);
            case END -> show(lesson.size() - 1);
            case F, F11 -> toggleFullScreen();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void toggleFullScreen() {
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreen(!stage.isFullScreen());
        }
    }

    public void next() {
        show(Math.min(lesson.size() - 1, current + 1));
    }

    public void previous() {
        show(Math.max(0, current - 1));
    }

    /** Shows step {@code i} (0-based). */
    public void show(int i) {
        if (i == current) {
            return;
        }
        current = i;
        Lesson.Step step = lesson.step(i);
        title.setText(step.title());
        counter.setText((i + 1) + " / " + lesson.size());
        formulaSize = -1;
        textScale = 1;
        renderFormulas();
        note.setText(step.note() == null ? "" : step.note());
        liveBox.getChildren().setAll(live.view(step.live()));
        for (int d = 0; d < dots.getChildren().size(); d++) {
            Node dot = dots.getChildren().get(d);
            dot.getStyleClass().setAll(d == i ? "dot-current" : "dot");
        }
        root.requestFocus();
    }

    /**
     * Renders the step's paragraphs (text with inline TeX between dollar signs) and formulas at the
     * current type size, again when the window is resized.
     */
    private void renderFormulas() {
        double base = root.getScene() == null ? 22 : fontSize(root.getScene());
        if (base == formulaSize || current < 0) {
            return;
        }
        formulaSize = base;
        Lesson.Step step = lesson.step(current);
        List<Node> paragraphs = new ArrayList<>();
        for (String para : step.text()) {
            paragraphs.add(paragraph(para, base * textScale));
        }
        text.getChildren().setAll(paragraphs);
        List<Node> images = new ArrayList<>();
        double room = left.getPrefWidth() - 48;
        for (String tex : step.formulas()) {
            java.awt.image.BufferedImage img = Formulas.render(tex, base * 1.35, TEXT);
            if (img.getWidth() > room && room > 100) {
                // too wide for the column: set it smaller rather than cut it off
                img = Formulas.render(tex, base * 1.35 * room / img.getWidth(), TEXT);
            }
            ImageView v = new ImageView(SwingFXUtils.toFXImage(img, null));
            v.getStyleClass().add("formula");
            images.add(v);
        }
        formulas.getChildren().setAll(images);
        // the new text changes the column's height after the window laid the slide out in this pulse:
        // lay it out again (or the slide keeps a stale height and the footer falls below the window),
        // then fit the column in
        javafx.application.Platform.runLater(() -> {
            if (root.getScene() != null) {
                root.requestLayout();
                root.getScene().getRoot().layout();
                fitColumn();
            }
        });
    }

    /**
     * A slide whose paragraphs and formulas are taller than the room between header and footer (a
     * longer language, a small window) gets its formulas set smaller, down to 55%, rather than
     * pushing the footer out of the window.
     */
    private void fitColumn() {
        // the room from the slide's top to the window's bottom (the slide's own height, and its
        // parent's, may already be too large)
        double height = root.getScene().getHeight() - root.localToScene(0, 0).getY();
        double room = height - header.getHeight() - footer.getHeight();
        double need = left.prefHeight(left.getWidth());
        double formulasHeight = 0;
        for (Node n : formulas.getChildren()) {
            formulasHeight += ((ImageView) n).getImage().getHeight();
        }
        if (room <= 0 || need <= room || formulasHeight <= 0) {
            return;
        }
        double k = (formulasHeight - (need - room) - 6) / formulasHeight; // 6 px for rounding
        if (k < 0.55 && textScale > 0.8) {
            // the formulas alone cannot make room: set the words a little smaller too, and fit again
            textScale = Math.max(0.8, textScale - 0.05);
            formulaSize = -1;
            renderFormulas();
            return;
        }
        k = Math.max(0.55, k);
        for (Node n : formulas.getChildren()) {
            ImageView v = (ImageView) n;
            v.setPreserveRatio(true);
            v.setSmooth(true);
            v.setFitHeight(v.getImage().getHeight() * k);
        }
        root.requestLayout();
    }

    private static final int TEXT = 0xFF1E2227;

    /**
     * A paragraph as a text flow: words as text, math as images set on the baseline (JavaFX's own
     * line breaking mangles combining accents such as x&#770;, so hats are always TeX).
     */
    private TextFlow paragraph(String para, double size) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("paragraph");
        flow.setLineSpacing(size * 0.25);
        List<String> parts = Formulas.split(para);
        Font font = Font.font(i18n.family() == null ? Fonts.LATIN : i18n.family(), size);
        for (int k = 0; k < parts.size(); k++) {
            if (parts.get(k).isEmpty()) {
                continue;
            }
            if (k % 2 == 0) {
                Text t = new Text(parts.get(k));
                t.setFont(font);
                t.setFill(javafx.scene.paint.Color.web("#1e2227"));
                flow.getChildren().add(t);
            } else {
                Formulas.Rendered r = Formulas.inline(parts.get(k), size * 1.12, TEXT);
                ImageView v = new ImageView(SwingFXUtils.toFXImage(r.image(), null));
                v.setTranslateY(r.depth());
                flow.getChildren().add(v);
            }
        }
        flow.prefWidthProperty().bind(left.prefWidthProperty().subtract(40));
        flow.maxWidthProperty().bind(flow.prefWidthProperty());
        flow.setMinHeight(Region.USE_PREF_SIZE);
        return flow;
    }

    public int current() {
        return current;
    }

    public Lesson lesson() {
        return lesson;
    }

    @Override
    public void close() {
        live.close();
    }
}
