package org.pdviz.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.pdviz.app.jobs.Devices;
import org.pdviz.app.jobs.DistillJob;
import org.pdviz.app.jobs.TrainJob;
import org.pdviz.app.library.ModelEntry;
import org.pdviz.app.library.ModelLibrary;

/** The trainer's settings as a model, without a window: defaults follow the teacher, and the jobs they describe. */
class TrainerSettingsTest {

    static final ModelLibrary LIBRARY = ModelLibrary.scan(UiTestSupport.home().models());

    static ModelEntry shipped(String relative) {
        Path file = UiTestSupport.shipped(relative).toAbsolutePath().normalize();
        return LIBRARY.entries().stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
    }

    static TrainerSettings settings(ModelEntry... teachers) {
        ObservableList<ModelEntry> list = FXCollections.observableArrayList(teachers);
        return new TrainerSettings(list);
    }

    @Test
    void pickingATeacherSetsTheSettingsThatDependOnIt() {
        ModelEntry mlp = shipped("gaussians8/teacher.onnx");
        ModelEntry unet = shipped("mnist/teacher.onnx");
        ModelEntry student8 = shipped("gaussians8/student-8.onnx");
        TrainerSettings s = settings(unet, mlp, student8);
        assertEquals(mlp, s.teacher.get(), "a trained 2-D teacher of ours comes first");
        assertEquals(512, s.from.get());
        assertEquals(4, s.to.get());
        assertEquals(List.of(1, 2, 4, 8, 16, 32, 64, 128, 256), List.copyOf(s.toChoices()));
        assertEquals("3e-4", s.lr.get());
        assertEquals(1000, s.iterations.get());
        assertEquals("gaussians8-teacher-512to4", s.runName.get());
        assertTrue(s.teacherNoteProperty().get().contains("starts from its weights"));

        s.teacher.set(unet);
        assertEquals(200, s.iterations.get());
        assertEquals(64, s.batch.get());
        assertEquals("5e-5", s.lr.get());

        // a student goes on from its own steps; the student steps offered follow
        s.teacher.set(student8);
        assertEquals(8, s.from.get());
        assertEquals(List.of(1, 2, 4), List.copyOf(s.toChoices()));
        assertEquals(4, s.to.get());
        assertEquals("gaussians8-student-8-8to4", s.runName.get());
        s.to.set(2);
        assertEquals("gaussians8-student-8-8to2", s.runName.get());
    }

    @Test
    void aForeignTeacherIsDistilledIntoAFreshMlpWhoseSizeIsASetting() {
        ModelEntry exact = shipped("exact/exact-gaussians8.onnx");
        TrainerSettings s = settings(exact);
        assertTrue(s.freshMlpProperty().get());
        assertTrue(s.teacherNoteProperty().get().contains("a fresh mlp first learns to copy it"));
        s.width.set(64);
        s.depth.set(2);
        s.threads.set(1);
        DistillJob job = s.distillJob(Path.of("/tmp/run"), 15);
        assertEquals("mlp", job.family());
        assertEquals("64", job.net().get("width"));
        assertEquals("2", job.net().get("depth"));
        assertEquals(exact.file(), job.teacher());
        assertEquals(3e-4, job.lr(), 1e-12);
        assertTrue(job.command().startsWith("pdviz distill --teacher " + exact.file() + " --from 512 --to 4"),
                job.command());
        assertTrue(job.command().contains("--family mlp --net width=64 --net depth=2"), job.command());
    }

    @Test
    void wrongSettingsAreRefusedWithALineThatNamesThem() {
        TrainerSettings none = settings();
        assertNull(none.teacher.get());
        assertEquals("Pick a teacher from the library, or train one below.", none.teacherNoteProperty().get());
        assertEquals("pick a teacher first (or train one)", assertThrows(org.pdviz.app.i18n.LocalizedException.class,
                () -> none.distillJob(Path.of("/tmp/run"), 15)).getMessage());

        TrainerSettings s = settings(shipped("gaussians8/teacher.onnx"));
        s.lr.set("fast");
        assertEquals("the learning rate 'fast' is not a number (e.g. 3e-4)", assertThrows(
                org.pdviz.app.i18n.LocalizedException.class, () -> s.distillJob(Path.of("/tmp/run"), 15)).getMessage());
        s.lr.set("0");
        assertEquals("the learning rate must be positive, got 0", assertThrows(org.pdviz.app.i18n.LocalizedException.class,
                () -> s.distillJob(Path.of("/tmp/run"), 15)).getMessage());
    }

    @Test
    void theGpuIsOfferedOnlyWhenUsableAndANewTeacherIsAnMlpOnTheChosenData() {
        TrainerSettings s = settings(shipped("gaussians8/teacher.onnx"));
        s.devices(new Devices.Availability(true, "CUDA 12 on test"));
        assertEquals(List.of(TrainerSettings.CPU, TrainerSettings.GPU), List.copyOf(s.devices()));
        assertEquals(TrainerSettings.GPU, s.device.get());
        s.data.set("swissroll");
        s.teacherIterations.set(60);
        TrainJob t = s.teacherJob(Path.of("/tmp/swissroll-teacher/swissroll-teacher.onnx"), 15);
        assertEquals("swissroll", t.data());
        assertEquals(org.pdviz.runtime.Device.CUDA, t.device());
        assertTrue(t.command().startsWith("pdviz train --data swissroll --family mlp --iterations 60"), t.command());
        s.devices(new Devices.Availability(false, "a CPU-only build"));
        assertEquals(List.of(TrainerSettings.CPU), List.copyOf(s.devices()));
        assertEquals("Training runs on the CPU; the GPU is not offered: a CPU-only build.",
                s.deviceNoteProperty().get());
    }
}
