package org.pdviz.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that exits while another thread is inside an ONNX Runtime run exits with its own status.
 * Before the environment was held until exit ({@link OrtSessions#heldUntilExit}), ONNX Runtime's
 * shutdown hook freed it under the running session and every such probe died (SIGSEGV or glibc's
 * heap check, status 134), as a Ctrl-C'd distillation and a test JVM in CI did.
 */
class OrtExitTest {

    @TempDir
    Path dir;

    @Test
    void theEnvironmentIsHeldUntilExit() {
        assertTrue(OrtSessions.heldUntilExit(), "ONNX Runtime's private handles were not found");
    }

    @Test
    void exitingWhileASessionRunsEndsWithTheExitStatusAndNoCrash() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int delay : new int[] {700, 1300}) {
            Path log = dir.resolve("probe-" + delay + ".log");
            Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"),
                    "-cp", System.getProperty("java.class.path"), OrtExitProbe.class.getName(),
                    "models/mnist/teacher.onnx", "" + delay)).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe did not end");
            try (Stream<Path> s = Files.list(dir)) {
                assertEquals(List.of(), s.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList(),
                        "the JVM crashed: " + Files.readString(log));
            }
            assertEquals(3, p.exitValue(), Files.readString(log));
        }
    }
}
