package org.pdviz.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a run needs against what there is, checked before the work starts: the memory this Java
 * process may still take, and the space on the disk a run writes to. A refusal gives both numbers
 * and what to change.
 */
public final class Capacity {

    private Capacity() {
    }

    /** Bytes this JVM may still allocate (its -Xmx limit less what is in use). */
    public static long freeMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Refuses, with the numbers, a run that needs more memory than is free.
     *
     * @param what   the run, e.g. "sampling 100000000 samples of [2]"
     * @param advice what to change, e.g. "use a smaller --count"
     */
    public static void requireMemory(long need, String what, String advice) {
        long free = freeMemory();
        if (need > free) {
            System.gc(); // garbage counts as used until collected; look again once before refusing
            free = freeMemory();
        }
        if (need > free) {
            throw new IllegalArgumentException(what + " needs about " + size(need) + " of memory, and Java may use"
                    + " only " + size(free) + " more here: " + advice + " (or start Java with a larger -Xmx)");
        }
    }

    /** Refuses, with the numbers, a run that would write more than the disk holding {@code dir} has free. */
    public static void requireDisk(Path dir, long need, String what, String advice) throws IOException {
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        long free = Files.getFileStore(existing).getUsableSpace();
        if (need > free) {
            throw new IllegalArgumentException(what + " would write about " + size(need) + " to " + dir
                    + ", and that disk has " + size(free) + " free: " + advice);
        }
    }

    /** "5.3 GB", "120 MB", "12 kB". */
    public static String size(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.0f kB", Math.max(1, bytes) / 1e3);
    }
}
