package org.pdviz.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.i18n.Texts;

/**
 * The UI's background work without a window: a single thread stands in for the JavaFX thread, so
 * the outcomes, the "latest wins" guard and the status line are observed exactly as a page sees them.
 */
class TaskSlotTest {

    final ExecutorService ui = Executors.newSingleThreadExecutor();
    final UiExecutor executor = new UiExecutor(ui, () -> Texts.of(Language.EN));
    final List<String> delivered = new CopyOnWriteArrayList<>();
    /** The tasks whose work has begun on a background thread. */
    final java.util.Set<String> begun = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @AfterEach
    void close() {
        executor.close();
        ui.shutdownNow();
    }

    <T> T onUi(Callable<T> c) throws Exception {
        return ui.submit(c).get(10, TimeUnit.SECONDS);
    }

    void waitFor(String what, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!onUi(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    BackgroundTask<String> task(String name, CountDownLatch gate) {
        return BackgroundTask.<String>of(Message.of("task.sample", name), m -> {
            begun.add(name);
            while (!gate.await(5, TimeUnit.MILLISECONDS)) {
                if (m.cancelled()) {
                    throw new java.util.concurrent.CancellationException();
                }
            }
            return name;
        }).onSuccess(v -> delivered.add("success " + v))
                .onCancelled(() -> delivered.add("cancelled " + name))
                .onFailure(f -> delivered.add("failure " + name))
                .onDiscarded(v -> delivered.add("discarded " + v));
    }

    @Test
    void aFailureIsReportedInTheTasksOwnWordsOnTheStatusLine() throws Exception {
        TaskSlot<Integer> slot = executor.slot();
        BackgroundTask<Integer> t = BackgroundTask.<Integer>of(Message.of("task.sample", "moons-teacher (512 steps)"), m -> {
            throw new IllegalArgumentException("input 't' has rank 2, expected 1\n\tat somewhere");
        }).onFailure(f -> delivered.add(f.message()));
        onUi(() -> slot.start(t));
        waitFor("the failure", () -> !slot.isBusy());
        String expected = "Could not sample moons-teacher (512 steps): input 't' has rank 2, expected 1";
        assertEquals(List.of(expected), delivered);
        assertEquals(expected, onUi(() -> slot.statusProperty().get()));
        assertEquals(BackgroundTask.State.FAILED, t.state());
        assertEquals("input 't' has rank 2, expected 1", t.failure().reason());
        assertNull(t.value());
    }

    @Test
    void aFailureIsSaidInTheWindowsLanguage() throws Exception {
        try (UiExecutor chinese = new UiExecutor(ui, () -> Texts.of(Language.ZH))) {
            TaskSlot<Integer> slot = chinese.slot();
            onUi(() -> slot.start(BackgroundTask.<Integer>of(Message.of("task.sample", "moons"), m -> {
                throw new IllegalStateException("no such file");
            })));
            waitFor("the failure", () -> !slot.isBusy());
            assertEquals("\u65e0\u6cd5\u91c7\u6837 moons\uff1ano such file", onUi(() -> slot.statusProperty().get()));
        }
    }

    @Test
    void theLatestRequestWinsAStartedOneIsCancelledAndAWaitingOneNeverRuns() throws Exception {
        TaskSlot<String> slot = executor.slot();
        CountDownLatch gateA = new CountDownLatch(1), gateB = new CountDownLatch(1), gateC = new CountDownLatch(1);
        BackgroundTask<String> a = task("a", gateA);
        BackgroundTask<String> b = task("b", gateB);
        BackgroundTask<String> c = task("c", gateC);
        onUi(() -> slot.start(a));
        waitFor("a to run", () -> begun.contains("a"));
        // b replaces a (a is asked to stop) and waits; c replaces b before b ever started
        onUi(() -> slot.start(b));
        onUi(() -> slot.start(c));
        assertTrue(onUi(slot::isBusy), "busy while the latest request has not finished");
        gateC.countDown(); // (c's gate stays shut until here, or c may finish before the check above)
        waitFor("c", () -> !slot.isBusy());
        assertEquals(List.of("success c"), delivered, "only the latest request's outcome is delivered");
        assertTrue(a.isCancelled() && b.isCancelled());
        waitFor("a and b to end", () -> a.isDone() && b.isDone());
        assertEquals(BackgroundTask.State.CANCELLED, b.state());
        assertEquals("c", c.value());
        assertEquals("", onUi(() -> slot.statusProperty().get()));
    }

    @Test
    void aQueuedRequestLetsTheRunningOneFinishButDropsItsStaleResult() throws Exception {
        TaskSlot<String> slot = executor.slot();
        CountDownLatch gateA = new CountDownLatch(1);
        BackgroundTask<String> a = task("a", gateA);
        BackgroundTask<String> b = task("b", new CountDownLatch(0));
        onUi(() -> slot.queue(a));
        waitFor("a to run", () -> begun.contains("a"));
        onUi(() -> slot.queue(b));
        gateA.countDown();
        waitFor("b", () -> !slot.isBusy());
        assertEquals(List.of("discarded a", "success b"), delivered,
                "the stale result is handed back to be closed, never delivered");
        assertFalse(a.isCancelled());
        assertEquals("a", a.value(), "the superseded task ran to the end (a cache may keep its result)");
    }

    @Test
    void cancellingSaysCancelledAndProgressReachesTheSlot() throws Exception {
        TaskSlot<String> slot = executor.slot();
        CountDownLatch half = new CountDownLatch(1);
        BackgroundTask<String> t = BackgroundTask.<String>of(Message.of("task.plan"), m -> {
            m.message("counting\u2026");
            m.progress(5, 10);
            half.countDown();
            while (!m.cancelled()) {
                Thread.sleep(2);
            }
            throw new java.util.concurrent.CancellationException();
        }).onCancelled(() -> delivered.add("cancelled"));
        onUi(() -> slot.start(t));
        assertTrue(half.await(10, TimeUnit.SECONDS));
        waitFor("the progress", () -> slot.progressProperty().get() == 0.5);
        waitFor("the message", () -> slot.statusProperty().get().equals("counting\u2026"));
        onUi(() -> {
            slot.cancel();
            return null;
        });
        waitFor("the cancel", () -> !slot.isBusy());
        assertEquals(List.of("cancelled"), delivered);
        assertEquals("cancelled", onUi(() -> slot.statusProperty().get()));
        assertEquals(0.0, onUi(() -> slot.progressProperty().get()));
    }

    @Test
    void aOneShotTaskDeliversItsTypedResultAndRunsOnce() throws Exception {
        record Pair(int a, String b) {
        }
        BackgroundTask<Pair> t = BackgroundTask.of(Message.of("task.plan"), m -> new Pair(1, "x"));
        List<Pair> got = new CopyOnWriteArrayList<>();
        t.onSuccess(got::add);
        onUi(() -> executor.execute(t));
        waitFor("the pair", t::isDone);
        assertEquals(List.of(new Pair(1, "x")), got);
        try {
            onUi(() -> executor.execute(t));
            throw new AssertionError("a task ran twice");
        } catch (java.util.concurrent.ExecutionException e) {
            assertTrue(e.getCause() instanceof IllegalStateException);
        }
    }
}
