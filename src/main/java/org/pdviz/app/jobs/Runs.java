package org.pdviz.app.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the trainer panel keeps its jobs: a user folder (never the project's {@code models/}), one
 * folder per run: {@code RUNS/<name>/} holds a distillation's students (and its {@code .job/} while
 * it is unfinished) or a teacher {@code <name>.onnx} (and its {@code <name>.onnx.job/}). The folder
 * is {@code -Dpdviz.runs=DIR}, else {@code $PDVIZ_RUNS}, else {@code ~/.pdviz/runs}.
 */
public final class Runs {

    public static final String PROPERTY = "pdviz.runs";
    public static final String ENV = "PDVIZ_RUNS";

    private Runs() {
    }

    public static Path defaultFolder() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".pdviz", "runs").toAbsolutePath().normalize();
    }

    /** Interrupted jobs found in a runs folder, and the job folders that could not be read. */
    public record Found(List<Jobs.Interrupted> jobs, List<String> problems) {
        public Found {
            jobs = List.copyOf(jobs);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The interrupted jobs of every run in {@code runs} (a job folder with its {@code job.json}),
     * most recently saved first. A job folder that cannot be read is reported, not listed.
     */
    public static Found interrupted(Path runs) {
        List<Jobs.Interrupted> jobs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(runs)) {
            return new Found(jobs, problems);
        }
        List<Path> folders;
        try (Stream<Path> s = Files.find(runs, 2, (p, a) -> a.isDirectory() && isJobFolder(p))) {
            folders = s.sorted(Comparator.comparing(Runs::lastSaved).reversed()).toList();
        } catch (IOException e) {
            problems.add("cannot read " + runs + ": " + e.getMessage());
            return new Found(jobs, problems);
        }
        for (Path f : folders) {
            try {
                Optional<Jobs.Interrupted> job = Jobs.interrupted(f);
                job.ifPresent(jobs::add);
            } catch (IOException | RuntimeException e) {
                problems.add(f + ": " + e.getMessage());
            }
        }
        return new Found(jobs, problems);
    }

    private static boolean isJobFolder(Path p) {
        String name = p.getFileName().toString();
        return (name.equals(".job") || name.endsWith(".onnx.job")) && Files.isRegularFile(p.resolve(Jobs.SPEC_FILE));
    }

    private static long lastSaved(Path jobFolder) {
        try {
            Path state = jobFolder.resolve(Jobs.STATE_FILE);
            return Files.getLastModifiedTime(Files.exists(state) ? state : jobFolder.resolve(Jobs.SPEC_FILE))
                    .toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * A folder for a new run named {@code name} (letters, digits, '.', '_', '-'): {@code runs/name},
     * or {@code runs/name-2}, {@code -3}, ... when that exists. Nothing is created.
     */
    public static Path newRun(Path runs, String name) {
        String n = name == null ? "" : name.strip();
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")) {
            throw new IllegalArgumentException("a run name uses letters, digits, '.', '_' and '-' (at most 80), got '"
                    + n + "'");
        }
        Path p = runs.resolve(n);
        for (int k = 2; Files.exists(p); k++) {
            p = runs.resolve(n + "-" + k);
        }
        return p;
    }

    /** The run an interrupted job belongs to, for the user: the run folder's name. */
    public static String runName(Jobs.Interrupted job) {
        return runName(job.spec());
    }

    /** The name of the run folder a job writes into (a teacher's file lies inside its run folder). */
    public static String runName(JobSpec spec) {
        Path run = runFolder(spec);
        return run == null || run.getFileName() == null ? spec.out().toAbsolutePath().normalize().toString()
                : run.getFileName().toString();
    }

    /** The run folder a job writes into: a distillation's out folder, the folder of a teacher's file. */
    public static Path runFolder(JobSpec spec) {
        Path out = spec.out().toAbsolutePath().normalize();
        return spec instanceof TrainJob ? out.getParent() : out;
    }
}
