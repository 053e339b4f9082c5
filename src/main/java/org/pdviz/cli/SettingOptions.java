package org.pdviz.cli;

import org.pdviz.train.Setting;
import org.pdviz.train.SettingException;

/** The trainer's settings as the command line names them: its options. */
final class SettingOptions {

    private SettingOptions() {
    }

    static String option(Setting s) {
        return switch (s) {
            case DATA -> "--data";
            case NORMALIZE -> "--normalize";
            case FAMILY -> "--family";
            case FROM -> "--from";
            case TO -> "--to";
            case ITERATIONS -> "--iterations";
            case ITERATIONS_PER_ROUND -> "--iterations-per-round";
            case FIRST_ROUND_ITERATIONS -> "the first round's iterations";
            case ROUND_ITERATIONS -> "--round-iterations";
            case COPY_ITERATIONS -> "--copy-iterations";
            case BATCH -> "--batch";
            case LR -> "--lr";
            case COPY_LR -> "--copy-lr";
            case TEACHER_SAMPLES -> "--teacher-samples";
            case SHIFT -> "--shift";
        };
    }

    /** The trainer's message with its options in place of the settings' words. */
    static String message(SettingException e) {
        return e.worded(SettingOptions::option);
    }
}
