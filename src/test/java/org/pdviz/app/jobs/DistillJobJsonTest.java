package org.pdviz.app.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pdviz.train.RoundIterations;

class DistillJobJsonTest {

    static DistillJob job(RoundIterations r) {
        return new DistillJob(Path.of("/t/teacher.onnx"), null, null, null, null, null, 512, 4, 1500, null, null, null,
                1.0, 1, null, 2, null, -1, 60, Path.of("/t/out"), "pdviz distill", null, null, false, null, null, r);
    }

    @Test
    void roundIterationsStandInJobJsonAsTypedSoAResumedJobKeepsThem() throws Exception {
        String json = JobJson.MAPPER.writeValueAsString(job(RoundIterations.parse("8:6000,4:8000")));
        assertTrue(json.contains("\"roundIterations\" : \"8:6000,4:8000\""), json);
        DistillJob back = (DistillJob) JobJson.MAPPER.readValue(json, JobSpec.class);
        assertEquals(RoundIterations.parse("8:6000,4:8000"), back.roundIterations());
        assertEquals(job(RoundIterations.parse("8:6000,4:8000")), back);
    }

    @Test
    void aJobSavedBeforeTheSettingResumesWithEveryRoundAlike() throws Exception {
        String json = JobJson.MAPPER.writeValueAsString(job(null)).replaceAll(",\\s*\"roundIterations\" : null", "");
        assertTrue(!json.contains("roundIterations"), json);
        DistillJob back = (DistillJob) JobJson.MAPPER.readValue(json, JobSpec.class);
        assertNull(back.roundIterations());
    }
}
