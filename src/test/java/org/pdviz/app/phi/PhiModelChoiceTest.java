package org.pdviz.app.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelLibrary;
import org.pdviz.runtime.TestPaths;

/** The phi view's pairs follow the cards' lineage, on the shipped library. */
class PhiModelChoiceTest {

    private final Path models = TestPaths.home().resolve("models");
    private final ModelLibrary library = ModelLibrary.scan(models);

    private ModelEntry entry(String relative) {
        Path file = models.resolve(relative).toAbsolutePath().normalize();
        return library.entries().stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void aStudentIsPairedWithTheTeacherItDescendsFromNotAnotherOfItsDataSet() {
        // models/exact/exact-gaussians8.onnx is a teacher of the same data set, but not this student's
        PhiModelChoice c = PhiModelChoice.around(library, entry("gaussians8/student-4.onnx"));
        assertEquals(entry("gaussians8/teacher.onnx"), c.teacher());
        assertEquals(4, c.studentSteps());
        assertTrue(c.distilled());
    }

    @Test
    void aTeacherGetsItsOwnStudentClosestToFourStepsElseItsPlainDdim() {
        PhiModelChoice trained = PhiModelChoice.around(library, entry("moons/teacher.onnx"));
        assertEquals(entry("moons/student-4.onnx"), trained.student());
        PhiModelChoice exact = PhiModelChoice.around(library, entry("exact/exact-gaussians8.onnx"));
        assertFalse(exact.distilled(), "the exact teacher has no students: its own 4-step DDIM");
        assertEquals(4, exact.studentSteps());
    }
}
