package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the program finds models/, styles/ and assets/: next to itself (as installed, or in a
 * build), then ./models, then ~/.pdviz/models, whatever the working directory.
 */
class PdvizHomeTest {

    @TempDir
    Path tmp;

    private Path dirs(String... paths) throws IOException {
        for (String p : paths) {
            Files.createDirectories(tmp.resolve(p));
        }
        return tmp;
    }

    @Test
    void theInstalledProgramFindsWhatItShipsFromAnyWorkingDirectory() throws IOException {
        // jpackage's layout: /opt/pdviz/lib/app/pdviz.jar with models/, styles/, assets/ beside it
        dirs("opt/pdviz/lib/app/models", "opt/pdviz/lib/app/assets", "opt/pdviz/lib/app/styles", "work/models",
                "home/.pdviz/models");
        Path app = tmp.resolve("opt/pdviz/lib/app");
        for (String wd : new String[] {"work", "home", "opt/pdviz/lib"}) {
            assertEquals(app, PdvizHome.locate(null, app, tmp.resolve(wd), tmp.resolve("home")).root(), wd);
        }
        assertEquals(app.resolve("styles"), PdvizHome.locate(null, app, tmp, tmp.resolve("home")).styles());
    }

    @Test
    void aBuildFindsTheProjectAboveTargetOrItsClasses() throws IOException {
        dirs("project/models", "project/assets", "project/target/classes");
        Path project = tmp.resolve("project");
        assertEquals(project, PdvizHome.locate(null, project.resolve("target"), tmp, tmp).root(), "target/pdviz.jar");
        assertEquals(project, PdvizHome.locate(null, project.resolve("target/classes"), tmp, tmp).root(), "classes");
    }

    @Test
    void withoutItsOwnModelsTheWorkingDirectoryThenTheUsersPdvizFolder() throws IOException {
        dirs("bare/lib/app", "work/models", "elsewhere", "home/.pdviz/models");
        Path code = tmp.resolve("bare/lib/app"), home = tmp.resolve("home");
        assertEquals(tmp.resolve("work"), PdvizHome.locate(null, code, tmp.resolve("work"), home).root());
        assertEquals(home.resolve(".pdviz"), PdvizHome.locate(null, code, tmp.resolve("elsewhere"), home).root());
        assertEquals(home.resolve(".pdviz/models"), PdvizHome.locate(null, code, tmp.resolve("elsewhere"), home)
                .models());
        // nothing anywhere: the working directory (whose missing models/ the library reports)
        assertEquals(tmp.resolve("elsewhere"), PdvizHome.locate(null, code, tmp.resolve("elsewhere"), tmp).root());
    }

    @Test
    void theProgramsOwnFolderNeedsModelsAndAssetsAndIsNotSearchedFarUp() throws IOException {
        // models/ and assets/ three folders above the code are someone else's, not the program's
        dirs("a/models", "a/assets", "a/b/c/d", "work");
        assertEquals(tmp.resolve("work"), PdvizHome.locate(null, tmp.resolve("a/b/c/d"), tmp.resolve("work"),
                tmp).root());
        // a models/ folder alone beside the program is not its home; ./models is used instead
        dirs("p/models", "w2/models");
        assertEquals(tmp.resolve("w2"), PdvizHome.locate(null, tmp.resolve("p"), tmp.resolve("w2"), tmp).root());
    }

    @Test
    void thePropertyComesFirst() throws IOException {
        dirs("opt/models", "opt/assets", "chosen");
        assertEquals(tmp.resolve("chosen"), PdvizHome.locate(tmp.resolve("chosen").toString(), tmp.resolve("opt"),
                tmp, tmp).root());
        assertEquals(tmp.resolve("opt"), PdvizHome.locate(" ", tmp.resolve("opt"), tmp, tmp).root(), "blank: unset");
    }
}
