package org.pdviz.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.pdviz.runtime.card.CardJson;
import org.pdviz.runtime.card.ModelCard;
import org.pdviz.runtime.onnx.OnnxGraph;

/**
 * diffusers' scheduler test fixtures (tests/schedulers/test_schedulers.py, SchedulerCommonTest), rebuilt:
 * the dummy model {@code sample * t / (t + 1)} with t the integer timestep, as an ONNX graph with
 * inputs "sample" [B, 3, 8, 8] and an int64 "timestep"; and {@code dummy_sample_deter}, the
 * deterministic start {@code arange(4*3*8*8).reshape(3, 8, 8, 4) / 768} permuted to [4, 3, 8, 8].
 */
public final class DiffusersReference {

    public static final int[] SHAPE = {3, 8, 8};
    public static final int BATCH = 4;

    private DiffusersReference() {
    }

    public static Path dummyModel(Path file, ModelCard card) throws IOException {
        OnnxGraph g = new OnnxGraph("diffusers-dummy");
        g.input("sample", "B", 3, 8, 8);
        g.int64Input("timestep", "B");
        String t = g.op("Reshape", g.op("Cast", Map.of("to", 1), "timestep"), g.axes("shape", -1, 1, 1, 1));
        g.opNamed("out", "Div", Map.of(), g.op("Mul", "sample", t), g.op("Add", t, g.scalar("one", 1f)));
        g.output("out", "B", 3, 8, 8);
        OnnxGraph.write(g.model("test", card == null ? Map.of() : Map.of(ModelCard.METADATA_KEY,
                CardJson.write(card))), file);
        return file;
    }

    /** dummy_sample_deter: element [b, c, h, w] = (c 256 + h 32 + w 4 + b) / 768, in float32. */
    public static float[] sampleDeter() {
        int n = BATCH * 3 * 8 * 8;
        float[] out = new float[n];
        for (int b = 0; b < BATCH; b++) {
            for (int c = 0; c < 3; c++) {
                for (int h = 0; h < 8; h++) {
                    for (int w = 0; w < 8; w++) {
                        int flat = ((c * 8 + h) * 8 + w) * BATCH + b;
                        out[((b * 3 + c) * 8 + h) * 8 + w] = (float) flat / (float) n;
                    }
                }
            }
        }
        return out;
    }

    /** The card DDIMScheduler's test config gives: linear betas betaStart..0.02 over 1000 timesteps. */
    public static ModelCard card(String parameterization, double betaStart) {
        return new ModelCard(ModelCard.FORMAT, "diffusers-dummy", "diffusers-test", parameterization,
                ModelCard.ScheduleSpec.betas(org.pdviz.core.schedule.BetaSchedule.LINEAR, betaStart, 0.02, 1000),
                SHAPE.clone(), new double[] {-1, 1}, null, null, null, null, "index",
                new ModelCard.Inputs("sample", "timestep"));
    }

    /** A version-1.0 .npy file of float32 values. */
    public static Path npy(Path file, float[] values, long... shape) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims.toString().strip().replaceAll(",$",
                shape.length == 1 ? "," : "") + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        buf.putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (float v : values) {
            buf.putFloat(v);
        }
        return Files.write(file, buf.array());
    }
}
