package org.pdviz.ui.standalone;

import javafx.application.Application;

/**
 * Command-line entry for {@link ViewLauncher} (a main class that extends Application cannot start
 * from the class path: "JavaFX runtime components are missing").
 * {@code java -cp target/pdviz.jar:target/lib/* org.pdviz.ui.standalone.Views --view=phi}.
 */
public final class Views {

    private Views() {
    }

    public static void main(String[] args) {
        Application.launch(ViewLauncher.class, args);
    }
}
