package org.pdviz.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's folders are: {@code models/} (shipped checkpoints), {@code assets/} (data) and
 * {@code styles/} (CSS). Taken from the {@code pdviz.home} system property, else the folder above
 * {@code target/pdviz.jar} (or the classes folder), else the working directory.
 */
public record PdvizHome(Path root) {

    public static PdvizHome locate() {
        String prop = System.getProperty("pdviz.home");
        if (prop != null && !prop.isBlank()) {
            return new PdvizHome(Path.of(prop).toAbsolutePath().normalize());
        }
        try {
            Path code = Path.of(PdvizHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("models")) && Files.isDirectory(p.resolve("assets"))) {
                    return new PdvizHome(p);
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the working directory
        }
        return new PdvizHome(Path.of("").toAbsolutePath());
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
