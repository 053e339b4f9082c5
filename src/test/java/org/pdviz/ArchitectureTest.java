package org.pdviz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: core <- runtime <- train <- app <- ui, cli, and the engines stay behind
 * their layers: DJL only in train, ONNX Runtime only in runtime and train. A plain scan of
 * src/main/java: every reference to a package (imports and fully qualified names, outside comments
 * and string literals) is checked against the layer's forbidden list.
 */
class ArchitectureTest {

    /** What each layer must not reference (prefixes of package names). */
    static final Map<String, List<String>> FORBIDDEN = Map.of(
            "core", List.of("javafx", "ai.onnxruntime", "ai.djl", "org.pdviz.runtime", "org.pdviz.train",
                    "org.pdviz.app", "org.pdviz.ui", "org.pdviz.cli"),
            "runtime", List.of("javafx", "ai.djl", "org.pdviz.train", "org.pdviz.app", "org.pdviz.ui", "org.pdviz.cli"),
            "train", List.of("javafx", "org.pdviz.app", "org.pdviz.ui", "org.pdviz.cli"),
            "app", List.of("javafx", "ai.djl", "ai.onnxruntime", "org.pdviz.ui", "org.pdviz.cli"),
            "ui", List.of("ai.djl", "ai.onnxruntime", "org.pdviz.train", "org.pdviz.cli"),
            "cli", List.of("ai.djl", "ai.onnxruntime"));

    static final Pattern REFERENCE = Pattern.compile(
            "\\b(javafx|ai\\.onnxruntime|ai\\.djl|org\\.pdviz\\.[a-z]+)\\b(?=\\s*\\.)");

