/**
 * Exact denoisers: {@code E[x | z_t]} in closed form for Gaussian mixtures (one component per class
 * mean or per data point), the teachers no training can beat, and the bandwidth rule for point
 * sets.
 *
 * <p>May depend on: the JDK and other {@code core} packages only (no JavaFX, ONNX Runtime, DJL, or
 * any other layer).
 */
package org.pdviz.core.exact;
