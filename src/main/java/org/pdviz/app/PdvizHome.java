package org.pdviz.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the project's folders are: {@code models/} (shipped checkpoints), {@code assets/} (data) and
 * {@code styles/} (CSS). The home is the first of:
 * <ol>
 *   <li>the {@code pdviz.home} system property;</li>
 *   <li>the program's own folder: the folder of {@code pdviz.jar} (installed: {@code lib/app/}) or of
 *       the classes, or up to two folders above it (a build's {@code target/pdviz.jar}), when it holds
 *       {@code models/} and {@code assets/};</li>
 *   <li>the working directory, when it holds {@code models/};</li>
 *   <li>{@code ~/.pdviz}, when it holds {@code models/};</li>
 * </ol>
 * else the working directory. So the installed program finds what it ships from any working
 * directory, and a program without its own models uses {@code ./models}, then {@code ~/.pdviz/models}.
 */
public record PdvizHome(Path root) {

    public static final String PROPERTY = "pdviz.home";

    public static PdvizHome locate() {
        return locate(System.getProperty(PROPERTY), codeLocation(), Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home")));
    }

    /** The search above, with its inputs given ({@code property} and {@code code} may be null). */
    static PdvizHome locate(String property, Path code, Path workingDir, Path userHome) {
        if (property != null && !property.isBlank()) {
            return new PdvizHome(Path.of(property).toAbsolutePath().normalize());
        }
        List<Path> own = new ArrayList<>();
        for (Path p = code; p != null && own.size() < 3; p = p.getParent()) {
            own.add(p);
        }
        for (Path p : own) {
            if (Files.isDirectory(p.resolve("models")) && Files.isDirectory(p.resolve("assets"))) {
                return new PdvizHome(p);
            }
        }
        for (Path p : new Path[] {workingDir, userHome.resolve(".pdviz")}) {
            if (Files.isDirectory(p.resolve("models"))) {
                return new PdvizHome(p.toAbsolutePath().normalize());
            }
        }
        return new PdvizHome(workingDir.toAbsolutePath().normalize());
    }

    /** The folder holding the program: the jar's folder, or the classes folder itself. */
    private static Path codeLocation() {
        try {
            Path code = Path.of(PdvizHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code) ? code.getParent() : code;
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            return null;
        }
    }

    public Path models() {
        return root.resolve("models");
    }

    public Path assets() {
        return root.resolve("assets");
    }

    public Path mnist() {
        return assets().resolve("mnist");
    }

    public Path styles() {
        return root.resolve("styles");
    }
}
