package org.pdviz.ui;

import javafx.scene.Parent;

/**
 * A self-contained view (the phi view, the lessons) as a page: it handles its own keys, so it takes
 * the focus when shown, and its controller (kept in the root's user data) is closed with the window.
 */
final class EmbeddedPage implements Page {

    private final PdvizApp.View view;
    private final Parent root;

    EmbeddedPage(PdvizApp.View view, Parent root) {
        this.view = view;
        this.root = root;
    }

    @Override
    public PdvizApp.View view() {
        return view;
    }

    @Override
    public Parent node() {
        return root;
    }

    @Override
    public void shown() {
        root.requestFocus();
    }

    @Override
    public void close() {
        if (root.getUserData() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a view's background work: nothing left to report
            }
        }
    }
}
