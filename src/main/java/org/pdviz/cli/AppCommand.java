package org.pdviz.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pdviz.app.i18n.Language;
import org.pdviz.ui.PdvizApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "app")
final class AppCommand implements Callable<Integer> {

    @Option(names = "--view", paramLabel = "NAME")
    String view;

    @Option(names = "--model", paramLabel = "FILE")
    Path model;

    @Option(names = "--card", paramLabel = "FILE.json")
    Path card;

    @Option(names = "--runs", paramLabel = "DIR")
    Path runs;

    @Option(names = "--lang", paramLabel = "en|zh")
    String lang;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>();
        if (lang != null) {
            args.add("--lang=" + OptionValues.named("--lang", () -> Language.parse(lang)).tag());
        }
        if (view != null) {
            args.add("--view=" + PdvizApp.View.parse(view).id());
        }
        if (model != null) {
            if (!Files.isRegularFile(model)) {
                throw new IllegalArgumentException("no such model file: " + model);
            }
            args.add("--model=" + model.toAbsolutePath());
        }
        if (card != null) {
            if (model == null) {
                throw new IllegalArgumentException("--card describes the --model file: give --model FILE too");
            }
            try {
                org.pdviz.runtime.card.CardJson.readFile(card); // one clear line now, not a failed window later
            } catch (org.pdviz.runtime.card.CardException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            args.add("--card=" + card.toAbsolutePath());
        }
        if (runs != null) {
            if (Files.exists(runs) && !Files.isDirectory(runs)) {
                throw new IllegalArgumentException("--runs " + runs + " is a file, not a folder");
            }
            args.add("--runs=" + runs.toAbsolutePath());
        }
        PdvizApp.launchWindow(args.toArray(String[]::new));
        return 0;
    }
}
