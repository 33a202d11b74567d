package dev.aihq.agents.sales;

import dev.aihq.agents.PromptTemplate;
import dev.aihq.agents.sales.selection.Candidate;
import dev.aihq.agents.sales.selection.CustomerProfile;
import dev.aihq.agents.sales.selection.Segment;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopPromise;
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.Purchase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sales agent's prompts and the variables that fill them. The prompts ship as resources under
 * {@code /dev/aihq/agents/prompts/}; the variables carry only what code decided (the product to offer,
 * its price, the promo code) and the facts of the order, never a phone number. The model is asked for
 * {@code {"text": "..."}}, read by {@link SalesOfferParser}.
 */
public final class SalesPrompts {

    /** The system prompt resource. */
    public static final String SYSTEM = "/dev/aihq/agents/prompts/sales-system.txt";
    /** The name under which a shop stores its own system prompt. */
    public static final String SYSTEM_NAME = "sales-system";
    /** The name under which a shop stores its own purchase prompt. */
    public static final String PURCHASE_USER_NAME = "sales-purchase-user";
    /** The name under which a shop stores its own reply prompt. */
    public static final String REPLY_USER_NAME = "sales-reply-user";
    /** The user prompt after a purchase. */
    public static final String PURCHASE_USER = "/dev/aihq/agents/prompts/sales-purchase-user.txt";
    /** The user prompt for a customer's message. */
    public static final String REPLY_USER = "/dev/aihq/agents/prompts/sales-reply-user.txt";

    private static final int HISTORY_LINES = 5;
    private static final String BASE = "/dev/aihq/agents/prompts/";
    private static final int CONVERSATION_LINE = 300;

    private SalesPrompts() {}

    /**
     * Loads the system prompt.
     *
     * @return the template
     */
    public static PromptTemplate system() {
        return system(SalesLanguage.RU);
    }

    /**
     * Loads the system prompt in a language.
     *
     * @param language the language
     * @return the template
     */
    public static PromptTemplate system(SalesLanguage language) {
        return PromptTemplate.resource(BASE + language.resourceFolder() + "sales-system.txt");
    }

    /**
     * Loads the user prompt after a purchase.
     *
     * @return the template
     */
    public static PromptTemplate purchaseUser() {
        return purchaseUser(SalesLanguage.RU);
    }

    /**
     * Loads the user prompt after a purchase in a language.
     *
     * @param language the language
     * @return the template
     */
    public static PromptTemplate purchaseUser(SalesLanguage language) {
        return PromptTemplate.resource(BASE + language.resourceFolder() + "sales-purchase-user.txt");
    }

    /**
     * Loads the user prompt for a customer's message.
     *
     * @return the template
     */
    public static PromptTemplate replyUser() {
        return replyUser(SalesLanguage.RU);
    }

    /**
     * Loads the user prompt for a customer's message in a language.
     *
     * @param language the language
     * @return the template
     */
    public static PromptTemplate replyUser(SalesLanguage language) {
        return PromptTemplate.resource(BASE + language.resourceFolder() + "sales-reply-user.txt");
    }

    /**
     * Returns the prompt variables after a purchase: the shop ({@code shop_name}, {@code marketplace},
     * {@code tone}), the order ({@code order_id}, {@code items}), the customer ({@code customer},
     * {@code history}), what code decided ({@code task}, {@code promo}) and the template message
     * ({@code draft}).
     *
     * @param context the purchase context
     * @return the values by placeholder name
     */
    public static Map<String, String> purchaseVariables(PurchaseContext context) {
        SalesFragments fragments = SalesFragments.of(SalesLanguage.of(context.shop()));
        Map<String, String> values = shopVariables(context.shop(), fragments);
        values.put("order_id", context.event().orderId().value());
        values.put("items", context.event().items().stream().map(SalesPrompts::line)
                .collect(Collectors.joining("\n")));
        values.put("customer", customer(context, fragments));
        values.put("history", history(context.history(), context.shop(), fragments));
        Product recommendation = context.recommendation();
        SalesOffer draft = SalesMessages.purchaseOffer(context);
        if (draft.kind() == OfferKind.REVIEW_REQUEST && PurchaseTrigger.ORDER_DELIVERED.equals(
                context.event().trigger())) {
            values.put("candidates", fragments.text("candidates.none"));
            BigDecimal discount = draft.discountPercent();
            values.put("task", discount == null
                    ? fragments.text("task.review", Map.of("product", context.firstItem().name()))
                    : fragments.text("task.review_discount", Map.of("product", context.firstItem().name(),
                            "percent", discount.stripTrailingZeros().toPlainString())));
            values.put("promo", fragments.text("promo.none"));
            values.put("draft", draft.text());
            return values;
        }
        if (recommendation != null) {
            values.put("candidates", candidates(context, fragments));
            values.put("task", fragments.text(context.firstPurchase() ? "task.offer" : "task.repeat"));
        } else {
            values.put("candidates", fragments.text("candidates.none"));
            values.put("task", fragments.text("task.no_offer", Map.of("product", context.firstItem().name())));
        }
        values.put("promo", draft.promoCode() == null ? fragments.text("promo.none")
                : fragments.text("promo.code", Map.of("code", draft.promoCode(),
                        "percent", draft.discountPercent().stripTrailingZeros().toPlainString())));
        values.put("draft", draft.text());
        return values;
    }

