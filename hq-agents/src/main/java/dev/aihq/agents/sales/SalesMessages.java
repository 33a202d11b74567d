package dev.aihq.agents.sales;

import dev.aihq.agents.PromptTemplate;
import dev.aihq.api.Money;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.PromoCode;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sales agent's deterministic messages: the shop's own template from
 * {@link ShopSettings#messageTemplates()}, or the default shipped as a resource under
 * {@code /dev/aihq/agents/sales/templates/}, filled in by code. These are what a customer gets when no
 * model runs, and the draft whose facts a model's text must keep.
 *
 * <p>Templates after a purchase: {@value #UPSELL} (first purchase, a product to offer),
 * {@value #REPEAT_SALE} (repeat customer, a product to offer) and {@value #THANKS} (no product qualifies:
 * thanks and a review request). Their placeholders:
 *
 * <ul>
 *   <li>{@code {{shop_name}}}, {@code {{order_id}}}, {@code {{product}}} (the first bought item);</li>
 *   <li>{@code {{recommended_product}}}, {@code {{recommended_price}}} (e.g. {@code 12 990 ₸}) when a
 *       product is offered;</li>
 *   <li>{@code {{review_discount}}} (the shop's review discount in percent, e.g. {@code 5});</li>
 *   <li>{@code {{promo_code}}}, {@code {{promo_discount}}} when the shop has a promo code valid on the
 *       purchase's day; a template that uses them makes the offer carry that code.</li>
 * </ul>
 *
 * <p>The reply template {@value #REPLY} has {@code {{shop_name}}}. A shop template that uses a
 * placeholder without a value fails the run with a reason naming it, rather than sending a broken
 * message.
 */
public final class SalesMessages {

    /** Template after a first purchase with a product to offer. */
    public static final String UPSELL = "upsell";
    /** Template after a repeat purchase with a product to offer. */
    public static final String REPEAT_SALE = "repeat_sale";
    /** Template after a purchase when no product qualifies: thanks and a review request. */
    public static final String THANKS = "thanks";
    /** Template answering a customer's message. */
    public static final String REPLY = "reply";
    /** The template of a review request about a delivered order. */
    public static final String REVIEW = "review";
    /** The template of a review request to a returning customer, with the shop's review discount. */
    public static final String REVIEW_DISCOUNT = "review_discount";

    private static final String DEFAULTS = "/dev/aihq/agents/sales/templates/";
    private static final Map<String, PromptTemplate> DEFAULT_TEMPLATES = new ConcurrentHashMap<>();

    private SalesMessages() {}

    /**
     * Builds the message after a purchase: {@value #UPSELL} or {@value #REPEAT_SALE} when a product is
     * recommended, else {@value #THANKS}.
     *
     * @param context the purchase context
     * @return the offer, carrying the recommended SKU and the promo code the template uses
     */
    public static SalesOffer purchaseOffer(PurchaseContext context) {
        if (PurchaseTrigger.ORDER_DELIVERED.equals(context.event().trigger())) {
            return reviewRequest(context);
        }
        Product recommendation = context.recommendation();
        String name;
        OfferKind kind;
        if (recommendation == null) {
            name = THANKS;
            kind = OfferKind.REVIEW_REQUEST;
        } else if (context.firstPurchase()) {
            name = UPSELL;
            kind = OfferKind.UPSELL;
        } else {
            name = REPEAT_SALE;
            kind = OfferKind.REPEAT_SALE;
        }
        PromptTemplate template = template(context.shop(), name);
        Map<String, String> values = templateVariables(context);
        SalesOffer.Builder offer = SalesOffer.builder(kind, template.render(values).strip());
        if (recommendation != null) {
            offer.offeredProduct(recommendation.sku());
        }
        Optional<PromoCode> promo = promoCode(context);
        if (promo.isPresent() && (template.uses("promo_code") || template.uses("promo_discount"))) {
            offer.promoCode(promo.get().code()).discountPercent(promo.get().discountPercent());
        } else if (template.uses("review_discount")
                && context.shop().settings().reviewDiscountPercent().signum() > 0) {
            offer.discountPercent(context.shop().settings().reviewDiscountPercent());
        }
        return offer.build();
    }

    /**
     * Builds the review request about a delivered order from the {@value #REVIEW} template, or, for a
     * customer who bought before when the shop gives a review discount, from {@value #REVIEW_DISCOUNT} with
     * that discount. The discount is the same whatever the customer writes in the review: marketplaces ban
     * rewarding positive reviews, so the message never ties the two.
     *
     * @param context the purchase context
     * @return the offer, of kind {@link OfferKind#REVIEW_REQUEST}, offering no product; with the discount
     *     when one is given
     */
    public static SalesOffer reviewRequest(PurchaseContext context) {
        BigDecimal discount = context.shop().settings().reviewDiscountPercent();
        boolean withDiscount = !context.firstPurchase() && discount.signum() > 0;
        PromptTemplate template = template(context.shop(), withDiscount ? REVIEW_DISCOUNT : REVIEW);
        SalesOffer.Builder offer = SalesOffer.builder(OfferKind.REVIEW_REQUEST,
                template.render(templateVariables(context)).strip());
        if (withDiscount && template.uses("review_discount")) {
            offer.discountPercent(discount);
        }
        return offer.build();
    }

    /**
     * Builds the answer to a customer's message from the {@value #REPLY} template: a polite answer
     * offering help.
     *
     * @param context the reply context
     * @return the offer, of kind {@link OfferKind#REPLY}, offering no product
     */
    public static SalesOffer replyOffer(ReplyContext context) {
        Map<String, String> values = Map.of("shop_name", context.shop().name());
        return SalesOffer.builder(OfferKind.REPLY, template(context.shop(), REPLY,
                SalesLanguage.of(context.shop(), context.reply().text())).render(values).strip()).build();
    }

    /**
     * Returns the values of a purchase message's placeholders; see the type's description.
     *
     * @param context the purchase context
     * @return the values by placeholder name
     */
    public static Map<String, String> templateVariables(PurchaseContext context) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("shop_name", context.shop().name());
        values.put("order_id", context.event().orderId().value());
        values.put("product", context.firstItem().name());
        Product recommendation = context.recommendation();
        if (recommendation != null) {
            values.put("recommended_product", recommendation.name());
            values.put("recommended_price", formatPrice(recommendation.price()));
        }
        values.put("review_discount", percent(context.shop().settings().reviewDiscountPercent()));
        promoCode(context).ifPresent(promo -> {
            values.put("promo_code", promo.code());
            values.put("promo_discount", percent(promo.discountPercent()));
        });
        return values;
    }

    /**
     * Returns the first of the shop's promo codes valid on the purchase's local day.
     *
     * @param context the purchase context
     * @return the code, or empty
     */
    public static Optional<PromoCode> promoCode(PurchaseContext context) {
        Shop shop = context.shop();
        LocalDate day = LocalDate.ofInstant(context.event().occurredAt(), shop.zone());
        return shop.settings().promoCodes().stream()
                .filter(p -> p.validUntil() == null || !p.validUntil().isBefore(day))
                .findFirst();
    }

    /**
     * Returns a shop's template by name: its own from the settings, else the shipped default.
     *
     * @param shop the shop
     * @param name the template name
     * @return the template
     * @throws dev.aihq.api.error.ConfigurationException when neither exists
     */
    public static PromptTemplate template(Shop shop, String name) {
        return template(shop, name, SalesLanguage.of(shop));
    }

    /**
     * Returns a shop's template by name: its own from the settings (written in the shop's language), else
     * the shipped default in a language.
     *
     * @param shop the shop
     * @param name the template name
     * @param language the language of the shipped default
     * @return the template
     * @throws dev.aihq.api.error.ConfigurationException when neither exists
     */
    public static PromptTemplate template(Shop shop, String name, SalesLanguage language) {
        return shop.settings().template(name)
                .map(text -> PromptTemplate.named("template '" + name + "' of shop " + shop.id(), text))
                .orElseGet(() -> DEFAULT_TEMPLATES.computeIfAbsent(language.resourceFolder() + name,
                        path -> PromptTemplate.resource(DEFAULTS + path + ".txt")));
    }

    /**
     * Formats a price the way customers read it: whole amounts without decimals, thousands separated by
     * a space, the currency sign after the amount ({@code 12 990 ₸}, {@code 1 290 ₽},
     * {@code 1 499,50 ₽}).
     *
     * @param price the price
     * @return the text
     */
    public static String formatPrice(Money price) {
        BigDecimal amount = price.amount().stripTrailingZeros();
        boolean whole = amount.scale() <= 0;
        BigDecimal shown = whole ? amount.setScale(0, RoundingMode.UNNECESSARY)
                : amount.setScale(Math.max(2, price.currency().getDefaultFractionDigits()), RoundingMode.HALF_UP);
        String plain = shown.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(integer.charAt(i));
        }
        if (dot >= 0) {
            grouped.append(',').append(plain.substring(dot + 1));
        }
        return (shown.signum() < 0 ? "-" : "") + grouped + " " + sign(price);
    }

    private static String sign(Money price) {
        switch (price.currency().getCurrencyCode()) {
            case "KZT":
                return "₸";
            case "RUB":
                return "₽";
            default:
                return price.currency().getCurrencyCode().toUpperCase(Locale.ROOT);
        }
    }

    private static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
