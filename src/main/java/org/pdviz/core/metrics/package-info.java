/**
 * Sample quality: same-noise RMSE, sliced Wasserstein and energy distances for points, Frechet and
 * kernel distances on features for images, with bootstrap intervals.
 *
 * <p>May depend on: the JDK and other {@code core} packages only (no JavaFX, ONNX Runtime, DJL, or
 * any other layer).
 */
package org.pdviz.core.metrics;
