package org.pdviz.app.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.pdviz.app.player.DisplayRanges;
import org.pdviz.ui.PdvizApp;

/**
 * The keys that code builds rather than names (a view's title from its id, a language's name from
 * its tag): the bundle tests count them as used, and each must exist.
 */
final class KeyFamilies {

    private KeyFamilies() {
    }

    static Set<String> all() {
        Set<String> keys = new LinkedHashSet<>();
        for (PdvizApp.View v : PdvizApp.View.values()) {
            keys.add(v.titleKey());
            keys.add(v.aboutKey());
        }
        for (DisplayRanges.Quantity q : DisplayRanges.Quantity.values()) {
            keys.add(q.meaningKey());
        }
        for (org.pdviz.train.Setting s : org.pdviz.train.Setting.values()) {
            keys.add(Failures.settingKey(s));
        }
        for (org.pdviz.train.SettingException.Problem p : org.pdviz.train.SettingException.Problem.values()) {
            keys.add(Failures.problemKey(p));
        }
        for (Language l : Language.values()) {
            keys.add("language." + l.tag());
            keys.add("language.short." + l.tag());
        }
        return keys;
    }

    /** A literal that starts like a bundle key (its first segment is one the bundle uses). */
    static boolean looksLikeKey(String literal) {
        return PREFIXES.contains(literal.substring(0, literal.indexOf('.'))) && !FILE.matcher(literal).matches();
    }

    /** File names ("report.json") look like keys too. */
    private static final java.util.regex.Pattern FILE = java.util.regex.Pattern.compile(
            ".*\\.(json|png|gif|onnx|csv|tsv|txt|npy|css|properties|md)");

    private static final Set<String> PREFIXES = prefixes();

    private static Set<String> prefixes() {
        try {
            Set<String> out = new TreeSet<>();
            for (String k : I18nBundleTest.keys(I18nBundleTest.read("texts.properties"))) {
                out.add(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.')));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
