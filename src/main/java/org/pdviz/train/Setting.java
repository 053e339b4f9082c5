package org.pdviz.train;

import java.util.Locale;

/**
 * A setting of a training run, as the trainer's messages name it: in plain words, not as a
 * command-line option, since the same check serves the command line and the window, and each words
 * the setting for its own users ({@link SettingException#worded}).
 */
public enum Setting {
    DATA("the data"),
    NORMALIZE("normalising"),
    FAMILY("the student's network family"),
    FROM("the steps to distil from"),
    TO("the steps to distil to"),
    ITERATIONS("the iterations"),
    ITERATIONS_PER_ROUND("the iterations per round"),
    FIRST_ROUND_ITERATIONS("the first round's iterations"),
    ROUND_ITERATIONS("the iterations of chosen rounds"),
    COPY_ITERATIONS("the copy stage's iterations"),
    BATCH("the batch size"),
    LR("the learning rate"),
    COPY_LR("the copy stage's learning rate"),
    TEACHER_SAMPLES("the number of teacher samples"),
    SHIFT("the shift in pixels");

    private final String words;

    Setting(String words) {
        this.words = words;
    }

    /** The setting in plain English. */
    public String words() {
        return words;
    }

    /** A stable lower-case id ("copy_lr"), e.g. for a text bundle's key. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
