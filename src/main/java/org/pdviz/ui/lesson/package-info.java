/**
 * Teaching mode: the lesson's slides with their live, computed figures and the embedded phi view.
 *
 * <p>May depend on: {@code app}, {@code core}, {@code runtime}'s value types (cards), JavaFX and
 * ControlsFX; never {@code train} or {@code cli} (training is reached through {@code app.jobs}).
 */
package org.pdviz.ui.lesson;
