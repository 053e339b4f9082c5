/**
 * Background work without UI types: {@link org.pdviz.app.work.LatestLane}, the one guard against
 * stale results (one request at a time on a shared executor, the newest wins).
 *
 * <p>May depend on: {@code core}, {@code runtime}, {@code train} (through {@code app.jobs} and the
 * benchmarks), Jackson and Java2D; never JavaFX, {@code ui} or {@code cli}.
 */
package org.pdviz.app.work;
