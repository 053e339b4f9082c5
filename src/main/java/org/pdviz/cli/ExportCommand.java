package org.pdviz.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pdviz.app.export.ExportService;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", description = {
    "Animations for slides: numbered PNG frames in DIR and, with --gif, one looping GIF.",
    "sampling: z_t beside x_hat as DDIM runs (at most --frames steps, then the result).",
    "phi: the scrub of the angle phi from noise to data: z on the circle, v its tangent, the model's"
            + " predictions and the DDIM steps as rotations (the model with --steps against itself with 4 steps,"
            + " or against --student)."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelFileOption modelFile = new ModelFileOption();

    @Option(names = "--what", defaultValue = "sampling", paramLabel = "sampling|phi",
            description = "What to animate (default sampling).")
    String what;

    @Option(names = "--steps", paramLabel = "N",
            description = "DDIM steps (default: a student's own count, else 512).")
    Integer steps;

    @Mixin
    NoiseSeedOption noiseSeed = new NoiseSeedOption();

    @Option(names = "--count", defaultValue = "16", paramLabel = "B",
            description = "Samples (default 16; for 2-D points use e.g. 1000).")
    int count;

    @Option(names = "--frames", defaultValue = "49", paramLabel = "F", description = "Frames at most (default 49).")
    int frames;

    @Option(names = "--student", paramLabel = "FILE", description = "phi: a distilled student to compare with.")
    Path student;

    @Option(names = "--student-steps", paramLabel = "M",
            description = "phi: the few-step sampler's steps (default: the student's own, else 4).")
    Integer studentSteps;

    @Option(names = "--gif", description = "Also write one looping animated GIF.")
    boolean gif;

    @Mixin
    OutFolderOption outFolder = new OutFolderOption();

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|zh",
            description = "Language of the words on the slides: en (default) or zh (Simplified Chinese).")
    String lang;

    @Mixin
    CardOptions card = new CardOptions();

    @Mixin
    SamplerOptions sampler = new SamplerOptions();

    @Option(names = "--clip", description = "sampling: clip x_hat to the data range at every step.")
    boolean clip;

    @Option(names = "--start", paramLabel = "FILE.npy", description = "Start from this tensor (float32 or float64,"
            + " [B, ...data shape]) instead of the seed's noise.")
    Path start;

    @Override
    public Integer call() throws Exception {
        ExportService.What w = switch (what.toLowerCase(Locale.ROOT)) {
            case "sampling" -> ExportService.What.SAMPLING;
            case "phi" -> ExportService.What.PHI;
            default -> throw new IllegalArgumentException("--what takes sampling or phi, got '" + what + "'");
        };
        Language language;
        try {
            language = Language.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lang: " + e.getMessage());
        }
        var err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err, "export");
        ExportService.Result r = new ExportService().run(new ExportService.Request(modelFile.model, w, steps,
                noiseSeed.seed, count, frames, gif, student, studentSteps, outFolder.out, card.overrides(), clip,
                sampler.grid(), sampler.clipStyle(), start),
                Texts.of(language), err::println, (done, total) -> bar.update(done, total, null));
        bar.finish();
        var written = r.written();
        spec.commandLine().getOut().printf("%s: %d frames of %s in %s (%s ... %s)%s%n", r.model(), r.frames(),
                w.name().toLowerCase(Locale.ROOT), outFolder.out, written.frames().get(0).getFileName(),
                written.frames().get(written.frames().size() - 1).getFileName(),
                written.gif() == null ? "" : ", and " + written.gif());
        return 0;
    }
}
