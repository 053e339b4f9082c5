package org.pdviz.ui.phi;

import java.nio.file.Path;
import org.pdviz.app.export.Animation;
import org.pdviz.app.export.PhiFrames;
import org.pdviz.app.export.SamplingFrames;
import org.pdviz.app.i18n.LocalizedException;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.i18n.Texts;
import org.pdviz.app.phi.PhiSession;
import org.pdviz.ui.task.BackgroundTask;

/** The phi view's exports for slides as background tasks: the phi scrub, or either sampling run, as PNG frames and a GIF. */
final class PhiExports {
    private PhiExports() {
    }

    /** Writes {@code what} for the picture of (session, sample, coordinate, source) into {@code dir}. */
    static BackgroundTask<Animation.Written> task(PhiSession s, int sample, int coordinate, PhiSession.Source source,
                                                   PhiModel.Export what, Path dir, boolean gif, int frames, Texts t) {
        Message name = switch (what) {
            case PHI -> Message.of("task.phi.export.phi", dir);
            case TEACHER_SAMPLING -> Message.of("task.phi.export.teacher", dir);
            case STUDENT_SAMPLING -> Message.of("task.phi.export.student", dir);
        };
        return BackgroundTask.of(name, m -> {
            if (s == null) {
                throw new LocalizedException(Message.of("task.phi.not_loaded"));
            }
            String pair = s.models().pairLabel(t);
            return switch (what) {
                case PHI -> Animation.write(new PhiFrames(s, sample, coordinate, source, frames, pair, t), dir, "phi",
                        gif, m::progress);
                case TEACHER_SAMPLING -> Animation.write(new SamplingFrames(s.data().teacherRun(),
                        s.models().range(), s.models().teacherLabel(t), frames - 1, t), dir, "sampling-teacher", gif,
                        m::progress);
                case STUDENT_SAMPLING -> Animation.write(new SamplingFrames(s.data().studentRun(),
                        s.models().range(), s.models().studentLabel(t), frames - 1, t), dir, "sampling-student", gif,
                        m::progress);
            };
        });
    }
}
