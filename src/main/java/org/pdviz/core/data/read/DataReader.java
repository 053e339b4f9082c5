package org.pdviz.core.data.read;

import java.io.IOException;
import java.nio.file.Path;
import org.pdviz.core.data.DataTable;

/**
 * One data format: points ({@code [N, d]}) or images ({@code [N, C, H, W]}) read into a
 * {@link DataTable} whose hash is of the bytes read. Points are returned as given; images are
 * mapped from [0, 255] to [-1, 1]. A file that cannot be used throws {@link DataFileException}
 * naming the row or entry.
 */
public interface DataReader {

    DataTable read(Path file) throws IOException;

    /** A pixel value in [0, 255] in the data range [-1, 1] (in float arithmetic, as MNIST has always been read). */
    static float pixel(double value) {
        return (float) value / 127.5f - 1f;
    }
}
