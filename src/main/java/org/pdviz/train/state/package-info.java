/**
 * The resumable state of a training job (weights, optimiser moments, position), saved atomically.
 *
 * <p>May depend on: {@code core}, {@code runtime}, DJL with PyTorch and Jackson; never {@code app},
 * {@code ui}, {@code cli} or JavaFX.
 */
package org.pdviz.train.state;
