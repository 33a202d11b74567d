package dev.aihq.connectors.wb.internal.mapper;

import dev.aihq.api.Money;
import dev.aihq.api.PhoneNumber;
import dev.aihq.connectors.wb.WbBalance;
import dev.aihq.connectors.wb.WbDbsContact;
import dev.aihq.connectors.wb.WbOrder;
import dev.aihq.connectors.wb.WbOrderStatus;
import dev.aihq.connectors.wb.WbResponseException;
import dev.aihq.connectors.wb.WbStatisticsOrder;
import dev.aihq.connectors.wb.internal.dto.BalanceDto;
import dev.aihq.connectors.wb.internal.dto.DbsClientsDto;
import dev.aihq.connectors.wb.internal.dto.OrderStatusesDto;
import dev.aihq.connectors.wb.internal.dto.OrdersPage.OrderDto;
import dev.aihq.connectors.wb.internal.dto.StatisticsOrderDto;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

/**
 * Wildberries' order, status, contact, statistics and balance wire records to the connector's public records. Ids
 * and dates a record cannot do without, and a currency code that names no currency, fail as a
 * {@link WbResponseException} naming the request and the field; everything else is tolerant. Stateless.
 */
public final class WbOrderMapper {

    private static final Map<Integer, Currency> BY_NUMERIC = new ConcurrentHashMap<>();

    static {
        for (Currency currency : Currency.getAvailableCurrencies()) {
            if (currency.getNumericCode() > 0) {
                BY_NUMERIC.putIfAbsent(currency.getNumericCode(), currency);
            }
        }
        // The codes WB documents, pinned whatever the JDK's table holds.
        BY_NUMERIC.put(643, Currency.getInstance("RUB"));
        BY_NUMERIC.put(933, Currency.getInstance("BYN"));
        BY_NUMERIC.put(398, Currency.getInstance("KZT"));
    }

    private WbOrderMapper() {}

    /**
     * Maps an FBS or DBS assembly task.
     *
     * @param request the request, for messages
     * @param dto the wire record
     * @param path its JSON path, e.g. {@code orders[2]}
     * @return the task
     * @throws WbResponseException when the rid or the date is missing or unreadable, or an amount comes with a
     *     currency code that is missing or names no currency
     */
    public static WbOrder order(String request, OrderDto dto, String path) {
        String rid = requireText(request, path + ".rid", dto.rid());
        Instant created = requireDate(request, path + ".createdAt", dto.createdAt());
        List<String> skus = dto.skus() == null ? List.of()
                : dto.skus().stream().filter(s -> s != null && !s.isBlank()).toList();
        Integer code = dto.currencyCode();
        String deliveryType = blankToNull(dto.deliveryType());
        return new WbOrder(dto.id(), rid, blankToNull(dto.orderUid()), blankToNull(dto.article()), dto.nmId(),
                dto.chrtId(), skus, created, dto.warehouseId(), dto.cargoType(),
                deliveryType == null ? null : deliveryType.toLowerCase(Locale.ROOT),
                kopecks(request, path, "price", dto.price(), code),
                kopecks(request, path, "finalPrice", dto.finalPrice(), code),
                kopecks(request, path, "salePrice", dto.salePrice(), code),
                dto.comment() == null || dto.comment().isEmpty() ? null : dto.comment(),
                Boolean.TRUE.equals(dto.isZeroOrder()), null, null);
    }

    /**
     * Maps a task's status.
     *
     * @param request the request, for messages
     * @param dto the wire record
     * @param path its JSON path
     * @return the status
     * @throws WbResponseException when the id is missing
     */
    public static WbOrderStatus status(String request, OrderStatusesDto.Status dto, String path) {
        if (dto.id() == null) {
            throw new WbResponseException(200, path + ".id", request + ": malformed response, " + path
                    + ".id is missing", null);
        }
        return new WbOrderStatus(dto.id(), blankToNull(dto.supplierStatus()), blankToNull(dto.wbStatus()));
    }

    /**
     * Maps a DBS buyer contact; {@code ""} numbers (not assigned yet) become {@code null}.
     *
     * @param request the request, for messages
     * @param dto the wire record
     * @param path its JSON path
     * @return the contact
     * @throws WbResponseException when the order id is missing or a number is not a phone number (the message
     *     masks it)
     */
    public static WbDbsContact contact(String request, DbsClientsDto.Client dto, String path) {
        if (dto.orderId() == null) {
            throw new WbResponseException(200, path + ".orderID", request + ": malformed response, " + path
                    + ".orderID is missing", null);
        }
        List<String> codes = dto.additionalPhoneCodes() == null ? List.of()
                : dto.additionalPhoneCodes().stream().filter(c -> c != null && !c.isBlank()).toList();
        return new WbDbsContact(dto.orderId(), blankToNull(dto.firstName()), blankToNull(dto.fullName()),
                phone(request, path + ".phone", dto.phone()), blankToNull(dto.phoneCode()), codes,
                phone(request, path + ".replacementPhone", dto.replacementPhone()));
    }

