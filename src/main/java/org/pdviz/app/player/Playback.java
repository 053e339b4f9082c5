package org.pdviz.app.player;

/**
 * The player's transport: a position in {@code 0..last}, playing or paused, at a speed in frames
 * per second from a fixed ladder. Time is fed in by the caller ({@link #advance}), so the same
 * logic drives the window's animation timer and the tests.
 */
public final class Playback {

    /** The speed ladder, frames per second. */
    static final double[] SPEEDS = {0.5, 1, 2, 3, 5, 8, 12, 20, 30, 60, 120, 240, 480};
    /** How long a whole run should take at the default speed, in seconds. */
    static final double DEFAULT_RUN_SECONDS = 5;

    private int last;
    private int position;
    private boolean playing;
    private int speed;
    private double carry;

    public Playback() {
        reset(0);
    }

    /** A new run with {@code last + 1} positions: back to the start, paused, at the default speed. */
    public void reset(int newLast) {
        if (newLast < 0) {
            throw new IllegalArgumentException("last position must be >= 0, got " + newLast);
        }
        last = newLast;
        position = 0;
        playing = false;
        carry = 0;
        speed = defaultSpeed(newLast);
    }

    /** The ladder step whose speed plays {@code last} frames in about {@link #DEFAULT_RUN_SECONDS}. */
    static int defaultSpeed(int last) {
        double want = Math.max(1, last) / DEFAULT_RUN_SECONDS;
        int best = 0;
        for (int i = 0; i < SPEEDS.length; i++) {
            if (Math.abs(Math.log(SPEEDS[i] / want)) < Math.abs(Math.log(SPEEDS[best] / want))) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Moves on by the frames due after {@code nanos} of playing; stops at the end.
     *
     * @return whether the position changed
     */
    public boolean advance(long nanos) {
        if (!playing) {
            return false;
        }
        carry += SPEEDS[speed] * nanos / 1e9;
        int frames = (int) carry;
        if (frames == 0) {
            return false;
        }
        carry -= frames;
        int before = position;
        position = Math.min(last, position + frames);
        if (position == last) {
            playing = false;
        }
        return position != before;
    }

    /** Plays from here (from the start when at the end). */
    public void play() {
        if (last == 0) {
            return;
        }
        if (position == last) {
            position = 0;
        }
        playing = true;
        carry = 0;
    }

    public void pause() {
        playing = false;
    }

    public void toggle() {
        if (playing) {
            pause();
        } else {
            play();
        }
    }

    /** Steps by {@code frames} (negative: back), pausing. */
    public void step(int frames) {
        playing = false;
        seek(position + frames);
    }

    /** Jumps to a position (clamped); playing continues. */
    public void seek(int p) {
        position = Math.max(0, Math.min(last, p));
        carry = 0;
    }

    public void home() {
        step(-position);
    }

    public void end() {
        step(last - position);
    }

    public void faster() {
        speed = Math.min(SPEEDS.length - 1, speed + 1);
    }

    public void slower() {
        speed = Math.max(0, speed - 1);
    }

    public void setFramesPerSecond(double fps) {
        int best = 0;
        for (int i = 0; i < SPEEDS.length; i++) {
            if (Math.abs(SPEEDS[i] - fps) < Math.abs(SPEEDS[best] - fps)) {
                best = i;
            }
        }
        speed = best;
    }

    public double framesPerSecond() {
        return SPEEDS[speed];
    }

    public int position() {
        return position;
    }

    public int last() {
        return last;
    }

    public boolean playing() {
        return playing;
    }
}
