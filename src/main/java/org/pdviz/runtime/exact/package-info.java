/**
 * Exact teachers written as ONNX graphs: the closed-form mixture denoisers of {@code core.exact} as
 * a few arithmetic nodes, with their presets.
 *
 * <p>May depend on: {@code core}, ONNX Runtime, the ONNX protobuf classes and Jackson; never
 * {@code train}, {@code app}, {@code ui}, {@code cli}.
 */
package org.pdviz.runtime.exact;
