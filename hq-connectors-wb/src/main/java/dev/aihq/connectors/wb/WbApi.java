package dev.aihq.connectors.wb;

/**
 * A Wildberries API category. WB serves each category from its own host, and a token issued for one category is
 * refused by the others (reference §2.1). {@link WbConfig} holds a base URL per category, these hosts by
 * default, each overridable (a test points them all at one WireMock server).
 */
public enum WbApi {
    /** Product cards. */
    CONTENT("https://content-api.wildberries.ru"),
    /** Seller analytics. */
    ANALYTICS("https://seller-analytics-api.wildberries.ru"),
    /** Prices and discounts. */
    PRICES("https://discounts-prices-api.wildberries.ru"),
    /** FBS/DBS orders, passes, supplies of assembly tasks, seller-warehouse stock. */
    MARKETPLACE("https://marketplace-api.wildberries.ru"),
    /** Statistics: orders, sales and stocks of every scheme, {@code reportDetailByPeriod}. */
    STATISTICS("https://statistics-api.wildberries.ru"),
    /** Promotion. */
    PROMOTION("https://advert-api.wildberries.ru"),
    /** Feedbacks (reviews) and questions. */
    FEEDBACKS("https://feedbacks-api.wildberries.ru"),
    /** Buyer chat. */
    BUYER_CHAT("https://buyer-chat-api.wildberries.ru"),
    /** Supplies to WB warehouses. */
    SUPPLIES("https://supplies-api.wildberries.ru"),
    /** Returns (buyer claims). */
    RETURNS("https://returns-api.wildberries.ru"),
    /** Documents. */
    DOCUMENTS("https://documents-api.wildberries.ru"),
    /** Finance: the balance. */
    FINANCE("https://finance-api.wildberries.ru"),
    /** Tariffs, news and seller info. */
    COMMON("https://common-api.wildberries.ru"),
    /** Users of the seller cabinet. */
    USERS("https://user-management-api.wildberries.ru");

    private final String defaultBaseUrl;

    WbApi(String defaultBaseUrl) {
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /**
     * Returns WB's production host of this category.
     *
     * @return e.g. {@code https://feedbacks-api.wildberries.ru}
     */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }
}
