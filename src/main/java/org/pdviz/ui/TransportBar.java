package org.pdviz.ui;

import java.util.function.IntFunction;
import javafx.animation.AnimationTimer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.pdviz.app.player.Playback;

/**
 * Play, pause, step, scrub and speed over the positions of a run; the keyboard reaches the same
 * actions through {@link PlaybackKeys}. Positions come from {@link Playback}, which an animation timer
 * feeds with the time between pulses.
 */
final class TransportBar extends HBox implements PlaybackKeys {

    private final Playback playback = new Playback();
    private final IntegerProperty position = new SimpleIntegerProperty(0);
    private final Button home = new Button("|\u25C0");
    private final Button back = new Button("\u25C0");
    private final Button play = new Button();
    private final Button forward = new Button("\u25B6");
    private final Button end = new Button("\u25B6|");
    private final Slider scrub = new Slider(0, 1, 0);
    private final Label frame = new Label();
    private final Button slower = new Button("\u2212");
    private final Button faster = new Button("+");
    private final Label speed = new Label();
    private IntFunction<String> frameText = p -> p + " / " + playback.last();
    private boolean syncing;
    private final AnimationTimer timer = new AnimationTimer() {
        private long previous = -1;

        @Override
        public void handle(long now) {
            if (previous >= 0 && playback.advance(now - previous)) {
                sync();
            }
            previous = now;
            if (!playback.playing()) {
                previous = -1;
                stop();
                sync();
            }
        }

        @Override
        public void stop() {
            previous = -1;
            super.stop();
        }
    };

    private final Localizer t;

    TransportBar(Localizer t) {
        super(6);
        this.t = t;
        Tips.tip(home, "transport-home", t.text("transport.home.tip"));
        Tips.tip(back, "transport-back", t.text("transport.back.tip"));
        Tips.tip(play, "transport-play", t.text("transport.play.tip"));
        Tips.tip(forward, "transport-forward", t.text("transport.forward.tip"));
        Tips.tip(end, "transport-end", t.text("transport.end.tip"));
        Tips.tip(scrub, "transport-scrub", t.text("transport.scrub.tip"));
        Tips.tip(slower, "transport-slower", t.text("transport.slower.tip"));
        Tips.tip(faster, "transport-faster", t.text("transport.faster.tip"));
        t.onChange(this::sync);
        getStyleClass().add("transport");
        setAlignment(Pos.CENTER_LEFT);
        scrub.setFocusTraversable(false);
        scrub.setBlockIncrement(1);
        scrub.setMajorTickUnit(1);
        scrub.setMinorTickCount(0);
        HBox.setHgrow(scrub, Priority.ALWAYS);
        scrub.setMaxWidth(Double.MAX_VALUE);
        frame.setId("transport-frame");
        frame.getStyleClass().add("frame-label");
        frame.setMinWidth(USE_PREF_SIZE);
        speed.setId("transport-speed");
        speed.setMinWidth(USE_PREF_SIZE);
        play.getStyleClass().add("accent");
        play.setMinWidth(USE_PREF_SIZE);
        home.setOnAction(e -> home());
        back.setOnAction(e -> step(-1));
        play.setOnAction(e -> togglePlay());
        forward.setOnAction(e -> step(1));
        end.setOnAction(e -> end());
        slower.setOnAction(e -> slower());
        faster.setOnAction(e -> faster());
        scrub.valueProperty().addListener((o, a, b) -> {
            if (!syncing) {
                playback.seek((int) Math.round(b.doubleValue()));
                sync();
            }
        });
        for (Button b : new Button[] {home, back, play, forward, end, slower, faster}) {
            b.setFocusTraversable(false);
        }
        getChildren().addAll(home, back, play, forward, end, scrub, frame, t.bind(new Label(), "transport.speed"), slower,
                speed, faster);
        reset(0);
    }

    /** A new run: {@code last + 1} positions, back to the start at the default speed. */
    void reset(int last) {
        timer.stop();
        playback.reset(last);
        scrub.setMax(Math.max(1, last));
        scrub.setDisable(last == 0);
        sync();
    }

    void frameText(IntFunction<String> text) {
        frameText = text;
        sync();
    }

    ReadOnlyIntegerProperty position() {
        return position;
    }

    Playback playback() {
        return playback;
    }

    Slider scrubber() {
        return scrub;
    }

    @Override
    public void togglePlay() {
        playback.toggle();
        if (playback.playing()) {
            timer.start();
        } else {
            timer.stop();
        }
        sync();
    }

    @Override
    public void step(int frames) {
        timer.stop();
        playback.step(frames);
        sync();
    }

    void seek(int p) {
        playback.seek(p);
        sync();
    }

    @Override
    public void home() {
        timer.stop();
        playback.home();
        sync();
    }

    @Override
    public void end() {
        timer.stop();
        playback.end();
        sync();
    }

    @Override
    public void faster() {
        playback.faster();
        sync();
    }

    @Override
    public void slower() {
        playback.slower();
        sync();
    }

    void pause() {
        timer.stop();
        playback.pause();
        sync();
    }

    private void sync() {
        syncing = true;
        try {
            scrub.setValue(playback.position());
        } finally {
            syncing = false;
        }
        position.set(playback.position());
        play.setText(t.get(playback.playing() ? "transport.pause" : "transport.play"));
        frame.setText(frameText.apply(playback.position()));
        double fps = playback.framesPerSecond();
        speed.setText(t.format("transport.fps", fps < 1 ? String.format("%.1f", fps) : String.format("%.0f", fps)));
    }
}
