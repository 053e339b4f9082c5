package org.pdviz.app.i18n;

import java.util.Arrays;
import java.util.Locale;

/**
 * The languages pdviz speaks: English (the default bundle) and Simplified Chinese. The tag is what
 * {@code pdviz app --lang} and the saved preference use.
 */
public enum Language {
    EN("en", Locale.ENGLISH),
    ZH("zh", Locale.SIMPLIFIED_CHINESE);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The language for a tag ("en", "zh", also "zh-CN", "zh_CN", any case); one clear line when unknown. */
    public static Language parse(String tag) {
        String t = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Language l : values()) {
            if (t.equals(l.tag) || t.startsWith(l.tag + "-")) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown language '" + tag + "', expected one of "
                + Arrays.stream(values()).map(Language::tag).toList());
    }

    /** The language that serves a locale: Chinese for any Chinese locale, else English. */
    public static Language of(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? ZH : EN;
    }
}
