/**
 * The MNIST classifier whose penultimate features {@code pdviz eval} uses for FID and KID.
 *
 * <p>May depend on: {@code core}, ONNX Runtime, the ONNX protobuf classes and Jackson; never
 * {@code train}, {@code app}, {@code ui}, {@code cli}.
 */
package org.pdviz.runtime.features;
