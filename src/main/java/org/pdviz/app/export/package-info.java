/**
 * Animations for slides: numbered PNG frames and looping GIFs of sampling runs and the phi scrub.
 *
 * <p>May depend on: {@code core}, {@code runtime}, {@code train} (through {@code app.jobs} and the
 * benchmarks), Jackson and Java2D; never JavaFX, {@code ui} or {@code cli}.
 */
package org.pdviz.app.export;
