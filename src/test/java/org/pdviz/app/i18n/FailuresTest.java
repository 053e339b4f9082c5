package org.pdviz.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.library.ModelImport;

/**
 * The common failures that reach a dialog are said in the window's language: the model-file
 * problems as the runtime reports them (its English words are matched, so a change there fails
 * here), file errors, and the app's own messages; anything else keeps its first line.
 */
class FailuresTest {

    static final Texts ZH = Texts.of(Language.ZH), EN = Texts.of(Language.EN);

    @TempDir
    Path dir;

    private String chinese(Path file) {
        Exception e = assertThrows(Exception.class, () -> ModelImport.check(file));
        return Failures.describe(new CompletionException(e), ZH);
    }

    @Test
    void modelFileProblemsAreSaidInChinese() throws Exception {
        assertEquals("\u201cnone.onnx\u201d\uff1a\u6587\u4ef6\u4e0d\u5b58\u5728", chinese(dir.resolve("none.onnx")));
        Path empty = Files.createFile(dir.resolve("empty.onnx"));
        assertEquals("\u201cempty.onnx\u201d\uff1a\u6587\u4ef6\u662f\u7a7a\u7684", chinese(empty));
        Path garbage = Files.writeString(dir.resolve("garbage.onnx"), "this is not a model");
        String s = chinese(garbage);
        assertTrue(s.startsWith("\u201cgarbage.onnx\u201d\uff1a\u4e0d\u662f\u6709\u6548\u7684 ONNX \u6a21\u578b\uff08"), s);
        Path folder = Files.createDirectory(dir.resolve("folder.onnx"));
        assertEquals("\u201cfolder.onnx\u201d\uff1a\u4e0d\u662f\u666e\u901a\u6587\u4ef6", chinese(folder));
    }

    @Test
    void englishIsTheRuntimesOwnLine() {
        Exception e = assertThrows(Exception.class, () -> ModelImport.check(dir.resolve("none.onnx")));
        assertEquals(Failures.oneLine(e), Failures.describe(e, EN));
    }

    @Test
    void fileErrorsMessagesAndTheRest() {
        assertEquals("\u6587\u4ef6\u4e0d\u5b58\u5728\uff1a/x/y", Failures.describe(new NoSuchFileException("/x/y"), ZH));
        assertEquals("\u5185\u5b58\u4e0d\u8db3\uff08Java \u5806\u5df2\u6ee1\uff09", Failures.describe(new OutOfMemoryError(), ZH));
        assertEquals("\u8bf7\u5148\u9009\u62e9\u4e00\u4e2a\u6559\u5e08\u6a21\u578b\uff08\u6216\u8bad\u7ec3\u4e00\u4e2a\uff09",
                Failures.describe(new LocalizedException(Message.of("trainer.error.teacher")), ZH));
        assertEquals("pick a teacher first (or train one)", new LocalizedException(Message.of("trainer.error.teacher"))
                .getMessage(), "the command line and logs read English");
        assertEquals("input 'z' has rank 3", Failures.describe(new IllegalArgumentException("input 'z' has rank 3\nmore"),
                ZH), "an unknown failure keeps its own first line");
    }

    @Test
    void aTrainersSettingProblemIsSaidWithTheSettingsNameInTheWindowsLanguage() {
        var e = new org.pdviz.train.SettingException(org.pdviz.train.SettingException.Problem.POSITIVE,
                org.pdviz.train.Setting.COPY_LR, -1.0);
        assertEquals("the copy stage's learning rate must be positive, got -1.0", Failures.describe(e, EN));
        assertEquals("\u590d\u5236\u9636\u6bb5\u7684\u5b66\u4e60\u7387\u5fc5\u987b\u4e3a\u6b63\u6570\uff0c"
                + "\u73b0\u5728\u662f -1.0", Failures.describe(new CompletionException(e), ZH));
        assertEquals(e.getMessage(), Failures.describe(e, EN), "the trainer's own English is the window's");
    }
}
