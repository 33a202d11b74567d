package dev.aihq.agents.sales.guard;

import dev.aihq.agents.text.PhraseBook;
import dev.aihq.api.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Finds amounts of money, percentages, order numbers, links, phone numbers and e-mail addresses in
 * {@link PhraseBook#normalize normalised} text. Stateless.
 *
 * <p>The price rule: an amount is a price only when a currency mark stands next to it — {@code ₸}, тг,
 * тенге, теңге, KZT, {@code ₽}, руб, рублей, р., RUB, after the number or (for the signs and codes)
 * before it. The number may group thousands with spaces, no-break spaces or dots ({@code 12 990},
 * {@code 12.990}), carry up to two decimals after a comma or a dot ({@code 1499,50}) and a multiplier
 * ({@code 12 тыс. ₸}, {@code 12к ₸}). A number without a currency mark — an order number, a quantity, a
 * percentage, a model number — is never a price, so it can never trip the price rule.
 */
final class TextScan {

    private static final String NUMBER = "(\\d{1,3}(?:[ .]\\d{3})+|\\d+)(?:[.,](\\d{1,2}))?";
    private static final String MULTIPLIER = "(?:\\s?(тыс\\.?|k|к)(?!\\p{L}))?";
    private static final String CURRENCY = "(₸|тенге|теңге|тг\\.?|kzt|₽|рублей|рубля|рубль|руб\\.?|р\\.|rub|rur)";
    private static final Pattern PRICE_AFTER = Pattern.compile("(?<![\\p{L}\\p{N}.,])" + NUMBER + MULTIPLIER
            + "\\s?" + CURRENCY + "(?!\\p{L})");
    private static final Pattern PRICE_BEFORE = Pattern.compile("(?<!\\p{L})(₸|₽|kzt|rub)\\s?" + NUMBER
            + "(?![\\p{N}])");
    private static final Pattern PERCENT = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])([-−–]\\s?)?(\\d{1,3}(?:[.,]\\d{1,2})?)\\s?(%|процент\\p{L}*|пайыз\\p{L}*|percent)");
    // Words that make a percentage a discount: "скидка 50 %", "50 % off", "жеңілдік 10 %". A percentage far
    // from them ("100 % хлопок") is not a discount.
    private static final Pattern DISCOUNT_WORD = Pattern.compile("скид|дисконт|жеңілдік|жеңілдет|discount"
            + "|(?<!\\p{L})off(?!\\p{L})|(?<!\\p{L})sale(?!\\p{L})|распрода|промокод|промо-код|дешевле|арзан"
            + "|выгод|эконом|уценк|(?<!\\p{L})акци");
    // Half the price in words is a 50 % discount: "за полцены", "жарты бағасына", "half price".
    private static final Pattern HALF_PRICE = Pattern.compile("(?<!\\p{L})(?:пол\\s?-?цены|половин\\p{L}* цены"
            + "|жарты бағас\\p{L}*|жартылай бағас\\p{L}*|half[\\s-]price)(?!\\p{L})");
    private static final int DISCOUNT_WINDOW_BEFORE = 60;
    private static final int DISCOUNT_WINDOW_AFTER = 40;
    // Order numbers are digits or marketplace ids with letters (№512345678, №KSP-556690). After "№" any id
    // counts; after the word "заказ" only one of five characters or more with a digit, so "заказ 2 шт" or
    // "заказ 4 990 ₸" keep their numbers.
    private static final Pattern ORDER_NUMBER = Pattern.compile(
            "(?:№|#|n°)\\s*[\\p{L}\\p{N}][\\p{L}\\p{N}-]*"
                    + "|(?<!\\p{L})(?:заказ\\p{L}*|тапсырыс\\p{L}*|order)\\s+(?:№\\s*|#\\s*|номер\\s*)?"
                    + "(?=[\\p{L}\\p{N}-]*\\d)[\\p{L}\\p{N}][\\p{L}\\p{N}-]{4,}",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern LINK = Pattern.compile("https?://\\S+|www\\.\\S+"
            + "|(?<![\\p{L}\\p{N}@._-])(?:[a-z0-9-]+\\.)+(?:kz|ru|com|net|org|info|biz|su|me|io|shop|store|online"
            + "|site|app|ly|co|xyz|рф|қаз|uz|by|ua|pro|link|cc|to|gl|tv|page)(?:/\\S*)?(?![\\p{L}\\p{N}-])");
    private static final String SEP = "[\\s\\-.]*";
    private static final Pattern PHONE = Pattern.compile(
            // +7 / 8 / 7 and ten digits, in any grouping: +7 701 123 45 67, 8(701)1234567, 77011234567.
            "(?<![\\p{N}+])(?:\\+\\s?7|8|7)" + SEP + "\\(?\\d{3}\\)?" + SEP + "\\d{3}" + SEP + "\\d{2}" + SEP
                    + "\\d{2}(?!\\p{N})"
            // Ten digits of a KZ or RU mobile without the country code: 701 123 45 67, (916) 123-45-67.
            + "|(?<![\\p{N}+])\\(?[79]\\d{2}\\)?" + SEP + "\\d{3}" + SEP + "\\d{2}" + SEP + "\\d{2}(?!\\p{N})"
            // Any other international number.
            + "|\\+\\d{1,3}[\\s\\-.(]*\\d[\\d\\s\\-.()]{6,}\\d");

    private TextScan() {}

    /** An amount of money written in the text. */
    record Price(Money amount, String written) {}

    /** A percentage written in the text, and whether it reads as a discount. */
    record Percent(BigDecimal value, String written, boolean discount) {}

    /**
     * Replaces order numbers ({@code №512345678}, {@code №KSP-556690}, {@code заказ 512345678}) by
     * {@code №}, so no later rule reads them as a phone number, an amount or a promo code.
     *
     * @param text the text, normalised or not
     * @return the text without order numbers
     */
    static String withoutOrderNumbers(String text) {
        return ORDER_NUMBER.matcher(text).replaceAll("№");
    }

    /**
     * Finds the prices in a text.
     *
     * @param normalized normalised text without order numbers
     * @return the prices in order
     */
    static List<Price> prices(String normalized) {
        List<Price> prices = new ArrayList<>();
        Matcher after = PRICE_AFTER.matcher(normalized);
        StringBuilder rest = new StringBuilder(normalized);
        while (after.find()) {
            BigDecimal value = value(after.group(1), after.group(2));
            if (after.group(3) != null) {
                value = value.multiply(BigDecimal.valueOf(1000));
            }
            prices.add(new Price(Money.of(value, currency(after.group(4))), after.group().strip()));
            for (int i = after.start(); i < after.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        Matcher before = PRICE_BEFORE.matcher(rest);
        while (before.find()) {
            prices.add(new Price(Money.of(value(before.group(2), before.group(3)), currency(before.group(1))),
                    before.group().strip()));
        }
        return prices;
    }

    private static BigDecimal value(String integer, @Nullable String decimals) {
        String digits = integer.replace(" ", "").replace(".", "");
        return new BigDecimal(decimals == null ? digits : digits + "." + decimals);
    }

    private static Currency currency(String mark) {
        return switch (mark) {
            case "₸", "тенге", "теңге", "тг", "тг.", "kzt" -> Money.KZT;
            default -> Money.RUB;
        };
    }

    /**
     * Finds the percentages in a text.
     *
     * @param normalized normalised text
     * @return the percentages in order, then each half price written in words ("за полцены") as 50 %
     */
    static List<Percent> percents(String normalized) {
        List<Percent> percents = new ArrayList<>();
        Matcher m = PERCENT.matcher(normalized);
        while (m.find()) {
            BigDecimal value = new BigDecimal(m.group(2).replace(',', '.'));
            String window = normalized.substring(Math.max(0, m.start() - DISCOUNT_WINDOW_BEFORE),
                    Math.min(normalized.length(), m.end() + DISCOUNT_WINDOW_AFTER));
            boolean discount = m.group(1) != null || DISCOUNT_WORD.matcher(window).find();
            percents.add(new Percent(value, m.group().strip(), discount));
        }
        Matcher half = HALF_PRICE.matcher(normalized);
        while (half.find()) {
            percents.add(new Percent(BigDecimal.valueOf(50), half.group(), true));
        }
        return percents;
    }

    /**
     * Finds e-mail addresses.
     *
     * @param normalized normalised text
     * @return the addresses
     */
    static List<String> emails(String normalized) {
        return all(EMAIL, normalized);
    }

    /**
     * Finds links: URLs with a scheme, {@code www.}, {@code t.me/…} and bare domains with or without a path.
     *
     * @param normalized normalised text without e-mail addresses
     * @return the links, trailing punctuation dropped
     */
    static List<String> links(String normalized) {
        List<String> links = new ArrayList<>();
        for (String link : all(LINK, normalized)) {
            links.add(link.replaceAll("[.,;:!?)»\"'…]+$", ""));
        }
        return links;
    }

    /**
     * Finds phone numbers in Kazakh and Russian formats and other international ones.
     *
     * @param normalized normalised text without order numbers
     * @return the numbers as written
     */
    static List<String> phones(String normalized) {
        return all(PHONE, normalized);
    }

    /**
     * Removes e-mail addresses.
     *
     * @param normalized normalised text
     * @return the text with each address replaced by a space
     */
    static String withoutEmails(String normalized) {
        return EMAIL.matcher(normalized).replaceAll(" ");
    }

    /**
     * Removes links and e-mail addresses.
     *
     * @param normalized normalised text
     * @return the text with each replaced by a space
     */
    static String withoutLinks(String normalized) {
        return LINK.matcher(withoutEmails(normalized)).replaceAll(" ");
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group().strip());
        }
        return found;
    }
}
