/**
 * The v-trajectory view: {@link org.pdviz.ui.phi.PhiModel} (state and commands) and the panes bound
 * to it (toolbar, pictures, scrub bar), painted through the JavaFX
 * {@link org.pdviz.ui.phi.FxPainter}.
 *
 * <p>May depend on: {@code app}, {@code core}, {@code runtime}'s value types (cards), JavaFX and
 * ControlsFX; never {@code train} or {@code cli} (training is reached through {@code app.jobs}).
 */
package org.pdviz.ui.phi;
