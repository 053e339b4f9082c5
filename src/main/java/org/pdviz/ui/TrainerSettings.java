package org.pdviz.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.pdviz.app.i18n.Language;
import org.pdviz.app.i18n.LocalizedException;
import org.pdviz.app.i18n.Message;
import org.pdviz.app.jobs.Defaults;
import org.pdviz.app.jobs.Devices;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.TrainJob;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.core.data.PointSets;
import org.pdviz.core.distill.Weighting;
import org.pdviz.runtime.Device;
import org.pdviz.runtime.card.ModelCard;

/**
 * The trainer panel's settings as observable values (no controls): the teacher (from the library,
 * or one trained here on 2-D data), the distillation (steps from and to, iterations per round,
 * batch, learning rate, weighting, seed) and where and how it runs (device, threads, run name). Picking
 * a teacher sets the values that depend on it. It turns the settings into the job specs of
 * {@code app.jobs}, with the equivalent command line recorded in the cards.
 */
final class TrainerSettings {

    static final String CPU = "CPU";
    static final String GPU = "GPU (CUDA)";
    /** The families the trainer knows; a teacher of another kind is distilled into a fresh network. */
    static final List<String> FAMILIES = List.of("mlp", "unet");

    // the teacher from the library, and a fresh mlp student when it is not one of ours
    final ObservableList<ModelEntry> teachers;
    final ObjectProperty<ModelEntry> teacher = new SimpleObjectProperty<>();
    private final SaidText teacherNote;
    private final ReadOnlyBooleanWrapper freshMlp = new ReadOnlyBooleanWrapper(false);
    final ObjectProperty<Integer> width = new SimpleObjectProperty<>(256);
    final ObjectProperty<Integer> depth = new SimpleObjectProperty<>(3);

