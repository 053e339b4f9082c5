package org.pdviz.cli;

import java.nio.file.Path;
import org.pdviz.core.ddim.SamplerSettings;
import org.pdviz.core.schedule.GridOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How the commands that run DDIM from noise (sample, compare, export) start and step it: the noise seed
 * or a start tensor, clipping x_hat, and diffusers' options. (eval has its own --clip: auto, on or off.)
 */
final class SamplingOptions {

    @Mixin
    NoiseSeedOption noiseSeed = new NoiseSeedOption();

    @Option(names = "--clip")
    boolean clip;

    @Option(names = "--start", paramLabel = "FILE.npy")
    Path start;

    @Mixin
    SamplerOptions sampler = new SamplerOptions();

    long seed() {
        return noiseSeed.seed;
    }

    /** Where every sampler starts, in words: the seed or the start file. */
    String noise() {
        return start == null ? "seed " + seed() : "start " + start;
    }

    GridOptions grid() {
        return sampler.grid();
    }

    SamplerSettings.ClipStyle clipStyle() {
        return sampler.clipStyle();
    }
}
