/**
 * The seam every model goes through: {@link org.pdviz.core.model.Denoiser} answers "the network's
 * output for (z, t)"; with the data shape and range it describes.
 *
 * <p>May depend on: the JDK and other {@code core} packages only (no JavaFX, ONNX Runtime, DJL, or
 * any other layer).
 */
package org.pdviz.core.model;
