/**
 * The noise schedule: the cosine schedule with its log-SNR clipped, {@code alpha_t},
 * {@code sigma_t}, {@code lambda_t}, {@code phi_t}, the noise level at a time, and the DDIM time
 * grid.
 *
 * <p>May depend on: the JDK and other {@code core} packages only (no JavaFX, ONNX Runtime, DJL, or
 * any other layer).
 */
package org.pdviz.core.schedule;
