package org.pdviz.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pdviz.app.library.ModelImport;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.CardOverrides;
import org.pdviz.runtime.card.ModelCard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "card")
final class CardCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ModelFileOption modelFile = new ModelFileOption();

    @Mixin
    CardOptions card = new CardOptions();

    @Option(names = "--out", paramLabel = "FILE.onnx")
    Path out;

    @Override
    public Integer call() throws Exception {
        var o = spec.commandLine().getOut();
        CardOverrides fields = card.overrides();
        Path model = modelFile.model;
        if (fields.isEmpty() && out == null) {
            ModelCard stored = OnnxDenoiser.inspect(model).card();
            if (stored == null) {
                throw new IllegalArgumentException(model + " has no card; write one with pdviz card --model " + model
                        + " --card CARD.json --out COPY.onnx");
            }
            o.println(CardJson.write(stored));
            return 0;
        }
        if (out == null) {
            o.println(CardJson.write(ModelImport.complete(model, fields).card()));
            return 0;
        }
        ModelCard written = ModelImport.embed(model, fields, out);
        o.println("wrote " + out + " with the card of '" + written.name() + "' (" + written.schedule().describe()
                + ", time input " + written.timeInputValue().id() + ", inputs " + written.inputsValue().z() + " and "
                + written.inputsValue().t() + ")");
        return 0;
    }
}
