package org.pdviz.core.data.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.pdviz.core.data.DataTable;
import org.pdviz.core.model.DataShape;

/**
 * Points as text: {@code .csv}, {@code .tsv}, {@code .txt}. Every row is one point, its numeric
 * columns its coordinates. The separator is taken from the first data row (a comma if it has one,
 * else a tab, else runs of spaces); {@code #} starts a comment to the end of the line; blank lines
 * are skipped; the first row may be a header (then every one of its fields is text). Rows are
 * numbered as lines of the file, from 1. Parsing works on the bytes (no string per field), so a
 * million points load in a fraction of a second.
 */
public final class DelimitedReader implements DataReader {

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    @Override
    public DataTable read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String hash = HexFormat.of().formatHex(DataTable.sha256Digest().digest(bytes));
        return new Parser(file, bytes).parse(hash);
    }

    /** One pass over the bytes. */
    private static final class Parser {
        private final Path file;
        private final byte[] b;
        private byte separator; // ',' or '\t', or 0 for runs of spaces and tabs
        private int columns = -1;
        private int firstRow;
        private float[] values = new float[1024];
        private int n;
        private int row;
        private double parsed; // the last number parsed by number()

        Parser(Path file, byte[] bytes) {
            this.file = file;
            this.b = bytes;
        }

        DataTable parse(String hash) throws DataFileException {
            int pos = 0, len = b.length;
            if (len >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
                pos = 3; // a UTF-8 byte-order mark
            }
            boolean seenData = false;
            while (pos < len) {
                row++;
                int end = pos;
                while (end < len && b[end] != '\n') {
                    end++;
                }
                int stop = end;
                for (int i = pos; i < end; i++) {
                    if (b[i] == '#') {
                        stop = i;
                        break;
                    }
                }
                while (stop > pos && isSpace(b[stop - 1])) {
                    stop--;
                }
                int start = pos;
                while (start < stop && isSpace(b[start])) {
                    start++;
                }
                if (start < stop) {
                    if (!seenData) {
                        seenData = true;
                        separator = detect(start, stop);
                        if (isHeader(start, stop)) {
                            pos = end + 1;
                            continue;
                        }
                    }
                    row(start, stop);
                }
                pos = end + 1;
            }
            if (columns < 0) {
                throw new DataFileException(file, null, "no data rows (the file is empty, or holds only comments and a"
                        + " header)");
            }
            return new DataTable(name(file), DataShape.of(columns), Arrays.copyOf(values, n), hash);
        }

        private byte detect(int start, int stop) {
            boolean tab = false;
            for (int i = start; i < stop; i++) {
                if (b[i] == ',') {
                    return ',';
                }
                tab |= b[i] == '\t';
            }
            return tab ? (byte) '\t' : 0;
        }

        /** A first row whose every field is text (not a number, not NaN or Inf) is a header. */
        private boolean isHeader(int start, int stop) {
            int pos = start;
            while (pos <= stop) {
                int end = fieldEnd(pos, stop);
                int[] f = trimmed(pos, end);
                if (f[0] < f[1] && (number(f[0], f[1]) || nonFinite(f[0], f[1]))) {
                    return false;
                }
                pos = next(end, stop);
            }
            return true;
        }

        private void row(int start, int stop) throws DataFileException {
            int pos = start, col = 0;
            while (pos <= stop) {
                int end = fieldEnd(pos, stop);
                int[] f = trimmed(pos, end);
                col++;
                if (f[0] >= f[1]) {
                    throw error(col, "empty value");
                }
                if (!number(f[0], f[1])) {
                    String text = new String(b, f[0], f[1] - f[0], StandardCharsets.UTF_8);
                    throw error(col, nonFinite(f[0], f[1]) ? text + " is not a finite number (NaN and Inf are not"
                            + " allowed)" : "'" + shorten(text) + "' is not a number");
                }
                if (!Double.isFinite(parsed) || Math.abs(parsed) > Float.MAX_VALUE) {
                    throw error(col, "value " + parsed + " does not fit a 32-bit float");
                }
                if (n == values.length) {
                    values = Arrays.copyOf(values, values.length * 2);
                }
                values[n++] = (float) parsed;
                pos = next(end, stop);
            }
            if (columns < 0) {
                columns = col;
                firstRow = row;
            } else if (col != columns) {
                n -= col;
                throw new DataFileException(file, "row " + row, col + (col == 1 ? " value" : " values") + ", but row "
                        + firstRow + " has " + columns + " (every row must have as many)");
            }
        }

        private DataFileException error(int col, String what) {
            return new DataFileException(file, "row " + row + ", column " + col, what);
        }

        /** Where the field starting at {@code pos} ends (exclusive). */
        private int fieldEnd(int pos, int stop) {
            int i = pos;
            if (separator == 0) {
                while (i < stop && !isSpace(b[i])) {
                    i++;
                }
            } else {
                while (i < stop && b[i] != separator) {
                    i++;
                }
            }
            return i;
        }

        /** The start of the next field after one ending at {@code end}; past {@code stop} when there is none. */
        private int next(int end, int stop) {
            if (end >= stop) {
                return stop + 1;
            }
            if (separator == 0) {
                int i = end;
                while (i < stop && isSpace(b[i])) {
                    i++;
                }
                return i;
            }
            return end + 1;
        }

        /** The field without surrounding spaces and quotes. */
        private int[] trimmed(int s, int e) {
            while (s < e && isSpace(b[s])) {
                s++;
            }
            while (e > s && isSpace(b[e - 1])) {
                e--;
            }
            if (e - s >= 2 && b[s] == '"' && b[e - 1] == '"') {
                s++;
                e--;
            }
            return new int[] {s, e};
        }

        /**
         * Parses a decimal number into {@link #parsed}. Up to 15 significant digits and a power of ten
         * within 22 are exact in double arithmetic (so correctly rounded); anything longer goes to
         * Double.parseDouble.
         */
        private boolean number(int s, int e) {
            int i = s;
            boolean neg = false;
            if (i < e && (b[i] == '-' || b[i] == '+')) {
                neg = b[i] == '-';
                i++;
            }
            long m = 0;
            int digits = 0, exp = 0;
            boolean any = false, dot = false;
            for (; i < e; i++) {
                if (b[i] == '.' && !dot) {
                    dot = true;
                    continue;
                }
                if (b[i] < '0' || b[i] > '9') {
                    break;
                }
                any = true;
                if (digits < 18) {
                    m = m * 10 + (b[i] - '0');
                    if (m > 0) {
                        digits++;
                    }
                    exp -= dot ? 1 : 0;
                } else if (!dot) {
                    exp++; // integer digits past the 18th only scale the value
                }
            }
            if (!any) {
                return false;
            }
            if (i < e && (b[i] == 'e' || b[i] == 'E')) {
                i++;
                boolean eneg = false;
                if (i < e && (b[i] == '-' || b[i] == '+')) {
                    eneg = b[i] == '-';
                    i++;
                }
                int x = 0;
                boolean expDigits = false;
                while (i < e && b[i] >= '0' && b[i] <= '9') {
                    expDigits = true;
                    x = Math.min(x * 10 + (b[i] - '0'), 100_000);
                    i++;
                }
                if (!expDigits) {
                    return false;
                }
                exp += eneg ? -x : x;
            }
            if (i != e) {
                return false;
            }
            if (digits <= 15 && Math.abs(exp) <= 22) {
                double v = exp >= 0 ? m * POW10[exp] : m / POW10[-exp];
                parsed = neg ? -v : v;
            } else {
                parsed = Double.parseDouble(new String(b, s, e - s, StandardCharsets.US_ASCII));
            }
            return true;
        }

        private boolean nonFinite(int s, int e) {
            String t = new String(b, s, e - s, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
            if (t.startsWith("+") || t.startsWith("-")) {
                t = t.substring(1);
            }
            return t.equals("nan") || t.equals("inf") || t.equals("infinity");
        }

        private static boolean isSpace(byte c) {
            return c == ' ' || c == '\t' || c == '\r';
        }
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    static String name(Path file) {
        return file.getFileName().toString();
    }
}
