/**
 * How fast the player redraws cached frames ({@code pdviz bench render}).
 *
 * <p>May depend on: {@code app}, {@code core}, {@code runtime}'s value types (cards), JavaFX and
 * ControlsFX; never {@code train} or {@code cli} (training is reached through {@code app.jobs}).
 */
package org.pdviz.ui.bench;
