package org.pdviz.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import org.pdviz.app.bench.Stats;
import org.pdviz.core.data.DataTable;
import org.pdviz.core.data.read.DataReaders;
import org.pdviz.runtime.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pdviz bench data}: how long reading a CSV of many points takes (the reader, hash included). */
@Command(name = "data")
final class DataBench implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--points", defaultValue = "1000000")
    int points;

    @Option(names = "--runs", defaultValue = "5")
    int runs;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("pdviz-bench-data");
        Path csv = dir.resolve("points.csv");
        Random rng = new Random(1);
        AtomicFiles.write(csv, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII));
            w.write("x,y\n");
            for (int i = 0; i < points; i++) {
                // as a spreadsheet or numpy.savetxt writes them: a sign, digits, an exponent now and then
                w.write(Float.toString((float) rng.nextGaussian()));
                w.write(',');
                w.write(Float.toString((float) (rng.nextGaussian() * 100)));
                w.write('\n');
            }
            w.flush();
        });
        long bytes = Files.size(csv);
        o.printf(Locale.ROOT, "machine: %s; load average %s; %,d points, %.1f MB%n", BenchCommand.machine(),
                BenchCommand.loadAverage(), points, bytes / 1e6);
        long t0 = System.nanoTime();
        DataTable first = DataReaders.read(csv);
        double firstMs = (System.nanoTime() - t0) / 1e6;
        if (first.count() != points) {
            throw new IllegalStateException("read " + first.count() + " points, wrote " + points);
        }
        double[] ms = new double[Math.max(1, runs)];
        for (int r = 0; r < ms.length; r++) {
            long t = System.nanoTime();
            DataReaders.read(csv);
            ms[r] = (System.nanoTime() - t) / 1e6;
        }
        o.printf(Locale.ROOT, "first read %.0f ms; median of %d more %.0f ms (%.0f MB/s)%n", firstMs, ms.length,
                Stats.median(ms), bytes / 1e3 / Stats.median(ms));
        Files.delete(csv);
        Files.delete(dir);
        return 0;
    }
}
