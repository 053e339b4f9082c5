/**
 * One reader per data file format (CSV/TSV/TXT, NPY, IDX, a folder of images) behind
 * {@link org.pdviz.core.data.read.DataReader}; a bad file gets one line that names the row or
 * entry.
 *
 * <p>May depend on: the JDK and other {@code core} packages only (no JavaFX, ONNX Runtime, DJL, or
 * any other layer) (Java2D's image decoding for image folders).
 */
package org.pdviz.core.data.read;
