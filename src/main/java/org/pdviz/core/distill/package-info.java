/**
 * Algorithm 2's target {@code x_tilde} (one student step lands where two teacher steps land) and
 * the loss weightings (SNR+1, truncated SNR).
 *
 * <p>May depend on: the JDK and other {@code core} packages only (no JavaFX, ONNX Runtime, DJL, or
 * any other layer).
 */
package org.pdviz.core.distill;
