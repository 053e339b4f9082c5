package org.pdviz.ui;

import javafx.scene.Node;

/**
 * A view of the main window (library, player, compare, curves; later the phi view, the lessons
 * and the trainer). The window creates a page the first time it is shown, keeps it, and routes the
 * playback keys to the page on screen.
 */
interface Page {

    PdvizApp.View view();

    Node node();

    /** Called each time the page comes on screen. */
    default void shown() {
    }

    /** Called when another page replaces it on screen. */
    default void hidden() {
    }

    /** The page's transport for the keyboard, or null when it plays nothing. */
    default PlaybackKeys keys() {
        return null;
    }

    /** The theme or font scale changed: redraw what the page paints itself. */
    default void restyle() {
    }

    /**
     * The user asks to close the window: false keeps it open (a page with work that closing would
     * stop asks first).
     */
    default boolean confirmClose() {
        return true;
    }

    /** The window closes: stop the page's background work. */
    default void close() {
    }
}
