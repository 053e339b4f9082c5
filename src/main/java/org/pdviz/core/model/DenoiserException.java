package org.pdviz.core.model;

/** A denoiser failed to produce an output (engine error, bad shape, non-finite values). */
public class DenoiserException extends Exception {
    public DenoiserException(String message) {
        super(message);
    }

    public DenoiserException(String message, Throwable cause) {
        super(message, cause);
    }
}
