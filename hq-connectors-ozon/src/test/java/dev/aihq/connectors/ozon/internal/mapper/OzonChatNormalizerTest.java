package dev.aihq.connectors.ozon.internal.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.event.InboxSender;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OzonChatNormalizerTest {

    @ParameterizedTest
    @CsvSource({"Buyer_Seller, true", "BUYER_SELLER, true", "buyer_seller_select, true", "Buyer_Seller_Select, true",
            "Seller_Support, false", "SELLER_API_UPDATES, false", "Seller_Notification, false", "UNSPECIFIED, false"})
    void should_tell_buyer_chats_in_any_letter_case(String type, boolean buyer) {
        assertThat(OzonChatNormalizer.isBuyerChat(type)).isEqualTo(buyer);
    }

    @ParameterizedTest
    @CsvSource({"\u0421ustomer, BUYER", "customer, BUYER", "Customer, BUYER", "\u0441ustomer, BUYER",
            "seller, SELLER", "Seller, SELLER", "crm, MARKETPLACE", "courier, MARKETPLACE", "support, MARKETPLACE",
            "NotificationUser, MARKETPLACE", "'', MARKETPLACE"})
    void should_read_the_sender_with_a_cyrillic_c_as_the_latin_letter(String type, InboxSender sender) {
        assertThat(OzonChatNormalizer.sender(type)).isEqualTo(sender);
    }

    @ParameterizedTest
    @CsvSource({"'  \u0421ustomer ', customer"})
    void should_strip_and_lower_the_value(String value, String normalized) {
        assertThat(OzonChatNormalizer.normalize(value)).isEqualTo(normalized);
        assertThat(OzonChatNormalizer.sender(null)).as("no type at all is the buyer, as the push route reads it")
                .isEqualTo(InboxSender.BUYER);
    }
}
