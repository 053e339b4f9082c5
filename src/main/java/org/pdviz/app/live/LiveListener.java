package org.pdviz.app.live;

import org.pdviz.app.jobs.Progress;

/**
 * Receives a live run's events on the run's thread (a UI hands them to its own thread). Progress
 * comes after every iteration, hundreds per second: throttle redraws.
 */
public interface LiveListener {

    LiveListener NONE = new LiveListener() {
    };

    /** A stage begins: "data", "teacher", "distill", "evaluate". */
    default void stageStarted(String stage) {
    }

    /** A stage ended after {@code seconds} of wall time. */
    default void stageFinished(String stage, double seconds) {
    }

    /** After every distillation iteration. */
    default void progress(Progress p) {
    }

    /** A distillation stage wrote its model; its preview samples come with it when previews are on. */
    default void roundFinished(LiveService.Round round) {
    }

    /** One line for the user. */
    default void message(String line) {
    }
}
