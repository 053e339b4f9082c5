package org.pdviz.app.jobs;

import org.pdviz.train.djl.Torch;

/** Which devices a training job can use here, for a UI that offers only usable ones. */
public final class Devices {

    private Devices() {
    }

    /** Whether training can run on CUDA, and if not, why (one line for the user). */
    public record Availability(boolean usable, String note) {
    }

    /**
     * Asks the trainer's engine (the CPU-only build answers at once; a CUDA build starts PyTorch,
     * which takes a second or two: call it off the UI thread).
     */
    public static Availability cuda() {
        String problem = Torch.cudaProblem();
        return problem == null ? new Availability(true, "an NVIDIA GPU is usable")
                : new Availability(false, problem);
    }
}
