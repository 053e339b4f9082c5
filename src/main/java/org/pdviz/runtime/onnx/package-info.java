/**
 * Writing ONNX graphs from Java with the protobuf builders (nodes, initialisers, opset, metadata).
 *
 * <p>May depend on: {@code core}, ONNX Runtime, the ONNX protobuf classes and Jackson; never
 * {@code train}, {@code app}, {@code ui}, {@code cli}.
 */
package org.pdviz.runtime.onnx;
