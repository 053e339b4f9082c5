/**
 * The DJL side of training: networks built from a family, optimiser (Adam), EMA, the x-space loss
 * step and the DJL denoiser.
 *
 * <p>May depend on: {@code core}, {@code runtime}, DJL with PyTorch and Jackson; never {@code app},
 * {@code ui}, {@code cli} or JavaFX.
 */
package org.pdviz.train.djl;
