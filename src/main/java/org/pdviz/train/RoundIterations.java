package org.pdviz.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.pdviz.train.SettingException.Problem;

/**
 * Iterations for chosen halving rounds, named by the steps of the student each makes: {@code 8:6000,4:8000}
 * gives the round that makes the 8-step student 6,000 iterations and the one that makes the 4-step
 * student 8,000; the other rounds keep the run's iterations per round. The shipped MNIST run lost
 * most of its same-noise accuracy in its last rounds (README, "Spending the iterations"), so those
 * are the ones to give more.
 */
public record RoundIterations(Map<Integer, Long> byStudentSteps) {

    public static final RoundIterations NONE = new RoundIterations(Map.of());

    public RoundIterations {
        byStudentSteps = Collections.unmodifiableMap(new LinkedHashMap<>(byStudentSteps));
    }

    /** {@code STEPS:ITERATIONS[,STEPS:ITERATIONS...]}; null or blank: none. */
    public static RoundIterations parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Map<Integer, Long> map = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split(":");
            int steps;
            long iterations;
            try {
                if (kv.length != 2) {
                    throw new NumberFormatException();
                }
                steps = Integer.parseInt(kv[0].trim());
                iterations = Long.parseLong(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new SettingException(Problem.ROUND_ITERATIONS_FORMAT, Setting.ROUND_ITERATIONS, part.trim());
            }
            RunChecks.atLeastOne(Setting.ROUND_ITERATIONS, iterations);
            if (map.put(steps, iterations) != null) {
                throw new SettingException(Problem.ROUND_ITERATIONS_TWICE, Setting.ROUND_ITERATIONS, steps);
            }
        }
        return new RoundIterations(map);
    }

    /** The iterations for the round that makes a {@code studentSteps}-step student, or {@code otherwise}. */
    public long iterations(int studentSteps, long otherwise) {
        return byStudentSteps.getOrDefault(studentSteps, otherwise);
    }

    /** Refuses a step count that no round from {@code from} to {@code to} steps makes. */
    public void check(int from, int to) {
        for (int steps : byStudentSteps.keySet()) {
            boolean made = false;
            StringJoiner students = new StringJoiner(", ");
            for (int s = from / 2; s >= to && s >= 1; s /= 2) {
                made |= s == steps;
                students.add(Integer.toString(s));
            }
            if (!made) {
                throw new SettingException(Problem.NOT_A_ROUND, Setting.ROUND_ITERATIONS, steps, students.toString());
            }
        }
    }

    public boolean isEmpty() {
        return byStudentSteps.isEmpty();
    }

    /** The text {@link #parse} reads. */
    public String text() {
        StringJoiner j = new StringJoiner(",");
        byStudentSteps.forEach((s, k) -> j.add(s + ":" + k));
        return j.toString();
    }
}
