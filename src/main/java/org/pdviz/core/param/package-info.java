/**
 * The parameterisations x, eps, v and both, and the read-outs between them:
 * {@code x_hat = alpha z - sigma v_hat}, {@code eps_hat = sigma z + alpha v_hat}, ...
 *
 * <p>May depend on: the JDK and other {@code core} packages only (no JavaFX, ONNX Runtime, DJL, or
 * any other layer).
 */
package org.pdviz.core.param;
