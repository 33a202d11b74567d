package dev.aihq.connectors.ozon.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.ShopId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OzonPushSecretsTest {

    @Test
    void fixedSecretsAreCheckedAndKept() {
        OzonPushSecrets secrets = OzonPushSecrets.of(Map.of(ShopId.of("a"), "abcdefghijklmnop"));

        assertThat(secrets.secretsByShop()).containsExactly(Map.entry(ShopId.of("a"), "abcdefghijklmnop"));
    }

    @Test
    void aShortOrUnsafeSecretIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> OzonPushSecrets.of(Map.of(ShopId.of("a"), "tooShort123")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shop a")
                .hasMessageNotContaining("tooShort123");
        assertThatThrownBy(() -> OzonPushSecrets.of(Map.of(ShopId.of("a"), "abcdefghijklmnop/x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OzonPushSecrets.isWellFormed("a".repeat(OzonPushSecrets.MAX_LENGTH + 1))).isFalse();
        assertThat(OzonPushSecrets.isWellFormed(null)).isFalse();
    }

    @Test
    void twoShopsCannotShareASecret() {
        Map<ShopId, String> shared = new LinkedHashMap<>();
        shared.put(ShopId.of("a"), "abcdefghijklmnop");
        shared.put(ShopId.of("b"), "abcdefghijklmnop");

        assertThatThrownBy(() -> OzonPushSecrets.of(shared)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shops a and b").hasMessageNotContaining("abcdefghijklmnop");
    }
}
