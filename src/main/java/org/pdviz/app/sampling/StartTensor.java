package org.pdviz.app.sampling;

import java.io.IOException;
import java.nio.file.Path;
import org.pdviz.core.data.read.DataFileException;
import org.pdviz.core.data.read.NpyReader;
import org.pdviz.core.model.DataShape;

/**
 * A starting tensor z_1 from a {@code .npy} file, in place of the seeded noise: float32 or float64,
 * shape {@code [B, ...data shape]}, every value finite. {@code sha256} is the file's, recorded in
 * trajectory.json so a notebook can check it used the same start.
 */
public record StartTensor(Path file, int count, float[] values, String sha256) {

    /** Reads and checks a start file against a model's data shape; the message names the file and the problem. */
    public static StartTensor read(Path file, DataShape shape) throws IOException {
        NpyReader.Array a = NpyReader.array(file);
        String expected = "[B, " + shapeList(shape) + "]";
        if (!a.type().equals("f4") && !a.type().equals("f8")) {
            throw new DataFileException(file, "header", "element type " + a.type() + ": a start tensor is float32 or"
                    + " float64");
        }
        long[] s = a.shape();
        boolean fits = s.length == shape.rank() + 1 && s[0] > 0;
        for (int i = 0; fits && i < shape.rank(); i++) {
            fits = s[i + 1] == shape.dim(i);
        }
        if (!fits) {
            throw new DataFileException(file, "header", "shape " + NpyReader.shapeText(s) + ": the model takes "
                    + expected + " (data shape " + shape + ")");
        }
        return new StartTensor(file, (int) s[0], a.values(), a.sha256());
    }

    private static String shapeList(DataShape shape) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shape.rank(); i++) {
            b.append(i == 0 ? "" : ", ").append(shape.dim(i));
        }
        return b.toString();
    }
}
