/**
 * The data sets of the paper's experiments and of the user: the seeded 2-D generators, MNIST
 * digits, tables of points read from files, and the normalisation that maps them into the data
 * range.
 *
 * <p>May depend on: the JDK and other {@code core} packages only (no JavaFX, ONNX Runtime, DJL, or
 * any other layer).
 */
package org.pdviz.core.data;
