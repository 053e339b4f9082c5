/**
 * Quality against sampling steps ({@code pdviz eval}): students and the teacher's plain DDIM scored
 * on reference data, the report and its plot.
 *
 * <p>May depend on: {@code core}, {@code runtime}, {@code train} (through {@code app.jobs} and the
 * benchmarks), Jackson and Java2D; never JavaFX, {@code ui} or {@code cli}.
 */
package org.pdviz.app.eval;
