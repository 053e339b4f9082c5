package org.pdviz.train;

/** What a training loop reports as it goes, and how it learns that it should stop. */
public interface Monitor {

    Monitor NONE = (round, rounds, done, total, loss) -> { };

    /**
     * After every iteration.
     *
     * @param round 0-based round (always 0 for teacher training)
     * @param done  iterations completed in this round, of {@code total}
     */
    void iteration(int round, int rounds, long done, long total, double loss);

    /** A round finished and its checkpoint was written. */
    default void roundFinished(RoundResult result) {
    }

    /** One line for the user (a device fallback, the teacher engine chosen, ...). */
    default void message(String line) {
    }

    /** The resumable state was saved after {@code done} iterations of {@code round}. */
    default void saved(int round, long done) {
    }

    /** Checked before every iteration: when true the loop saves its state and returns. */
    default boolean cancelled() {
        return false;
    }
}
