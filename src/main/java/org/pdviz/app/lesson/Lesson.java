package org.pdviz.app.lesson;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pdviz.app.i18n.Language;

/**
 * The teaching sequence: steps of short text, formulas (TeX, rendered by JLaTeXMath) and the id of
 * a live view that goes with each. The text lives in {@code org/pdviz/lesson/lesson.json}; another
 * language's words in {@code lesson_LOCALE.json} (e.g. {@code lesson_zh_CN.json}): the same steps by
 * id with their title, paragraphs and presenter's note, while formulas and live views are shared.
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

    /** A translation of the lesson's words: title, source, and per step (by id) title, paragraphs, note. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Words(String title, String source, List<StepWords> steps) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StepWords(String id, String title, List<String> text, String note) {
    }

    /** The lesson shipped with pdviz, in English. */
    public static Lesson standard() {
        return read(RESOURCE, Lesson.class);
    }

    /** The lesson shipped with pdviz, in a language (English is the original). */
    public static Lesson standard(Language language) {
        Lesson base = standard();
        return language == Language.EN ? base : base.in(read(resource(language), Words.class), resource(language));
    }

    /** Where a language's words live: {@code /org/pdviz/lesson/lesson_zh_CN.json}. */
    public static String resource(Language language) {
        return RESOURCE.replace(".json", "_" + language.locale() + ".json");
    }

    /** This lesson with another language's words; every step must have a title and its paragraphs. */
    Lesson in(Words words, String where) {
        Map<String, StepWords> byId = new HashMap<>();
        for (StepWords w : words.steps()) {
            byId.put(w.id(), w);
        }
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            StepWords w = byId.get(s.id());
            if (w == null || w.title() == null || w.title().isBlank() || w.text() == null || w.text().isEmpty()
                    || (s.note() != null && (w.note() == null || w.note().isBlank()))) {
                throw new IllegalStateException(where + ": step '" + s.id() + "' lacks its title, text or note");
            }
            out.add(new Step(s.id(), w.title(), w.text(), s.formulas(), s.live(), w.note()));
        }
        return new Lesson(words.title() == null ? title : words.title(), words.source() == null ? source : words.source(),
                out);
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = Lesson.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the lesson text " + resource + " is missing from the build");
            }
            return new ObjectMapper().readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the lesson text " + resource + ": " + e.getMessage(), e);
        }
    }

    public int size() {
        return steps.size();
    }

    public Step step(int i) {
        return steps.get(i);
    }
}
