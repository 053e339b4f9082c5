package org.pdviz.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A setting the trainer cannot run with. Its message names the setting in plain words; the command
 * line says it again with its options ({@link #worded}), the window in its language (a problem's
 * template and its arguments, settings among them, are kept for that).
 */
public final class SettingException extends IllegalArgumentException {

    /** What is wrong, as an English template: {@code {i}} is argument i, a {@link Setting} said by the caller. */
    public enum Problem {
        AT_LEAST_ONE("{0} must be at least 1, got {1}"),
        POSITIVE("{0} must be positive, got {1}"),
        OUT_OF_RANGE("{0} must be in {1}..{2}, got {3}"),
        FROM_UNKNOWN("give {0}: the teacher's number of sampling steps (its card does not say)"),
        NOT_HALVING("{0} {1} and {2} {3}: each round halves the steps, so {0} must be {2} times a power of two"
                + " (e.g. 512 and 4)"),
        TEACHER_NOT_OURS("teacher '{1}' is not one of our network families (its card names '{2}'); give {0}"
                + " mlp|unet to distil it into a fresh network"),
        TEACHER_NO_FAMILY("teacher '{1}' is not one of our network families; give {0} mlp|unet to distil it into a"
                + " fresh network"),
        KEEPS_PARAMETERIZATION("a student that starts from the teacher's weights keeps its parameterization ({1});"
                + " give {0} for a fresh network with another"),
        DATA_UNKNOWN("{0}: the teacher's card does not name its data set; give a data set or file, or 'teacher' to"
                + " learn from the teacher's own samples"),
        TEACHER_SAMPLES_ONLY_DISTILL("{0} 'teacher' (the teacher's own samples) is only for distillation"),
        NORMALIZE_BUILT_IN("{0} is for point files; '{1}' is a built-in data set, already in [-1, 1]"),
        NORMALIZE_IMAGES("{1}: {0} is for points; images are mapped from [0, 255] to [-1, 1] already"),
        ROUND_ITERATIONS_FORMAT("{0}: '{1}' is not STEPS:ITERATIONS (a round named by its student's steps, e.g."
                + " 8:6000,4:8000)"),
        ROUND_ITERATIONS_TWICE("{0}: the round that makes the {1}-step student is given twice"),
        NOT_A_ROUND("{0}: no round of this run makes a {1}-step student (its students have {2} steps)");

        private final String english;

        Problem(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }

        /** A stable lower-case id ("at_least_one"), e.g. for a text bundle's key. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Problem problem;
    private final transient List<Object> args;

    public SettingException(Problem problem, Object... args) {
        super(fill(problem.english(), args, Setting::words));
        this.problem = problem;
        this.args = Collections.unmodifiableList(Arrays.asList(args.clone()));
    }

    public Problem problem() {
        return problem;
    }

    /** The template's arguments: values, and the settings it names. */
    public List<Object> args() {
        return args;
    }

    /** The first setting the problem names. */
    public Setting setting() {
        return (Setting) args.stream().filter(a -> a instanceof Setting).findFirst().orElseThrow();
    }

    /** The message with each setting said by {@code name} (the command line: its option). */
    public String worded(Function<Setting, String> name) {
        return fill(problem.english(), args.toArray(), name);
    }

    private static String fill(String template, Object[] args, Function<Setting, String> name) {
        List<Object> said = new ArrayList<>();
        for (Object a : args) {
            said.add(a instanceof Setting s ? name.apply(s) : String.valueOf(a));
        }
        String out = template;
        for (int i = 0; i < said.size(); i++) {
            out = out.replace("{" + i + "}", String.valueOf(said.get(i)));
        }
        return out;
    }
}
