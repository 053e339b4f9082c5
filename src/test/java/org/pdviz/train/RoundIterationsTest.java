package org.pdviz.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.param.Parameterization;

class RoundIterationsTest {

    @TempDir
    Path dir;

    @Test
    void aListNamesRoundsByTheirStudentsStepsInTheOrderGiven() {
        RoundIterations r = RoundIterations.parse(" 8:6000, 4:8000 ");
        assertEquals(Map.of(8, 6000L, 4, 8000L), r.byStudentSteps());
        assertEquals(6000, r.iterations(8, 1500));
        assertEquals(1500, r.iterations(16, 1500), "a round not named keeps the run's count");
        assertEquals("8:6000,4:8000", r.text());
        assertEquals(r, RoundIterations.parse(r.text()));
        assertTrue(RoundIterations.parse(null).isEmpty());
        assertTrue(RoundIterations.parse("  ").isEmpty());
    }

    @Test
    void malformedRepeatedOrEmptyRoundsAreRefusedNamingTheSetting() {
        for (String bad : List.of("8", "8:", ":5", "8:6000:1", "eight:5", "8:5,,4:5", "8=5")) {
            SettingException e = assertThrows(SettingException.class, () -> RoundIterations.parse(bad), bad);
            assertEquals(Setting.ROUND_ITERATIONS, e.setting());
            assertEquals(SettingException.Problem.ROUND_ITERATIONS_FORMAT, e.problem(), bad);
        }
        SettingException zero = assertThrows(SettingException.class, () -> RoundIterations.parse("8:0"));
        assertEquals(SettingException.Problem.AT_LEAST_ONE, zero.problem());
        SettingException twice = assertThrows(SettingException.class, () -> RoundIterations.parse("8:5,8:6"));
        assertTrue(twice.getMessage().contains("8-step student is given twice"), twice.getMessage());
    }

    @Test
    void onlyTheRunsOwnStudentsCanBeNamed() {
        RoundIterations.parse("256:1,4:1").check(512, 4);
        SettingException e = assertThrows(SettingException.class, () -> RoundIterations.parse("512:1").check(512, 4));
        assertEquals("the iterations of chosen rounds: no round of this run makes a 512-step student (its students"
                + " have 256, 128, 64, 32, 16, 8, 4 steps)", e.getMessage());
        assertThrows(SettingException.class, () -> RoundIterations.parse("2:1").check(512, 4));
        assertThrows(SettingException.class, () -> RoundIterations.parse("6:1").check(16, 2));
    }

    DistillConfig.Builder config(Path teacher) {
        return DistillConfig.builder(teacher, 2, 100, 64, 1e-4, dir.resolve("s")).from(16).optimiser(null, 1.0, 1)
                .teacher(null, TeacherEngine.ORT).context(DistillationTest.MNIST, null);
    }

    @Test
    void thePlanGivesEachRoundItsIterations() throws Exception {
        DistillationTest t = new DistillationTest();
        t.dir = dir;
        Path teacher = t.ourTeacher(Parameterization.V);
        DistillConfig c = config(teacher).stages(null, null, 50L).roundIterations(RoundIterations.parse("4:300,2:400"))
                .build();
        Distillation.Plan plan = Distillation.plan(c);
        assertEquals(3, plan.stages());
        assertEquals(List.of(50L, 300L, 400L), List.of(plan.iterations(0), plan.iterations(1), plan.iterations(2)),
                "16->8 is the first round (its own count); 8->4 and 4->2 as named");
        // the progress ETA counts the rest of this stage and every later one
        assertEquals(30 + 300 + 400, plan.remaining(0, 20, 50));
        assertEquals(0, plan.remaining(2, 400, 400));
        Distillation.Plan plain = Distillation.plan(config(teacher).build());
        assertEquals(List.of(100L, 100L, 100L), List.of(plain.iterations(0), plain.iterations(1), plain.iterations(2)));
        DistillConfig wrong = config(teacher).roundIterations(RoundIterations.parse("16:5")).build();
        assertThrows(SettingException.class, () -> Distillation.plan(wrong));
    }
}
