package org.pdviz.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pdviz.core.data.read.DataFileException;
import org.pdviz.core.data.read.DataReaders;
import org.pdviz.core.model.DataShape;

class DataReadersTest {

    @TempDir
    Path dir;

    Path text(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The reader's one line: names the file and the place, and says what is wrong. */
    String failure(Path file) {
        DataFileException e = assertThrows(DataFileException.class, () -> DataReaders.read(file));
        assertTrue(e.getMessage().startsWith(file.getFileName().toString()), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void csvWithHeaderCommentsAndBlankLinesGivesThePointsAsWrittenAndTheFilesHash() throws Exception {
        Path f = text("pts.csv", "# drawn in class\nx,y\n\n0.5, -1.25\n 3e-2 ,4  # a comment\n-7,+8.125\r\n");
        DataTable t = DataReaders.read(f);
        assertEquals(DataShape.of(2), t.shape());
        assertEquals(3, t.count());
        assertArrayEquals(new float[] {0.5f, -1.25f, 0.03f, 4f, -7f, 8.125f}, t.values());
        assertEquals(sha256(f), t.sha256());
        assertEquals("pts.csv", t.name());
    }

    @Test
    void tsvAndWhitespaceSeparatedTextAndQuotedFieldsAreRead() throws Exception {
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, DataReaders.read(text("a.tsv", "1\t2\t3\n4\t5\t6\n")).values());
        assertArrayEquals(new float[] {1, 2, 3, 4}, DataReaders.read(text("b.txt", "1   2\n  3 \t 4\n")).values());
        assertArrayEquals(new float[] {1, 2}, DataReaders.read(text("c.csv", "\"a\",\"b\"\n\"1\",\"2\"\n")).values());
    }

    @Test
    void numbersParseAsJavaDoesIncludingLongOnesAndExponents() throws Exception {
        String[] numbers = {"0.1", "-0.30000000000000004", "123456789.123456789", "1e-30", "6.02214076E23",
            "0.000012345", "-.5", "7.", "1234567890123456789012", "3.4028234e38"};
        Path f = text("n.csv", String.join("\n", numbers) + "\n");
        float[] v = DataReaders.read(f).values();
        for (int i = 0; i < numbers.length; i++) {
            assertEquals((float) Double.parseDouble(numbers[i]), v[i], numbers[i]);
        }
    }

    @Test
    void randomDecimalsParseAsJavaDoes() throws Exception {
        java.util.Random r = new java.util.Random(7);
        String[] numbers = new String[2000];
        for (int i = 0; i < numbers.length; i++) {
            StringBuilder n = new StringBuilder(r.nextBoolean() ? "-" : "");
            int whole = r.nextInt(16), fraction = Math.max(r.nextInt(22), whole == 0 ? 1 : 0); // within float range
            for (int d = 0; d < whole; d++) {
                n.append((char) ('0' + r.nextInt(10)));
            }
            n.append('.');
            for (int d = 0; d < fraction; d++) {
                n.append((char) ('0' + r.nextInt(10)));
            }
            if (r.nextInt(3) == 0) {
                n.append('e').append(r.nextInt(51) - 30);
            }
            numbers[i] = n.toString();
        }
        float[] v = DataReaders.read(text("r.csv", String.join("\n", numbers) + "\n")).values();
        for (int i = 0; i < numbers.length; i++) {
            assertEquals((float) Double.parseDouble(numbers[i]), v[i], numbers[i]);
        }
    }

    @Test
    void malformedNumbersAreNamed() throws Exception {
        for (String bad : new String[] {".", "-", "1.2.3", "1e", "1e+", "..5", "5-"}) {
            assertEquals("bad.csv, row 2, column 1: '" + bad + "' is not a number",
                    failure(text("bad.csv", "1\n" + bad + "\n")), bad);
        }
    }

    @Test
    void anEmptyFileOrOneWithOnlyAHeaderIsRefused() throws Exception {
        assertTrue(failure(text("empty.csv", "")).contains("no data rows"));
        assertTrue(failure(text("header.csv", "# nothing\nx,y\n")).contains("no data rows"));
    }

    @Test
    void aRaggedRowIsNamed() throws Exception {
        String m = failure(text("ragged.csv", "x,y\n1,2\n3,4\n5,6,7\n"));
        assertEquals("ragged.csv, row 4: 3 values, but row 2 has 2 (every row must have as many)", m);
    }

    @Test
    void nanAndInfAreRefusedWithRowAndColumn() throws Exception {
        assertEquals("nan.csv, row 3, column 2: NaN is not a finite number (NaN and Inf are not allowed)",
                failure(text("nan.csv", "1,2\n3,4\n5,NaN\n")));
        assertTrue(failure(text("inf.tsv", "1\t-inf\n")).startsWith("inf.tsv, row 1, column 2: -inf is not a finite"));
        assertTrue(failure(text("big.csv", "1,1e999\n")).startsWith("big.csv, row 1, column 2: value Infinity"));
    }

    @Test
    void textInANumberColumnIsNamed() throws Exception {
        assertEquals("text.csv, row 3, column 1: 'abc' is not a number", failure(text("text.csv", "x,y\n1,2\nabc,3\n")));
        assertEquals("mixed.csv, row 1, column 2: 'oops' is not a number", failure(text("mixed.csv", "1,oops\n2,3\n")));
        assertEquals("gap.csv, row 2, column 2: empty value", failure(text("gap.csv", "1,2\n3,,4\n")));
    }

    @Test
    void npyPointsInFloat32AndFloat64() throws Exception {
        Path f4 = TestFiles.npy(dir.resolve("p4.npy"), "<f4", new long[] {3, 2}, TestFiles.floats(1, 2, 3, 4, 5, 6));
        DataTable t = DataReaders.read(f4);
        assertEquals(DataShape.of(2), t.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, t.values());
        assertEquals(sha256(f4), t.sha256());
        Path f8 = TestFiles.npy(dir.resolve("p8.npy"), "<f8", new long[] {2, 3}, TestFiles.doubles(0.1, 0.2, 0.3, 1, 2, 3));
        assertEquals(DataShape.of(3), DataReaders.read(f8).shape());
        assertEquals(0.1f, DataReaders.read(f8).values()[0]);
    }

    @Test
    void npyImagesMapFrom0To255IntoTheDataRange() throws Exception {
        byte[] px = {0, (byte) 255, (byte) 128, 64, 0, 0, 0, 0};
        DataTable gray = DataReaders.read(TestFiles.npy(dir.resolve("g.npy"), "|u1", new long[] {2, 2, 2}, px));
        assertEquals(DataShape.of(1, 2, 2), gray.shape());
        assertEquals(2, gray.count());
        assertArrayEquals(new float[] {-1f, 1f, 128 / 127.5f - 1, 64 / 127.5f - 1}, java.util.Arrays.copyOf(gray.values(), 4),
                1e-7f);
        DataTable rgb = DataReaders.read(TestFiles.npy(dir.resolve("c.npy"), "<f4", new long[] {1, 3, 1, 2},
                TestFiles.floats(0, 255, 51, 102, 153, 204)));
        assertEquals(DataShape.of(3, 1, 2), rgb.shape());
        assertEquals(153 / 127.5f - 1, rgb.values()[4], 1e-6f); // channel 2, first pixel
    }

    @Test
    void badNpyFilesNameTheEntryOrTheHeader() throws Exception {
        assertEquals("nan.npy, entry [1, 0]: NaN is not a finite number (NaN and Inf are not allowed)",
                failure(TestFiles.npy(dir.resolve("nan.npy"), "<f4", new long[] {2, 2}, TestFiles.floats(1, 2, Float.NaN, 4))));
        assertTrue(failure(TestFiles.npy(dir.resolve("i.npy"), "<i8", new long[] {1, 2}, new byte[16]))
                .contains("element type '<i8' is not supported"));
        assertTrue(failure(TestFiles.npy(dir.resolve("short.npy"), "<f4", new long[] {4, 2}, TestFiles.floats(1, 2)))
                .contains("truncated"));
        assertTrue(failure(TestFiles.npy(dir.resolve("px.npy"), "<f4", new long[] {1, 1, 2}, TestFiles.floats(3, 300)))
                .startsWith("px.npy, entry [0, 0, 1]: pixel value 300.0 is outside [0, 255]"));
        assertTrue(failure(text("fake.npy", "x,y\n")).contains("not a NumPy .npy file"));
    }

    @Test
    void idxImagesGzippedOrNot() throws Exception {
        byte[] px = new byte[2 * 3 * 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 14);
        }
        DataTable raw = DataReaders.read(TestFiles.idxBytes(dir.resolve("d-images-idx3-ubyte"), new int[] {2, 3, 3}, px,
                false));
        DataTable gz = DataReaders.read(TestFiles.idxBytes(dir.resolve("d-images-idx3-ubyte.gz"), new int[] {2, 3, 3}, px,
                true));
        assertEquals(DataShape.of(1, 3, 3), raw.shape());
        assertArrayEquals(raw.values(), gz.values());
        assertEquals((17 * 14) / 127.5f - 1, raw.values()[17], 1e-6f);
        assertTrue(failure(TestFiles.idxBytes(dir.resolve("labels.idx"), new int[] {5}, new byte[5], false))
                .contains("1-D IDX file"));
        assertTrue(failure(TestFiles.idxBytes(dir.resolve("cut.idx"), new int[] {4, 3, 3}, px, false))
                .contains("truncated"));
    }

    @Test
    void theShippedMnistFileReadsAsTheMnistLoaderReadsIt() throws Exception {
        Path home = Path.of(System.getProperty("pdviz.home", "."));
        DataTable t = DataReaders.read(home.resolve("assets/mnist").resolve(Mnist.IMAGES));
        Mnist m = Mnist.load(home.resolve("assets/mnist"));
        assertEquals(Mnist.SHAPE, t.shape());
        assertEquals(m.count(), t.count());
        float[] digit = new float[784];
        m.image(123, digit, 0);
        assertArrayEquals(digit, java.util.Arrays.copyOfRange(t.values(), 123 * 784, 124 * 784));
    }

    @Test
    void aFolderOfGrayscalePngsAndOneOfColourImages() throws Exception {
        Path gray = Files.createDirectory(dir.resolve("gray"));
        TestFiles.grayPng(gray.resolve("b.png"), 4, 3, (x, y) -> 10 * x + y);
        TestFiles.grayPng(gray.resolve("a.png"), 4, 3, (x, y) -> 128);
        DataTable g = DataReaders.read(gray);
        assertEquals(DataShape.of(1, 3, 4), g.shape());
        assertEquals(2, g.count());
        assertEquals(128 / 127.5f - 1, g.values()[0], 1e-6f); // a.png first, its raw value (no gamma)
        assertEquals((10 * 3 + 2) / 127.5f - 1, g.values()[12 + 2 * 4 + 3], 1e-6f);
        Path color = Files.createDirectory(dir.resolve("color"));
        TestFiles.rgb(color.resolve("1.png"), 2, 2, 0xFF0000);
        TestFiles.grayPng(color.resolve("2.png"), 2, 2, (x, y) -> 0);
        DataTable c = DataReaders.read(color);
        assertEquals(DataShape.of(3, 2, 2), c.shape());
        assertEquals(1f, c.values()[0]);
        assertEquals(-1f, c.values()[4]);
    }

    @Test
    void imagesOfMixedSizesAreRefusedNamingTheImage() throws Exception {
        Path mixed = Files.createDirectory(dir.resolve("mixed"));
        TestFiles.grayPng(mixed.resolve("a.png"), 28, 28, (x, y) -> 0);
        TestFiles.grayPng(mixed.resolve("b.png"), 32, 28, (x, y) -> 0);
        assertEquals("mixed, image b.png: 32x28, but a.png is 28x28 (all images must be one size)", failure(mixed));
        Path none = Files.createDirectory(dir.resolve("none"));
        assertTrue(failure(none).contains("no PNG or JPEG files"));
        Path broken = Files.createDirectory(dir.resolve("broken"));
        Files.writeString(broken.resolve("x.png"), "not an image");
        assertTrue(failure(broken).contains("image x.png: not a readable PNG or JPEG image"));
    }

    @Test
    void anUnknownFormatIsNamed() throws Exception {
        assertTrue(failure(text("points.json", "[]")).contains("unknown data format"));
    }
}
