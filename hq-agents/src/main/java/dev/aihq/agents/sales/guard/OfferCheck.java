package dev.aihq.agents.sales.guard;

import dev.aihq.agents.sales.SalesMessages;
import dev.aihq.agents.text.PhraseBook;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.Sku;
import dev.aihq.api.connector.MessagingRule;
import dev.aihq.api.connector.MessagingRuleKind;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.PromoCode;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopPromise;
import dev.aihq.api.store.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * Checks a sales message a model drafted against what code decided and the shop allows, deterministically
 * and without a model. {@link #problems} returns every problem found, each a short sentence a person and the
 * model can read ({@code price 12 990 ₸ of «Чехол-книжка для Galaxy…» differs from the catalog's 4 990 ₸}),
 * so the model can be asked to repair its draft; no problem means the message may be sent.
 *
 * <p>The rules, in the order their problems are listed:
 *
 * <ol>
 *   <li><b>Text</b>: not blank (invisible characters such as zero-width spaces count as blank) and not
 *       longer than the channel allows.</li>
 *   <li><b>Products</b>: every offered SKU is a candidate, in the catalog, of this shop, active and in
 *       stock, and not in an excluded or restricted category.</li>
 *   <li><b>Offer's promo code and discount</b>: the code is one of the shop's; the discount is that code's
 *       or the shop's review discount (never anything depending on a review's rating: the shop has one).</li>
 *   <li><b>Prices</b>: every price in the text (see {@link TextScan} for what counts as a price) is the
 *       catalog price of an offered product, that price times 2–10, the sum of the offered products, one of
 *       them less the offer's discount (rounded either way to whole units), or a known amount of the order.
 *       Numbers without a currency mark are never prices.</li>
 *   <li><b>Discounts in the text</b>: a percentage next to a discount word (скидка, жеңілдік, off, промокод,
 *       a minus sign…), or half the price in words (за полцены, жарты бағасына), must be a discount the shop gives (its promo codes' and its review discount) and,
 *       when the offer carries a discount, that one.</li>
 *   <li><b>Promo codes in the text</b>: a code after a code word (промокод, код, promo code, купон) or an
 *       upper-case token of letters and digits (five characters or more, not part of a product name) must
 *       be one of the shop's codes.</li>
 *   <li><b>Contacts</b>: no links (http, www, t.me, bare domains with or without a path; the shop's own
 *       marketplace named as a bare domain, e.g. «Kaspi.kz», is allowed), no phone numbers (KZ/RU formats
 *       and any international one; order numbers after № or «заказ» are not phones), no e-mail addresses.
 *       A customer goes nowhere but the marketplace.</li>
 *   <li><b>Promises</b>: free delivery, warranty, gifts, cashback and instalments are mentioned only when
 *       the shop makes that promise ({@code promises_ru.txt}, {@code promises_kk.txt}).</li>
 *   <li><b>Off the marketplace</b>: no payment or purchase outside the marketplace (a card transfer, cash,
 *       the shop's own site or social accounts), and no invitation to another channel of conversation
 *       (Telegram, VK, private messages, a call; {@code off-marketplace.txt}).</li>
 *   <li><b>Review rating</b>: the text asks for no rating or good review ({@code review-rating.txt}:
 *       «5 звёзд», «положительный отзыв», «жақсы пікір»…): the review discount is the same for any review.</li>
 *   <li><b>Restricted categories</b>: the text names neither an excluded category of the context nor a
 *       category restricted by WhatsApp's Commerce Policy or the marketplaces
 *       ({@code restricted-categories.txt}).</li>
 *   <li><b>Language</b>: the text is written in the expected language: not mostly Latin letters; Kazakh
 *       when Kazakh is expected (at least 15 % of the Cyrillic words have a Kazakh-only letter ә ғ қ ң ө ұ ү
 *       һ і or are frequent Kazakh words), not Kazakh when Russian is (3 or more such words making 30 % or
 *       more). Product names, links and codes are left out of the count; texts of fewer than 4 Cyrillic
 *       words pass the Russian/Kazakh test.</li>
 *   <li><b>Formatting</b>: no Markdown fences, {@code **bold**}, headings or links, no HTML tags, no JSON
 *       left from the model's answer.</li>
 *   <li><b>Leakage</b>: no phrase about the model's own instructions ({@code leak-phrases.txt}: «system
 *       prompt», «мои инструкции», «ignore previous»…), no run of {@value #LEAK_NGRAM} words copied from the
 *       system prompt, no name or id of another shop.</li>
 *   <li><b>Marketplace messaging rules</b> ({@link GuardContext#messagingRules()}), each sentence on its
 *       own: a {@link MessagingRuleKind#NO_IMPERSONATION} rule refuses the seller speaking as one of the
 *       rule's protected names ({@code impersonation.txt}: «Вас беспокоит Kaspi», «служба поддержки Kaspi»,
 *       «мы — Kaspi», «Kaspi-ден жазып отырмыз»; naming the marketplace, «ваш заказ на Kaspi», is fine); a
 *       {@link MessagingRuleKind#NO_REVIEW_INCENTIVE} rule refuses a sentence asking for a positive or
 *       five-star review ({@code review-rating.txt}) that names a reward ({@code review-incentive.txt}:
 *       скидка, бонус, подарок, промокод, жеңілдік…). Rules are enforced whatever their
 *       {@link dev.aihq.api.connector.SourceStatus}: an unconfirmed rule is the conservative default. A
 *       {@link MessagingRuleKind#NO_CANCELLATION_REQUEST} rule refuses asking the buyer to cancel, refuse or not
 *       collect the order ({@code cancellation-request.txt}); {@link MessagingRuleKind#NO_PERSONAL_DATA_REQUEST}
 *       asking for a phone, e-mail, address, name, documents or card data ({@code personal-data-request.txt};
 *       the order number is fine); {@link MessagingRuleKind#NO_DISPARAGEMENT} negative statements about
 *       competitors, other sellers or the rule's marketplace names ({@code disparagement.txt});
 *       {@link MessagingRuleKind#NO_RUDENESS} profanity, insults and rudeness ({@code rudeness.txt}). The
 *       problem names the rule's id.</li>
 *   <li><b>Forbidden phrases</b>: none of the shop's forbidden phrases ({@link GuardContext#forbiddenPhrases()})
 *       appears as whole words, ignoring case and ё/е; the problem names the phrase and
 *       {@value #FORBIDDEN_PHRASE_RULE}.</li>
 * </ol>
 *
 * <p>The checker trusts nothing in the text: a customer's message or a product name carrying instructions
 * can change what the model writes, but every amount, code and discount in the result is still compared
 * with the shop's settings and the catalog. Immutable and thread-safe.
 */
public final class OfferCheck {

    /** Where the phrase lists live on the class path. */
    public static final String RESOURCES = "/dev/aihq/agents/sales/guard/";
    /** How many consecutive words shared with the system prompt count as leaking it. */
    public static final int LEAK_NGRAM = 7;
    /** The rule id named by problems about the shop's forbidden phrases. */
    public static final String FORBIDDEN_PHRASE_RULE = "shop.forbidden-phrase";
    /** The placeholder of {@code impersonation.txt} that stands for each protected name. */
    static final String BRAND = "{brand}";

    private static final int MAX_QUANTITY = 10;
    private static final int NAME_SHOWN = 28;
    private static final Pattern CODE_AFTER_WORD = Pattern.compile("(?<!\\p{L})(?:промокод\\p{L}*|промо-код\\p{L}*"
            + "|код\\p{L}{0,2}|promo\\s?code|promocode|coupon|купон\\p{L}*)[\\s:«»\"'“”*—–-]*([a-z0-9][a-z0-9_-]{2,31})"
            + "(?![\\p{L}\\p{N}])");
    private static final Pattern CODE_LIKE = Pattern.compile("(?<![\\p{L}\\p{N}_-])(?=[A-Z0-9_-]*\\d)(?=[A-Z0-9_-]*[A-Z])"
            + "([A-Z0-9][A-Z0-9_-]{4,31})(?![\\p{L}\\p{N}_-])");
    private static final Pattern FORMATTING = Pattern.compile("```|\\*\\*|(?m)^\\s{0,3}#{1,6}\\s"
            + "|\\[[^\\]\\n]+]\\([^)\\n]+\\)|</?[a-zA-Z][^>\\n]*>|\\{\\s*\"text\"\\s*:");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    // A sentence ends at . ! ? or … followed by a space or the end, so "kaspi.kz" and "4.5" stay whole.
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+(?=\\s|$)");
    private static final Map<String, Set<String>> MARKETPLACE_DOMAINS = Map.of(
            Marketplace.KASPI.code(), Set.of("kaspi.kz"),
            Marketplace.WILDBERRIES.code(), Set.of("wildberries.ru", "wb.ru"),
            Marketplace.OZON.code(), Set.of("ozon.ru"));
    private static final Map<ShopPromise, String> PROMISE_NAMES = new EnumMap<>(Map.of(
            ShopPromise.FREE_DELIVERY, "free delivery",
            ShopPromise.WARRANTY, "a warranty",
            ShopPromise.GIFT, "a gift",
            ShopPromise.CASHBACK, "cashback",
            ShopPromise.INSTALMENTS, "instalments",
            ShopPromise.REFUND, "a refund, compensation or replacement"));

    private final PhraseBook restricted;
    private final List<PhraseBook> promises;
    private final PhraseBook leaks;
    private final PhraseBook ratings;
    private final PhraseBook offsite;
    private final List<String> impersonation;
    private final PhraseBook rewards;
    private final PhraseBook cancellations;
    private final PhraseBook personalData;
    private final List<String> disparagement;
    private final PhraseBook rudeness;
    // One compiled list per set of protected names; connectors declare a handful of sets at most.
    private final Map<Set<String>, PhraseBook> impersonationByNames = new ConcurrentHashMap<>();
    private final Map<Set<String>, PhraseBook> disparagementByNames = new ConcurrentHashMap<>();

    OfferCheck(PhraseBook restricted, List<PhraseBook> promises, PhraseBook leaks, PhraseBook ratings,
            PhraseBook offsite, List<String> impersonation, PhraseBook rewards, PhraseBook cancellations,
            PhraseBook personalData, List<String> disparagement, PhraseBook rudeness) {
        for (PhraseBook book : promises) {
            for (String section : book.sectionNames()) {
                try {
                    ShopPromise.valueOf(section);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(book + ": section [" + section
                            + "] is not a ShopPromise (one of " + List.of(ShopPromise.values()) + ")", e);
                }
            }
        }
        this.restricted = restricted;
        this.promises = List.copyOf(promises);
        this.leaks = leaks;
        this.ratings = ratings;
        this.offsite = offsite;
        this.impersonation = List.copyOf(impersonation);
        this.rewards = rewards;
        this.cancellations = cancellations;
        this.personalData = personalData;
        this.disparagement = List.copyOf(disparagement);
        this.rudeness = rudeness;
        // Fails now, naming the resource, rather than on the first message of a marketplace with rules.
        impersonationPhrases(Set.of("brand"));
        disparagementPhrases(Set.of("brand"));
    }

    // Loaded on first use and kept; a failed load is retried on the next call and throws again with the
    // resource's name (a holder class would turn the second failure into a bare NoClassDefFoundError).
    private static volatile @Nullable OfferCheck standard;

    /**
     * Returns the checker with the shipped phrase lists, loaded once.
     *
     * @return the checker
     * @throws IllegalStateException naming the resource when a list is missing or malformed
     */
    public static OfferCheck standard() {
        OfferCheck check = standard;
        if (check == null) {
            synchronized (OfferCheck.class) {
                check = standard;
                if (check == null) {
                    check = new OfferCheck(PhraseBook.load(RESOURCES + "restricted-categories.txt"),
                            List.of(PhraseBook.load(RESOURCES + "promises_ru.txt"),
                                    PhraseBook.load(RESOURCES + "promises_kk.txt")),
                            PhraseBook.load(RESOURCES + "leak-phrases.txt"),
                            PhraseBook.load(RESOURCES + "review-rating.txt"),
                            PhraseBook.load(RESOURCES + "off-marketplace.txt"),
                            PhraseBook.lines(RESOURCES + "impersonation.txt"),
                            PhraseBook.load(RESOURCES + "review-incentive.txt"),
                            PhraseBook.load(RESOURCES + "cancellation-request.txt"),
                            PhraseBook.load(RESOURCES + "personal-data-request.txt"),
                            PhraseBook.lines(RESOURCES + "disparagement.txt"),
                            PhraseBook.load(RESOURCES + "rudeness.txt"));
                    standard = check;
                }
            }
        }
        return check;
    }

    /**
     * Checks an offer.
     *
     * @param offer the draft
     * @param context what it is checked against
     * @return every problem, in the order of the rules; empty when the offer may be sent
     */
    public List<String> problems(SalesOffer offer, GuardContext context) {
        return problems(offer.text(), offer.offeredProducts(), offer.promoCode(), offer.discountPercent(), context);
    }

    /**
     * Checks a draft given by its parts, for drafts that are not a valid {@link SalesOffer} yet (a blank
     * text).
     *
     * @param text the message text
     * @param offeredProducts the SKUs it offers
     * @param promoCode the promo code it carries, or {@code null}
     * @param discountPercent the discount it carries, or {@code null}
     * @param context what it is checked against
     * @return every problem, in the order of the rules; empty when the draft may be sent
     */
    public List<String> problems(String text, List<Sku> offeredProducts, @Nullable String promoCode,
            @Nullable BigDecimal discountPercent, GuardContext context) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(context, "context");
        List<String> problems = new ArrayList<>();
        Shop shop = context.shop();
        String normalized = PhraseBook.normalize(text);

        checkText(text, context, problems);
        List<Product> offered = checkProducts(offeredProducts, context, problems);
        checkOfferDiscount(promoCode, discountPercent, shop, problems);
        String withoutOrders = TextScan.withoutOrderNumbers(normalized);
        checkPrices(withoutOrders, offered, discountPercent, context, problems);
        checkTextDiscounts(withoutOrders, discountPercent, shop, problems);
        checkTextCodes(text, normalized, offered, context, problems);
        checkContacts(withoutOrders, shop, problems);
        checkPromises(normalized, shop, problems);
        checkRating(normalized, problems);
        checkOffsite(normalized, problems);
        checkRestricted(normalized, context, problems);
        checkLanguage(normalized, offered, context, problems);
        checkFormatting(text, problems);
        checkLeaks(normalized, context, problems);
        checkMessagingRules(normalized, context.messagingRules(), problems);
        checkForbiddenPhrases(normalized, context.forbiddenPhrases(), problems);
        return List.copyOf(problems);
    }

    private void checkMessagingRules(String normalized, MessagingRules rules, List<String> problems) {
        if (rules.isEmpty()) {
            return;
        }
        List<String> sentences = List.of(SENTENCE_END.split(normalized));
        for (MessagingRule rule : rules.rules()) {
            switch (rule.kind()) {
                case NO_IMPERSONATION -> firstHit(impersonationPhrases(rule.protectedNames()), sentences)
                        .ifPresent(hit -> problems.add("the text presents the seller as the marketplace («"
                                + hit.found() + "»), which rule " + rule.id() + " forbids: name the marketplace,"
                                + " never speak as it"));
                case NO_REVIEW_INCENTIVE -> {
                    for (String sentence : sentences) {
                        Optional<PhraseBook.Hit> positive = ratings.findAll(sentence).stream().findFirst();
                        Optional<PhraseBook.Hit> reward = rewards.findAll(sentence).stream().findFirst();
                        if (positive.isPresent() && reward.isPresent()) {
                            problems.add("the text offers a reward («" + reward.get().found()
                                    + "») for a positive review («" + positive.get().found() + "»), which rule "
                                    + rule.id() + " forbids: ask for an honest review");
                            break;
                        }
                    }
                }
                case NO_CANCELLATION_REQUEST -> firstHit(cancellations, sentences).ifPresent(hit -> problems.add(
                        "the text asks the buyer to cancel or refuse the order («" + hit.found() + "»), which rule "
                                + rule.id() + " forbids"));
                case NO_PERSONAL_DATA_REQUEST -> firstHit(personalData, sentences).ifPresent(hit -> problems.add(
                        "the text asks for the buyer's personal data («" + hit.found() + "»), which rule "
                                + rule.id() + " forbids: ask for the order number only"));
                case NO_DISPARAGEMENT -> firstHit(disparagementPhrases(rule.protectedNames()), sentences)
                        .ifPresent(hit -> problems.add("the text speaks ill of the marketplace, a competitor or"
                                + " another seller («" + hit.found() + "»), which rule " + rule.id() + " forbids"));
                case NO_RUDENESS -> firstHit(rudeness, sentences).ifPresent(hit -> problems.add(
                        "the text is rude or offensive («" + hit.found() + "»), which rule " + rule.id()
                                + " forbids"));
            }
        }
    }

    private static Optional<PhraseBook.Hit> firstHit(PhraseBook book, List<String> sentences) {
        for (String sentence : sentences) {
            List<PhraseBook.Hit> hits = book.findAll(sentence);
            if (!hits.isEmpty()) {
                return Optional.of(hits.get(0));
            }
        }
        return Optional.empty();
    }

    /** The impersonation phrases with each protected name in place of {@value #BRAND}. */
    private PhraseBook impersonationPhrases(Set<String> names) {
        return impersonationByNames.computeIfAbsent(names,
                n -> withNames("impersonation.txt", impersonation, n));
    }

    /** The disparagement phrases with each marketplace name in place of {@value #BRAND}. */
    private PhraseBook disparagementPhrases(Set<String> names) {
        return disparagementByNames.computeIfAbsent(names,
                n -> withNames("disparagement.txt", disparagement, n));
    }

    private static PhraseBook withNames(String resource, List<String> template, Set<String> names) {
        List<String> lines = new ArrayList<>();
        for (String line : template) {
            if (line.contains(BRAND)) {
                names.forEach(name -> lines.add(line.replace(BRAND, name)));
            } else {
                lines.add(line);
            }
        }
        return PhraseBook.parse(RESOURCES + resource + " for " + names, lines);
    }

    private static void checkForbiddenPhrases(String normalized, Set<String> phrases, List<String> problems) {
        for (String phrase : phrases) {
            Matcher m = PhraseBook.literal(phrase).matcher(normalized);
            if (m.find()) {
                problems.add("the text contains the shop's forbidden phrase «" + phrase + "» («" + m.group()
                        + "»), rule " + FORBIDDEN_PHRASE_RULE);
            }
        }
    }

    private static void checkText(String text, GuardContext context, List<String> problems) {
        if (visible(text).isBlank()) {
            problems.add("the text is blank");
        } else if (text.length() > context.maxTextLength()) {
            problems.add("the text is " + text.length() + " characters, the channel allows "
                    + context.maxTextLength());
        }
    }

    private static String visible(String text) {
        // Zero-width spaces, joiners and other format characters render as nothing.
        return text.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private List<Product> checkProducts(List<Sku> skus, GuardContext context, List<String> problems) {
        List<Product> offered = new ArrayList<>();
        Set<String> excluded = context.excludedCategories().stream()
                .map(c -> c.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (Sku sku : skus) {
            Optional<Product> found = context.product(sku);
            if (found.isEmpty()) {
                problems.add("offered product " + sku + " is not in the catalog");
                continue;
            }
            Product p = found.get();
            if (!p.shopId().equals(context.shop().id())) {
                problems.add("offered product " + sku + " belongs to another shop (" + p.shopId() + ")");
                continue;
            }
            if (!context.isCandidate(sku)) {
                problems.add("offered product " + sku + " is not among the products chosen for this message");
            }
            if (!p.available()) {
                problems.add("offered product " + sku + " is not available (inactive or out of stock)");
            }
            if (excluded.contains(p.category().strip().toLowerCase(Locale.ROOT))) {
                problems.add("offered product " + sku + " is in the excluded category '" + p.category() + "'");
            } else {
                List<PhraseBook.Hit> hits = restricted.findAll(PhraseBook.normalize(p.category() + " | " + p.name()));
                if (!hits.isEmpty()) {
                    problems.add("offered product " + sku + " is in the restricted category '"
                            + hits.get(0).section() + "'");
                }
            }
            offered.add(p);
        }
        return offered;
    }

    private static void checkOfferDiscount(@Nullable String code, @Nullable BigDecimal discount,
            Shop shop, List<String> problems) {
        Optional<PromoCode> promo = Optional.empty();
        if (code != null) {
            promo = shop.settings().promoCodes().stream().filter(p -> p.code().equals(code)).findFirst();
            if (promo.isEmpty()) {
                problems.add("promo code '" + code + "' is not one of the shop's");
            }
        }
        if (discount != null) {
            boolean promoDiscount = promo.isPresent() && promo.get().discountPercent().compareTo(discount) == 0;
            BigDecimal review = shop.settings().reviewDiscountPercent();
            boolean reviewDiscount = review.signum() > 0 && review.compareTo(discount) == 0;
            if (!promoDiscount && !reviewDiscount) {
                problems.add("discount " + percent(discount)
                        + " % is neither the promo code's nor the shop's review discount");
            }
        }
    }

    private static void checkPrices(String normalized, List<Product> offered, @Nullable BigDecimal discount,
            GuardContext context, List<String> problems) {
        List<TextScan.Price> prices = TextScan.prices(normalized);
        if (prices.isEmpty()) {
            return;
        }
        Set<Money> allowed = new HashSet<>(context.knownAmounts());
        Money sum = null;
        for (Product p : offered) {
            Money price = p.price();
            for (int n = 1; n <= MAX_QUANTITY; n++) {
                allowed.add(price.times(n));
            }
            if (discount != null && discount.signum() > 0) {
                Money reduced = price.times(BigDecimal.ONE.subtract(discount.movePointLeft(2)));
                allowed.add(reduced);
                for (RoundingMode mode : List.of(RoundingMode.HALF_UP, RoundingMode.FLOOR, RoundingMode.CEILING)) {
                    allowed.add(new Money(reduced.amount().setScale(0, mode), price.currency()));
                }
            }
            sum = sum == null ? price : sameCurrency(sum, price) ? sum.plus(price) : sum;
        }
        if (sum != null) {
            allowed.add(sum);
        }
        for (TextScan.Price written : prices) {
            if (allowed.contains(written.amount())) {
                continue;
            }
            String shown = SalesMessages.formatPrice(written.amount());
            if (offered.isEmpty()) {
                problems.add("price " + shown + " is not the price of any offered product (the message offers none)");
            } else {
                Product nearest = offered.stream()
                        .min(Comparator.comparing(p -> distance(p.price(), written.amount()))).orElseThrow();
                problems.add("price " + shown + " of «" + shorten(nearest.name()) + "» differs from the catalog's "
                        + SalesMessages.formatPrice(nearest.price()));
            }
        }
    }

    private static boolean sameCurrency(Money a, Money b) {
        return a.currency().equals(b.currency());
    }

    private static BigDecimal distance(Money a, Money b) {
        // A price in another currency is farther than any in the same one.
        return sameCurrency(a, b) ? a.amount().subtract(b.amount()).abs() : new BigDecimal("1e30");
    }

    private static void checkTextDiscounts(String normalized, @Nullable BigDecimal offerDiscount, Shop shop,
            List<String> problems) {
        Set<BigDecimal> given = new LinkedHashSet<>();
        shop.settings().promoCodes().forEach(p -> given.add(p.discountPercent().stripTrailingZeros()));
        if (shop.settings().reviewDiscountPercent().signum() > 0) {
            given.add(shop.settings().reviewDiscountPercent().stripTrailingZeros());
        }
        String givenText = given.isEmpty() ? "none"
                : given.stream().map(d -> percent(d) + " %").collect(Collectors.joining(", "));
        Set<BigDecimal> reported = new HashSet<>();
        for (TextScan.Percent p : TextScan.percents(normalized)) {
            BigDecimal value = p.value().stripTrailingZeros();
            if (!p.discount() || !reported.add(value)) {
                continue;
            }
            if (!given.contains(value)) {
                problems.add("discount " + percent(value) + " % in the text is not one the shop gives (it gives "
                        + givenText + ")");
            } else if (offerDiscount != null && offerDiscount.compareTo(value) != 0) {
                problems.add("discount " + percent(value) + " % in the text differs from the offer's "
                        + percent(offerDiscount) + " %");
            }
        }
    }

    private static void checkTextCodes(String text, String normalized, List<Product> offered, GuardContext context,
            List<String> problems) {
        Set<String> shopCodes = context.shop().settings().promoCodes().stream()
                .map(p -> p.code().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String names = PhraseBook.normalize(productNames(offered, context));
        Set<String> foreign = new LinkedHashSet<>();
        Matcher after = CODE_AFTER_WORD.matcher(normalized);
        while (after.find()) {
            String code = after.group(1);
            // A code word followed by a number only is an order or pickup code, not a promo code.
            if (code.chars().anyMatch(Character::isLetter) && !shopCodes.contains(code)) {
                foreign.add(text.substring(after.start(1), after.end(1)));
            }
        }
        // Marketplace order ids look like codes (KSP-556690) but follow "№" or "заказ".
        Matcher like = CODE_LIKE.matcher(TextScan.withoutOrderNumbers(text));
        while (like.find()) {
            String code = like.group(1).toLowerCase(Locale.ROOT);
            if (!shopCodes.contains(code) && !names.contains(code)) {
                foreign.add(like.group(1));
            }
        }
        Set<String> seen = new HashSet<>();
        for (String code : foreign) {
            if (seen.add(code.toLowerCase(Locale.ROOT))) {
                problems.add("promo code '" + code + "' in the text is not one of the shop's");
            }
        }
    }

    private static String productNames(List<Product> offered, GuardContext context) {
        StringBuilder b = new StringBuilder(context.shop().name());
        for (Product p : offered) {
            b.append(" | ").append(p.name()).append(" | ").append(p.sku().value());
        }
        for (Product p : context.candidates()) {
            b.append(" | ").append(p.name()).append(" | ").append(p.sku().value());
        }
        return b.toString();
    }

    private static void checkContacts(String normalized, Shop shop, List<String> problems) {
        Set<String> ownDomains = MARKETPLACE_DOMAINS.getOrDefault(shop.marketplace().code(), Set.of());
        List<String> links = TextScan.links(TextScan.withoutEmails(normalized)).stream()
                .filter(link -> !ownDomains.contains(link)).distinct().toList();
        if (!links.isEmpty()) {
            problems.add("the text has " + (links.size() == 1 ? "a link " : "links ") + quoted(links)
                    + "; customers are kept on the marketplace");
        }
        List<String> phones = TextScan.phones(TextScan.withoutLinks(normalized)).stream().distinct().toList();
        if (!phones.isEmpty()) {
            problems.add("the text has " + (phones.size() == 1 ? "a phone number " : "phone numbers ") + quoted(phones));
        }
        List<String> emails = TextScan.emails(normalized).stream().distinct().toList();
        if (!emails.isEmpty()) {
            problems.add("the text has " + (emails.size() == 1 ? "an e-mail address " : "e-mail addresses ")
                    + quoted(emails));
        }
    }

    private void checkPromises(String normalized, Shop shop, List<String> problems) {
        Set<ShopPromise> made = shop.settings().sales().promises();
        for (ShopPromise promise : ShopPromise.values()) {
            if (made.contains(promise)) {
                continue;
            }
            for (PhraseBook book : promises) {
                Optional<PhraseBook.Hit> hit = book.find(promise.name(), normalized);
                if (hit.isPresent()) {
                    problems.add("the text promises " + PROMISE_NAMES.get(promise) + " («" + hit.get().found()
                            + "»), which the shop does not offer");
                    break;
                }
            }
        }
    }

    private void checkOffsite(String normalized, List<String> problems) {
        for (PhraseBook.Hit hit : offsite.findAll(normalized)) {
            problems.add("channels".equals(hit.section())
                    ? "the text invites the buyer to another channel («" + hit.found() + "»); the conversation"
                            + " stays on the marketplace"
                    : "the text takes the sale or the payment off the marketplace («" + hit.found() + "»)");
        }
    }

    private void checkRating(String normalized, List<String> problems) {
        for (PhraseBook.Hit hit : ratings.findAll(normalized)) {
            problems.add("the text asks for a rating or a good review («" + hit.found()
                    + "»); a review is asked for as is, and its discount never depends on the rating");
        }
    }

    private void checkRestricted(String normalized, GuardContext context, List<String> problems) {
        for (String category : context.excludedCategories()) {
            String c = PhraseBook.normalize(category.strip());
            if (!c.isEmpty() && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(c) + "(?![\\p{L}\\p{N}])")
                    .matcher(normalized).find()) {
                problems.add("the text names the excluded category '" + category + "'");
            }
        }
        for (PhraseBook.Hit hit : restricted.findAll(normalized)) {
            problems.add("the text mentions «" + hit.found() + "» of the restricted category '" + hit.section() + "'");
        }
    }

    private static void checkLanguage(String normalized, List<Product> offered, GuardContext context,
            List<String> problems) {
        String rest = TextScan.withoutLinks(normalized);
        // Product and shop names are often Latin ("Samsung Galaxy A55") whatever the message's language.
        for (String name : productNames(offered, context).split(" \\| ")) {
            String n = PhraseBook.normalize(name.strip());
            if (!n.isEmpty()) {
                rest = rest.replace(n, " ");
            }
        }
        Set<String> latinNameWords = new HashSet<>();
        Matcher words = WORD.matcher(PhraseBook.normalize(productNames(offered, context)));
        while (words.find()) {
            latinNameWords.add(words.group());
        }
        StringBuilder kept = new StringBuilder();
        Matcher m = WORD.matcher(rest);
        while (m.find()) {
            String w = m.group();
            boolean code = w.chars().anyMatch(Character::isDigit);
            if (!code && !latinNameWords.contains(w)) {
                kept.append(w).append(' ');
            }
        }
        LanguageHeuristic.problem(kept.toString(), context.expectedLanguage()).ifPresent(problems::add);
    }

    private static void checkFormatting(String text, List<String> problems) {
        Matcher m = FORMATTING.matcher(text);
        if (m.find()) {
            problems.add("the text has Markdown, HTML or JSON left in («" + m.group().strip()
                    + "»); WhatsApp shows it as is");
        }
    }

    private void checkLeaks(String normalized, GuardContext context, List<String> problems) {
        for (PhraseBook.Hit hit : leaks.findAll(normalized)) {
            problems.add("the text talks about the assistant's instructions («" + hit.found() + "»)");
        }
        String prompt = context.systemPrompt();
        if (prompt != null) {
            copiedRun(normalized, PhraseBook.normalize(prompt)).ifPresent(run ->
                    problems.add("the text repeats the system prompt («" + run + "»)"));
        }
        for (String marker : context.foreignMarkers()) {
            String m = PhraseBook.normalize(marker);
            if (m.length() >= 3 && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(m) + "(?![\\p{L}\\p{N}])")
                    .matcher(normalized).find()) {
                problems.add("the text names another shop's data («" + marker + "»)");
            }
        }
    }

    private static Optional<String> copiedRun(String text, String prompt) {
        List<String> promptWords = words(prompt);
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + LEAK_NGRAM <= promptWords.size(); i++) {
            grams.add(String.join(" ", promptWords.subList(i, i + LEAK_NGRAM)));
        }
        List<String> textWords = words(text);
        for (int i = 0; i + LEAK_NGRAM <= textWords.size(); i++) {
            String gram = String.join(" ", textWords.subList(i, i + LEAK_NGRAM));
            if (grams.contains(gram)) {
                return Optional.of(gram);
            }
        }
        return Optional.empty();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "«" + v + "»").collect(Collectors.joining(", "));
    }

    private static String shorten(String name) {
        if (name.length() <= NAME_SHOWN) {
            return name;
        }
        // Cut at a word boundary so the reader still recognises the product.
        String cut = name.substring(0, NAME_SHOWN);
        int space = cut.lastIndexOf(' ');
        return (space > NAME_SHOWN / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }

    private static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
