package dev.aihq.agents.sales;

import dev.aihq.agents.sales.guard.GuardContext;
import dev.aihq.agents.sales.guard.OfferCheck;
import dev.aihq.agents.sales.guard.OtherShops;
import dev.aihq.api.Money;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Purchase;
import dev.aihq.pipeline.Guard;
import dev.aihq.pipeline.GuardDecision;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Checks a sales message before it reaches a customer (the seed's "ИИ не обещает то, чего нет") with
 * {@link OfferCheck}: the offered products are candidates, in the catalog, available and allowed; the promo
 * code and discount are the shop's; every price, percentage and code in the text matches the catalog and
 * the shop's settings; the text has no links, phone numbers, e-mail addresses, promises the shop does not
 * make, restricted categories, leftover markup, leaked instructions or other shops' data; it is written in
 * the expected language and fits the channel; it keeps to the messaging rules of the shop's marketplace
 * (never posing as the marketplace, no reward for a positive review) and holds none of the shop's
 * forbidden phrases.
 *
 * <p>A message that breaks any rule fails the run with every broken rule in the reason; nothing is sent.
 * {@link #problems} gives the same list, to ask the model for a repaired draft. Thread-safe.
 *
 * @param <C> the context type
 */
public final class SalesOfferGuard<C> implements Guard<C, SalesOffer> {

    // The shop may store its own system prompt; the default one is what most runs use, and the leak
    // phrases catch the rest. Placeholders stay unfilled: they only break runs of words around them.
    private static final String SYSTEM_PROMPT = SalesPrompts.system().text();

    private final OfferCheck check;
    private final BiFunction<C, Shop, GuardContext> contexts;

    /**
     * Creates a guard offering from a list of products the context gives; they serve as both the candidates
     * and the catalog.
     *
     * @param maxTextLength the channel's longest text, in characters
     * @param catalog the products a context allows offering
     */
    public SalesOfferGuard(int maxTextLength, Function<C, List<Product>> catalog) {
        this(OfferCheck.standard(), contexts(maxTextLength, catalog));
    }

    /**
     * Creates a guard that builds the whole check context itself, e.g. with candidates narrower than the
     * catalog, the customer's message or other shops' names.
     *
     * @param check the checker, usually {@link OfferCheck#standard()}
     * @param contexts builds the check context of a run from its context and shop
     */
    public SalesOfferGuard(OfferCheck check, BiFunction<C, Shop, GuardContext> contexts) {
        this.check = Objects.requireNonNull(check, "check");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    private static <C> BiFunction<C, Shop, GuardContext> contexts(int maxTextLength,
            Function<C, List<Product>> catalog) {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("max text length must be positive, got " + maxTextLength);
        }
        Objects.requireNonNull(catalog, "catalog");
        return (context, shop) -> base(shop, maxTextLength).candidates(catalog.apply(context)).build();
    }

    /**
     * A guard for messages after a purchase, offering from the context's catalog; the order's prices may
     * be quoted.
     *
     * @param maxTextLength the channel's longest text
     * @return the guard
     */
    public static SalesOfferGuard<PurchaseContext> forPurchases(int maxTextLength) {
        requirePositive(maxTextLength);
        return new SalesOfferGuard<>(OfferCheck.standard(), (context, shop) -> purchaseContext(context, shop,
                maxTextLength));
    }

    /**
     * A guard for answers to customers' messages; their context has no catalog, so an answer may offer
     * no product. The answer must follow the language of the customer's message.
     *
     * @param maxTextLength the channel's longest text
     * @return the guard
     */
    public static SalesOfferGuard<ReplyContext> forReplies(int maxTextLength) {
        requirePositive(maxTextLength);
        return new SalesOfferGuard<>(OfferCheck.standard(), (context, shop) -> replyContext(context, shop,
                maxTextLength));
    }

    /**
     * A guard for messages after a purchase that also refuses naming another shop of the deployment.
     *
     * @param maxTextLength the channel's longest text
     * @param others the other shops' markers
     * @return the guard
     */
    public static SalesOfferGuard<PurchaseContext> forPurchases(int maxTextLength, OtherShops others) {
        return forPurchases(maxTextLength, others, shop -> MessagingRules.none());
    }

    /**
     * A guard for answers that also refuses naming another shop of the deployment.
     *
     * @param maxTextLength the channel's longest text
     * @param others the other shops' markers
     * @return the guard
     */
    public static SalesOfferGuard<ReplyContext> forReplies(int maxTextLength, OtherShops others) {
        return forReplies(maxTextLength, others, shop -> MessagingRules.none());
    }

    /**
     * A guard for messages after a purchase that refuses naming another shop of the deployment and keeps to
     * the messaging rules of the shop's marketplace.
     *
     * @param maxTextLength the channel's longest text
     * @param others the other shops' markers
     * @param rules the messaging rules of a shop's marketplace, e.g. {@link ConnectorMessagingRules}
     * @return the guard
     */
    public static SalesOfferGuard<PurchaseContext> forPurchases(int maxTextLength, OtherShops others,
            Function<Shop, MessagingRules> rules) {
        requirePositive(maxTextLength);
        Objects.requireNonNull(others, "others");
        Objects.requireNonNull(rules, "rules");
        return new SalesOfferGuard<>(OfferCheck.standard(), (context, shop) -> extended(
                purchaseContext(context, shop, maxTextLength), others, rules));
    }

    /**
     * A guard for answers that refuses naming another shop of the deployment and keeps to the messaging
     * rules of the shop's marketplace.
     *
     * @param maxTextLength the channel's longest text
     * @param others the other shops' markers
     * @param rules the messaging rules of a shop's marketplace, e.g. {@link ConnectorMessagingRules}
     * @return the guard
     */
    public static SalesOfferGuard<ReplyContext> forReplies(int maxTextLength, OtherShops others,
            Function<Shop, MessagingRules> rules) {
        requirePositive(maxTextLength);
        Objects.requireNonNull(others, "others");
        Objects.requireNonNull(rules, "rules");
        return new SalesOfferGuard<>(OfferCheck.standard(), (context, shop) -> extended(
                replyContext(context, shop, maxTextLength), others, rules));
    }

    /** The same check context with the other shops' markers and the marketplace's messaging rules. */
    private static GuardContext extended(GuardContext context, OtherShops others,
            Function<Shop, MessagingRules> rules) {
        return context.withForeignMarkers(others.markersFor(context.shop().id()))
                .withMessagingRules(Objects.requireNonNull(rules.apply(context.shop()), "messaging rules"));
    }

    /**
     * Returns the check context of a message after a purchase: the catalog as candidates, the order's line
     * prices, line totals and total as amounts the text may quote, and the default system prompt.
     *
     * @param context the purchase context
     * @param shop the shop
     * @param maxTextLength the channel's longest text
     * @return the check context
     */
    public static GuardContext purchaseContext(PurchaseContext context, Shop shop, int maxTextLength) {
        GuardContext.Builder b = base(shop, maxTextLength).candidates(context.catalog());
        addAmounts(b, context.event().items());
        return b.build();
    }

    /**
     * Returns the check context of an answer to a customer: the alternatives as candidates, the customer's
     * message for the language, the recent purchases' prices as amounts the text may quote, and the default
     * system prompt.
     *
     * @param context the reply context
     * @param shop the shop
     * @param maxTextLength the channel's longest text
     * @return the check context
     */
    public static GuardContext replyContext(ReplyContext context, Shop shop, int maxTextLength) {
        GuardContext.Builder b = base(shop, maxTextLength).customerMessage(context.reply().text())
                .candidates(context.offerable());
        for (Purchase purchase : context.recentPurchases()) {
            addAmounts(b, purchase.items());
        }
        return b.build();
    }

    private static GuardContext.Builder base(Shop shop, int maxTextLength) {
        return GuardContext.builder(shop).maxTextLength(maxTextLength).systemPrompt(SYSTEM_PROMPT);
    }

    private static void addAmounts(GuardContext.Builder b, List<PurchaseItem> items) {
        Money total = null;
        for (PurchaseItem item : items) {
            Money line = item.price().times(item.quantity());
            b.knownAmount(item.price()).knownAmount(line);
            total = total == null ? line
                    : total.currency().equals(line.currency()) ? total.plus(line) : total;
        }
        if (total != null) {
            b.knownAmount(total);
        }
    }

    private static void requirePositive(int maxTextLength) {
        if (maxTextLength < 1) {
            throw new IllegalArgumentException("max text length must be positive, got " + maxTextLength);
        }
    }

    /**
     * Lists what is wrong with a message, to ask the model for a repaired draft.
     *
     * @param context the context the message was made from
     * @param offer the message
     * @param shop the shop
     * @return every problem; empty when the message may be sent
     */
    public List<String> problems(C context, SalesOffer offer, Shop shop) {
        return check.problems(offer, contexts.apply(context, shop));
    }

    @Override
    public GuardDecision<SalesOffer> check(C context, SalesOffer offer, Shop shop) {
        List<String> problems = problems(context, offer, shop);
        return problems.isEmpty() ? GuardDecision.accept(offer)
                : GuardDecision.fail(offer, String.join("; ", problems));
    }
}
