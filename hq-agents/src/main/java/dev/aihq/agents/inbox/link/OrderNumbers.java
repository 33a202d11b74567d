package dev.aihq.agents.inbox.link;

import dev.aihq.api.Marketplace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the order numbers a buyer may have written in a message, per marketplace, most likely first: the seed's
 * workaround ("Подскажите номер заказа?" — "Заказ 12345678") when the marketplace gives no link.
 *
 * <ul>
 *   <li><b>Ozon</b>: a posting number {@code 12345678-0018-3}, else an order number {@code 12345678-0018}
 *       (reference §3.3).</li>
 *   <li><b>Wildberries</b>: an assembly task id, sticker or {@code gNumber} (6–20 digits), or a unique order id
 *       ({@code rid}/{@code srid}: 16–40 letters and digits with at least one digit, optionally with
 *       {@code .0.0}-style suffixes) — what the buyer's cabinet and the seller's documents show.</li>
 *   <li><b>Others</b>: runs of 6–20 digits.</li>
 * </ul>
 * A candidate right after «заказ», «номер», «№» or «#» comes first. Phone numbers are skipped: digits introduced by
 * {@code +}, or 11 digits starting with 7 or 8 and written with separators or after «тел». Candidates are only
 * candidates: the caller looks each up in the order index and keeps the one it finds. Stateless and thread-safe.
 */
public final class OrderNumbers {

    /** The most candidates returned. */
    public static final int MAX_CANDIDATES = 5;

    private static final Pattern OZON_POSTING = Pattern.compile("(?<![\\d-])(\\d{5,12}-\\d{4}-\\d{1,3})(?![\\d-])");
    private static final Pattern OZON_ORDER = Pattern.compile("(?<![\\d-])(\\d{5,12}-\\d{4})(?![\\d-])");
    private static final Pattern DIGITS = Pattern.compile("(?<![\\p{L}\\d+.-])(\\d{6,20})(?![\\p{L}\\d])");
    private static final Pattern WB_RID = Pattern.compile("(?<![\\p{L}\\d])((?=[a-z\\d.]*\\d)[a-f\\d]{16,40}"
            + "(?:\\.\\d+){0,3})(?![\\p{L}\\d])");
    private static final Pattern CUE = Pattern.compile("(?:заказ\\p{L}*|номер\\p{L}*|№|#|отправлени\\p{L}*"
            + "|order)\\s*[:№#]?\\s*$");
    private static final Pattern PHONE_CUE = Pattern.compile("(?:тел\\p{L}*|phone|звон\\p{L}*)\\s*[:]?\\s*$");

    private OrderNumbers() {}

    /**
     * Returns the order numbers a message may contain, at most {@value #MAX_CANDIDATES}, most likely first.
     *
     * @param marketplace the marketplace the message came from
     * @param text the buyer's message
     * @return the candidates, exactly as written (stripped); empty when there are none
     */
    public static List<String> candidates(Marketplace marketplace, String text) {
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(text, "text");
        String lower = text.toLowerCase(Locale.ROOT);
        List<Found> found = new ArrayList<>();
        if (marketplace.equals(Marketplace.OZON)) {
            collect(OZON_POSTING, text, lower, found);
            if (found.isEmpty()) {
                collect(OZON_ORDER, text, lower, found);
            }
            if (found.isEmpty()) {
                collect(DIGITS, text, lower, found);
            }
        } else if (marketplace.equals(Marketplace.WILDBERRIES)) {
            collect(DIGITS, text, lower, found);
            collect(WB_RID, lower, lower, found);
        } else {
            collect(DIGITS, text, lower, found);
        }
        Set<String> ordered = new LinkedHashSet<>();
        found.stream().filter(Found::cued).forEach(f -> ordered.add(f.value()));
        found.forEach(f -> ordered.add(f.value()));
        return ordered.stream().limit(MAX_CANDIDATES).toList();
    }

    private static void collect(Pattern pattern, String text, String lower, List<Found> found) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String before = lower.substring(Math.max(0, m.start(1) - 20), m.start(1));
            String value = m.group(1);
            if (looksLikePhone(value, text, m.start(1), before)) {
                continue;
            }
            found.add(new Found(value, CUE.matcher(before).find()));
        }
    }

    private static boolean looksLikePhone(String value, String text, int start, String before) {
        if (start > 0 && text.charAt(start - 1) == '+') {
            return true;
        }
        boolean russianLength = value.length() == 11 && (value.charAt(0) == '7' || value.charAt(0) == '8');
        return russianLength && PHONE_CUE.matcher(before).find();
    }

    private record Found(String value, boolean cued) {}
}
