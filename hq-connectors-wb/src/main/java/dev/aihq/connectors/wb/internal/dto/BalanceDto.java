package dev.aihq.connectors.wb.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import javax.annotation.Nullable;

/**
 * {@code GET finance-api…/api/v1/account/balance}: {@code {currency, current, for_withdraw}} (reference §2.8).
 *
 * @param currency the currency, e.g. {@code RUB}
 * @param current the balance
 * @param forWithdraw what can be withdrawn
 */
public record BalanceDto(
        @Nullable String currency,
        @Nullable BigDecimal current,
        @JsonProperty("for_withdraw") @Nullable BigDecimal forWithdraw) {}
