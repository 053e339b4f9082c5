package org.pdviz.cli;

import org.pdviz.app.PdvizHome;

/** The home folders as the commands see them. */
final class Home {
    private Home() {
    }

    static PdvizHome get() {
        return PdvizHome.locate();
    }
}
