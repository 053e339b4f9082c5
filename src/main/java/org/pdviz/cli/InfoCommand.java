package org.pdviz.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.Signature;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.features.ClassifierCard;
import org.pdviz.runtime.features.OnnxClassifier;
import org.pdviz.app.library.ModelImport;
import org.pdviz.runtime.card.CardOverrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "info")
final class InfoCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--json")
    boolean json;

    @Mixin
    CardOptions cardOptions = new CardOptions();

    @Override
    public Integer call() throws Exception {
        OnnxDenoiser.Inspection info = OnnxDenoiser.inspect(file);
        CardOverrides overrides = cardOptions.overrides();
        if (!overrides.isEmpty()) {
            // the card the model opens with: merged, completed and checked against the graph
            info = new OnnxDenoiser.Inspection(file, ModelImport.complete(file, overrides).card(), info.signature(),
                    info.bytes(), java.util.List.of());
        }
        var out = spec.commandLine().getOut();
        ClassifierCard classifier = null;
        boolean isClassifier = info.card() == null && OnnxClassifier.matches(info.signature());
        if (isClassifier) {
            try (OnnxClassifier c = OnnxClassifier.open(file)) {
                classifier = c.card();
            }
        }
        int status = isClassifier || info.usable() ? 0 : Errors.FAILED;
        if (json) {
            var mapper = CardJson.mapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("file", file.toString());
            root.put("bytes", info.bytes());
            root.set("card", info.card() == null ? null : mapper.valueToTree(info.card()));
            if (classifier != null) {
                root.set("classifier", mapper.valueToTree(classifier));
            }
            root.set("inputs", mapper.valueToTree(info.signature().inputs()));
            root.set("outputs", mapper.valueToTree(info.signature().outputs()));
            if (!isClassifier) {
                root.set("problems", mapper.valueToTree(info.problems()));
            }
            out.println(mapper.writeValueAsString(root));
            return problems(info, status);
        }
        out.println("file:    " + file + " (" + info.bytes() + " bytes)");
        for (Signature.Tensor t : info.signature().inputs()) {
            out.println("input:   " + t.describe());
        }
        for (Signature.Tensor t : info.signature().outputs()) {
            out.println("output:  " + t.describe());
        }
        if (isClassifier) {
            printClassifier(out, classifier);
            return 0;
        }
        ModelCard c = info.card();
        if (c == null) {
            out.println(info.usable() ? "card:    none (give one with --card FILE.json, or --parameterization"
                    + " x|eps|v|both; pdviz card writes it into a copy)" : "card:    none readable");
            if (info.usable() && (info.signature().input("z") == null || info.signature().input("t") == null)) {
                out.println("inputs:  not named 'z' and 't' (the contract); name them in a card: --card FILE.json with "
                        + CardOverrides.inputsHint(info.signature()));
            }
            return problems(info, status);
        }
        out.println("name:    " + c.name());
        out.println("dataset: " + c.dataset());
        out.println("param:   " + c.parameterization());
        out.println("shape:   " + java.util.Arrays.toString(c.dataShape()) + ", range "
                + java.util.Arrays.toString(c.dataRange()));
        out.println("schedule: " + (c.schedule() == null ? "cosine (default)" : c.schedule().describe()));
        out.println("time:    input '" + c.inputsValue().t() + "' takes " + c.timeInputValue().id() + "; sample input '"
                + c.inputsValue().z() + "'");
        out.println("steps:   " + (c.steps() == null ? "teacher (any number of steps)" : c.steps() + " (student)"));
        if (c.family() != null) {
            out.println("family:  " + c.family().name() + " " + c.family().params());
        }
        if (c.lineage() != null) {
            ModelCard.Lineage l = c.lineage();
            out.println("lineage: parent " + (l.parent() == null ? "none" : l.parent())
                    + (l.round() == null ? "" : ", round " + l.round())
                    + (l.iterations() == null ? "" : ", " + l.iterations() + " iterations")
                    + (l.seed() == null ? "" : ", seed " + l.seed())
                    + (l.finalLoss() == null ? "" : String.format(", final loss %.5g", l.finalLoss()))
                    + (l.created() == null ? "" : ", created " + l.created()));
            if (l.command() != null) {
                out.println("command: " + l.command());
            }
            if (l.data() != null) {
                out.println("data:    " + l.data().describe());
                if (l.data().sha256() != null) {
                    out.println("sha256:  " + l.data().sha256());
                }
            }
        }
        if (c.description() != null) {
            out.println("about:   " + c.description());
        }
        return problems(info, status);
    }

    /** The file's problems, all in one line on stderr (after what could be shown), and the exit status. */
    private int problems(OnnxDenoiser.Inspection info, int status) {
        if (status != 0) {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + info.describeProblems());
            spec.commandLine().getErr().flush();
        }
        return status;
    }

    /** A feature classifier (what pdviz eval uses for FID/KID), not a denoiser. */
    private static void printClassifier(java.io.PrintWriter out, ClassifierCard k) {
        out.println("kind:    MNIST feature classifier for FID/KID (pdviz eval --features), not a denoiser");
        if (k == null) {
            out.println("card:    none");
            return;
        }
        out.println("name:    " + k.name());
        out.println("dataset: " + k.dataset());
        if (k.heldOutAccuracy() != null) {
            out.printf(java.util.Locale.ROOT, "held-out accuracy: %.2f%% (as trained; pdviz eval measures it again)%n",
                    100 * k.heldOutAccuracy());
        }
        if (k.family() != null) {
            out.println("family:  " + k.family().name() + " " + k.family().params());
        }
        if (k.lineage() != null && k.lineage().command() != null) {
            out.println("command: " + k.lineage().command() + (k.lineage().seed() == null ? ""
                    : " (seed " + k.lineage().seed() + ")"));
        }
        if (k.description() != null) {
            out.println("about:   " + k.description());
        }
    }
}
