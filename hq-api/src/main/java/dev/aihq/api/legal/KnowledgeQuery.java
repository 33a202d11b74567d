package dev.aihq.api.legal;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * What the legal agent looks up for an event: free text (the fine reason, the product, the buyer's demand)
 * narrowed to a jurisdiction and marketplace.
 *
 * <p>With a jurisdiction, only entries of that jurisdiction are returned; with a marketplace, only law
 * (entries without a marketplace) and that marketplace's entries. With a shop id, the documents that
 * shop's integrator added are searched too; without one, no shop's documents are.
 *
 * @param text         the words to look for; not blank
 * @param jurisdiction ISO 3166 alpha-2 upper-case country ({@code KZ}, {@code RU}), or {@code null} for any
 * @param marketplace  the shop's marketplace, or {@code null} for any
 * @param limit        the most passages to return, 1–100
 * @param shopId       the shop whose own documents are searched as well, or {@code null}
 */
public record KnowledgeQuery(
        String text,
        @Nullable String jurisdiction,
        @Nullable Marketplace marketplace,
        int limit,
        @Nullable ShopId shopId) {

    /** The limit used by {@link #of(String, String, Marketplace)}. */
    public static final int DEFAULT_LIMIT = 8;

    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}");

    /** Validates the text, the jurisdiction's format and the limit. */
    public KnowledgeQuery {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("query text must not be blank");
        }
        if (jurisdiction != null && !JURISDICTION.matcher(jurisdiction).matches()) {
            throw new IllegalArgumentException("jurisdiction must be two upper-case letters, got '" + jurisdiction + "'");
        }
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1-100, got " + limit);
        }
    }

    /**
     * A query with the {@link #DEFAULT_LIMIT default limit} and no shop documents.
     *
     * @param text         the words to look for
     * @param jurisdiction the country, or {@code null} for any
     * @param marketplace  the marketplace, or {@code null} for any
     * @return the query
     */
    public static KnowledgeQuery of(String text, @Nullable String jurisdiction, @Nullable Marketplace marketplace) {
        return new KnowledgeQuery(text, jurisdiction, marketplace, DEFAULT_LIMIT, null);
    }

    /**
     * The same query with another limit.
     *
     * @param newLimit the most passages to return, 1–100
     * @return the query
     */
    public KnowledgeQuery withLimit(int newLimit) {
        return new KnowledgeQuery(text, jurisdiction, marketplace, newLimit, shopId);
    }

    /**
     * The same query searching a shop's own documents as well.
     *
     * @param shop the shop
     * @return the query
     */
    public KnowledgeQuery forShop(ShopId shop) {
        return new KnowledgeQuery(text, jurisdiction, marketplace, limit, Objects.requireNonNull(shop, "shop"));
    }
}
