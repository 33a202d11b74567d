package dev.aihq.imports.bank;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/** The number, date and text conventions of Kazakh and Russian bank files, shared by both readers. */
final class BankValues {

    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}|\\d{2})");
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    // Spaces of every width banks and spreadsheets put between thousands, and the Swiss-style apostrophe.
    private static final Pattern GROUPING = Pattern.compile("[\\s\\u00A0\\u2007\\u202F'’]");
    // A currency written after the number: "1 500,00 ₸", "1500 руб.", "1500 KZT".
    private static final Pattern CURRENCY_SUFFIX = Pattern.compile("[\\p{L}\\p{Sc}]+\\.?$");
    private static final Pattern QUOTES = Pattern.compile("[«»\"“”„'`‘’]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private BankValues() {}

    /**
     * Parses an amount as banks write it: {@code 1500.00}, {@code 1 500,00}, {@code 1.500,00}, {@code 1,500.00},
     * {@code -1500}, {@code (1500)}, a currency after the number.
     *
     * @param text the text
     * @return the amount, negative when written so
     * @throws IllegalArgumentException naming the text when it is not an amount
     */
    static BigDecimal amount(String text) {
        String s = GROUPING.matcher(text).replaceAll("");
        s = CURRENCY_SUFFIX.matcher(s).replaceAll("");
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        if (s.startsWith("-") || s.startsWith("−")) {
            negative = !negative;
            s = s.substring(1);
        } else if (s.startsWith("+")) {
            s = s.substring(1);
        }
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            // Both: the later one separates the decimals, the other groups thousands.
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            // A single comma is the local decimal separator; several can only group thousands.
            s = s.indexOf(',') == comma ? s.replace(',', '.') : s.replace(",", "");
        } else if (dot >= 0 && s.indexOf('.') != dot) {
            s = s.replace(".", "");
        }
        if (!PLAIN_NUMBER.matcher(s).matches()) {
            throw new IllegalArgumentException("not an amount: «" + text.strip() + "»");
        }
        BigDecimal amount = new BigDecimal(s);
        return negative ? amount.negate() : amount;
    }

    /**
     * Parses a date as banks write it: {@code dd.MM.yyyy} (also with {@code /} or {@code -}, one-digit day and
     * month, a two-digit year of this century) or {@code yyyy-MM-dd}, a time after it ignored.
     *
     * @param text the text
     * @return the date
     * @throws IllegalArgumentException naming the text when it is not a date
     */
    static LocalDate date(String text) {
        String head = text.strip();
        int cut = indexOfTimePart(head);
        if (cut > 0) {
            head = head.substring(0, cut);
        }
        try {
            Matcher dayFirst = DAY_FIRST.matcher(head);
            if (dayFirst.matches()) {
                int year = Integer.parseInt(dayFirst.group(3));
                return LocalDate.of(year < 100 ? 2000 + year : year, Integer.parseInt(dayFirst.group(2)),
                        Integer.parseInt(dayFirst.group(1)));
            }
            Matcher yearFirst = YEAR_FIRST.matcher(head);
            if (yearFirst.matches()) {
                return LocalDate.of(Integer.parseInt(yearFirst.group(1)), Integer.parseInt(yearFirst.group(2)),
                        Integer.parseInt(yearFirst.group(3)));
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a calendar date: «" + text.strip() + "»", e);
        }
        throw new IllegalArgumentException("not a date (dd.MM.yyyy or yyyy-MM-dd): «" + text.strip() + "»");
    }

    private static int indexOfTimePart(String text) {
        int space = text.indexOf(' ');
        int t = text.indexOf('T');
        if (space < 0) {
            return t;
        }
        return t < 0 ? space : Math.min(space, t);
    }

    /**
     * Brings text to the form rules compare: lower case, {@code ё} as {@code е}, no quotes, single spaces.
     *
     * @param text the text
     * @return the normalised text
     */
    static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        return SPACES.matcher(QUOTES.matcher(lower).replaceAll(" ")).replaceAll(" ").strip();
    }

    /**
     * Strips a value and turns an empty one into {@code null}, since bank files write absent fields as empty.
     *
     * @param value the value, or {@code null}
     * @return the stripped value, or {@code null} when blank
     */
    @Nullable
    static String blankToNull(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /**
     * Brings an account number to one form for comparison: no spaces, upper case.
     *
     * @param account the account
     * @return the account as compared
     */
    static String account(String account) {
        return SPACES.matcher(account).replaceAll("").toUpperCase(Locale.ROOT);
    }
}
