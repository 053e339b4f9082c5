/**
 * The user-facing texts in English and Simplified Chinese (bundles), messages kept as keys so they
 * can be said again in another language, the language preference and fonts.
 *
 * <p>May depend on: {@code core}, {@code runtime}, {@code train} (through {@code app.jobs} and the
 * benchmarks), Jackson and Java2D; never JavaFX, {@code ui} or {@code cli}.
 */
package org.pdviz.app.i18n;
