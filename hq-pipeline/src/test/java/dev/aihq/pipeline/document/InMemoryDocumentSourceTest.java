package dev.aihq.pipeline.document;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.document.DocumentLookup;
import org.junit.jupiter.api.Test;

class InMemoryDocumentSourceTest {

    private final InMemoryDocumentSource source = new InMemoryDocumentSource()
            .put(SHOP_ID, "kaspi_message.txt", "Отключение на 7 дней")
            .put(OTHER_SHOP_ID, "contract.md", "# Договор");

    @Test
    void should_return_a_shops_document_with_its_utf8_size() {
        assertThat(source.resolve(SHOP_ID, "kaspi_message.txt")).isEqualTo(new DocumentLookup.Found(
                "kaspi_message.txt", "Отключение на 7 дней", "text/plain", 36, "memory kaspi_123/kaspi_message.txt"));
    }

    @Test
    void should_keep_shops_apart() {
        assertThat(source.resolve(SHOP_ID, "contract.md")).isInstanceOf(DocumentLookup.NotFound.class);
        assertThat(source.resolve(OTHER_SHOP_ID, "contract.md")).isInstanceOfSatisfying(DocumentLookup.Found.class,
                found -> assertThat(found.contentType()).isEqualTo("text/markdown"));
    }

    @Test
    void should_report_a_document_over_the_limit_as_too_large() {
        assertThat(source.resolve(SHOP_ID, "kaspi_message.txt", 10))
                .isEqualTo(new DocumentLookup.TooLarge("kaspi_message.txt", 36, 10));
    }

    @Test
    void should_forget_a_removed_document() {
        assertThat(source.remove(SHOP_ID, "kaspi_message.txt")).isTrue();
        assertThat(source.remove(SHOP_ID, "kaspi_message.txt")).isFalse();
        assertThat(source.resolve(SHOP_ID, "kaspi_message.txt")).isInstanceOf(DocumentLookup.NotFound.class);
    }
}
