package dev.aihq.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PhoneHashTest {

    private static final byte[] KEY = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ShopId SHOP = ShopId.of("kaspi_123");
    private static final PhoneNumber PHONE = PhoneNumber.parse("+77011234567");

    @Test
    void should_match_hmac_sha256_of_shop_and_number_when_hashed() {
        // when
        PhoneHash hash = PhoneHash.of(KEY, SHOP, PHONE);

        // then: HMAC-SHA256("0123456789abcdef", "kaspi_123\n+77011234567"), computed independently
        assertThat(hash.hex()).isEqualTo(EXPECTED);
    }

    @Test
    void should_differ_when_shop_or_key_differs() {
        // given
        PhoneHash hash = PhoneHash.of(KEY, SHOP, PHONE);

        // when / then
        assertThat(PhoneHash.of(KEY, ShopId.of("kaspi_456"), PHONE)).isNotEqualTo(hash);
        assertThat(PhoneHash.of("0123456789abcdeF".getBytes(StandardCharsets.US_ASCII), SHOP, PHONE))
                .isNotEqualTo(hash);
        assertThat(PhoneHash.of(KEY, SHOP, PhoneNumber.parse("87011234567"))).isEqualTo(hash);
    }

    @Test
    void should_hold_no_digits_of_the_number_when_printed() {
        // when
        String text = PhoneHash.of(KEY, SHOP, PHONE).toString();

        // then
        assertThat(text).hasSize(64).matches("[0-9a-f]{64}").doesNotContain("7011234567");
    }

    @Test
    void should_reject_key_when_shorter_than_16_bytes() {
        // when / then
        assertThatThrownBy(() -> PhoneHash.of(new byte[15], SHOP, PHONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16 bytes");
    }

    @Test
    void should_reject_text_when_not_lower_case_hex() {
        // when / then
        assertThatThrownBy(() -> new PhoneHash("ABC")).isInstanceOf(IllegalArgumentException.class);
    }

    private static final String EXPECTED = "7e779c896512901c1e5f595fa1b3652676b9b3f7c3e8105564339060a074581e";
}
