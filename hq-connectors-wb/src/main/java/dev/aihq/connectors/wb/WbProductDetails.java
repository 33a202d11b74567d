package dev.aihq.connectors.wb;

import javax.annotation.Nullable;

/**
 * The product a feedback or question is about, as WB names it.
 *
 * @param nmId WB's article (номенклатура), or {@code null} when WB sent none
 * @param imtId the product card's id, or {@code null}
 * @param productName the product's name, or {@code null}
 * @param supplierArticle the seller's own article, or {@code null}
 * @param supplierName the seller's name, or {@code null}
 * @param brandName the brand, or {@code null}
 * @param size the size the buyer bought (feedbacks), or {@code null}
 */
public record WbProductDetails(
        @Nullable Long nmId,
        @Nullable Long imtId,
        @Nullable String productName,
        @Nullable String supplierArticle,
        @Nullable String supplierName,
        @Nullable String brandName,
        @Nullable String size) {}
