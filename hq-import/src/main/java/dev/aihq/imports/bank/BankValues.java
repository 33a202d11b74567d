package dev.aihq.imports.bank;

import dev.aihq.imports.ValueFormatException;
import dev.aihq.imports.Values;
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
    private static final Pattern QUOTES = Pattern.compile("[«»\"“”„'`‘’]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private BankValues() {}

    /**
     * Parses an amount as banks write it, with the importers' number rules ({@link Values#decimal(String)}):
     * {@code 1500.00}, {@code 1 500,00}, {@code 1.500,00}, {@code 1,500.00}, {@code -1500}, {@code (1500)}, a
     * currency mark beside the number.
     *
     * @param text the text
     * @return the amount, negative when written so
     * @throws IllegalArgumentException naming the text when it is not an amount
     */
    static BigDecimal amount(String text) {
        BigDecimal amount;
        try {
            amount = Values.decimal(text);
        } catch (ValueFormatException e) {
            throw new IllegalArgumentException("not an amount: «" + text.strip() + "»", e);
        }
        if (amount == null) {
            throw new IllegalArgumentException("not an amount: «" + text.strip() + "»");
        }
        return amount;
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
