package dev.aihq.imports.table;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A CSV file read through Jackson's CSV module, streamed record by record.
 *
 * <p><b>Encoding</b>, unless set: a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE; the mark is dropped);
 * else a file whose bytes are all valid UTF-8 is UTF-8; else it is Windows-1251, what Excel writes for "CSV" on
 * a Russian-language Windows. <b>Delimiter</b>, unless set: whichever of {@code ;}, tab and {@code ,} occurs
 * outside quotes the same number of times, and most often, on the first non-blank lines ({@code ;} wins ties,
 * because decimal commas make {@code ,} the least reliable). Fields may be quoted with {@code "}, with
 * {@code ""} for a quote inside, and span lines; a row's number counts records, as a spreadsheet program shows
 * them, not lines.
 *
 * <p>Opening a source reads the file once to hash it and check the encoding; {@link #read} reads it again as a
 * stream. Immutable and thread-safe.
 */
public final class CsvTableSource implements TableSource {

    /** The delimiters tried, in order of preference on a tie. */
    private static final char[] DELIMITERS = {';', '\t', ','};
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final int SNIFF_CHARS = 64 * 1024;
    private static final int SNIFF_LINES = 10;
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private final Path file;
    private final String contentHash;
    private final Charset charset;
    private final int bomLength;
    private final char delimiter;

    private CsvTableSource(Path file, String contentHash, Charset charset, int bomLength, char delimiter) {
        this.file = file;
        this.contentHash = contentHash;
        this.charset = charset;
        this.bomLength = bomLength;
        this.delimiter = delimiter;
    }

    /**
     * Opens a file with the encoding and delimiter detected.
     *
     * @param file the file
     * @return the source
     * @throws TableReadException when the file cannot be read
     */
    public static CsvTableSource of(Path file) {
        return of(file, null, null);
    }

    /**
     * Opens a file with the encoding or the delimiter given (each detected when {@code null}).
     *
     * @param file the file
     * @param charset the encoding, or {@code null} to detect it
     * @param delimiter the delimiter, or {@code null} to detect it
     * @return the source
     * @throws TableReadException when the file cannot be read
     */
    public static CsvTableSource of(Path file, @Nullable Charset charset, @Nullable Character delimiter) {
        Objects.requireNonNull(file, "file");
        Sniffed sniffed = sniff(file);
        Charset chosen = charset != null ? charset : sniffed.charset;
        int bom = charset == null || charset.equals(sniffed.charset) ? sniffed.bomLength : 0;
        char chosenDelimiter = delimiter != null ? delimiter : detectDelimiter(file, chosen, bom);
        return new CsvTableSource(file, sniffed.hash, chosen, bom, chosenDelimiter);
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public String contentHash() {
        return contentHash;
    }

    /**
     * Returns the encoding read with.
     *
     * @return the charset, detected or given
     */
    public Charset charset() {
        return charset;
    }

    /**
     * Returns the delimiter read with.
     *
     * @return the delimiter, detected or given
     */
    public char delimiter() {
        return delimiter;
    }

    @Override
    public void read(RowHandler handler) {
        Objects.requireNonNull(handler, "handler");
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"');
        try (Reader reader = open(file, charset, bomLength);
                MappingIterator<String[]> records = MAPPER.readerFor(String[].class).with(schema)
                        .readValues(reader)) {
            int number = 0;
            while (records.hasNextValue()) {
                String[] values = records.nextValue();
                number++;
                List<TableCell> cells = new ArrayList<>(values.length);
                for (String value : values) {
                    cells.add(TableCell.text(value == null ? "" : value));
                }
                handler.row(new TableRow(number, cells));
            }
        } catch (IOException | RuntimeJsonMappingException e) {
            throw new TableReadException("cannot read " + name() + " as CSV: " + e.getMessage(), e);
        }
    }

    private static Reader open(Path file, Charset charset, int bomLength) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(bomLength);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
    }

    private record Sniffed(String hash, Charset charset, int bomLength) {}

    /** One pass over the bytes: the hash, the byte order mark, and whether everything decodes as UTF-8. */
    private static Sniffed sniff(Path file) {
        MessageDigest digest = FileHash.sha256();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean validUtf8 = true;
        byte[] head = new byte[3];
        int headLength = 0;
        try (InputStream in = Files.newInputStream(file)) {
            // Room for the incomplete character a chunk may end with, carried over to the next.
            ByteBuffer bytes = ByteBuffer.allocate((1 << 16) + 8);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                for (int i = 0; i < n && headLength < head.length; i++) {
                    head[headLength++] = buffer[i];
                }
                if (validUtf8) {
                    bytes.put(buffer, 0, n).flip();
                    validUtf8 = !utf8.decode(bytes, chars, false).isError();
                    bytes.compact();
                    chars.clear();
                }
            }
            if (validUtf8) {
                bytes.flip();
                validUtf8 = !utf8.decode(bytes, chars, true).isError() && !utf8.flush(chars).isError()
                        && !bytes.hasRemaining();
            }
        } catch (IOException e) {
            throw new TableReadException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        if (headLength >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Sniffed(hash, StandardCharsets.UTF_8, 3);
        }
        if (headLength >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Sniffed(hash, StandardCharsets.UTF_16LE, 2);
        }
        if (headLength >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Sniffed(hash, StandardCharsets.UTF_16BE, 2);
        }
        return new Sniffed(hash, validUtf8 ? StandardCharsets.UTF_8 : WINDOWS_1251, 0);
    }

    private static char detectDelimiter(Path file, Charset charset, int bomLength) {
        List<String> lines = new ArrayList<>();
        try (Reader reader = open(file, charset, bomLength)) {
            char[] buffer = new char[SNIFF_CHARS];
            int length = 0;
            for (int n = reader.read(buffer, 0, buffer.length); n > 0 && length < buffer.length;
                    n = reader.read(buffer, length, buffer.length - length)) {
                length += n;
            }
            for (String line : new String(buffer, 0, length).split("\r\n|\r|\n")) {
                if (!line.isBlank() && lines.size() < SNIFF_LINES) {
                    lines.add(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new TableReadException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
        // A title line above the header ("Отчёт за март") would have none of them, so lines without any are ignored.
        char best = DELIMITERS[0];
        int bestScore = 0;
        for (char candidate : DELIMITERS) {
            int score = score(lines, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** The count per line when every line holding the delimiter holds it equally often, else the lowest count. */
    private static int score(List<String> lines, char delimiter) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String line : lines) {
            int count = countOutsideQuotes(line, delimiter);
            if (count > 0) {
                min = Math.min(min, count);
                max = Math.max(max, count);
            }
        }
        if (max == 0) {
            return 0;
        }
        // Consistent counts weigh double: a decimal comma in some rows makes ',' counts vary.
        return min == max ? 2 * max : min;
    }

    private static int countOutsideQuotes(String line, char delimiter) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                count++;
            }
        }
        return count;
    }
}
