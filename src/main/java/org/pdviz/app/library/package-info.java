/**
 * The model library: the models on disk with their cards, importing a file, and which models a view
 * picks by default (by lineage).
 *
 * <p>May depend on: {@code core}, {@code runtime}, {@code train} (through {@code app.jobs} and the
 * benchmarks), Jackson and Java2D; never JavaFX, {@code ui} or {@code cli}.
 */
package org.pdviz.app.library;
