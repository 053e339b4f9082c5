package org.pdviz.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pdviz.app.i18n.Language;

/**
 * The lesson in Chinese: every slide has its title, paragraphs and presenter's note in Chinese,
 * the formulas (displayed and inline) are the English lesson's, and a missing slide is an error.
 */
class LessonChineseTest {

    static boolean chinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void everySlideHasAChineseTitleTextAndNote() {
        Lesson en = Lesson.standard(Language.EN);
        Lesson zh = Lesson.standard(Language.ZH);
        assertEquals(en.size(), zh.size());
        assertTrue(chinese(zh.title()), zh.title());
        for (int i = 0; i < en.size(); i++) {
            Lesson.Step e = en.step(i), z = zh.step(i);
            assertEquals(e.id(), z.id());
            assertTrue(chinese(z.title()), z.id() + ": " + z.title());
            assertFalse(z.text().isEmpty(), z.id());
            for (String para : z.text()) {
                assertTrue(chinese(para), z.id() + ": " + para);
                assertFalse(para.contains("\u0302") || para.contains("\u0303"), "hats as inline TeX: " + para);
            }
            assertTrue(e.note() == null || chinese(z.note()), z.id() + ": " + z.note());
            assertEquals(e.formulas(), z.formulas(), "formulas are shared");
            assertEquals(e.live(), z.live());
            assertEquals(inlineMath(e), inlineMath(z), z.id() + ": the same inline formulas, in order");
        }
    }

    @Test
    void theChineseTextUsesTheStudyNotesTerms() {
        String all = String.join("\n", Lesson.standard(Language.ZH).steps().stream()
                .flatMap(s -> java.util.stream.Stream.concat(java.util.stream.Stream.of(s.title(), s.note()), s.text().stream()))
                .toList());
        for (String term : List.of("渐进式蒸馏", "教师模型", "学生模型", "信噪比", "余弦调度", "截断信噪比", "时间步")) {
            assertTrue(all.contains(term), term);
        }
    }

    @Test
    void aTranslationWithoutASlideIsRefusedByName() {
        Lesson en = Lesson.standard();
        List<Lesson.StepWords> words = new ArrayList<>();
        for (Lesson.Step s : en.steps()) {
            if (!s.id().equals("target")) {
                words.add(new Lesson.StepWords(s.id(), "标题", List.of("正文"), "备注"));
            }
        }
        var e = assertThrows(IllegalStateException.class, () -> en.in(new Lesson.Words(null, null, words), "test.json"));
        assertTrue(e.getMessage().contains("'target'"), e.getMessage());
        assertEquals("/org/pdviz/lesson/lesson_zh_CN.json", Lesson.resource(Language.ZH));
    }

    private static List<String> inlineMath(Lesson.Step s) {
        List<String> out = new ArrayList<>();
        for (String para : s.text()) {
            List<String> parts = Formulas.split(para);
            for (int k = 1; k < parts.size(); k += 2) {
                out.add(parts.get(k));
            }
        }
        return out;
    }
}
