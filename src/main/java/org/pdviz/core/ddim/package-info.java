/**
 * Deterministic DDIM: the step
 * {@code z_s = alpha_s x_hat + (sigma_s / sigma_t)(z_t - alpha_t x_hat)} (and the same step as a
 * rotation by {@code phi_t - phi_s}), the sampler that records a trajectory frame by frame, and the
 * starting noise that depends only on (seed, sample, size).
 *
 * <p>May depend on: the JDK and other {@code core} packages only (no JavaFX, ONNX Runtime, DJL, or
 * any other layer).
 */
package org.pdviz.core.ddim;
