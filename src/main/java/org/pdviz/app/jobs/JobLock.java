package org.pdviz.app.jobs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An operating-system lock on a job's folder while a process runs the job, so that a second
 * process (a {@code --resume} typed while the first still runs) cannot train in the same folder.
 * The OS drops it when the process dies, even by kill -9.
 */
final class JobLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private JobLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static JobLock acquire(Path folder) throws IOException {
        FileChannel ch = FileChannel.open(folder.resolve(Jobs.LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            ch.close();
            throw new IOException("the job in " + folder + " is running (in this or another process); wait for it or"
                    + " stop it first");
        }
        return new JobLock(ch, l);
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
