package org.pdviz.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.pdviz.app.bench.Stats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pdviz bench live}: the whole {@code pdviz live} command, timed as a user meets it (a fresh
 * JVM per run, from start to exit), on shapes with thin structure; with each run's stage times and
 * the same-noise RMSE ratio of student-4 to the teacher's own 4-step DDIM from its {@code live.json}.
 */
@Command(name = "live")
final class LiveBench implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", split = ",", defaultValue = "rings,text:pdviz,face")
    List<String> data;

    @Option(names = "--runs", defaultValue = "3")
    int runs;

    @Option(names = "--set", paramLabel = "KEY=VALUE")
    Map<String, String> set;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("machine: %s; load average at start %s%n", BenchCommand.machine(), BenchCommand.loadAverage());
        o.printf("%-14s %4s %8s %8s %8s %8s %8s %9s %9s %7s%n", "data", "seed", "wall s", "data", "teacher", "distill",
                "evaluate", "student-4", "DDIM-4", "ratio");
        Path scratch = Files.createTempDirectory("pdviz-bench-live");
        ObjectMapper json = new ObjectMapper();
        for (String d : data) {
            double[] wall = new double[runs], ratio = new double[runs];
            for (int seed = 0; seed < runs; seed++) {
                Path out = scratch.resolve(d.replaceAll("[^A-Za-z0-9]", "_") + "-" + seed);
                long t0 = System.nanoTime();
                Process p = command(d, seed, out).redirectErrorStream(true)
                        .redirectOutput(scratch.resolve("log-" + out.getFileName()).toFile()).start();
                if (!p.waitFor(15, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("pdviz live --data " + d + " did not finish in 15 minutes");
                }
                wall[seed] = (System.nanoTime() - t0) / 1e9;
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("pdviz live --data " + d + " failed: " + Files.readString(
                            scratch.resolve("log-" + out.getFileName())).strip().lines().reduce((a, b) -> b).orElse(""));
                }
                JsonNode j = json.readTree(out.resolve("live.json").toFile());
                JsonNode st = j.get("stageSeconds"), c = j.get("sameNoiseRmse");
                ratio[seed] = j.get("ratio").asDouble();
                o.printf(Locale.ROOT, "%-14s %4d %8.1f %8.2f %8.2f %8.1f %8.1f %9.4f %9.4f %7.3f%n", d, seed, wall[seed],
                        st.get("data").asDouble(), st.get("teacher").asDouble(), st.get("distill").asDouble(),
                        st.get("evaluate").asDouble(), c.get("student").asDouble(), c.get("teacherDdim").asDouble(),
                        ratio[seed]);
                o.flush();
            }
            o.printf(Locale.ROOT, "%-14s %4s %8.1f %62s %7.3f%n", d, "med", Stats.median(wall), "",
                    Stats.median(ratio));
        }
        o.printf("targets: whole command <= 30 s, ratio <= 0.30; load average at end %s; runs kept in %s%n",
                BenchCommand.loadAverage(), scratch);
        return 0;
    }

    /** The same Java, class path and JVM options as this process, running {@code pdviz live}. */
    private ProcessBuilder command(String d, int seed, Path out) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of("live", "--data", d, "--seed", Integer.toString(seed), "--out", out.toString()));
        if (set != null) {
            set.forEach((k, v) -> cmd.addAll(List.of("--set", k + "=" + v)));
        }
        return new ProcessBuilder(cmd);
    }
}