    /**
     * Maps a statistics orders row.
     *
     * @param request the request, for messages
     * @param dto the wire record
     * @param path its JSON path, e.g. {@code [12]}
     * @return the row
     * @throws WbResponseException when the srid or a date is missing or unreadable
     */
    public static WbStatisticsOrder statisticsOrder(String request, StatisticsOrderDto dto, String path) {
        String srid = requireText(request, path + ".srid", dto.srid());
        Instant date = requireDate(request, path + ".date", dto.date());
        Instant changed = requireDate(request, path + ".lastChangeDate", dto.lastChangeDate());
        Instant cancelDate = WbMapper.optionalDate(dto.cancelDate());
        if (cancelDate != null && cancelDate.getEpochSecond() <= 0) {
            cancelDate = null;
        }
        return new WbStatisticsOrder(srid, blankToNull(dto.gNumber()), blankToNull(dto.sticker()),
                blankToNull(dto.supplierArticle()), dto.nmId(), blankToNull(dto.barcode()), blankToNull(dto.subject()),
                blankToNull(dto.brand()), blankToNull(dto.techSize()), blankToNull(dto.warehouseName()),
                blankToNull(dto.warehouseType()), date, changed, Boolean.TRUE.equals(dto.isCancel()),
                Boolean.TRUE.equals(dto.isCancel()) ? cancelDate : null, rub(dto.totalPrice()),
                rub(dto.priceWithDisc()), rub(dto.finishedPrice()));
    }

    /**
     * Maps the balance.
     *
     * @param request the request, for messages
     * @param dto the wire record
     * @return the balance
     * @throws WbResponseException when a field is missing or the currency is unknown
     */
    public static WbBalance balance(String request, BalanceDto dto) {
        String code = requireText(request, "currency", dto.currency()).strip().toUpperCase(Locale.ROOT);
        Currency currency;
        try {
            currency = Currency.getInstance(code.equals("RUR") ? "RUB" : code);
        } catch (IllegalArgumentException e) {
            throw new WbResponseException(200, "currency", request + ": malformed response, currency '" + code
                    + "' is not an ISO 4217 currency", e);
        }
        if (dto.current() == null || dto.forWithdraw() == null) {
            String field = dto.current() == null ? "current" : "for_withdraw";
            throw new WbResponseException(200, field, request + ": malformed response, " + field + " is missing",
                    null);
        }
        return new WbBalance(currency, Money.of(dto.current(), currency), Money.of(dto.forWithdraw(), currency));
    }

    /**
     * Returns the currency of an ISO 4217 numeric code.
     *
     * @param code e.g. 643
     * @return RUB for 643, BYN for 933, KZT for 398, any other ISO code's currency; empty when unknown
     */
    public static Optional<Currency> currency(int code) {
        return Optional.ofNullable(BY_NUMERIC.get(code));
    }

    private static @Nullable Money kopecks(String request, String path, String field, @Nullable Long amount,
            @Nullable Integer code) {
        if (amount == null) {
            return null;
        }
        if (code == null) {
            throw new WbResponseException(200, path + ".currencyCode", request + ": malformed response, " + path
                    + "." + field + " has no currencyCode", null);
        }
        Currency currency = currency(code).orElseThrow(() -> new WbResponseException(200, path + ".currencyCode",
                request + ": malformed response, " + path + ".currencyCode " + code
                        + " is no ISO 4217 numeric currency code known here (643 RUB, 933 BYN, 398 KZT)", null));
        return Money.of(BigDecimal.valueOf(amount, 2), currency);
    }

    private static @Nullable Money rub(@Nullable BigDecimal amount) {
        return amount == null ? null : Money.of(amount, Money.RUB);
    }

    private static @Nullable PhoneNumber phone(String request, String field, @Nullable String raw) {
        try {
            return PhoneNumber.parseContact(raw).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new WbResponseException(200, field, request + ": malformed response, " + field
                    + " is not a phone number", null);
        }
    }

    private static String requireText(String request, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new WbResponseException(200, field, request + ": malformed response, " + field + " is missing", null);
        }
        return value;
    }

    private static Instant requireDate(String request, String field, @Nullable String value) {
        Instant instant = WbMapper.optionalDate(value);
        if (instant == null) {
            throw new WbResponseException(200, field, request + ": malformed response, " + field
                    + (value == null || value.isBlank() ? " is missing" : " is not a date"), null);
        }
        return instant;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
