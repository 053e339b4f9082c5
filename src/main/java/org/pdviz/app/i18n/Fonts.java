package org.pdviz.app.i18n;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which font family draws a language, for the window (JavaFX) and for pictures (Java2D) alike.
 * JavaFX CSS takes only the first family of a {@code -fx-font-family} list and Java2D does not fall
 * back from a named font, so the fallback chain lives here and each toolkit takes the first family
 * it has installed. Without any of them, JavaFX's per-glyph fallback (fontconfig) and Java2D's
 * logical font {@code SansSerif} still find a CJK font if the system has one.
 */
public final class Fonts {

    /** The family of the English texts (pdviz.css and the pictures). */
    public static final String LATIN = "DejaVu Sans";

    /**
     * Simplified Chinese, best first: Noto Sans CJK SC (Debian's {@code fonts-noto-cjk}, SIL OFL;
     * it has bold faces, a per-glyph fallback does not), the same design as Source Han Sans, the
     * Windows and macOS system fonts, then older Linux fonts.
     */
    public static final List<String> CJK = List.of("Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN",
            "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
            "Droid Sans Fallback");

    /** Java2D's logical family with a per-glyph fallback, when no family of the chain is installed. */
    public static final String LOGICAL = "SansSerif";

    private Fonts() {
    }

    /**
     * Whether a text has Chinese characters or full-width punctuation, which a Latin family lacks:
     * a painter then draws the whole text in the CJK family (it has Latin glyphs too, so the line
     * keeps one design and one baseline).
     */
    public static boolean needsCjk(String s) {
        return s.codePoints().anyMatch(Fonts::cjk);
    }

    private static boolean cjk(int c) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || b == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    /**
     * A text cut into runs that are all CJK or all not, for painters that draw each run in its own
     * family: the CJK families lack the combining accents of x̂ and ε̂, which must stay in the
     * Latin family with the letter they sit on. Marks and spaces stay in the run they follow.
     */
    public static java.util.List<String> runs(String s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder run = new StringBuilder();
        Boolean inCjk = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int type = Character.getType(c);
            boolean attached = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || Character.isWhitespace(c);
            boolean k = cjk(c);
            if (!attached && inCjk != null && k != inCjk) {
                out.add(run.toString());
                run.setLength(0);
            }
            if (!attached) {
                inCjk = k;
            }
            run.appendCodePoint(c);
            i += Character.charCount(c);
        }
        if (run.length() > 0) {
            out.add(run.toString());
        }
        return out;
    }

    /** The families that draw a language, best first. */
    public static List<String> chain(Language language) {
        return language == Language.ZH ? CJK : List.of(LATIN);
    }

    /** The first family of {@code chain} that is {@code installed}. */
    public static Optional<String> first(List<String> chain, Collection<String> installed) {
        return chain.stream().filter(installed::contains).findFirst();
    }
}
