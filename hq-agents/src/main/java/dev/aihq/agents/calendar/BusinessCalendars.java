package dev.aihq.agents.calendar;

import dev.aihq.api.calendar.BusinessCalendar;
import dev.aihq.api.calendar.DeadlineShift;
import dev.aihq.api.error.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipped business calendars and the reader of their data files.
 *
 * <p>A data file ({@code <COUNTRY>.calendar} next to this class) has header lines {@code key: value}
 * ({@code country}, {@code covers: <first> <last>}, {@code deadline-shift: <next-working-day|none>
 * <confirmed|unconfirmed> <source>}) and then one named day a line: {@code yyyy-MM-dd <holiday|day-off|working-day>
 * <description>}. {@code #} starts a comment. Every other day is a working day unless it is a Saturday or Sunday.
 * A bad line fails the whole file with a {@link ConfigurationException} naming the file and the line: a calendar
 * that silently skipped a holiday would move a due date the wrong way.
 */
public final class BusinessCalendars {

    /** The countries with shipped calendars. */
    public static final List<String> SHIPPED = List.of("KZ", "RU");

    private static final Map<String, BusinessCalendar> CACHE = new ConcurrentHashMap<>();

    private BusinessCalendars() {}

    /**
     * Returns the shipped calendar of a country (Kazakhstan and Russia, 2025–2026).
     *
     * @param country {@code KZ} or {@code RU}, any case
     * @return the calendar
     * @throws ConfigurationException when the country has no shipped calendar, naming the ones there are
     */
    public static BusinessCalendar shipped(String country) {
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (!SHIPPED.contains(code)) {
            throw new ConfigurationException("no business calendar is shipped for '" + country + "'; shipped: "
                    + String.join(", ", SHIPPED));
        }
        return CACHE.computeIfAbsent(code, BusinessCalendars::loadResource);
    }

    /**
     * Returns every shipped calendar by country code.
     *
     * @return {@code KZ} and {@code RU}
     */
    public static Map<String, BusinessCalendar> allShipped() {
        Map<String, BusinessCalendar> all = new HashMap<>();
        for (String code : SHIPPED) {
            all.put(code, shipped(code));
        }
        return Map.copyOf(all);
    }

    /**
     * Reads a calendar from the text of a data file.
     *
     * @param fileName the file's name, for error messages
     * @param text the file's content
     * @return the calendar
     * @throws ConfigurationException naming the file and line of the first problem
     */
    public static BusinessCalendar parse(String fileName, String text) {
        String country = null;
        LocalDate first = null;
        LocalDate last = null;
        DeadlineShift shift = null;
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = stripComment(lines[i]);
            if (line.isEmpty()) {
                continue;
            }
            if (!Character.isDigit(line.charAt(0))) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw problem(fileName, lineNumber, "expected 'key: value' or 'yyyy-MM-dd kind description'");
                }
                String key = line.substring(0, colon).strip();
                String value = line.substring(colon + 1).strip();
                switch (key) {
                    case "country" -> country = requireCountry(fileName, lineNumber, value);
                    case "covers" -> {
                        String[] range = value.split("\\s+");
                        if (range.length != 2) {
                            throw problem(fileName, lineNumber, "covers needs '<first day> <last day>'");
                        }
                        first = date(fileName, lineNumber, range[0]);
                        last = date(fileName, lineNumber, range[1]);
                        if (last.isBefore(first)) {
                            throw problem(fileName, lineNumber, "covered range ends before it starts");
                        }
                    }
                    case "deadline-shift" -> shift = shift(fileName, lineNumber, value);
                    default -> throw problem(fileName, lineNumber, "unknown header '" + key
                            + "' (known: country, covers, deadline-shift)");
                }
                continue;
            }
            if (country == null || first == null || last == null || shift == null) {
                throw problem(fileName, lineNumber, "days must come after the country, covers and deadline-shift headers");
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3) {
                throw problem(fileName, lineNumber, "a day needs 'yyyy-MM-dd kind description'");
            }
            LocalDate date = date(fileName, lineNumber, parts[0]);
            if (date.isBefore(first) || date.isAfter(last)) {
                throw problem(fileName, lineNumber, date + " is outside the covered range " + first + " to " + last);
            }
            DayKind kind = kind(fileName, lineNumber, parts[1]);
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (kind == DayKind.WORKING_DAY && !weekend) {
                throw problem(fileName, lineNumber, date + " is a " + date.getDayOfWeek()
                        + "; only a weekend day can be made a working day");
            }
            if (kind == DayKind.DAY_OFF && weekend) {
                throw problem(fileName, lineNumber, date + " is a " + date.getDayOfWeek() + ", a day off already");
            }
            if (days.putIfAbsent(date, new CalendarDay(date, kind, parts[2].strip())) != null) {
                throw problem(fileName, lineNumber, date + " is listed twice");
            }
        }
        if (country == null || first == null || last == null || shift == null) {
            throw new ConfigurationException(fileName + ": missing header(s): country, covers and deadline-shift are required");
        }
        return new TableCalendar(country, first, last, shift, days);
    }

    private static BusinessCalendar loadResource(String code) {
        String name = code + ".calendar";
        try (InputStream in = BusinessCalendars.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ConfigurationException("calendar data file " + name + " is missing from the classpath");
            }
            BusinessCalendar calendar = parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!calendar.country().equals(code)) {
                throw new ConfigurationException(name + ": declares country " + calendar.country() + ", expected " + code);
            }
            return calendar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar data file " + name, e);
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    private static String requireCountry(String fileName, int line, String value) {
        if (!value.matches("[A-Z]{2}")) {
            throw problem(fileName, line, "country must be an ISO 3166-1 alpha-2 code in capitals, got '" + value + "'");
        }
        return value;
    }

    private static LocalDate date(String fileName, int line, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw problem(fileName, line, "'" + text + "' is not a date yyyy-MM-dd");
        }
    }

    private static DayKind kind(String fileName, int line, String text) {
        for (DayKind kind : DayKind.values()) {
            if (kind.code().equals(text)) {
                return kind;
            }
        }
        throw problem(fileName, line, "unknown day kind '" + text + "' (known: holiday, day-off, working-day)");
    }

    private static DeadlineShift shift(String fileName, int line, String value) {
        String[] parts = value.split("\\s+", 3);
        if (parts.length < 3) {
            throw problem(fileName, line, "deadline-shift needs '<next-working-day|none> <confirmed|unconfirmed> <source>'");
        }
        boolean moves;
        switch (parts[0]) {
            case "next-working-day" -> moves = true;
            case "none" -> moves = false;
            default -> throw problem(fileName, line, "deadline-shift rule must be next-working-day or none, got '"
                    + parts[0] + "'");
        }
        boolean confirmed;
        switch (parts[1]) {
            case "confirmed" -> confirmed = true;
            case "unconfirmed" -> confirmed = false;
            default -> throw problem(fileName, line, "deadline-shift status must be confirmed or unconfirmed, got '"
                    + parts[1] + "'");
        }
        return new DeadlineShift(moves, parts[2].strip(), confirmed);
    }

    private static ConfigurationException problem(String fileName, int line, String message) {
        return new ConfigurationException(fileName + " line " + line + ": " + message);
    }
}
