package org.pdviz.app.i18n;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * The user-facing texts of pdviz in one language, from the UTF-8 bundles
 * {@code org/pdviz/i18n/texts.properties} (English, the default) and {@code texts_zh_CN.properties}.
 * Keys are named by view ({@code library.open}, {@code player.sample.tip}, ...). Arguments fill
 * {@code {0}}, {@code {1}}, ... as plain text: no MessageFormat, so an apostrophe in a text is just
 * an apostrophe; callers format numbers themselves.
 */
public final class Texts {

    public static final String BUNDLE = "org.pdviz.i18n.texts";

    private static final Map<Language, Texts> LOADED = Collections.synchronizedMap(new EnumMap<>(Language.class));

    private final Language language;
    private final ResourceBundle bundle;

    private Texts(Language language) {
        this.language = language;
        // No fallback to the default locale: on a Chinese system, asking for English must not find zh_CN.
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts of a language (loaded once; bundles are immutable). */
    public static Texts of(Language language) {
        return LOADED.computeIfAbsent(language, Texts::new);
    }

    public Language language() {
        return language;
    }

    public Locale locale() {
        return language.locale();
    }

    /** The text for a key; a missing key is a programming error and says which. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text '" + key + "' in the " + language.tag() + " bundle", e);
        }
    }

    /**
     * The text for a key with {@code {i}} replaced by {@code String.valueOf(args[i])}; an argument
     * that is itself a {@link Message} is said in this language first.
     */
    public String format(String key, Object... args) {
        Object[] said = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Message m) {
                if (said == args) {
                    said = args.clone();
                }
                said[i] = text(m);
            }
        }
        return fill(get(key), said);
    }

    /** "1 step", "512 steps" (English needs the singular; Chinese says 步 either way). */
    public String steps(long n) {
        return format(n == 1 ? "unit.step" : "unit.steps", n);
    }

    /** "moons-teacher, 512 steps": a model sampled with a number of steps. */
    public String run(String name, long steps) {
        return name + get("list.separator") + steps(steps);
    }

    public String text(Message m) {
        return m.in(this);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** Every key of this language's bundle (with the keys it inherits from the default bundle). */
    public Set<String> keys() {
        return new TreeSet<>(bundle.keySet());
    }

    /** Replaces {@code {0}}..{@code {n}} in a template; other braces stay as they are. */
    static String fill(String template, Object... args) {
        if (args.length == 0 || template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder b = new StringBuilder(template.length() + 16 * args.length);
        int i = 0, n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i + 1) : -1;
            if (close > i + 1 && isIndex(template, i + 1, close)) {
                int k = Integer.parseInt(template.substring(i + 1, close));
                b.append(k < args.length ? String.valueOf(args[k]) : template.substring(i, close + 1));
                i = close + 1;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static boolean isIndex(String s, int from, int to) {
        if (to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
