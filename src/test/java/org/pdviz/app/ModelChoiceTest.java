package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pdviz.app.library.ModelChoice;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelLibrary;
import org.pdviz.core.model.DataShape;
import org.pdviz.runtime.TestPaths;
import org.pdviz.runtime.card.ModelCard;

class ModelChoiceTest {

    static ModelEntry entry(String file, String name, String dataset, Integer steps, String parent, String family,
                            Integer components) {
        ModelCard card = new ModelCard(1, name, dataset, "x", null, new int[] {1, 28, 28}, null, steps,
                family == null ? null : new ModelCard.Family(family, components == null ? Map.of()
                        : Map.of("components", components)),
                new ModelCard.Lineage(parent, null, null, null, null, null, null), null);
        return new ModelEntry(Path.of("/m", file), card, 1);
    }

    @Test
    void theShippedLibraryComparesTheMnistTeacherAt512ItsFourStepStudentAndItsPlainFourStepDdim() {
        List<ModelEntry> lib = ModelLibrary.scan(TestPaths.home().resolve("models")).entries();
        List<ModelChoice.Pane> panes = ModelChoice.comparison(lib, null);
        ModelEntry teacher = panes.get(0).model();
        assertEquals("mnist", teacher.dataset());
        assertEquals(Path.of("mnist", "teacher.onnx"), TestPaths.home().resolve("models").relativize(teacher.file()));
        assertEquals(3, panes.size());
        assertEquals(512, panes.get(0).steps());
        ModelEntry student = panes.get(1).model();
        assertEquals(Path.of("mnist", "student-4.onnx"), TestPaths.home().resolve("models").relativize(student.file()));
        assertEquals(4, panes.get(1).steps());
        assertEquals(new ModelChoice.Pane(teacher, 4), panes.get(2));
    }

    @Test
    void withoutTrainedImageModelsTheClassMeansExactTeacherIsComparedAt512And4Steps() {
        // chosen by card: the MNIST-like exact teacher with the most mixture components
        List<ModelEntry> lib = ModelLibrary.scan(TestPaths.home().resolve("models")).entries().stream()
                .filter(e -> e.file().getParent().getFileName().toString().equals("exact")).toList();
        List<ModelChoice.Pane> panes = ModelChoice.comparison(lib, null);
        ModelEntry teacher = panes.get(0).model();
        assertTrue(teacher.dataset().startsWith("mnist"));
        assertEquals(10, ((Number) teacher.card().family().params().get("components")).intValue());
        assertEquals(512, panes.get(0).steps());
        assertEquals(new ModelChoice.Pane(teacher, 4), panes.get(panes.size() - 1));
    }

    @Test
    void aTrainedTeacherWithAStudentWinsAndTheStudentSitsBetween() {
        ModelEntry exact = entry("exact/e.onnx", "exact-mnist", "mnist-class-means", null, null, "exact-gaussian-mixture", 10);
        ModelEntry teacher = entry("mnist/teacher.onnx", "mnist-teacher", "mnist", null, null, "unet", null);
        ModelEntry s8 = entry("mnist/student-8.onnx", "mnist-student-8", "mnist", 8, "mnist-teacher", "unet", null);
        ModelEntry s4 = entry("mnist/student-4.onnx", "mnist-student-4", "mnist", 4, "student-8", "unet", null);
        ModelEntry other = entry("moons/student-4.onnx", "moons-student-4", "moons", 4, "moons-teacher", "mlp", null);
        List<ModelEntry> lib = List.of(exact, s4, other, teacher, s8);
        // lineage by card name or by file stem (student-4's parent is written as the file stem "student-8")
        assertEquals(teacher, ModelChoice.rootTeacher(lib, s4).orElseThrow());
        assertEquals(List.of(s4, s8), ModelChoice.studentsOf(lib, teacher));
        assertTrue(ModelChoice.rootTeacher(lib, other).isEmpty(), "moons' teacher is not in the library");
        assertEquals(teacher, ModelChoice.defaultTeacher(lib).orElseThrow());
        assertEquals(List.of(new ModelChoice.Pane(teacher, 512), new ModelChoice.Pane(s4, 4),
                new ModelChoice.Pane(teacher, 4)), ModelChoice.comparison(lib, null));
        // focused on the 8-step student: its teacher at 512, it, the teacher's plain 8-step DDIM
        assertEquals(List.of(new ModelChoice.Pane(teacher, 512), new ModelChoice.Pane(s8, 8),
                new ModelChoice.Pane(teacher, 8)), ModelChoice.comparison(lib, s8));
        assertEquals(List.of(new ModelChoice.Pane(exact, 512), new ModelChoice.Pane(exact, 4)),
                ModelChoice.comparison(lib, exact));
    }

    @Test
    void defaultStepsAndBatch() {
        ModelEntry s = entry("a.onnx", "s", "mnist", 4, null, null, null);
        ModelEntry t = entry("b.onnx", "t", "mnist", null, null, null, null);
        assertEquals(4, ModelChoice.steps(s));
        assertEquals(512, ModelChoice.steps(t));
        assertEquals(16, ModelChoice.batch(DataShape.of(1, 28, 28)));
        assertEquals(256, ModelChoice.batch(DataShape.of(2)));
    }
}
