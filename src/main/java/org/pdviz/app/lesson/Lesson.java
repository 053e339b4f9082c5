package org.pdviz.app.lesson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The teaching sequence: steps of short text, formulas (TeX, rendered by JLaTeXMath) and the id of
 * a live view that goes with each. The text lives in {@code org/pdviz/lesson/lesson.json}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lesson(String title, String source, List<Step> steps) {

    public static final String RESOURCE = "/org/pdviz/lesson/lesson.json";

    public Lesson {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a lesson needs at least one step");
        }
    }

    /** One slide: a title, paragraphs, formulas in TeX, the live view's id and a presenter's note. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(String id, String title, List<String> text, List<String> formulas, String live, String note) {
        public Step {
            text = text == null ? List.of() : List.copyOf(text);
            formulas = formulas == null ? List.of() : List.copyOf(formulas);
        }
    }

    /** The lesson shipped with pdviz. */
    public static Lesson standard() {
        try (InputStream in = Lesson.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the lesson text " + RESOURCE + " is missing from the build");
            }
            return new ObjectMapper().readValue(in, Lesson.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the lesson text " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public int size() {
        return steps.size();
    }

    public Step step(int i) {
        return steps.get(i);
    }
}
