/**
 * Services that the window and the command line share, with no UI types: the home folder, sampling
 * runs and their memory budget.
 *
 * <p>May depend on: {@code core}, {@code runtime}, {@code train} (through {@code app.jobs} and the
 * benchmarks), Jackson and Java2D; never JavaFX, {@code ui} or {@code cli}.
 */
package org.pdviz.app;