    // a 2-D teacher trained here
    final ObservableList<String> dataSets = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(PointSets.names()));
    final ObjectProperty<String> data = new SimpleObjectProperty<>(
            dataSets.contains("moons") ? "moons" : dataSets.get(0));
    final ObjectProperty<Integer> teacherIterations = new SimpleObjectProperty<>(10_000);

    // the distillation
    final ObservableList<Integer> fromChoices;
    private final ObservableList<Integer> toChoices = FXCollections.observableArrayList();
    private final ObservableList<Integer> toChoicesView = FXCollections.unmodifiableObservableList(toChoices);
    final ObjectProperty<Integer> from = new SimpleObjectProperty<>(512);
    final ObjectProperty<Integer> to = new SimpleObjectProperty<>();
    final ObjectProperty<Integer> iterations = new SimpleObjectProperty<>(1000);
    final ObjectProperty<Integer> batch = new SimpleObjectProperty<>(512);
    final StringProperty lr = new SimpleStringProperty("");
    final ObservableList<String> weightings = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList("snr+1", "truncated"));
    final ObjectProperty<String> weighting = new SimpleObjectProperty<>(Defaults.WEIGHTING);
    final ObjectProperty<Integer> seed = new SimpleObjectProperty<>(0);

    // where it runs
    private final ObservableList<String> devices = FXCollections.observableArrayList(CPU);
    private final ObservableList<String> devicesView = FXCollections.unmodifiableObservableList(devices);
    final ObjectProperty<String> device = new SimpleObjectProperty<>(CPU);
    private final SaidText deviceNote;
    final ObjectProperty<Integer> threads = new SimpleObjectProperty<>(defaultThreads());
    final StringProperty runName = new SimpleStringProperty("");

    private Path teacherFile;

    TrainerSettings(ObservableList<ModelEntry> teachers) {
        this(teachers, new Localizer(Language.EN));
    }

    /** The settings for {@code teachers}; their notes are said in {@code i18n}'s language. */
    TrainerSettings(ObservableList<ModelEntry> teachers, Localizer i18n) {
        teacherNote = new SaidText(i18n);
        deviceNote = new SaidText(i18n, Message.of("trainer.device.checking"));
        this.teachers = teachers;
        List<Integer> powers = new ArrayList<>();
        for (int p = 2; p <= 4096; p *= 2) {
            powers.add(p);
        }
        fromChoices = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(powers));
        from.addListener((o, a, b) -> fillTo());
        fillTo();
        to.set(4);
        teacher.addListener((o, a, b) -> teacherPicked(b));
        from.addListener((o, a, b) -> suggestName());
        to.addListener((o, a, b) -> suggestName());
        ModelEntry first = defaultTeacher(teachers);
        teacher.set(first);
        if (first == null) {
            teacherChanged(null);
        }
    }

    static int maxThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    static int defaultThreads() {
        // half the cores: the window and the previews keep a core for themselves
        return Math.max(1, Math.min(8, maxThreads() / 2));
    }

    /** What the settings say about the teacher: how its student starts. */
    ReadOnlyStringProperty teacherNoteProperty() {
        return teacherNote.textProperty();
    }

    /** True when the student is a fresh mlp (its width and depth are settings). */
    ReadOnlyBooleanProperty freshMlpProperty() {
        return freshMlp.getReadOnlyProperty();
    }

    /** The student steps offered for the current {@link #from}: the powers of two below it. */
    ObservableList<Integer> toChoices() {
        return toChoicesView;
    }

    ObservableList<String> devices() {
        return devicesView;
    }

    ReadOnlyStringProperty deviceNoteProperty() {
        return deviceNote.textProperty();
    }

    /** The user picked a teacher: a different one than before resets the settings that depend on it. */
    private void teacherPicked(ModelEntry e) {
        if (e == null) {
            if (teacherFile == null) {
                teacherChanged(null);
            }
            return;
        }
        if (!e.file().equals(teacherFile)) {
            teacherFile = e.file();
            teacherChanged(e);
        }
    }

    /** Picks the teacher in {@code file} again when a refresh of the library cleared it. */
    void keepTeacher() {
        if (teacher.get() == null && teacherFile != null) {
            select(teacherFile);
        }
    }

    /** Selects the teacher in {@code file} (a new one trained here, or a test's), as if the user picked it. */
    void select(Path file) {
        teachers.stream().filter(m -> m.file().equals(file)).findFirst().ifPresent(teacher::set);
    }

    private void fillTo() {
        Integer f = from.get();
        Integer keep = to.get();
        List<Integer> below = new ArrayList<>();
        for (int p = 1; f != null && p < f; p *= 2) {
            below.add(p);
        }
        toChoices.setAll(below);
        to.set(keep != null && below.contains(keep) ? keep : below.isEmpty() ? null
                : below.get(Math.max(0, Math.min(below.size() - 1, 2))));
    }

    /** The family a student of this teacher will be: the teacher's own, or a fresh network for its data. */
    static String studentFamily(ModelEntry e) {
        ModelCard c = e.card();
        if (trainable(e)) {
            return c.family().name();
        }
        return c.shapeValue().isImage() ? "unet" : "mlp";
    }

    /**
     * The teacher offered first: quick to distil on a CPU. A trained 2-D teacher of ours, else a 2-D
     * exact teacher (the one with most modes), else one of ours for images, else the first.
     */
    static ModelEntry defaultTeacher(List<ModelEntry> teachers) {
        java.util.Comparator<ModelEntry> rank = java.util.Comparator
                .comparing((ModelEntry e) -> e.card().shapeValue().isPoints() ? 0 : 1)
                .thenComparing(e -> e.isStudent() ? 1 : 0)
                .thenComparing(e -> trainable(e) ? 0 : 1)
                .thenComparing(e -> e.card().family() != null && e.card().family().params().get("components")
                        instanceof Number n ? -n.intValue() : 0)
                .thenComparing(ModelEntry::name);
        return teachers.stream().filter(e -> e.card() != null).min(rank).orElse(null);
    }

    static boolean trainable(ModelEntry e) {
        return e.card() != null && e.card().family() != null && FAMILIES.contains(e.card().family().name());
    }

    /** Sets the defaults that depend on the teacher, and says how its student starts. */
    private void teacherChanged(ModelEntry e) {
        if (e == null || e.card() == null) {
            teacherNote.set(Message.of("trainer.note.pick"));
            freshMlp.set(false);
            return;
        }
        ModelCard c = e.card();
        String family = studentFamily(e);
        boolean fresh = !trainable(e);
        freshMlp.set(fresh && "mlp".equals(family));
        if (fresh) {
            teacherNote.set(Message.of("trainer.note.fresh", e.name(), c.dataset(), c.parameterization(), family));
        } else {
            teacherNote.set(e.isStudent()
                    ? Message.of("trainer.note.ours.student", e.name(), c.dataset(), family, c.parameterization(), e.steps())
                    : Message.of("trainer.note.ours", e.name(), c.dataset(), family, c.parameterization()));
        }
        from.set(e.isStudent() && e.steps() >= 2 && Integer.bitCount(e.steps()) == 1 ? e.steps() : 512);
        fillTo();
        iterations.set("unet".equals(family) ? 200 : 1000);
        batch.set(Defaults.batch(family));
        lr.set(TrainerText.format(Defaults.distillLr(family)));
        suggestName();
    }

    private void suggestName() {
        ModelEntry e = teacher.get();
        String base = e == null ? "run" : e.name();
        String n = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        runName.set((n.isEmpty() ? "run" : n) + "-" + from.get() + "to" + to.get());
    }

    /** Shows what the trainer said about the GPU: offered when usable, else the CPU with the reason. */
    void devices(Devices.Availability cuda) {
        if (cuda.usable()) {
            if (!devices.contains(GPU)) {
                devices.add(GPU);
            }
            device.set(GPU);
            deviceNote.set(Message.of("trainer.device.gpu_note", cuda.note()));
        } else {
            devices.setAll(CPU);
            device.set(CPU);
            deviceNote.set(Message.of("trainer.device.cpu_note", cuda.note()));
        }
    }

    private Device deviceChosen() {
        return GPU.equals(device.get()) ? Device.CUDA : Device.CPU;
    }

    double learningRate() {
        double v;
        try {
            v = Double.parseDouble(lr.get().trim());
        } catch (NumberFormatException e) {
            throw new LocalizedException(Message.of("trainer.error.lr", lr.get()));
        }
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new LocalizedException(Message.of("trainer.error.lr.positive", lr.get()));
        }
        return v;
    }

    /** The distillation job these settings describe, written to {@code out}. */
    DistillJob distillJob(Path out, double checkpointSeconds) {
        ModelEntry e = teacher.get();
        if (e == null || e.card() == null) {
            throw new LocalizedException(Message.of("trainer.error.teacher"));
        }
        if (from.get() == null || to.get() == null) {
            throw new LocalizedException(Message.of("trainer.error.steps"));
        }
        boolean fresh = !trainable(e);
        String family = fresh ? studentFamily(e) : null;
        Map<String, String> net = new LinkedHashMap<>();
        if (fresh && "mlp".equals(family)) {
            net.put("width", String.valueOf(width.get()));
            net.put("depth", String.valueOf(depth.get()));
        }
        double rate = learningRate();
        StringBuilder cmd = new StringBuilder("pdviz distill --teacher ").append(e.file())
                .append(" --from ").append(from.get()).append(" --to ").append(to.get())
                .append(" --iterations-per-round ").append(iterations.get()).append(" --batch ")
                .append(batch.get()).append(" --lr ").append(TrainerText.format(rate)).append(" --weighting ")
                .append(weighting.get()).append(" --seed ").append(seed.get()).append(" --device ")
                .append(deviceChosen().id()).append(" --threads ").append(threads.get());
        if (family != null) {
            cmd.append(" --family ").append(family);
            net.forEach((k, v) -> cmd.append(" --net ").append(k).append('=').append(v));
        }
        cmd.append(" --out ").append(out).append("  (trainer panel)"); // i18n: not text (the card records the command)
        return new DistillJob(e.file(), null, family, net, null, null, from.get(), to.get(),
                iterations.get(), batch.get(), rate, Weighting.parse(weighting.get()), Defaults.CLIP, seed.get(),
                deviceChosen(), threads.get(), null, -1, checkpointSeconds, out, cmd.toString(), null, null);
    }

    /** A new 2-D teacher (mlp, the family's defaults) written to {@code out}. */
    TrainJob teacherJob(Path out, double checkpointSeconds) {
        String cmd = "pdviz train --data " + data.get() + " --family mlp --iterations "
                + teacherIterations.get() + " --seed " + seed.get() + " --device " + deviceChosen().id()
                + " --threads " + threads.get() + " --out " + out + "  (trainer panel)"; // i18n: not text (the command)
        return new TrainJob(data.get(), "mlp", Map.of(), Defaults.parameterization(), Defaults.weighting(),
                (long) teacherIterations.get(), null, null, Defaults.EMA, Defaults.CLIP, seed.get(),
                deviceChosen(), threads.get(), checkpointSeconds, out, cmd, null);
    }
}
