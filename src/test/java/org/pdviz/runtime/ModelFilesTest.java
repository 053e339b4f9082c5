package org.pdviz.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelFilesTest {

    @Test
    void theBaseNameDropsOnlyAFinalOnnx() {
        assertEquals("moons-teacher", ModelFiles.baseName(Path.of("models", "moons-teacher.onnx")));
        assertEquals("student-4", ModelFiles.baseName("student-4.onnx"));
        assertEquals("a.onnx.job", ModelFiles.baseName("a.onnx.job"));
        assertEquals("notes", ModelFiles.baseName(Path.of("/x/notes")));
        assertEquals(".onnx", ModelFiles.baseName(".onnx.onnx"));
    }
}