    @Test
    void noLayerReferencesOneItMustNot() throws IOException {
        Path root = Path.of(System.getProperty("pdviz.home", ".")).resolve("src/main/java/org/pdviz");
        List<String> violations = new ArrayList<>();
        Set<String> layersSeen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String layer = root.relativize(f).getName(0).toString();
                layersSeen.add(layer);
                for (String v : violations(layer, Files.readString(f))) {
                    violations.add(root.relativize(f) + ": " + v);
                }
            }
        }
        assertTrue(layersSeen.containsAll(List.of("core", "runtime", "app", "ui", "cli")), layersSeen.toString());
        assertTrue(violations.isEmpty(), "wrong-way references:\n" + String.join("\n", violations));
    }

    @Test
    void everyPackageSaysWhatItIsForAndWhatItMayDependOn() throws IOException {
        Path root = Path.of(System.getProperty("pdviz.home", ".")).resolve("src/main/java/org/pdviz");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                boolean hasCode;
                try (Stream<Path> files = Files.list(d)) {
                    hasCode = files.anyMatch(f -> f.toString().endsWith(".java"));
                }
                Path info = d.resolve("package-info.java");
                if (hasCode && !(Files.isRegularFile(info) && Files.readString(info).contains("May depend on:"))) {
                    missing.add(root.relativize(d).toString());
                }
            }
        }
        assertTrue(Files.isRegularFile(root.resolve("core/package-info.java")), "core's notation table");
        assertTrue(missing.isEmpty(), "packages without a package-info.java that says what they may depend on: "
                + missing);
    }

    @Test
    void noTwoClassesShareASimpleName() throws IOException {
        Path root = Path.of(System.getProperty("pdviz.home", ".")).resolve("src/main/java");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(root::relativize).toList();
        }
        assertTrue(files.size() > 100, "scanned " + files.size() + " files under " + root);
        assertEquals(Map.of(), sharedNames(files), "classes with the same simple name (rename one to say what it is)");
        assertEquals(Map.of("Palette", List.of("a/Palette.java", "b/c/Palette.java")), sharedNames(List.of(
                Path.of("a/Palette.java"), Path.of("b/c/Palette.java"), Path.of("a/package-info.java"),
                Path.of("b/package-info.java"), Path.of("b/Readouts.java"))));
    }

    /** Simple names given to more than one source file, with the files (package-info.java aside). */
    static Map<String, List<String>> sharedNames(List<Path> files) {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Path f : files) {
            String name = f.getFileName().toString().replaceFirst("\\.java$", "");
            if (!name.equals("package-info")) {
                byName.computeIfAbsent(name, k -> new ArrayList<>()).add(f.toString().replace('\\', '/'));
            }
        }
        byName.values().removeIf(l -> l.size() < 2);
        byName.values().forEach(Collections::sort);
        return byName;
    }

    /** What runs work off the UI thread; in {@code ui} only {@code ui.task} may use it. */
    static final Pattern THREADS = Pattern.compile(
            "\\bnew\\s+Thread\\b|\\bExecutors\\s*\\.|\\bjavafx\\.concurrent\\b|\\bCompletableFuture\\b");

    @Test
    void theUiRunsBackgroundWorkOneWayThroughUiTask() throws IOException {
        Path ui = Path.of(System.getProperty("pdviz.home", ".")).resolve("src/main/java/org/pdviz/ui");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ui)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(ui.resolve("task")))
                    .toList()) {
                Matcher m = THREADS.matcher(code(Files.readString(f)));
                if (m.find()) {
                    offenders.add(ui.relativize(f) + ": " + m.group());
                }
            }
        }
        assertTrue(offenders.isEmpty(), "threads or executors outside ui.task (use AppContext.tasks, BackgroundTask,"
                + " TaskSlot):\n" + String.join("\n", offenders));
        assertTrue(THREADS.matcher("Thread t = new Thread(r);").find());
        assertTrue(THREADS.matcher("import javafx.concurrent.Task;").find());
        assertFalse(THREADS.matcher("Thread.currentThread().interrupt();").find());
    }

    @Test
    void theScanFindsWrongWayReferencesAndIgnoresCommentsAndStrings() {
        String bad = """
                package org.pdviz.core.x;
                import javafx.scene.Node;
                import static org.pdviz.app.render.Png.write;
                class A { Object o = new ai.onnxruntime.OrtEnvironment(); }
                """;
        assertEquals(List.of("javafx", "org.pdviz.app", "ai.onnxruntime"), violations("core", bad));
        String clean = """
                package org.pdviz.core.x;
                // javafx.scene.Node is not used here
                /* nor org.pdviz.ui.PdvizApp */
                /** {@link org.pdviz.runtime.OnnxDenoiser} */
                class A { String s = "javafx.scene.Node and org.pdviz.cli.Main"; char c = '"'; }
                """;
        assertEquals(List.of(), violations("core", clean));
        assertEquals(List.of("org.pdviz.train"), violations("ui", "import org.pdviz.train.Distiller;"));
        assertEquals(List.of(), violations("ui", "import org.pdviz.app.library.ModelLibrary; import javafx.scene.Node;"));
        assertEquals(List.of("ai.djl"), violations("app", "ai.djl.Device device = Torch.device(true, l -> { });"));
        assertEquals(List.of("ai.onnxruntime"), violations("cli", "import ai.onnxruntime.OrtException;"));
        assertEquals(List.of("ai.djl"), violations("runtime", "import ai.djl.ndarray.NDArray;"));
        assertEquals(List.of(), violations("train", "import ai.djl.ndarray.NDArray; import ai.onnxruntime.OrtSession;"));
    }

    static List<String> violations(String layer, String source) {
        List<String> forbidden = FORBIDDEN.getOrDefault(layer, List.of());
        List<String> out = new ArrayList<>();
        Matcher m = REFERENCE.matcher(code(source));
        while (m.find()) {
            String ref = m.group(1);
            for (String f : forbidden) {
                if ((ref.equals(f) || ref.startsWith(f + ".")) && !out.contains(f)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The source with comments, string, text-block and char literals blanked out. */
    static String code(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                b.append(' ');
            } else if (c == '"' && s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                b.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(n, j + 1);
                b.append(c).append(c);
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }
}
