package org.pdviz.app.i18n;

import java.util.Locale;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The language the user chose, remembered in the user's preferences ({@code java.util.prefs}, node
 * {@code org/pdviz}, key {@code language}). Without a saved choice the system locale decides. The
 * system property {@code pdviz.prefs} names another node (the tests use their own, never the user's).
 */
public final class LanguagePreference {

    static final String KEY = "language";

    private final Preferences node;

    public LanguagePreference(Preferences node) {
        this.node = node;
    }

    /** The user's node, or the one {@code -Dpdviz.prefs=PATH} names. */
    public static LanguagePreference user() {
        return new LanguagePreference(Preferences.userRoot().node(System.getProperty("pdviz.prefs", "org/pdviz")));
    }

    /** The saved choice, if any (an unreadable value counts as none). */
    public Optional<Language> saved() {
        String tag = node.get(KEY, null);
        if (tag == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Language.parse(tag));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The language to start with: the one asked for, else the saved choice, else the system locale's. */
    public Language resolve(Language requested) {
        if (requested != null) {
            return requested;
        }
        return saved().orElseGet(() -> Language.of(Locale.getDefault(Locale.Category.DISPLAY)));
    }

    /** Remembers a choice; a preference store that cannot be written only loses the memory. */
    public void save(Language language) {
        node.put(KEY, language.tag());
        try {
            node.flush();
        } catch (BackingStoreException | SecurityException e) {
            // the choice still applies to this session
        }
    }
}
