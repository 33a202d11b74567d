package dev.aihq.agents.finance.narrative;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Checks a narrative the model wrote about a computed report: every number it states must be one of the
 * report's (an amount, a percentage, a count, a date, a period), as written or rounded to the precision the
 * text shows ({@code 1,25 млн} for 1 250 000; {@code 7 %} for 6.96 %); and a clause that says revenue,
 * profit or margin went up or down must agree with the computed change. Anything else is a problem, named
 * in English for the run's reason. Russian, Kazakh and English wording; thousands grouped with spaces,
 * no-break spaces or commas; decimals with a comma or a point. Immutable and thread-safe once built.
 *
 * <pre>{@code
 * NarrativeCheck check = NarrativeCheck.builder()
 *         .amount(new BigDecimal("1250000")).amount(new BigDecimal("420000")).percent(new BigDecimal("33.6"))
 *         .date(LocalDate.of(2026, 8, 15)).label("2026-H1")
 *         .change(Metric.PROFIT, -1)
 *         .build();
 * List<String> problems = check.problems("Прибыль выросла до 430 000 ₸");  // two problems
 * }</pre>
 */
public final class NarrativeCheck {

    /** The figures whose direction of change a narrative may state. */
    public enum Metric {
        /** Revenue (выручка, доход, түсім). */
        REVENUE,
        /** Profit (прибыль, пайда). */
        PROFIT,
        /** Margin (маржа, маржинальность). */
        MARGIN
    }

