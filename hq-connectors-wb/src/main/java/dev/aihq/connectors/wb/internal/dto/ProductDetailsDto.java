package dev.aihq.connectors.wb.internal.dto;

import javax.annotation.Nullable;

/**
 * {@code productDetails} of a feedback or question.
 *
 * @param nmId WB's article
 * @param imtId the card id
 * @param productName the product's name
 * @param supplierArticle the seller's article
 * @param supplierName the seller's name
 * @param brandName the brand
 * @param size the size (feedbacks only)
 */
public record ProductDetailsDto(
        @Nullable Long nmId,
        @Nullable Long imtId,
        @Nullable String productName,
        @Nullable String supplierArticle,
        @Nullable String supplierName,
        @Nullable String brandName,
        @Nullable String size) {}
