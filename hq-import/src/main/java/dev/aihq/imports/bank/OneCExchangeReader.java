package dev.aihq.imports.bank;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Reads the 1C client-bank exchange format ({@code 1CClientBankExchange}) one section at a time, so a file of any
 * length is read in the memory of one document.
 *
 * <p>The file is {@code key=value} lines: the first line {@code 1CClientBankExchange}, the header ({@link
 * OneCHeader}), then {@code СекцияРасчСчет} … {@code КонецРасчСчет} account sections ({@link OneCAccountSection})
 * and {@code СекцияДокумент=<kind>} … {@code КонецДокумента} payment documents ({@link OneCDocument}), and
 * {@code КонецФайла}. Unknown keys are kept in each record's fields, never errors. A document with a missing or
 * malformed {@code Дата} or {@code Сумма}, a malformed {@code ДатаСписано}/{@code ДатаПоступило}, or no
 * {@code КонецДокумента} comes back as an {@link OneCRejected} naming the line and key, and reading goes on.
 *
 * <p>The encoding: a UTF-8 byte order mark or valid UTF-8 text first (files converted by hand keep their
 * {@code Кодировка=Windows} line), else the header's {@code Кодировка} ({@code DOS} is CP866), else Windows-1251,
 * the format's default. Both the Russian ({@code ПлательщикИНН}, {@code ПлательщикКПП}) and the Kazakh
 * ({@code ПлательщикБИН_ИИН}, {@code ПлательщикИИК}) keys are understood.
 *
 * <p>Not thread-safe; close it to close the stream.
 */
public final class OneCExchangeReader implements Closeable {

    /** The first line of every file of the format. */
    public static final String FIRST_LINE = "1CClientBankExchange";

    private static final String SECTION_ACCOUNT = "СекцияРасчСчет";
    private static final String END_ACCOUNT = "КонецРасчСчет";
    private static final String SECTION_DOCUMENT = "СекцияДокумент";
    private static final String END_DOCUMENT = "КонецДокумента";
    private static final String END_OF_FILE = "КонецФайла";
    private static final String ENCODING = "Кодировка";
    private static final int PURPOSE_PARTS = 6;

    private final BufferedReader reader;
    private final OneCHeader header;
    private final Set<String> ownAccounts = new HashSet<>();
    private int lineNumber;
    @Nullable
    private Line pushedBack;
    private boolean finished;

    private OneCExchangeReader(BufferedReader reader, Charset charset) throws IOException {
        this.reader = reader;
        this.header = readHeader(charset);
        header.accounts().forEach(account -> ownAccounts.add(BankValues.account(account)));
    }

