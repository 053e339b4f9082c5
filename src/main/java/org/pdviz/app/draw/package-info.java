/**
 * Drawing without a toolkit: the {@link org.pdviz.app.draw.Painter} interface (JavaFX canvas in the
 * window, Java2D for files), the palette and plots, so every figure is drawn by one piece of code.
 *
 * <p>May depend on: {@code core}, {@code runtime}, {@code train} (through {@code app.jobs} and the
 * benchmarks), Jackson and Java2D; never JavaFX, {@code ui} or {@code cli}.
 */
package org.pdviz.app.draw;
