package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No user-facing text is written into the {@code ui} code: every label, tooltip, dialog and status
 * comes from the bundles. A plain scan of the string literals (comments skipped): a literal is text
 * for people when it has words (two words, or a capitalised word), Chinese, or goes straight into a
 * label, button, tooltip, dialog or canvas. Ids, style classes, keys, formats and symbols pass; the
 * allow-list below is for abbreviations that are the same in every language. Not scanned: the
 * messages of exceptions thrown for programming errors and the command line (which stays English;
 * a dialog says the common failures through {@code app.i18n.Failures}), regular expressions,
 * {@code case} labels (data matched, not shown), command lines ({@code pdviz ... --option}), the
 * benchmark in {@code ui/bench} (it prints to the terminal), and lines marked
 * {@code // i18n: not text} with the reason.
 */
class UiTextScanTest {

    /** Abbreviations and names that are symbols in every language. */
    static final Set<String> SYMBOLS = Set.of("SNR", "DDIM", "GPU", "CPU", "CUDA", "PNG", "GIF", "JSON", "RMSE", "ONNX",
            "FID", "KID", "MSE", "ETA", "Ctrl", "Esc", "Home", "End", "Space", "Enter", "F11");

    static final Pattern FORMAT = Pattern.compile("%[-+ 0,#(]*\\d*(\\.\\d+)?[a-zA-Z%]");
    static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    static final Pattern CAPITALISED = Pattern.compile("\\b[A-Z][a-z]+\\b");
    static final Pattern TWO_WORDS = Pattern.compile("\\b[A-Za-z]{2,}\\s+[A-Za-z]{2,}\\b");
    static final Pattern SINK = Pattern.compile("(setText|new Label|new Button|new ToggleButton|new CheckBox|new MenuItem"
            + "|new MenuButton|new RadioMenuItem|new Tooltip|setTitle|setHeaderText|setContentText|setPromptText"
            + "|fillText|\\.text|message|ButtonType)\\(\\s*$");

    @Test
    void noUserFacingTextIsWrittenIntoTheUiCode() throws IOException {
        Path root = Path.of(System.getProperty("pdviz.home", ".")).resolve("src/main/java/org/pdviz/ui");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(root.resolve("bench")))
                    .sorted().toList()) {
                for (String hit : userTexts(Files.readString(f))) {
                    found.add(root.relativize(f) + ": " + hit);
                }
            }
        }
        assertTrue(found.isEmpty(), "user-facing texts outside the bundles (put them in "
                + "src/main/resources/org/pdviz/i18n/texts*.properties):\n" + String.join("\n", found));
    }

    @Test
    void theScanFindsTextsAndLetIdsKeysFormatsAndSymbolsPass() {
        String code = """
                class A {
                    // "Comments are not code"
                    void f() {
                        b.setId("player-sample"); c.getStyleClass().add("field-label");
                        t.bind(b, "player.sample"); String.format("%.3f", v); p.text("\\u03c6 = " + x);
                        l.setText("t = %.4f"); m.put("width", w); s.equals("mlp"); x("SNR + 1");
                        new Label("Sample"); y("no prediction at t = 0"); z("\\u91c7\\u6837");
                        status.setText("cancelled"); throw new IllegalStateException("a bug: " + x);
                        s.replaceAll("[^A-Za-z]", ""); cmd.append(" --family mlp"); w("Kept English"); // i18n: not text
                    }
                }
                """;
        assertEquals(List.of("\"Sample\"", "\"no prediction at t = 0\"", "\"\\u91c7\\u6837\"", "\"cancelled\""),
                userTexts(code));
    }

    /** The literals of a source file that read as text for people. */
    static List<String> userTexts(String source) {
        List<String> out = new ArrayList<>();
        String s = source;
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                i = s.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '\'') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (c == '"') {
                boolean block = s.startsWith("\"\"\"", i);
                int start = i + (block ? 3 : 1);
                int j = start;
                if (block) {
                    j = s.indexOf("\"\"\"", start);
                    j = j < 0 ? n : j;
                } else {
                    while (j < n && s.charAt(j) != '"') {
                        j += s.charAt(j) == '\\' ? 2 : 1;
                    }
                }
                String literal = s.substring(start, Math.min(j, n));
                String before = s.substring(Math.max(0, i - 40), i);
                int lineEnd = s.indexOf('\n', i);
                String line = s.substring(s.lastIndexOf('\n', i) + 1, lineEnd < 0 ? n : lineEnd);
                if (!exempt(statement(s, i), before, line) && isUserText(unescape(literal), before)) {
                    out.add("\"" + literal + "\"");
                }
                i = Math.min(n, j + (block ? 3 : 1));
            } else {
                i++;
            }
        }
        return out;
    }

    static final Pattern CODE_SINK = Pattern.compile("(replaceAll|replaceFirst|matches|split|compile|case)\\s*\\(?\\s*$");

    /** The statement around position {@code i}: back to the previous ';', '{' or '}'. */
    static String statement(String s, int i) {
        int from = Math.max(Math.max(s.lastIndexOf(';', i), s.lastIndexOf('{', i)), s.lastIndexOf('}', i));
        return s.substring(from + 1, i);
    }

    static boolean exempt(String statement, String before, String line) {
        return statement.contains("throw new ") || CODE_SINK.matcher(before).find() || line.contains("// i18n: not text");
    }

    static boolean isUserText(String text, String before) {
        if (text.startsWith("pdviz ") || text.matches(".*(^|\\s)--[a-z][a-z-]*.*")) {
            return false; // a command line reads the same in every language
        }
        if (text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return true;
        }
        String words = FORMAT.matcher(text).replaceAll(" ");
        for (String sym : SYMBOLS) {
            words = words.replaceAll("\\b" + Pattern.quote(sym) + "\\b", " ");
        }
        if (!WORD.matcher(words).find()) {
            return false;
        }
        Matcher cap = CAPITALISED.matcher(words);
        if (cap.find() || TWO_WORDS.matcher(words).find()) {
            return true;
        }
        return SINK.matcher(before).find() && !text.matches("[a-z0-9]+([-_.][a-z0-9]+)+");
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 5 < s.length() + 0 && s.charAt(i + 1) == 'u') {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\' && i + 1 < s.length()) {
                b.append(s.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
