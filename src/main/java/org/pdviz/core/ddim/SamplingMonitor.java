package org.pdviz.core.ddim;

/** Progress and cancellation for a sampling run; called on the sampling thread. */
public interface SamplingMonitor {

    SamplingMonitor NONE = new SamplingMonitor() {
    };

    default void stepDone(int done, int total) {
    }

    default boolean cancelled() {
        return Thread.currentThread().isInterrupted();
    }
}