    /**
     * Opens a file: checks its first line and reads its header.
     *
     * @param in the file's bytes; closed by {@link #close()}
     * @return the reader, positioned after the header
     * @throws BankStatementException when the file does not start with {@code 1CClientBankExchange}, or reading
     *     fails
     */
    public static OneCExchangeReader open(InputStream in) {
        Objects.requireNonNull(in, "in");
        try {
            BufferedInputStream buffered = new BufferedInputStream(in);
            Charset charset = charsetOf(BankCharsets.peek(buffered));
            BufferedReader reader = new BufferedReader(new InputStreamReader(buffered, charset));
            try {
                return new OneCExchangeReader(reader, charset);
            } catch (RuntimeException | IOException e) {
                reader.close();
                throw e;
            }
        } catch (IOException e) {
            closeQuietly(in, e);
            throw new BankStatementException("the 1C exchange file could not be read: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream in, IOException failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static Charset charsetOf(byte[] head) {
        Charset utf8 = BankCharsets.utf8(head);
        if (utf8 != null) {
            return utf8;
        }
        // The key itself is Cyrillic, so it is looked for in both encodings the declaration can name.
        String declared = declaredEncoding(BankCharsets.decode(head, BankCharsets.WINDOWS_1251));
        if (declared == null) {
            declared = declaredEncoding(BankCharsets.decode(head, BankCharsets.CP866));
        }
        return "DOS".equalsIgnoreCase(declared) ? BankCharsets.CP866 : BankCharsets.WINDOWS_1251;
    }

    @Nullable
    private static String declaredEncoding(String head) {
        for (String line : head.split("\r?\n|\r")) {
            String text = line.strip();
            if (text.startsWith(SECTION_ACCOUNT) || text.startsWith(SECTION_DOCUMENT)) {
                return null;
            }
            if (text.startsWith(ENCODING + "=")) {
                return text.substring(ENCODING.length() + 1).strip();
            }
        }
        return null;
    }

    /**
     * Returns the header read when the file was opened.
     *
     * @return the header
     */
    public OneCHeader header() {
        return header;
    }

    /**
     * Reads the next section or document.
     *
     * @return the next record, or {@code null} after {@code КонецФайла} (or the end of a file cut short, which
     *     is reported once as an {@link OneCRejected} first)
     * @throws BankStatementException when reading fails
     */
    @Nullable
    public OneCRecord next() {
        try {
            while (!finished) {
                Line line = take();
                if (line == null) {
                    finished = true;
                    int last = Math.max(lineNumber, 1);
                    return new OneCRejected(last, null, List.of(new BankProblem(last, END_OF_FILE,
                            "the file ends without " + END_OF_FILE + ": it may be cut short")));
                }
                switch (line.key()) {
                    case END_OF_FILE -> finished = true;
                    case SECTION_ACCOUNT -> {
                        return readAccountSection(line.number());
                    }
                    case SECTION_DOCUMENT -> {
                        return readDocument(line.value(), line.number());
                    }
                    default -> {
                        // A key outside any section: kept nowhere, like an unknown header key, and no error.
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new BankStatementException("the 1C exchange file could not be read after line " + lineNumber
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Tells how many lines were read so far.
     *
     * @return the number of the last line read
     */
    public int linesRead() {
        return lineNumber;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OneCHeader readHeader(Charset charset) throws IOException {
        Line first = take();
        String firstText = first == null ? "" : BankCharsets.stripBom(first.text()).strip();
        if (!FIRST_LINE.equals(firstText)) {
            throw new BankStatementException(first == null
                    ? "not a 1CClientBankExchange file: it is empty"
                    : "not a 1CClientBankExchange file: its first line is «" + shortened(firstText)
                            + "», where the 1C client-bank exchange format starts with " + FIRST_LINE);
        }
        Map<String, String> other = new LinkedHashMap<>();
        List<String> accounts = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<BankProblem> problems = new ArrayList<>();
        Map<String, Line> known = new HashMap<>();
        for (Line line = take(); line != null; line = take()) {
            String key = line.key();
            if (SECTION_ACCOUNT.equals(key) || SECTION_DOCUMENT.equals(key) || END_OF_FILE.equals(key)) {
                pushedBack = line;
                break;
            }
            String value = BankValues.blankToNull(line.value());
            if (value == null) {
                continue;
            }
            switch (key) {
                case "РасчСчет" -> accounts.add(value);
                case "Документ" -> kinds.add(value);
                case "ВерсияФормата", ENCODING, "Отправитель", "Получатель", "ДатаСоздания", "ВремяСоздания",
                        "ДатаНачала", "ДатаКонца" -> known.put(key, line);
                default -> other.put(key, value);
            }
        }
        return new OneCHeader(headerValue(known, "ВерсияФормата"), headerValue(known, ENCODING), charset,
                headerValue(known, "Отправитель"), headerValue(known, "Получатель"),
                headerDate(known, "ДатаСоздания", problems), headerValue(known, "ВремяСоздания"),
                headerDate(known, "ДатаНачала", problems), headerDate(known, "ДатаКонца", problems), accounts, kinds,
                other, problems);
    }

    @Nullable
    private static String headerValue(Map<String, Line> known, String key) {
        Line line = known.get(key);
        return line == null ? null : BankValues.blankToNull(line.value());
    }

    @Nullable
    private static LocalDate headerDate(Map<String, Line> known, String key, List<BankProblem> problems) {
        Line line = known.get(key);
        if (line == null) {
            return null;
        }
        try {
            return BankValues.date(line.value());
        } catch (IllegalArgumentException e) {
            problems.add(new BankProblem(line.number(), key, e.getMessage()));
            return null;
        }
    }

    private OneCRecord readAccountSection(int start) throws IOException {
        Block block = readBlock(END_ACCOUNT);
        if (block == null) {
            return unterminated(start, SECTION_ACCOUNT, END_ACCOUNT);
        }
        String account = block.value("РасчСчет");
        if (account != null) {
            ownAccounts.add(BankValues.account(account));
        }
        List<BankProblem> problems = new ArrayList<>();
        OneCAccountSection section = new OneCAccountSection(start, account,
                block.date("ДатаНачала", problems), block.date("ДатаКонца", problems),
                block.amount("НачальныйОстаток", problems), block.amount("ВсегоПоступило", problems),
                block.amount("ВсегоСписано", problems), block.amount("КонечныйОстаток", problems), block.values);
        return problems.isEmpty() ? section : new OneCRejected(start, SECTION_ACCOUNT, problems);
    }

    private OneCRecord readDocument(String kindValue, int start) throws IOException {
        String kind = kindValue.strip();
        Block block = readBlock(END_DOCUMENT);
        if (block == null) {
            return unterminated(start, kind.isEmpty() ? SECTION_DOCUMENT : kind, END_DOCUMENT);
        }
        List<BankProblem> problems = new ArrayList<>();
        if (kind.isEmpty()) {
            problems.add(new BankProblem(start, SECTION_DOCUMENT, "the document kind is missing after "
                    + SECTION_DOCUMENT + "="));
        }
        LocalDate date = block.requiredDate("Дата", start, problems);
        BigDecimal amount = block.amount("Сумма", problems);
        if (amount == null && block.value("Сумма") == null) {
            problems.add(new BankProblem(start, "Сумма", "missing: a payment document needs its amount"));
        } else if (amount != null && amount.signum() <= 0) {
            problems.add(new BankProblem(block.line("Сумма", start), "Сумма", "must be above zero, got "
                    + amount.toPlainString()));
        }
        LocalDate debited = block.date("ДатаСписано", problems);
        LocalDate credited = block.date("ДатаПоступило", problems);
        if (!problems.isEmpty() || date == null || amount == null) {
            return new OneCRejected(start, kind.isEmpty() ? null : kind, problems);
        }
        BankParty payer = party(block, "Плательщик");
        BankParty payee = party(block, "Получатель");
        return new OneCDocument(start, kind, block.value("Номер"), date, amount, payer, payee, purpose(block),
                direction(block, debited, credited), debited, credited, block.values);
    }

    private OneCRejected unterminated(int start, String kind, String endMarker) {
        return new OneCRejected(start, kind, List.of(new BankProblem(start, endMarker, kind + " of line " + start
                + " has no " + endMarker + " before line " + (pushedBack == null ? lineNumber : pushedBack.number())
                + "; it is left out")));
    }

    private static BankParty party(Block block, String side) {
        String name = block.first(side + "1", side);
        return new BankParty(name == null ? "" : name, block.first(side + "Счет", side + "РасчСчет", side + "ИИК"),
                block.first(side + "ИНН", side + "БИН_ИИН", side + "БИН", side + "ИИН"), block.value(side + "КПП"),
                block.first(side + "Банк1", side + "Банк"), block.value(side + "БИК"));
    }

    private static String purpose(Block block) {
        // НазначениеПлатежа usually holds the whole text and the numbered keys the same text split into lines;
        // some banks fill only the numbered ones, or continue the text in them.
        StringBuilder purpose = new StringBuilder();
        String whole = block.value("НазначениеПлатежа");
        if (whole != null) {
            purpose.append(whole);
        }
        for (int i = 1; i <= PURPOSE_PARTS; i++) {
            String part = block.value("НазначениеПлатежа" + i);
            if (part != null && purpose.indexOf(part) < 0) {
                if (purpose.length() > 0) {
                    purpose.append(' ');
                }
                purpose.append(part);
            }
        }
        return purpose.toString();
    }

    private BankDirection direction(Block block, @Nullable LocalDate debited, @Nullable LocalDate credited) {
        boolean payerOwn = isOwn(block.value("ПлательщикСчет")) || isOwn(block.value("ПлательщикРасчСчет"))
                || isOwn(block.value("ПлательщикИИК"));
        boolean payeeOwn = isOwn(block.value("ПолучательСчет")) || isOwn(block.value("ПолучательРасчСчет"))
                || isOwn(block.value("ПолучательИИК"));
        if (payerOwn && payeeOwn) {
            return BankDirection.INTERNAL;
        }
        if (payeeOwn) {
            return BankDirection.IN;
        }
        if (payerOwn) {
            return BankDirection.OUT;
        }
        // No account of the file on either side: the bank's dates still tell which way the money went.
        if (credited != null && debited == null) {
            return BankDirection.IN;
        }
        if (debited != null && credited == null) {
            return BankDirection.OUT;
        }
        return BankDirection.UNKNOWN;
    }

    private boolean isOwn(@Nullable String account) {
        return account != null && ownAccounts.contains(BankValues.account(account));
    }

    @Nullable
    private Block readBlock(String endMarker) throws IOException {
        Block block = new Block();
        String lastKey = null;
        for (Line line = take(); line != null; line = take()) {
            String key = line.key();
            if (key.equals(endMarker)) {
                return block;
            }
            if (SECTION_ACCOUNT.equals(key) || SECTION_DOCUMENT.equals(key) || END_OF_FILE.equals(key)) {
                pushedBack = line;
                return null;
            }
            if (END_ACCOUNT.equals(key) || END_DOCUMENT.equals(key)) {
                continue; // the other block's end marker, stray: nothing to keep
            }
            if (!line.hasValue()) {
                // Some banks wrap a long value (the purpose) onto the next line.
                if (lastKey != null) {
                    block.append(lastKey, line.text());
                }
                continue;
            }
            block.put(key, line.value(), line.number());
            lastKey = key;
        }
        return null;
    }

    @Nullable
    private Line take() throws IOException {
        if (pushedBack != null) {
            Line line = pushedBack;
            pushedBack = null;
            return line;
        }
        for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
            lineNumber++;
            String text = raw.strip();
            if (!text.isEmpty()) {
                return new Line(lineNumber, text);
            }
        }
        return null;
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** One non-blank line of the file, stripped. */
    private record Line(int number, String text) {

        String key() {
            int eq = text.indexOf('=');
            return (eq < 0 ? text : text.substring(0, eq)).strip();
        }

        String value() {
            int eq = text.indexOf('=');
            return eq < 0 ? "" : text.substring(eq + 1).strip();
        }

        boolean hasValue() {
            return text.indexOf('=') >= 0;
        }
    }

    /** The keys and values of one section or document, with the line of each key for problems. */
    private static final class Block {

        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, Integer> lines = new HashMap<>();

        void put(String key, String value, int line) {
            values.put(key, value);
            lines.put(key, line);
        }

        void append(String key, String text) {
            values.merge(key, text, (a, b) -> a.isEmpty() ? b : a + " " + b);
        }

        @Nullable
        String value(String key) {
            return BankValues.blankToNull(values.get(key));
        }

        @Nullable
        String first(String... keys) {
            for (String key : keys) {
                String value = value(key);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        int line(String key, int otherwise) {
            return lines.getOrDefault(key, otherwise);
        }

        @Nullable
        LocalDate date(String key, List<BankProblem> problems) {
            String value = value(key);
            if (value == null) {
                return null;
            }
            try {
                return BankValues.date(value);
            } catch (IllegalArgumentException e) {
                problems.add(new BankProblem(lines.get(key), key, e.getMessage()));
                return null;
            }
        }

        @Nullable
        LocalDate requiredDate(String key, int start, List<BankProblem> problems) {
            if (value(key) == null) {
                problems.add(new BankProblem(start, key, "missing: a payment document needs its date"));
                return null;
            }
            return date(key, problems);
        }

        @Nullable
        BigDecimal amount(String key, List<BankProblem> problems) {
            String value = value(key);
            if (value == null) {
                return null;
            }
            try {
                return BankValues.amount(value);
            } catch (IllegalArgumentException e) {
                problems.add(new BankProblem(lines.get(key), key, e.getMessage()));
                return null;
            }
        }
    }
}
