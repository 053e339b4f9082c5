package org.pdviz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.pdviz.ui.PdvizApp;

/** `pdviz app` checks its arguments before any window opens. */
class AppCommandTest {

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new String[] {Integer.toString(rc), err.toString().strip()};
    }

    @Test
    void anUnknownViewIsOneClearLine() {
        String[] r = run("app", "--view", "lessons");
        assertEquals("1", r[0]);
        assertEquals("pdviz app: unknown view 'lessons', expected one of [library, player, compare, curves, phi, lesson,"
                + " trainer]", r[1]);
    }

    @Test
    void aRunsFolderThatIsAFileIsOneClearLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("runs"), "not a folder");
        String[] r = run("app", "--view", "trainer", "--runs", file.toString());
        assertEquals("1", r[0]);
        assertEquals("pdviz app: --runs " + file + " is a file, not a folder", r[1]);
    }

    @Test
    void aMissingModelFileIsOneClearLine() {
        String[] r = run("app", "--view", "player", "--model", "/no/such/model.onnx");
        assertEquals("1", r[0]);
        assertTrue(r[1].startsWith("pdviz app: no such model file:"), r[1]);
    }

    @Test
    void viewsParseByTheirIds() {
        for (PdvizApp.View v : PdvizApp.View.values()) {
            assertEquals(v, PdvizApp.View.parse(v.id()));
            assertEquals(v, PdvizApp.View.parse(" " + v.id().toUpperCase(java.util.Locale.ROOT)));
        }
    }
}
