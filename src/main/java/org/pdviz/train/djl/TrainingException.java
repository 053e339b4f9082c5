package org.pdviz.train.djl;

/** Training cannot go on (diverged, bad state); the message is one line for the user. */
public class TrainingException extends Exception {
    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
