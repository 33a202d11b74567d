package dev.aihq.imports;

import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import dev.aihq.imports.table.TableCell;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Parsers for the values sellers' files hold, written the way Kazakh and Russian spreadsheets write them.
 *
 * <p><b>Numbers</b>: spaces, no-break spaces and thin spaces group thousands ({@code 1 234 567,89}); with both
 * {@code ,} and {@code .} present the last one is the decimal separator ({@code 1.234,56} and {@code 1,234.56});
 * with one of them only, a single occurrence is the decimal separator ({@code 1234,5}, {@code 1234.5}, and so
 * {@code 1,234} is 1.234 as in Russian writing) and repeated ones group thousands ({@code 1,234,567}); a leading
 * {@code -}, {@code −} or {@code +}, or accounting parentheses {@code (1 234)} for a negative; a currency after or
 * before the number ({@code ₸}, {@code тг}, {@code тенге}, {@code KZT}, {@code ₽}, {@code руб}, {@code р.},
 * {@code RUB}) is checked against the shop's. A lone dash ({@code -}, {@code –}, {@code —}) means no value, as
 * accountants write it. Exponents are refused.
 *
 * <p><b>Dates</b>: {@code dd.MM.yyyy}, {@code dd.MM.yy} (20yy), {@code dd/MM/yyyy}, {@code dd-MM-yyyy} (always day
 * first: the formats of the region), {@code yyyy-MM-dd}, each with an optional time {@code HH:mm} or
 * {@code HH:mm:ss} (fractions ignored), ISO date-times with {@code T} and an offset or {@code Z}; in XLSX a cell
 * formatted as a date, or an Excel serial day number. A date without a time is the start of that day in the
 * shop's zone; a time without an offset is in the shop's zone.
 */
public final class Values {

