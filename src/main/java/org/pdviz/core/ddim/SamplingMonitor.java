package org.pdviz.core.ddim;

/** Progress and cancellation for a sampling run; called on the sampling thread. */
public interface SamplingMonitor {

    SamplingMonitor NONE = new SamplingMonitor() {
    };

    default void stepDone(int done, int total) {
    }

    /**
     * A recorded frame (recording ALL or STREAM), as soon as it is made. With STREAM its arrays are
     * reused for later steps: use them before returning.
     */
    default void frame(Frame frame) {
    }

    default boolean cancelled() {
        return Thread.currentThread().isInterrupted();
    }
}
