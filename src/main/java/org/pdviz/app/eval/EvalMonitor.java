package org.pdviz.app.eval;

import org.pdviz.core.ddim.SamplingMonitor;

/** Progress of an evaluation: which run is sampling, and its steps (through {@link SamplingMonitor}). */
public interface EvalMonitor extends SamplingMonitor {

    EvalMonitor NONE = new EvalMonitor() {
    };

    /** Run {@code index} of {@code total} (1-based) starts. */
    default void runStarted(String label, int index, int total) {
    }

    /** A line worth telling the user (a skipped student, the features in use, ...). */
    default void note(String line) {
    }
}
