package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.app.draw.AppIcon;
import org.pdviz.app.draw.Palette;

/** The installers' icon is drawn by our own code: the v-space quarter circle, noise to data. */
class AppIconTest {

    @Test
    void aRoundedTileWithTheArcFromNoiseAtTheTopToDataOnTheRight(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("pdviz.png");
        AppIcon.main(new String[] {png.toString(), "256"});
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(256, img.getWidth());
        assertEquals(256, img.getHeight());
        assertEquals(0, img.getRGB(1, 1) >>> 24, "transparent outside the rounded corner");
        assertEquals(0xFF16324F, img.getRGB(60, 200), "the tile, away from the arc");
        // the circle's centre is at (0.2, 0.8) of the size, radius 0.6: noise at the top, data on the right
        assertEquals(0xFFB8C2CC, img.getRGB(51, 38), "grey noise at phi = 90 degrees");
        assertEquals(0xFFFFFFFF, img.getRGB(205, 205), "white data at phi = 0");
        int mid = img.getRGB((int) Math.round(51 + 153.6 * Math.cos(Math.PI / 4)),
                (int) Math.round(205 - 153.6 * Math.sin(Math.PI / 4)));
        assertEquals(Palette.STUDENT, mid, "the student's second step lands on the arc at 45 degrees");
        // between two of the student's steps its chord runs inside the circle; just outside lies the arc
        double phi = Math.toRadians(78.75), r = 153.6 + 4;
        int arc = img.getRGB((int) Math.round(51 + r * Math.cos(phi)), (int) Math.round(205 - r * Math.sin(phi)));
        assertEquals(0xFF8EC5F0, arc, Integer.toHexString(arc));
        assertThrows(IllegalArgumentException.class, () -> AppIcon.draw(8));
    }
}
