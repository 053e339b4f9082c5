/**
 * Network families (mlp, unet, the classifier) described once: parameters, layers and ops, from
 * which both the DJL network and the ONNX graph are built.
 *
 * <p>May depend on: {@code core}, {@code runtime}, DJL with PyTorch and Jackson; never {@code app},
 * {@code ui}, {@code cli} or JavaFX.
 */
package org.pdviz.train.family;
