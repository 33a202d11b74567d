package dev.aihq.connectors.ozon.internal.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The wire shapes of Ozon's posting methods (reference §3.3): {@code POST /v3/posting/fbs/list},
 * {@code POST /v3/posting/fbs/get} and {@code POST /v2/posting/fbo/list}. Only the fields the connector reads;
 * everything nullable, unknown fields ignored, numbers read leniently (Ozon sends {@code price} as a string).
 */
public final class PostingDtos {

    private PostingDtos() {}

    /**
     * The body of the FBS list and the FBO list.
     *
     * @param dir {@code ASC} or {@code DESC}
     * @param filter the period and status
     * @param limit the page size
     * @param offset how many postings to skip
     * @param with the optional blocks to add
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListRequest(String dir, ListFilter filter, int limit, int offset, @Nullable With with) {}

    /**
     * The filter of a list request.
     *
     * @param since from, ISO 8601 UTC
     * @param to to, ISO 8601 UTC
     * @param status one status, or {@code null} for all
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ListFilter(String since, String to, @Nullable String status) {}

    /**
     * The optional blocks to add to each posting.
     *
     * @param analyticsData {@code analytics_data}
     * @param financialData {@code financial_data}
     */
    public record With(
            @JsonProperty("analytics_data") boolean analyticsData,
            @JsonProperty("financial_data") boolean financialData) {}

    /**
     * The body of {@code /v3/posting/fbs/get}.
     *
     * @param postingNumber the posting
     * @param with the optional blocks
     */
    public record GetRequest(@JsonProperty("posting_number") String postingNumber, With with) {}

    /**
     * The answer of the FBS list: {@code {result:{postings:[…], has_next}}}.
     *
     * @param result the page
     */
    public record FbsListResponse(@Nullable FbsListResult result) {}

    /**
     * One page of the FBS list.
     *
     * @param postings the postings
     * @param hasNext whether another page follows
     */
    public record FbsListResult(
            @Nullable List<PostingDto> postings,
            @JsonProperty("has_next") @Nullable Boolean hasNext) {}

    /**
     * The answer of {@code /v3/posting/fbs/get}: {@code {result:{…posting}}}.
     *
     * @param result the posting
     */
    public record FbsGetResponse(@Nullable PostingDto result) {}

    /**
     * The answer of the FBO list: {@code {result:[…]}} (the reference is silent on it; Ozon's method docs show a
     * bare list and no {@code has_next}: a short page is the last).
     *
     * @param result the postings
     */
    public record FboListResponse(@Nullable List<PostingDto> result) {}

    /**
     * One posting, FBS, rFBS or FBO (the FBO list sends a subset of these).
     *
     * @param postingNumber {@code posting_number}
     * @param orderId {@code order_id}
     * @param orderNumber {@code order_number}
     * @param parentPostingNumber {@code parent_posting_number}
     * @param status {@code status}
     * @param substatus {@code substatus}
     * @param inProcessAt {@code in_process_at}
     * @param shipmentDate {@code shipment_date}
     * @param deliveringDate {@code delivering_date}
     * @param createdAt {@code created_at} (FBO)
     * @param deliveryMethod {@code delivery_method}
     * @param trackingNumber {@code tracking_number}
     * @param tplIntegrationType {@code tpl_integration_type}
     * @param isExpress {@code is_express}
     * @param products {@code products}
     * @param analyticsData {@code analytics_data}
     * @param customer {@code customer} (rFBS only; {@code null} for FBS and FBO)
     * @param addressee {@code addressee} (rFBS only)
     */
    public record PostingDto(
            @JsonProperty("posting_number") @Nullable String postingNumber,
            @JsonProperty("order_id") @Nullable Long orderId,
            @JsonProperty("order_number") @Nullable String orderNumber,
            @JsonProperty("parent_posting_number") @Nullable String parentPostingNumber,
            @Nullable String status,
            @Nullable String substatus,
            @JsonProperty("in_process_at") @Nullable String inProcessAt,
            @JsonProperty("shipment_date") @Nullable String shipmentDate,
            @JsonProperty("delivering_date") @Nullable String deliveringDate,
            @JsonProperty("created_at") @Nullable String createdAt,
            @JsonProperty("delivery_method") @Nullable DeliveryMethodDto deliveryMethod,
            @JsonProperty("tracking_number") @Nullable String trackingNumber,
            @JsonProperty("tpl_integration_type") @Nullable String tplIntegrationType,
            @JsonProperty("is_express") @Nullable Boolean isExpress,
            @Nullable List<ProductDto> products,
            @JsonProperty("analytics_data") @Nullable AnalyticsDto analyticsData,
            @Nullable CustomerDto customer,
            @Nullable AddresseeDto addressee) {}

