/**
 * The JavaFX window and its pages (library, player, compare, curves, trainer). The trainer is split
 * the way new pages should be: a model ({@code TrainerModel}: observable state and commands, no
 * layout, testable without a window) and small panes bound to it. Background work runs on the
 * window's one executor ({@code AppContext.tasks}, see {@code ui.task}).
 *
 * <p>May depend on: {@code app}, {@code core}, {@code runtime}'s value types (cards), JavaFX and
 * ControlsFX; never {@code train} or {@code cli} (training is reached through {@code app.jobs}).
 */
package org.pdviz.ui;
