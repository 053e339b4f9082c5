package org.pdviz.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pdviz.app.player.Playback;

class PlaybackTest {

    static final long SECOND = 1_000_000_000L;

    @Test
    void playsAtItsSpeedAndStopsAtTheEnd() {
        Playback p = new Playback();
        p.reset(100);
        p.setFramesPerSecond(20);
        assertEquals(20, p.framesPerSecond());
        p.play();
        assertTrue(p.advance(SECOND / 2));
        assertEquals(10, p.position());
        // fractions of a frame carry over between pulses
        assertFalse(p.advance(SECOND / 40));
        assertTrue(p.advance(SECOND / 40));
        assertEquals(11, p.position());
        p.advance(100 * SECOND);
        assertEquals(100, p.position());
        assertFalse(p.playing());
        // play at the end starts again from t = 1
        p.play();
        assertEquals(0, p.position());
        assertTrue(p.playing());
    }

    @Test
    void stepsSeeksAndSpeeds() {
        Playback p = new Playback();
        p.reset(16);
        p.play();
        p.step(3);
        assertFalse(p.playing(), "stepping pauses");
        assertEquals(3, p.position());
        p.step(-10);
        assertEquals(0, p.position());
        p.end();
        assertEquals(16, p.position());
        p.home();
        assertEquals(0, p.position());
        p.seek(99);
        assertEquals(16, p.position());
        double f = p.framesPerSecond();
        p.faster();
        assertTrue(p.framesPerSecond() > f);
        p.slower();
        p.slower();
        assertTrue(p.framesPerSecond() < f);
        for (int i = 0; i < 50; i++) {
            p.faster();
        }
        assertEquals(480, p.framesPerSecond());
        assertFalse(p.advance(SECOND), "paused: nothing moves");
    }

    @Test
    void theDefaultSpeedPlaysARunInAFewSeconds() {
        Playback p = new Playback();
        for (int last : new int[] {1, 4, 16, 64, 512, 4096}) {
            p.reset(last);
            double seconds = last / p.framesPerSecond();
            assertTrue(seconds >= 2 && seconds <= 10 || last <= 4 && seconds <= 10,
                    last + " frames at " + p.framesPerSecond() + " fps");
        }
    }
}
