package dev.aihq.connectors.wb.internal.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import javax.annotation.Nullable;

/**
 * {@code POST /api/v3/dbs/orders/client}: {@code {orders:[{orderID, firstName, fullName, replacementPhone, phone,
 * phoneCode, additionalPhoneCodes}]}} (reference §2.3). The phones are WB's substitute numbers; {@code ""} means
 * not assigned yet.
 *
 * @param orders the buyers' contacts per order
 */
public record DbsClientsDto(@Nullable List<Client> orders) {

    /**
     * One order's buyer contact.
     *
     * @param orderId the DBS task's id
     * @param firstName the buyer's first name
     * @param fullName the buyer's full name
     * @param replacementPhone a substitute number
     * @param phone the substitute number to call
     * @param phoneCode the extension to dial after the number
     * @param additionalPhoneCodes further extensions
     */
    public record Client(
            @JsonProperty("orderID") @Nullable Long orderId,
            @Nullable String firstName,
            @Nullable String fullName,
            @Nullable String replacementPhone,
            @Nullable String phone,
            @Nullable String phoneCode,
            @Nullable List<String> additionalPhoneCodes) {}
}
