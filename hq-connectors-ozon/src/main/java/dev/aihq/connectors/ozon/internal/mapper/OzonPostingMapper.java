package dev.aihq.connectors.ozon.internal.mapper;

import dev.aihq.api.PhoneNumber;
import dev.aihq.connectors.ozon.OzonAddress;
import dev.aihq.connectors.ozon.OzonAnalytics;
import dev.aihq.connectors.ozon.OzonDeliveryContact;
import dev.aihq.connectors.ozon.OzonDeliveryMethod;
import dev.aihq.connectors.ozon.OzonPosting;
import dev.aihq.connectors.ozon.OzonPostingProduct;
import dev.aihq.connectors.ozon.OzonResponseException;
import dev.aihq.connectors.ozon.OzonScheme;
import dev.aihq.connectors.ozon.internal.dto.PostingDtos.AddressDto;
import dev.aihq.connectors.ozon.internal.dto.PostingDtos.AnalyticsDto;
import dev.aihq.connectors.ozon.internal.dto.PostingDtos.CustomerDto;
import dev.aihq.connectors.ozon.internal.dto.PostingDtos.DeliveryMethodDto;
import dev.aihq.connectors.ozon.internal.dto.PostingDtos.PostingDto;
import dev.aihq.connectors.ozon.internal.dto.PostingDtos.ProductDto;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Turns Ozon's posting DTOs into {@link OzonPosting}s, leniently: dates that do not parse are {@code null}, a price
 * that is not a number is {@code null}, a phone that is not one is {@code null}. Only a posting without
 * {@code posting_number} is an error.
 *
 * <p><b>The scheme.</b> A posting from the FBO list is FBO. One from the FBS list is rFBS when
 * {@code tpl_integration_type} says the seller delivers ({@code non_integrated}, {@code 3pl_tracking},
 * {@code aggregator}; Ozon's method docs, the reference lists the field without its values) or, when the type is
 * absent or unknown, when it carries a {@code customer}; otherwise FBS. A contact is read for rFBS only.
 */
public final class OzonPostingMapper {

    /** {@code tpl_integration_type} values of postings the seller delivers. */
    public static final Set<String> SELLER_DELIVERY_TYPES = Set.of("non_integrated", "3pl_tracking", "aggregator");

    private OzonPostingMapper() {}

    /**
     * Maps one posting.
     *
     * @param dto the wire posting
     * @param fbo whether it came from the FBO list
     * @param request the request, for the error message
     * @return the posting
     * @throws OzonResponseException when it has no {@code posting_number}
     */
    public static OzonPosting posting(PostingDto dto, boolean fbo, String request) {
        String number = dto.postingNumber() == null ? "" : dto.postingNumber().strip();
        if (number.isEmpty()) {
            throw new OzonResponseException(200, "posting_number", request
                    + ": malformed response: a posting has no posting_number", null);
        }
        OzonScheme scheme = fbo ? OzonScheme.FBO : scheme(dto);
        Instant inProcessAt = instant(dto.inProcessAt());
        if (inProcessAt == null) {
            inProcessAt = instant(dto.createdAt());
        }
        return new OzonPosting(number, dto.orderId(), blankToNull(dto.orderNumber()),
                blankToNull(dto.parentPostingNumber()), scheme,
                dto.status() == null ? "" : dto.status().strip().toLowerCase(Locale.ROOT),
                blankToNull(dto.substatus()), inProcessAt, instant(dto.shipmentDate()), instant(dto.deliveringDate()),
                products(dto.products()), deliveryMethod(dto.deliveryMethod()), blankToNull(dto.trackingNumber()),
                blankToNull(dto.tplIntegrationType()), analytics(dto.analyticsData()),
                scheme == OzonScheme.RFBS ? contact(dto.customer()) : null);
    }

    /**
     * Maps a page of postings.
     *
     * @param dtos the wire postings, or {@code null}
     * @param fbo whether they came from the FBO list
     * @param request the request, for error messages
     * @return the postings
     */
    public static List<OzonPosting> postings(@Nullable List<PostingDto> dtos, boolean fbo, String request) {
        List<OzonPosting> out = new ArrayList<>();
        if (dtos != null) {
            for (PostingDto dto : dtos) {
                if (dto != null) {
                    out.add(posting(dto, fbo, request));
                }
            }
        }
        return out;
    }

    private static OzonScheme scheme(PostingDto dto) {
        String type = dto.tplIntegrationType() == null ? "" : dto.tplIntegrationType().strip().toLowerCase(Locale.ROOT);
        if (SELLER_DELIVERY_TYPES.contains(type)) {
            return OzonScheme.RFBS;
        }
        if (type.equals("ozon")) {
            return OzonScheme.FBS;
        }
        return dto.customer() != null ? OzonScheme.RFBS : OzonScheme.FBS;
    }

    private static List<OzonPostingProduct> products(@Nullable List<ProductDto> dtos) {
        List<OzonPostingProduct> out = new ArrayList<>();
        if (dtos == null) {
            return out;
        }
        for (ProductDto p : dtos) {
            if (p == null) {
                continue;
            }
            int quantity = p.quantity() == null || p.quantity() < 1 ? 1 : p.quantity();
            out.add(new OzonPostingProduct(p.sku(), blankToNull(p.offerId()), p.name() == null ? "" : p.name().strip(),
                    quantity, decimal(p.price()), blankToNull(p.currencyCode())));
        }
        return out;
    }

    private static @Nullable OzonDeliveryMethod deliveryMethod(@Nullable DeliveryMethodDto d) {
        return d == null ? null : new OzonDeliveryMethod(d.id(), d.name(), d.warehouseId(), d.warehouse(),
                d.tplProviderId(), d.tplProvider());
    }

    private static @Nullable OzonAnalytics analytics(@Nullable AnalyticsDto a) {
        return a == null ? null : new OzonAnalytics(a.region(), a.city(), a.deliveryType(), a.isPremium(),
                a.paymentTypeGroupName(), a.warehouse(), a.tplProvider(), instant(a.deliveryDateBegin()),
                instant(a.deliveryDateEnd()), a.isLegal());
    }

    private static @Nullable OzonDeliveryContact contact(@Nullable CustomerDto c) {
        if (c == null) {
            return null;
        }
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parseContact(c.phone()).orElse(null);
        } catch (IllegalArgumentException e) {
            phone = null;
        }
        AddressDto a = c.address();
        OzonAddress address = a == null ? null : new OzonAddress(a.addressTail(), a.city(), a.comment(), a.country(),
                a.district(), a.latitude(), a.longitude(), a.providerPvzCode(), a.pvzCode(), a.region(), a.zipCode());
        return new OzonDeliveryContact(c.customerId(), blankToNull(c.name()), phone, address);
    }

    /**
     * Parses an Ozon date-time leniently: ISO 8601 with an offset or {@code Z}, or a bare local date-time in UTC.
     *
     * @param text the text, or {@code null}
     * @return the instant, or {@code null} when absent or unreadable
     */
    public static @Nullable Instant instant(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(t.replace(' ', 'T') + (t.endsWith("Z") ? "" : "Z"));
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static @Nullable BigDecimal decimal(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
