/**
 * The comparison of samplers from the same noise: time alignment of frames, same-noise RMSE, cost
 * in network evaluations and time.
 *
 * <p>May depend on: {@code core}, {@code runtime}, {@code train} (through {@code app.jobs} and the
 * benchmarks), Jackson and Java2D; never JavaFX, {@code ui} or {@code cli}.
 */
package org.pdviz.app.compare;