    private static final Pattern CURRENCY_AFTER = Pattern.compile(
            "(?iu)^(.*?)\\s*(₸|₽|тг\\.?|тенге|kzt|руб\\.?|рублей|р\\.|rub)$");
    private static final Pattern CURRENCY_BEFORE = Pattern.compile("(?iu)^(₸|₽|kzt|rub)\\s*(.*)$");
    private static final Pattern PLAIN = Pattern.compile("\\d+(\\.\\d+)?|\\.\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(X\\d{3})+");
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4}|\\d{2})(?:[ T,]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?");
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    /** Excel's day 1 is 1900-01-01 counted from 1899-12-31 with the phantom 29 February 1900: from 1 March 1900 on, day n is 1899-12-30 + n. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final int EXCEL_MAX_DAY = 2_958_465;
    private static final int EXCERPT = 40;

    private Values() {}

    /**
     * Reads a decimal number.
     *
     * @param text the text
     * @return the number, or {@code null} when the text is empty or a lone dash
     * @throws ValueFormatException when it is not a number
     */
    public static @Nullable BigDecimal decimal(String text) {
        return number(text, null);
    }

    /**
     * Reads an amount of money in the shop's currency.
     *
     * @param text the text, e.g. {@code 1 499,50 ₸}
     * @param currency the shop's currency
     * @return the amount, or {@code null} when the text is empty or a lone dash
     * @throws ValueFormatException when it is not a number or names another currency
     */
    public static @Nullable Money money(String text, Currency currency) {
        BigDecimal amount = number(text, currency);
        return amount == null ? null : Money.of(amount, currency);
    }

    /**
     * Reads a decimal from a cell: a spreadsheet number as it is, else the text.
     *
     * @param cell the cell
     * @param currency the shop's currency, checked against one written in the text; {@code null} for none
     * @return the number, or {@code null} when the cell is empty
     * @throws ValueFormatException when it is not a number
     */
    public static @Nullable BigDecimal decimal(TableCell cell, @Nullable Currency currency) {
        return cell.number() != null ? cell.number() : number(cell.text(), currency);
    }

    /**
     * Reads a point in time from a cell: a spreadsheet date, an Excel serial day number, or a date text.
     *
     * @param cell the cell
     * @param zone the shop's zone, for dates without a time and times without an offset
     * @return the instant, or {@code null} when the cell is empty
     * @throws ValueFormatException when it is not a date
     */
    public static @Nullable Instant instant(TableCell cell, ZoneId zone) {
        if (cell.dateTime() != null) {
            return cell.dateTime().atZone(zone).toInstant();
        }
        if (cell.number() != null) {
            return excelSerial(cell.number()).atZone(zone).toInstant();
        }
        return instant(cell.text(), zone);
    }

    /**
     * Reads a point in time from text.
     *
     * @param text the text
     * @param zone the shop's zone, for dates without a time and times without an offset
     * @return the instant, or {@code null} when the text is empty
     * @throws ValueFormatException when it is not a date in one of the formats
     */
    public static @Nullable Instant instant(String text, ZoneId zone) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            Matcher day = DAY_FIRST.matcher(value);
            if (day.matches()) {
                int year = Integer.parseInt(day.group(3));
                LocalDate date = LocalDate.of(day.group(3).length() == 2 ? 2000 + year : year,
                        Integer.parseInt(day.group(2)), Integer.parseInt(day.group(1)));
                return date.atTime(time(day, 4)).atZone(zone).toInstant();
            }
            Matcher iso = ISO.matcher(value);
            if (iso.matches()) {
                LocalDateTime local = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))).atTime(time(iso, 4));
                String offset = iso.group(7);
                return offset == null ? local.atZone(zone).toInstant()
                        : local.toInstant(ZoneOffset.of("Z".equals(offset) ? "Z" : offset.length() == 5
                                ? offset.substring(0, 3) + ":" + offset.substring(3) : offset));
            }
        } catch (DateTimeException e) {
            throw new ValueFormatException("not a valid date: " + e.getMessage());
        }
        if (PLAIN.matcher(value).matches()) {
            throw new ValueFormatException("a number where a date is expected (a day number is read only from"
                    + " spreadsheet cells)");
        }
        throw new ValueFormatException("not a date; expected dd.MM.yyyy, dd.MM.yy, dd/MM/yyyy or yyyy-MM-dd,"
                + " optionally with HH:mm");
    }

    private static LocalTime time(Matcher matcher, int group) {
        if (matcher.group(group) == null) {
            return LocalTime.MIDNIGHT;
        }
        int seconds = matcher.group(group + 2) == null ? 0 : Integer.parseInt(matcher.group(group + 2));
        return LocalTime.of(Integer.parseInt(matcher.group(group)), Integer.parseInt(matcher.group(group + 1)),
                seconds);
    }

    /**
     * Reads an Excel serial date: whole days since 1899-12-30 (valid from 1 March 1900), the fraction the time.
     *
     * @param serial the serial number
     * @return the local date and time
     * @throws ValueFormatException when it is out of Excel's range
     */
    public static LocalDateTime excelSerial(BigDecimal serial) {
        if (serial.compareTo(BigDecimal.valueOf(61)) < 0 || serial.compareTo(BigDecimal.valueOf(EXCEL_MAX_DAY)) > 0) {
            throw new ValueFormatException("the number " + serial.toPlainString() + " is not a date");
        }
        long days = serial.longValue();
        long seconds = serial.subtract(BigDecimal.valueOf(days)).multiply(BigDecimal.valueOf(86_400))
                .setScale(0, RoundingMode.HALF_UP).longValue();
        return EXCEL_EPOCH.plusDays(days).atStartOfDay().plusSeconds(seconds);
    }

    /**
     * Reads a SKU from a cell; a spreadsheet number is written without a fraction or exponent, as the seller
     * typed it.
     *
     * @param cell the cell
     * @return the SKU, or {@code null} when the cell is empty
     * @throws ValueFormatException when it is not a valid SKU
     */
    public static @Nullable Sku sku(TableCell cell) {
        String text = cell.number() != null ? cell.number().stripTrailingZeros().toPlainString() : cell.text();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Sku.of(text);
        } catch (IllegalArgumentException e) {
            throw new ValueFormatException(e.getMessage());
        }
    }

    /**
     * Shortens a cell's text for an error message.
     *
     * @param text the text
     * @return at most 40 characters, with an ellipsis when cut
     */
    public static String excerpt(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
    }

    private static @Nullable BigDecimal number(String text, @Nullable Currency currency) {
        String value = text.strip().replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2009', ' ');
        if (value.isEmpty() || value.equals("-") || value.equals("–") || value.equals("—")) {
            return null;
        }
        Matcher after = CURRENCY_AFTER.matcher(value);
        Matcher before = CURRENCY_BEFORE.matcher(value);
        if (after.matches()) {
            checkCurrency(after.group(2), currency);
            value = after.group(1).strip();
        } else if (before.matches()) {
            checkCurrency(before.group(1), currency);
            value = before.group(2).strip();
        }
        boolean negative = false;
        if (value.startsWith("(") && value.endsWith(")")) {
            negative = true;
            value = value.substring(1, value.length() - 1).strip();
        }
        if (!value.isEmpty() && (value.charAt(0) == '-' || value.charAt(0) == '−' || value.charAt(0) == '+')) {
            if (negative) {
                throw new ValueFormatException("not a number");
            }
            negative = value.charAt(0) != '+';
            value = value.substring(1).strip();
        }
        String digits = normalise(value.replace(" ", ""));
        if (!PLAIN.matcher(digits).matches()) {
            throw new ValueFormatException("not a number; expected e.g. 1 234,56 or 1234.56");
        }
        BigDecimal number = new BigDecimal(digits.startsWith(".") ? "0" + digits : digits);
        return negative ? number.negate() : number;
    }

    /** Rewrites grouping and decimal separators into a plain {@code 1234.56}, or returns junk for the caller to refuse. */
    private static String normalise(String value) {
        int lastComma = value.lastIndexOf(',');
        int lastDot = value.lastIndexOf('.');
        if (lastComma >= 0 && lastDot >= 0) {
            char decimal = lastComma > lastDot ? ',' : '.';
            char grouping = decimal == ',' ? '.' : ',';
            int at = Math.max(lastComma, lastDot);
            String whole = value.substring(0, at);
            if (whole.indexOf(decimal) >= 0 || !GROUPED.matcher(whole.replace(grouping, 'X')).matches()) {
                return "?";
            }
            return whole.replace(String.valueOf(grouping), "") + "." + value.substring(at + 1);
        }
        char separator = lastComma >= 0 ? ',' : '.';
        int count = (int) value.chars().filter(c -> c == separator).count();
        if (count <= 1) {
            return value.replace(',', '.');
        }
        return GROUPED.matcher(value.replace(separator, 'X')).matches()
                ? value.replace(String.valueOf(separator), "") : "?";
    }

    private static void checkCurrency(String token, @Nullable Currency expected) {
        String lower = token.toLowerCase(Locale.ROOT);
        Currency written = lower.equals("₽") || lower.startsWith("р") || lower.equals("rub") ? Money.RUB : Money.KZT;
        if (expected != null && !written.equals(expected)) {
            throw new ValueFormatException("the amount is in " + written.getCurrencyCode() + ", the shop's currency is "
                    + expected.getCurrencyCode());
        }
    }
}
