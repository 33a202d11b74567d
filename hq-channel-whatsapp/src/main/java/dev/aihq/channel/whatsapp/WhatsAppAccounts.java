package dev.aihq.channel.whatsapp;

import dev.aihq.api.ShopId;
import dev.aihq.api.error.ConfigurationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Supplies each shop's WhatsApp account, and tells which shop a phone-number id of an inbound webhook
 * belongs to. A provider in the SDK's sense: credentials are resolved per shop on every send, never held
 * globally. Implementations are thread-safe; one backed by a database may return a changed account later
 * (a rotated token), and {@link CloudApiChannel} then builds a new client for it.
 *
 * <pre>{@code
 * WhatsAppAccounts accounts = WhatsAppAccounts.of(List.of(
 *         new WhatsAppAccount(ShopId.of("shop-1"), shopOneConfig, templates),
 *         new WhatsAppAccount(ShopId.of("shop-2"), shopTwoConfig, templates)));
 * }</pre>
 */
public interface WhatsAppAccounts {

    /**
     * Returns a shop's account.
     *
     * @param shopId the shop
     * @return the account, or empty when the shop has no WhatsApp number
     */
    Optional<WhatsAppAccount> forShop(ShopId shopId);

    /**
     * Returns the shop whose number has a phone-number id.
     *
     * @param phoneNumberId the id, as in {@code metadata.phone_number_id}
     * @return the shop, or empty when no account has that number
     */
    Optional<ShopId> shopForPhoneNumberId(String phoneNumberId);

    /**
     * Returns a fixed, in-memory set of accounts.
     *
     * @param accounts the accounts; each shop and each phone-number id at most once
     * @return the accounts
     * @throws ConfigurationException naming every shop and every phone-number id given twice
     */
    static WhatsAppAccounts of(Collection<WhatsAppAccount> accounts) {
        Objects.requireNonNull(accounts, "accounts");
        Map<ShopId, WhatsAppAccount> byShop = new LinkedHashMap<>();
        Map<String, ShopId> byNumber = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (WhatsAppAccount account : accounts) {
            Objects.requireNonNull(account, "account");
            if (byShop.putIfAbsent(account.shopId(), account) != null) {
                problems.add("shop " + account.shopId().value() + " is given twice");
            }
            ShopId owner = byNumber.putIfAbsent(account.phoneNumberId(), account.shopId());
            if (owner != null) {
                problems.add("phone number id " + account.phoneNumberId() + " is given for shops " + owner.value()
                        + " and " + account.shopId().value());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("WhatsApp accounts are not configured correctly: "
                    + String.join("; ", problems));
        }
        Map<ShopId, WhatsAppAccount> shops = Map.copyOf(byShop);
        Map<String, ShopId> numbers = Map.copyOf(byNumber);
        return new WhatsAppAccounts() {
            @Override
            public Optional<WhatsAppAccount> forShop(ShopId shopId) {
                return Optional.ofNullable(shops.get(Objects.requireNonNull(shopId, "shop id")));
            }

            @Override
            public Optional<ShopId> shopForPhoneNumberId(String phoneNumberId) {
                return Optional.ofNullable(numbers.get(Objects.requireNonNull(phoneNumberId, "phone number id")));
            }

            @Override
            public String toString() {
                return "WhatsAppAccounts[" + shops.size() + " shops]";
            }
        };
    }
}
