package org.pdviz.train;

import java.util.Random;

/**
 * A {@link Random} whose whole state is one long (SplitMix64), so a training run can save it and
 * resume bit-exactly. {@code nextGaussian} is Box-Muller without a cached second value, so no hidden
 * state exists besides {@link #state()}.
 */
public final class SeededRandom extends Random {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long serialVersionUID = 1L;
    private long state;

    public SeededRandom(long seed) {
        super(0);
        this.state = seed;
    }

    /** The generator's state: {@code new SeededRandom(0).restore(s)} continues the same stream. */
    public long state() {
        return state;
    }

    public SeededRandom restore(long savedState) {
        this.state = savedState;
        return this;
    }

    @Override
    public synchronized void setSeed(long seed) {
        // Random's constructor calls this before our field exists; the seed is set by our constructor.
        this.state = seed;
    }

    private long nextLong64() {
        long z = (state += GOLDEN);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    protected int next(int bits) {
        return (int) (nextLong64() >>> (64 - bits));
    }

    @Override
    public long nextLong() {
        return nextLong64();
    }

    @Override
    public double nextDouble() {
        return (nextLong64() >>> 11) * 0x1.0p-53;
    }

    @Override
    public double nextGaussian() {
        double u1 = ((nextLong64() >>> 11) + 1) * 0x1.0p-53;
        double u2 = (nextLong64() >>> 11) * 0x1.0p-53;
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }
}
