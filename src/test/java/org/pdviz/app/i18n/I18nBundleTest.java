package org.pdviz.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bundles: English and Simplified Chinese have the same keys, every key is used by the code,
 * every Chinese text is a translation (not an English copy) with the same arguments.
 */
class I18nBundleTest {

    static final String DIR = "/org/pdviz/i18n/";
    /** Texts that are the same in both languages by design: symbols, names, the language names. */
    static final Pattern SAME_BY_DESIGN = Pattern.compile(
            "app\\.name|language\\..*|top\\.(smaller|larger)|readout\\.t|phi\\.diagram\\.comb|text\\.as_is|trainer\\.stage\\.name|trainer\\.device\\.gpu|phi\\.quantity\\.(z|v_hat)");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+)\"");

    static Properties read(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nBundleTest.class.getResourceAsStream(DIR + file)) {
            assertTrue(in != null, file + " is missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        Set<String> en = keys(read("texts.properties"));
        Set<String> zh = keys(read("texts_zh_CN.properties"));
        Set<String> missing = new TreeSet<>(en);
        missing.removeAll(zh);
        Set<String> extra = new TreeSet<>(zh);
        extra.removeAll(en);
        assertTrue(missing.isEmpty(), "keys without a Chinese text: " + missing);
        assertTrue(extra.isEmpty(), "Chinese keys without an English text: " + extra);
    }

    @Test
    void everyChineseTextIsATranslationWithTheSameArguments() throws IOException {
        Properties en = read("texts.properties");
        Properties zh = read("texts_zh_CN.properties");
        List<String> problems = new ArrayList<>();
        for (String k : keys(en)) {
            String e = en.getProperty(k), z = zh.getProperty(k);
            if (z == null) {
                continue;
            }
            if (e.isBlank() || z.isBlank()) {
                problems.add(k + ": empty");
            }
            if (!placeholders(e).equals(placeholders(z))) {
                problems.add(k + ": arguments " + placeholders(e) + " vs " + placeholders(z));
            }
            if (e.equals(z) && !SAME_BY_DESIGN.matcher(k).matches()) {
                problems.add(k + ": not translated ('" + z + "')");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyKeyIsUsedByTheCode() throws IOException {
        Set<String> used = new HashSet<>(keyLiterals(Path.of(System.getProperty("pdviz.home", ".")).resolve("src/main/java")));
        used.addAll(KeyFamilies.all());
        Set<String> unused = new TreeSet<>(keys(read("texts.properties")));
        unused.removeAll(used);
        assertTrue(unused.isEmpty(), "keys no code uses: " + unused);
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> known = keys(read("texts.properties"));
        Set<String> dangling = new TreeSet<>(keyLiterals(Path.of(System.getProperty("pdviz.home", ".")).resolve("src/main/java")));
        dangling.removeAll(known);
        dangling.removeIf(k -> !KeyFamilies.looksLikeKey(k));
        assertTrue(dangling.isEmpty(), "keys the code names that no bundle has: " + dangling);
        for (String k : KeyFamilies.all()) {
            assertTrue(known.contains(k), "a key family names a missing key: " + k);
        }
    }

    @Test
    void theTextsOfALanguageComeFromItsBundleWhateverTheSystemLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            // a fresh lookup, not one cached before the locale changed
            var en = java.util.ResourceBundle.getBundle(Texts.BUNDLE, Locale.ENGLISH,
                    java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
            assertEquals("Library", en.getString("view.library"));
        } finally {
            Locale.setDefault(before);
        }
        assertEquals("Library", Texts.of(Language.EN).get("view.library"));
        assertEquals("模型库", Texts.of(Language.ZH).get("view.library"));
    }

    @Test
    void argumentsFillTheirPlacesAndMessagesAreSaidInTheLanguage() {
        assertEquals("a: b", Texts.fill("{0}: {1}", "a", "b"));
        assertEquals("it's {x} 3 {5}", Texts.fill("it's {x} {0} {5}", 3));
        Message inner = Message.of("view.library");
        assertEquals("模型库：b", Texts.of(Language.ZH).format("top.view.tip", inner, "b"));
        assertEquals("Library: b", Message.of("top.view.tip", inner, "b").toString());
        var e = assertThrows(IllegalArgumentException.class, () -> Texts.of(Language.EN).get("no.such.key"));
        assertTrue(e.getMessage().contains("no.such.key"));
    }

    @Test
    void languagesParseFromTagsAndLocales() {
        assertEquals(Language.ZH, Language.parse("zh"));
        assertEquals(Language.ZH, Language.parse("zh_CN"));
        assertEquals(Language.ZH, Language.parse("ZH-cn"));
        assertEquals(Language.EN, Language.parse(" en "));
        var e = assertThrows(IllegalArgumentException.class, () -> Language.parse("fr"));
        assertTrue(e.getMessage().contains("'fr'") && e.getMessage().contains("zh"), e.getMessage());
        assertEquals(Language.ZH, Language.of(Locale.TRADITIONAL_CHINESE));
        assertEquals(Language.EN, Language.of(Locale.GERMANY));
    }

    @Test
    void theChoiceIsRememberedAndTheSystemLocaleDecidesWithoutOne() throws Exception {
        var node = java.util.prefs.Preferences.userRoot().node("org/pdviz-tests/language-" + System.nanoTime());
        try {
            LanguagePreference pref = new LanguagePreference(node);
            Locale before = Locale.getDefault(Locale.Category.DISPLAY);
            try {
                Locale.setDefault(Locale.Category.DISPLAY, Locale.CHINA);
                assertEquals(Language.ZH, pref.resolve(null));
                Locale.setDefault(Locale.Category.DISPLAY, Locale.US);
                assertEquals(Language.EN, pref.resolve(null));
                pref.save(Language.ZH);
                assertEquals(Language.ZH, pref.resolve(null));
                assertEquals(Language.EN, pref.resolve(Language.EN), "--lang wins over the saved choice");
                node.put(LanguagePreference.KEY, "klingon");
                assertFalse(pref.saved().isPresent());
            } finally {
                Locale.setDefault(Locale.Category.DISPLAY, before);
            }
        } finally {
            node.removeNode();
        }
    }

    static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Every string literal of the main sources that has the shape of a key. */
    static Set<String> keyLiterals(Path src) throws IOException {
        Set<String> out = new HashSet<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }
}
