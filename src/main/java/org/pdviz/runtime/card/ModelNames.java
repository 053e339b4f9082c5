package org.pdviz.runtime.card;

/**
 * The names trained models get: their data set first ({@code moons-student-4}, {@code mnist-teacher}),
 * so that the library, the pickers and the comparison tell apart runs on different data.
 */
public final class ModelNames {

    private ModelNames() {
    }

    /**
     * {@code name} with {@code dataset} in front, unless the name already says its data set (as a
     * whole part between hyphens: {@code exact-gaussians8}, {@code mnist-classifier}) or there is no
     * data set to say. Null stays null.
     */
    public static String withDataset(String dataset, String name) {
        if (name == null || dataset == null || dataset.isBlank()) {
            return name;
        }
        return ("-" + name + "-").contains("-" + dataset + "-") ? name : dataset + "-" + name;
    }

    /** The student distilled for {@code steps} steps: {@code moons-student-4}. */
    public static String student(String dataset, int steps) {
        return withDataset(dataset, "student-" + steps);
    }
}
