/**
 * Training jobs as users state them (train, distill, classifier), run on their own thread with
 * progress events, cancel and resume; the runs folder; the previews of finished stages.
 *
 * <p>May depend on: {@code core}, {@code runtime}, {@code train} (through {@code app.jobs} and the
 * benchmarks), Jackson and Java2D; never JavaFX, {@code ui} or {@code cli}.
 */
package org.pdviz.app.jobs;
