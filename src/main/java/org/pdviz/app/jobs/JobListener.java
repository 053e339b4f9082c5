package org.pdviz.app.jobs;

/**
 * Receives a job's events, on the job's thread (a UI hands them over to its own thread). Progress
 * comes after every iteration, hundreds per second for a small network: throttle redraws.
 */
public interface JobListener {

    JobListener NONE = p -> { };

    void progress(Progress p);

    /** One line for the user: a device fallback, the engine chosen, a resume point. */
    default void message(String line) {
    }

    default void roundFinished(RoundSummary round) {
    }
}
