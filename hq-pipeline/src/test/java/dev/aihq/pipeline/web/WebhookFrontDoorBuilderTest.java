package dev.aihq.pipeline.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.pipeline.memory.InMemoryStores;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder reports every missing or bad part at once. */
class WebhookFrontDoorBuilderTest {

    @Test
    void should_list_every_missing_part_when_nothing_is_configured() {
        // when / then
        assertThatThrownBy(() -> WebhookFrontDoor.builder().build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("shops (a ShopStore) is missing")
                .hasMessageContaining("runLog (a RunLog) is missing")
                .hasMessageContaining("secrets (a WebhookSecretProvider) is missing");
    }

    @Test
    void should_list_every_bad_limit_when_limits_are_out_of_range() {
        // given
        InMemoryStores stores = InMemoryStores.create();
        WebhookFrontDoor.Builder builder = WebhookFrontDoor.builder().shops(stores.shops()).runLog(stores.runLog())
                .secrets(id -> java.util.Optional.empty())
                .maxBodyBytes(0).maxWait(Duration.ofSeconds(-1)).basePath("hq/");

        // when / then
        assertThatThrownBy(builder::build)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("maxBodyBytes must be at least 1, got 0")
                .hasMessageContaining("maxWait must not be negative")
                .hasMessageContaining("basePath must be empty or start with '/'");
    }
}