    private static final Pattern DATE = Pattern.compile("(?<![\\p{N}.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?![\\p{N}])"
            + "|(?<![\\p{N}-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\p{N}])");
    private static final Pattern LABEL = Pattern.compile("(?<![\\p{N}\\p{L}-])\\d{4}-(?:\\d{2}|Q[1-4]|H[12])"
            + "(?![\\p{N}\\p{L}])", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIST_MARK = Pattern.compile("(?m)^\\s*\\d{1,2}[.)]\\s");
    private static final String SPACE = "[ \\u00A0\\u202F]";
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{N}\\p{L}])[-−–]?"
            + "(\\d{1,3}(?:" + SPACE + "\\d{3})+|\\d{1,3}(?:,\\d{3}){2,}|\\d+)"
            + "(?:([.,])(\\d+))?"
            + "(?:" + SPACE + "?(тыс\\.?|тысяч\\p{L}*|мың|млн\\.?|миллион\\p{L}*|млрд\\.?|миллиард\\p{L}*"
            + "|thousand|million|billion)(?![\\p{L}]))?"
            + "(" + SPACE + "?(?:%|процент\\p{L}*|пайыз\\p{L}*|percent))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // A clause ends at a sentence end or a comma, semicolon, colon or dash: "выручка выросла, а прибыль
    // снизилась" is two statements, each judged on its own.
    private static final Pattern CLAUSE = Pattern.compile("[^.!?\\n,;:—–]+");
    private static final Map<Metric, Pattern> METRIC_WORDS = Map.of(
            Metric.REVENUE, Pattern.compile("выручк|доход|оборот|түсім|табыс|revenue|sales", Pattern.CASE_INSENSITIVE
                    | Pattern.UNICODE_CASE),
            Metric.PROFIT, Pattern.compile("прибыл|пайда|profit", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            Metric.MARGIN, Pattern.compile("марж|margin", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    private static final Pattern UP = Pattern.compile("вырос|выросл|увелич|рост|прирост|повысил|өсті|өсу|артты"
            + "|(?<!\\p{L})(?:rose|grew|increas\\p{L}*|up)(?!\\p{L})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DOWN = Pattern.compile("снизил|снижени|упал|падени|уменьш|сократил|сокращени"
            + "|төмендеді|азайды|кеміді|(?<!\\p{L})(?:fell|dropped|decreas\\p{L}*|down)(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d.M.uuuu");

    private final Set<BigDecimal> numbers;
    private final Set<BigDecimal> percents;
    private final Set<LocalDate> dates;
    private final Set<String> labels;
    private final Map<Metric, Integer> changes;

    private NarrativeCheck(Builder builder) {
        this.numbers = Set.copyOf(builder.numbers);
        this.percents = Set.copyOf(builder.percents);
        this.dates = Set.copyOf(builder.dates);
        this.labels = Set.copyOf(builder.labels);
        this.changes = Map.copyOf(builder.changes);
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Lists what is wrong with a narrative: numbers the report does not have, and directions that contradict
     * the computed changes.
     *
     * @param text the narrative
     * @return the problems, empty when the narrative only restates the report
     */
    public List<String> problems(String text) {
        Objects.requireNonNull(text, "text");
        Set<String> problems = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder(text);
        Matcher date = DATE.matcher(text);
        while (date.find()) {
            LocalDate day = parseDate(date);
            if (day == null || !dates.contains(day)) {
                problems.add("states the date " + date.group() + ", which is not in the computed report");
            }
            blank(rest, date.start(), date.end());
        }
        Matcher label = LABEL.matcher(rest);
        while (label.find()) {
            if (!labels.contains(label.group().toUpperCase(Locale.ROOT))) {
                problems.add("states the period " + label.group() + ", which is not in the computed report");
            }
            blank(rest, label.start(), label.end());
        }
        Matcher mark = LIST_MARK.matcher(rest);
        while (mark.find()) {
            blank(rest, mark.start(), mark.end());
        }
        Matcher number = NUMBER.matcher(rest);
        while (number.find()) {
            if (!known(number)) {
                problems.add("states " + number.group().strip() + ", which is not in the computed report");
            }
        }
        problems.addAll(directionProblems(text));
        return List.copyOf(problems);
    }

    private boolean known(Matcher number) {
        String integer = number.group(1).replaceAll("[ \\u00A0\\u202F,]", "");
        String separator = number.group(2);
        String fraction = number.group(3);
        BigDecimal multiplier = multiplier(number.group(4));
        boolean percent = number.group(5) != null;
        List<BigDecimal> readings = new ArrayList<>(2);
        if (fraction == null) {
            readings.add(new BigDecimal(integer));
        } else {
            readings.add(new BigDecimal(integer + "." + fraction));
            // "1,250" may be a thousands group as well as a decimal comma: either reading may be the report's.
            if (",".equals(separator) && fraction.length() == 3 && integer.length() <= 3) {
                readings.add(new BigDecimal(integer + fraction));
            }
        }
        Set<BigDecimal> candidates = percent ? percents : numbers;
        for (BigDecimal reading : readings) {
            int shown = Math.max(0, reading.scale());
            for (BigDecimal value : candidates) {
                BigDecimal scaled = value.abs().divide(multiplier, shown + 6, RoundingMode.HALF_UP)
                        .setScale(shown, RoundingMode.HALF_UP);
                if (scaled.compareTo(reading) == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<String> directionProblems(String text) {
        List<String> problems = new ArrayList<>();
        Matcher clause = CLAUSE.matcher(text);
        while (clause.find()) {
            String s = clause.group();
            boolean up = UP.matcher(s).find();
            boolean down = DOWN.matcher(s).find();
            if (up == down) {
                continue; // neither, or both in one clause: not judged
            }
            for (Map.Entry<Metric, Pattern> metric : METRIC_WORDS.entrySet()) {
                Integer change = changes.get(metric.getKey());
                if (change == null || change == 0 || !metric.getValue().matcher(s).find()) {
                    continue;
                }
                if (up && change < 0 || down && change > 0) {
                    problems.add("says " + metric.getKey().name().toLowerCase(Locale.ROOT) + " went "
                            + (up ? "up" : "down") + ", but the computed change is " + (change > 0 ? "an increase"
                            : "a decrease") + ": \"" + s.strip() + "\"");
                }
            }
        }
        return problems;
    }

    private static BigDecimal multiplier(@Nullable String word) {
        if (word == null) {
            return BigDecimal.ONE;
        }
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("млрд") || w.startsWith("миллиард") || w.equals("billion")) {
            return BigDecimal.valueOf(1_000_000_000L);
        }
        if (w.startsWith("млн") || w.startsWith("миллион") || w.equals("million")) {
            return BigDecimal.valueOf(1_000_000L);
        }
        return BigDecimal.valueOf(1_000L);
    }

    private static @Nullable LocalDate parseDate(Matcher m) {
        try {
            if (m.group(1) != null) {
                return LocalDate.parse(m.group(1) + "." + m.group(2) + "." + m.group(3), DAY_MONTH_YEAR);
            }
            return LocalDate.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
        } catch (DateTimeException e) { // DateTimeParseException is one too
            return null;
        }
    }

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            text.setCharAt(i, ' ');
        }
    }

    /** Builds a {@link NarrativeCheck}. Not thread-safe. */
    public static final class Builder {
        private final Set<BigDecimal> numbers = new HashSet<>();
        private final Set<BigDecimal> percents = new HashSet<>();
        private final Set<LocalDate> dates = new HashSet<>();
        private final Set<String> labels = new HashSet<>();
        private final Map<Metric, Integer> changes = new EnumMap<>(Metric.class);

        private Builder() {}

        /**
         * Allows an amount or a count of the report (a sign is ignored: "убыток 12 000" restates −12 000).
         *
         * @param value the value
         * @return this builder
         */
        public Builder amount(BigDecimal value) {
            numbers.add(value.abs().stripTrailingZeros());
            return this;
        }

        /**
         * Allows a percentage of the report, written with a percent sign or word; it may also be stated
         * without one.
         *
         * @param value the percentage, e.g. {@code 12.5} for 12.5 %
         * @return this builder
         */
        public Builder percent(BigDecimal value) {
            BigDecimal v = value.abs().stripTrailingZeros();
            percents.add(v);
            numbers.add(v);
            return this;
        }

        /**
         * Allows a date of the report (a due date).
         *
         * @param date the date
         * @return this builder
         */
        public Builder date(LocalDate date) {
            dates.add(Objects.requireNonNull(date, "date"));
            numbers.add(BigDecimal.valueOf(date.getYear()));
            return this;
        }

        /**
         * Allows a period label of the report, e.g. {@code 2026-01}, {@code 2026-Q1}, {@code 2026-H1}, and its
         * year as a number.
         *
         * @param label the label
         * @return this builder
         */
        public Builder label(String label) {
            String l = label.strip().toUpperCase(Locale.ROOT);
            labels.add(l);
            Matcher year = Pattern.compile("^(\\d{4})").matcher(l);
            if (year.find()) {
                numbers.add(new BigDecimal(year.group(1)));
            }
            return this;
        }

        /**
         * Records the direction of a computed change, against which "выросла"/"снизилась" is checked.
         *
         * @param metric the figure
         * @param sign positive for an increase, negative for a decrease, zero for none
         * @return this builder
         */
        public Builder change(Metric metric, int sign) {
            changes.put(Objects.requireNonNull(metric, "metric"), Integer.signum(sign));
            return this;
        }

        /**
         * Allows every number, date and period a text of the report states: the sentences the code wrote
         * (loss reasons, rule-based recommendations, warnings), which a narrative may restate.
         *
         * @param text a text of the computed report
         * @return this builder
         */
        public Builder allowNumbersIn(String text) {
            StringBuilder rest = new StringBuilder(text);
            Matcher date = DATE.matcher(text);
            while (date.find()) {
                LocalDate day = parseDate(date);
                if (day != null) {
                    date(day);
                }
                blank(rest, date.start(), date.end());
            }
            Matcher label = LABEL.matcher(rest);
            while (label.find()) {
                label(label.group());
                blank(rest, label.start(), label.end());
            }
            Matcher number = NUMBER.matcher(rest);
            while (number.find()) {
                String integer = number.group(1).replaceAll("[ \\u00A0\\u202F,]", "");
                BigDecimal value = new BigDecimal(number.group(3) == null ? integer : integer + "." + number.group(3))
                        .multiply(multiplier(number.group(4)));
                if (number.group(5) != null) {
                    percent(value);
                } else {
                    amount(value);
                }
            }
            return this;
        }

        /**
         * Builds the check.
         *
         * @return the check
         */
        public NarrativeCheck build() {
            return new NarrativeCheck(this);
        }
    }
}
