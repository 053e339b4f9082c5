/**
 * Where training batches come from: built-in generators, data files, MNIST, or a teacher's own
 * samples.
 *
 * <p>May depend on: {@code core}, {@code runtime}, DJL with PyTorch and Jackson; never {@code app},
 * {@code ui}, {@code cli} or JavaFX.
 */
package org.pdviz.train.data;
