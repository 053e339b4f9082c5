/**
 * Models on disk run through ONNX Runtime: {@link org.pdviz.runtime.OnnxDenoiser} (the model
 * contract checked on load), the shared session thread pool, devices, and the atomic writes every
 * file goes through.
 *
 * <p>May depend on: {@code core}, ONNX Runtime, the ONNX protobuf classes and Jackson; never
 * {@code train}, {@code app}, {@code ui}, {@code cli}.
 */
package org.pdviz.runtime;
