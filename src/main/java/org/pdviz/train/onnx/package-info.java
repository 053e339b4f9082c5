/**
 * Writing a trained network as an ONNX checkpoint with its card, from the same family description.
 *
 * <p>May depend on: {@code core}, {@code runtime}, DJL with PyTorch and Jackson; never {@code app},
 * {@code ui}, {@code cli} or JavaFX.
 */
package org.pdviz.train.onnx;
