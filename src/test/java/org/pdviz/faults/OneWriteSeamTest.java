package org.pdviz.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pdviz.runtime.TestPaths;

/**
 * Every file pdviz writes goes through {@code runtime.AtomicFiles}: what makes each write atomic, names
 * the file when it fails, and is the one seam where {@link FullDiskTest} fills the disk. A new write
 * that goes around it (Files.write, a FileOutputStream, ImageIO onto a file) fails this scan.
 */
class OneWriteSeamTest {

    static final Pattern DIRECT_WRITE = Pattern.compile("(?<![A-Za-z])Files\\.(write|writeString|newOutputStream|newBufferedWriter"
            + "|copy|move|createTempFile)\\(|new\\s+(FileOutputStream|FileWriter|RandomAccessFile|PrintWriter\\(\\s*new"
            + "\\s+File)\\b|ImageIO\\.write\\([^;]*(toFile\\(\\)|new File)");

    /** Files allowed to touch the disk directly: the seam itself. */
    static final List<String> SEAM = List.of("runtime/AtomicFiles.java");

    @Test
    void everyFileIsWrittenThroughAtomicFiles() throws Exception {
        Path root = TestPaths.home().resolve("src/main/java/org/pdviz");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (SEAM.contains(rel)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (DIRECT_WRITE.matcher(lines.get(i)).find()) {
                        found.add(rel + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "writes around runtime.AtomicFiles");
    }

    @Test
    void theScanSeesDirectWrites() {
        for (String bad : List.of("Files.write(p, bytes);", "Files.writeString(p, s);", "new FileOutputStream(f)",
                "ImageIO.write(img, \"png\", file.toFile());", "Files.move(a, b);")) {
            assertEquals(true, DIRECT_WRITE.matcher(bad).find(), bad);
        }
        assertEquals(false, DIRECT_WRITE.matcher("ImageIO.write(img, \"png\", out)").find());
        assertEquals(false, DIRECT_WRITE.matcher("AtomicFiles.write(file, out -> { });").find());
    }
}
