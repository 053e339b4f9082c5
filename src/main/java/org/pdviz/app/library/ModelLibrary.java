package org.pdviz.app.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pdviz.runtime.ModelFileException;
import org.pdviz.runtime.OnnxDenoiser;
import org.pdviz.runtime.Signature;
import org.pdviz.runtime.features.OnnxClassifier;

/**
 * The models a user can pick: every {@code .onnx} under a folder (the shipped {@code models/}),
 * plus files added by hand. Files that fail to open, or whose card or signature breaks the contract,
 * are reported, never listed: the views only ever see cards that were checked on load.
 */
public final class ModelLibrary {

    private final List<ModelEntry> entries = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * Scans a folder recursively for denoisers; unreadable files and graphs that are not denoisers go
     * to {@link #problems()}, except feature classifiers, which are skipped quietly.
     */
    public static ModelLibrary scan(Path folder) {
        ModelLibrary lib = new ModelLibrary();
        lib.addFolder(folder);
        return lib;
    }

    /** Adds every {@code .onnx} under a folder (recursively; a missing folder adds nothing); unreadable files go to {@link #problems()}. */
    public void addFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".onnx") && Files.isRegularFile(p)).sorted().toList()) {
                try {
                    addScanned(f);
                } catch (ModelFileException e) {
                    synchronized (this) {
                        problems.add(e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                problems.add("cannot read " + folder + ": " + e.getMessage());
            }
        }
    }

    /**
     * A scanned file: a denoiser (input {@code z}) is listed; the feature classifier that
     * {@code pdviz eval} uses (kept under models/classifier/) is not a model to sample and is passed
     * over; any other graph is reported.
     */
    private synchronized void addScanned(Path file) throws ModelFileException {
        Path abs = file.toAbsolutePath().normalize();
        OnnxDenoiser.Inspection info = OnnxDenoiser.inspect(abs);
        Signature sig = info.signature();
        String zName = info.card() == null ? "z" : info.card().inputsValue().z();
        if (sig.input(zName) == null) {
            if (!OnnxClassifier.matches(sig)) {
                problems.add(new ModelFileException(abs, "not a denoiser (inputs " + sig.inputs().stream()
                        .map(Signature.Tensor::name).toList() + "; a denoiser takes 'z' and 't', or the inputs its card"
                        + " names)").getMessage());
            }
            return;
        }
        if (!info.usable()) {
            problems.add(info.describeProblems());
            return;
        }
        add(new ModelEntry(abs, info.card(), info.bytes()));
    }

    /** Adds a file after checking its card and contract; returns the entry (an existing one if already listed). */
    public synchronized ModelEntry add(Path file) throws ModelFileException {
        Path abs = file.toAbsolutePath().normalize();
        for (ModelEntry e : entries) {
            if (e.file().equals(abs)) {
                return e;
            }
        }
        OnnxDenoiser.Inspection info = OnnxDenoiser.inspect(abs);
        if (!info.usable()) {
            throw new ModelFileException(abs, String.join("; ", info.problems()));
        }
        ModelEntry entry = new ModelEntry(abs, info.card(), info.bytes());
        entries.add(entry);
        return entry;
    }

    public synchronized void add(ModelEntry entry) {
        entries.removeIf(e -> e.file().equals(entry.file()));
        entries.add(entry);
    }

    public synchronized List<ModelEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** Entries grouped by data set; within a group teachers first, then students by falling step count. */
    public synchronized Map<String, List<ModelEntry>> byDataset() {
        Map<String, List<ModelEntry>> groups = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparing(ModelEntry::dataset)
                        .thenComparing(e -> e.steps() == null ? Integer.MAX_VALUE : e.steps(), Comparator.reverseOrder())
                        .thenComparing(ModelEntry::name))
                .forEach(e -> groups.computeIfAbsent(e.dataset(), k -> new ArrayList<>()).add(e));
        return groups;
    }

    /** The first entry with this card name, if any. */
    public synchronized java.util.Optional<ModelEntry> byName(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
