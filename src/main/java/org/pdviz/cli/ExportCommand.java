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

@Command(name = "export")
final class ExportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelFileOption modelFile = new ModelFileOption();

    @Option(names = "--what", defaultValue = "sampling", paramLabel = "sampling|phi")
    String what;

    @Option(names = "--steps", paramLabel = "N")
    Integer steps;

    @Option(names = "--count", defaultValue = "16", paramLabel = "B")
    int count;

    @Option(names = "--frames", defaultValue = "49", paramLabel = "F")
    int frames;

    @Option(names = "--student", paramLabel = "FILE")
    Path student;

    @Option(names = "--student-steps", paramLabel = "M")
    Integer studentSteps;

    @Option(names = "--gif")
    boolean gif;

    @Mixin
    OutFolderOption outFolder = new OutFolderOption();

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|zh")
    String lang;

    @Mixin
    CardOptions card = new CardOptions();

    @Mixin
    SamplingOptions sampling = new SamplingOptions();

    @Override
    public Integer call() throws Exception {
        ExportService.What w = OptionValues.oneOf("--what", what, ExportService.What.values());
        Language language = OptionValues.named("--lang", () -> Language.parse(lang));
        var err = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(err, "export");
        ExportService.Result r = new ExportService().run(new ExportService.Request(modelFile.model, w, steps,
                sampling.seed(), count, frames, gif, student, studentSteps, outFolder.out, card.overrides(),
                sampling.clip, sampling.grid(), sampling.clipStyle(), sampling.start),
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
