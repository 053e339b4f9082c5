/**
 * The v-trajectory's content without a toolkit: the plane of x and eps, the models' predictions
 * there (cached), DDIM steps as rotations, and the diagram, panels and traces drawn through a
 * Painter.
 *
 * <p>May depend on: {@code core}, {@code runtime}, {@code train} (through {@code app.jobs} and the
 * benchmarks), Jackson and Java2D; never JavaFX, {@code ui} or {@code cli}.
 */
package org.pdviz.app.phi;
