/**
 * The model card, JSON in the ONNX file's metadata: what a model is (data set, parameterisation,
 * schedule, shape, steps, family, lineage), read, checked and overridden for card-less files.
 *
 * <p>May depend on: {@code core}, ONNX Runtime, the ONNX protobuf classes and Jackson; never
 * {@code train}, {@code app}, {@code ui}, {@code cli}.
 */
package org.pdviz.runtime.card;