    /**
     * {@code delivery_method}.
     *
     * @param id the method's id
     * @param name its name
     * @param warehouseId the warehouse's id
     * @param warehouse the warehouse's name
     * @param tplProviderId the delivery service's id
     * @param tplProvider the delivery service's name
     */
    public record DeliveryMethodDto(
            @Nullable Long id,
            @Nullable String name,
            @JsonProperty("warehouse_id") @Nullable Long warehouseId,
            @Nullable String warehouse,
            @JsonProperty("tpl_provider_id") @Nullable Long tplProviderId,
            @JsonProperty("tpl_provider") @Nullable String tplProvider) {}

    /**
     * One line of {@code products}.
     *
     * @param price the unit price, a decimal string such as {@code "1259"} (a number is read too)
     * @param currencyCode ISO 4217, e.g. {@code RUB}
     * @param offerId the seller's article
     * @param name the product name
     * @param sku Ozon's SKU
     * @param quantity the units
     */
    public record ProductDto(
            @Nullable String price,
            @JsonProperty("currency_code") @Nullable String currencyCode,
            @JsonProperty("offer_id") @Nullable String offerId,
            @Nullable String name,
            @Nullable Long sku,
            @Nullable Integer quantity) {}

    /**
     * {@code analytics_data}.
     *
     * @param region the delivery region
     * @param city the delivery city
     * @param deliveryType e.g. {@code PVZ}, {@code Courier}
     * @param isPremium whether the buyer has Ozon Premium
     * @param paymentTypeGroupName how the buyer paid
     * @param warehouse the warehouse's name
     * @param tplProvider the delivery service
     * @param deliveryDateBegin the delivery window's start
     * @param deliveryDateEnd the delivery window's end
     * @param isLegal whether the buyer is a legal entity
     */
    public record AnalyticsDto(
            @Nullable String region,
            @Nullable String city,
            @JsonProperty("delivery_type") @Nullable String deliveryType,
            @JsonProperty("is_premium") @Nullable Boolean isPremium,
            @JsonProperty("payment_type_group_name") @Nullable String paymentTypeGroupName,
            @Nullable String warehouse,
            @JsonProperty("tpl_provider") @Nullable String tplProvider,
            @JsonProperty("delivery_date_begin") @Nullable String deliveryDateBegin,
            @JsonProperty("delivery_date_end") @Nullable String deliveryDateEnd,
            @JsonProperty("is_legal") @Nullable Boolean isLegal) {}

    /**
     * {@code customer} of an rFBS posting.
     *
     * @param customerId Ozon's id of the buyer
     * @param name the buyer's name
     * @param phone the substitute (proxy) number
     * @param address the delivery address
     */
    public record CustomerDto(
            @JsonProperty("customer_id") @Nullable Long customerId,
            @Nullable String name,
            @Nullable String phone,
            @Nullable AddressDto address) {}

    /**
     * {@code customer.address}.
     *
     * @param addressTail street, house, flat
     * @param city the city
     * @param comment the buyer's comment
     * @param country the country
     * @param district the district
     * @param latitude the latitude
     * @param longitude the longitude
     * @param providerPvzCode the pick-up point's code at the delivery service
     * @param pvzCode the pick-up point's code
     * @param region the region
     * @param zipCode the postcode
     */
    public record AddressDto(
            @JsonProperty("address_tail") @Nullable String addressTail,
            @Nullable String city,
            @Nullable String comment,
            @Nullable String country,
            @Nullable String district,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @JsonProperty("provider_pvz_code") @Nullable String providerPvzCode,
            @JsonProperty("pvz_code") @Nullable String pvzCode,
            @Nullable String region,
            @JsonProperty("zip_code") @Nullable String zipCode) {}

    /**
     * {@code addressee} of an rFBS posting.
     *
     * @param name the recipient's name
     * @param phone the recipient's number; one doc version says it is always {@code ""}
     */
    public record AddresseeDto(@Nullable String name, @Nullable String phone) {}
}
