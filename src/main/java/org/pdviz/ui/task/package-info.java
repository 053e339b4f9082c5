/**
 * Background work in the UI, one way: {@link org.pdviz.ui.task.UiExecutor} (one per window),
 * {@link org.pdviz.ui.task.BackgroundTask} (typed result, outcomes on the UI thread),
 * {@link org.pdviz.ui.task.TaskSlot} (latest request wins, observable progress and status) and
 * {@link org.pdviz.ui.task.TaskFailure} (errors in the task's own words). After JabRef's
 * BackgroundTask and TaskExecutor.
 *
 * <p>May depend on: JavaFX (properties and the application thread), {@code app.work},
 * {@code app.i18n} and {@code core.ddim}'s sampling monitor; nothing else of {@code ui}, so every
 * page, view and model can use it.
 */
package org.pdviz.ui.task;
