package org.pdviz.app.export;

import java.awt.image.BufferedImage;
import java.util.Locale;
import org.pdviz.app.draw.Java2dPainter;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.phi.PhiDiagram;
import org.pdviz.app.phi.PhiFrame;
import org.pdviz.app.phi.PhiPoint;
import org.pdviz.app.phi.PhiPredictions;
import org.pdviz.app.phi.PhiSession;
import org.pdviz.app.phi.RotationPath;
import org.pdviz.core.model.DenoiserException;
import org.pdviz.core.schedule.NoiseLevel;

/**
 * The phi scrub as slides: phi from 90 degrees (noise) down to 0 (data), the direction sampling
 * runs, at evenly spaced slider positions; each frame the circle with both samplers' rotations and
 * the panels of z_phi, x_hat, eps_hat, v_hat, as the phi view draws them.
 */
public final class PhiFrames implements FrameSource {

    private final PhiSession session;
    private final int sample, coordinate, frames;
    private final PhiSession.Source source;
    private final RotationPath teacher, student;
    private final String title;
    private final Texts texts;

    /** The scrub as {@code frames} slides whose words are in {@code texts}' language. */
    public PhiFrames(PhiSession session, int sample, int coordinate, PhiSession.Source source, int frames,
                     String title, Texts texts) {
        if (frames < 2) {
            throw new IllegalArgumentException("a phi scrub needs at least 2 frames, got " + frames);
        }
        session.samples().checkSample(sample);
        this.session = session;
        this.sample = sample;
        this.coordinate = coordinate;
        this.source = source;
        this.frames = frames;
        this.title = title;
        this.texts = texts;
        this.teacher = session.teacherPath(sample);
        this.student = session.studentPath(sample);
    }

    /** Slider position of frame i: from the top of the grid (t = 1) to 0. */
    public int index(int i) {
        int res = session.grid().resolution();
        return (int) Math.round(res * (1.0 - (double) i / (frames - 1)));
    }

    @Override
    public int count() {
        return frames;
    }

    @Override
    public int delayMillis(int i) {
        return i == frames - 1 || i == 0 ? 1500 : 100;
    }

    @Override
    public BufferedImage frame(int i) throws DenoiserException {
        int index = index(i);
        PhiPredictions pred = session.predictNow(source, index);
        PhiPoint point = session.point(index, sample, coordinate, source);
        NoiseLevel level = point.level();
        BufferedImage img = Slide.blank();
        String sub = String.format(Locale.ROOT, "\u03c6 = %s   t = %.3f   \u03bb = %.2f   \u03b1 = %.3f   \u03c3 = %.3f"
                        + "      %s", PhiDiagram.degrees(level.phi(), 1), level.t(), level.logSnr(),
                level.alpha(), level.sigma(), title);
        Java2dPainter p = Slide.header(img, texts.get("export.phi.title"), sub);
        try {
            Slide.dial(p, level.phi(), Slide.WIDTH - 70, 54, 40);
            double top = Slide.HEADER + 4;
            Java2dPainter d = p.region(0, top, 760, Slide.HEIGHT - top);
            PhiDiagram.paint(d, texts, new PhiDiagram.Content(session.grid().schedule(), level.phi(), point, teacher, student,
                    session.models().teacher().steps(), session.models().student().steps(),
                    session.models().distilled()));
            d.dispose();
            double px = 764, pw = (Slide.WIDTH - px - 8) / 2, ph = 236;
            PhiFrame.Quantity[] qs = PhiFrame.Quantity.values();
            for (int q = 0; q < 4; q++) {
                Java2dPainter r = p.region(px + (q % 2) * pw, top + (q / 2) * ph, pw, ph);
                PhiFrame.panel(r, texts, qs[q], session, index, sample, coordinate, pred);
                r.dispose();
            }
            Java2dPainter t = p.region(px, top + 2 * ph, Slide.WIDTH - px - 8, Slide.HEIGHT - top - 2 * ph - 4);
            PhiFrame.trace(t, texts, session, sample, coordinate, level.phi());
            t.dispose();
        } finally {
            p.dispose();
        }
        return img;
    }
}