    /**
     * Returns the prompt variables for a customer's message: the shop, the customer's text
     * ({@code customer_message}, untrusted and fenced in the prompt), the conversation so far
     * ({@code conversation}), the alternatives code allows ({@code candidates}), their recent purchases
     * ({@code history}) and the template answer ({@code draft}).
     *
     * @param context the reply context
     * @return the values by placeholder name
     */
    public static Map<String, String> replyVariables(ReplyContext context) {
        SalesFragments fragments = SalesFragments.of(SalesLanguage.of(context.shop(), context.reply().text()));
        Map<String, String> values = shopVariables(context.shop(), fragments);
        values.put("customer_message", fence(context.reply().text()));
        values.put("conversation", conversation(context, fragments));
        values.put("candidates", context.alternatives().isEmpty() ? fragments.text("candidates.none")
                : candidateLines(context.alternatives(), fragments));
        values.put("history", history(context.recentPurchases(), context.shop(), fragments));
        values.put("draft", SalesMessages.replyOffer(context).text());
        return values;
    }

    /** The customer as the model should see them: first purchase, unknown, or segment with figures. */
    private static String customer(PurchaseContext context, SalesFragments fragments) {
        CustomerProfile profile = context.customer();
        if (profile.segment() == Segment.UNKNOWN) {
            return context.firstPurchase() && context.history().isEmpty() && context.event().customer() != null
                    ? fragments.text("customer.first") : fragments.text("customer.unknown");
        }
        if (profile.segment() == Segment.NEW || profile.purchaseCount() == 0) {
            return fragments.text("customer.first");
        }
        Money average = profile.averageCheck();
        return fragments.text("customer.repeat", Map.of("segment", fragments.text("segment." + profile.segment()),
                "orders", String.valueOf(profile.purchaseCount()),
                "average", average == null ? "—" : SalesMessages.formatPrice(average)));
    }

    /**
     * The ranked candidates, one line each: SKU, name and catalog price exactly as the message must state
     * them, and code's reason. A bundle names both products and both prices. Product names are catalog data
     * the shop controls; they are written as they are, after the fence is kept intact.
     */
    private static String candidates(PurchaseContext context, SalesFragments fragments) {
        if (context.candidates().isEmpty()) {
            Product only = context.recommendation();
            return only == null ? fragments.text("candidates.none") : fragments.text("candidate.line", Map.of(
                    "sku", only.sku().value(), "name", fence(only.name()),
                    "price", SalesMessages.formatPrice(only.price()), "reason", only.category()));
        }
        return candidateLines(context.candidates(), fragments);
    }

    private static String candidateLines(List<Candidate> candidates, SalesFragments fragments) {
        return candidates.stream().map(c -> fragments.text("candidate.line", Map.of(
                "sku", c.products().stream().map(p -> p.sku().value()).collect(Collectors.joining(", ")),
                "name", c.products().stream().map(p -> fence(p.name())).collect(Collectors.joining(" + ")),
                "price", c.products().stream().map(p -> SalesMessages.formatPrice(p.price()))
                        .collect(Collectors.joining(" + ")),
                "reason", c.reason())))
                .collect(Collectors.joining("\n"));
    }

    /**
     * The conversation before the message being answered, one line per message, oldest first, each cut to a
     * few hundred characters: enough to follow the dialogue without spending the prompt on it.
     */
    private static String conversation(ReplyContext context, SalesFragments fragments) {
        if (context.conversation().isEmpty()) {
            return fragments.text("conversation.none");
        }
        return context.conversation().stream()
                .map(m -> fragments.text(m.direction() == ConversationMessage.Direction.INBOUND
                        ? "conversation.customer" : "conversation.shop", Map.of("text", fence(
                        m.text().length() > CONVERSATION_LINE ? m.text().substring(0, CONVERSATION_LINE) + "…"
                                : m.text()).replace('\n', ' '))))
                .collect(Collectors.joining("\n"));
    }

    /** Keeps untrusted text inside its fence in the prompt. */
    static String fence(String untrusted) {
        return untrusted.replace("```", "\'\'\'");
    }

    private static Map<String, String> shopVariables(Shop shop, SalesFragments fragments) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("shop_name", shop.name());
        values.put("marketplace", marketplaceName(shop.marketplace()));
        values.put("tone", shop.settings().toneOfVoice());
        Set<ShopPromise> promises = shop.settings().sales().promises();
        values.put("promises", promises.isEmpty() ? fragments.text("promises.none")
                : promises.stream().sorted().map(p -> fragments.text("promise." + p.name()))
                        .collect(Collectors.joining(", ")));
        return values;
    }

    private static String line(PurchaseItem item) {
        return "- " + item.name() + " × " + item.quantity() + ", " + SalesMessages.formatPrice(item.price());
    }

    private static String history(List<Purchase> purchases, Shop shop, SalesFragments fragments) {
        if (purchases.isEmpty()) {
            return fragments.text("history.none");
        }
        return purchases.stream().limit(HISTORY_LINES)
                .map(p -> "- " + LocalDate.ofInstant(p.occurredAt(), shop.zone()) + ": " + p.items().stream()
                        .map(PurchaseItem::name).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
    }

    private static String marketplaceName(Marketplace marketplace) {
        if (marketplace.equals(Marketplace.KASPI)) {
            return "Kaspi.kz";
        }
        if (marketplace.equals(Marketplace.WILDBERRIES)) {
            return "Wildberries";
        }
        if (marketplace.equals(Marketplace.OZON)) {
            return "Ozon";
        }
        return marketplace.code();
    }
}
