package dev.aihq.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import java.time.Instant;
import javax.annotation.Nullable;
import org.junit.jupiter.api.Test;

class IndexedOrderTest {

    private static final ShopId SHOP = ShopId.of("wb_123");
    private static final Instant CREATED = Instant.parse("2026-03-10T10:15:30Z");
    private static final Instant SEEN = Instant.parse("2026-03-10T10:20:00Z");

    private static IndexedOrder order(String orderId, @Nullable String rid, @Nullable String scheme,
            @Nullable String productName) {
        return new IndexedOrder(SHOP, Marketplace.WILDBERRIES, orderId, rid, null, null, null, null, productName,
                scheme, null, CREATED, SEEN);
    }

    @Test
    void should_strip_references_and_lower_the_scheme() {
        // when
        IndexedOrder order = new IndexedOrder(SHOP, Marketplace.WILDBERRIES, " 4512345678 ", "\trid-1\n",
                " basket-1", "WB-1 ", " sku ", "215473829", "Чай", " FBS ", "new", CREATED, SEEN);

        // then
        assertThat(order.orderId()).isEqualTo("4512345678");
        assertThat(order.rid()).isEqualTo("rid-1");
        assertThat(order.orderUid()).isEqualTo("basket-1");
        assertThat(order.sticker()).isEqualTo("WB-1");
        assertThat(order.sellerSku()).isEqualTo(" sku ");
        assertThat(order.scheme()).isEqualTo("fbs");
    }

    @Test
    void should_refuse_blank_or_too_long_order_id() {
        // when / then
        assertThatThrownBy(() -> order("  ", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order id");
        assertThatThrownBy(() -> order("1".repeat(IndexedOrder.MAX_ORDER_ID_LENGTH + 1), null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order id");
        assertThatThrownBy(() -> order("45123\n45678", null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("printable");
        assertThat(order("1".repeat(IndexedOrder.MAX_ORDER_ID_LENGTH), null, null, null).orderId())
                .hasSize(IndexedOrder.MAX_ORDER_ID_LENGTH);
    }

    @Test
    void should_refuse_blank_or_too_long_reference() {
        // when / then
        assertThatThrownBy(() -> order("4512345678", "", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rid");
        assertThatThrownBy(() -> order("4512345678", "r".repeat(IndexedOrder.MAX_REFERENCE_LENGTH + 1), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rid");
        assertThatThrownBy(() -> new IndexedOrder(SHOP, Marketplace.WILDBERRIES, "1", null, " ", null, null, null,
                null, null, null, CREATED, SEEN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order uid");
        assertThatThrownBy(() -> new IndexedOrder(SHOP, Marketplace.WILDBERRIES, "1", null, null, "", null, null,
                null, null, null, CREATED, SEEN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sticker");
        assertThatThrownBy(() -> new IndexedOrder(SHOP, Marketplace.WILDBERRIES, "1", null, null, null, " ", null,
                null, null, null, CREATED, SEEN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seller sku");
        assertThatThrownBy(() -> new IndexedOrder(SHOP, Marketplace.WILDBERRIES, "1", null, null, null, null, "",
                null, null, null, CREATED, SEEN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("product id");
        assertThat(order("4512345678", "r".repeat(IndexedOrder.MAX_REFERENCE_LENGTH), null, null).rid())
                .hasSize(IndexedOrder.MAX_REFERENCE_LENGTH);
    }

    @Test
    void should_refuse_invalid_scheme_and_too_long_texts() {
        // when / then
        assertThatThrownBy(() -> order("4512345678", null, "f b s", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme");
        assertThatThrownBy(() -> order("4512345678", null, "", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme");
        assertThatThrownBy(() -> order("4512345678", null, null, "я".repeat(IndexedOrder.MAX_PRODUCT_NAME_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("product name");
        assertThatThrownBy(() -> new IndexedOrder(SHOP, Marketplace.WILDBERRIES, "1", null, null, null, null, null,
                null, null, "s".repeat(IndexedOrder.MAX_STATUS_LENGTH + 1), CREATED, SEEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
    }

    @Test
    void should_take_later_sighting_and_keep_what_it_lacks_when_seen_again() {
        // given
        IndexedOrder known = new IndexedOrder(SHOP, Marketplace.WILDBERRIES, "1", "rid-1", "basket-1", null, "sku",
                "215473829", "Чай", "fbs", "new", CREATED, SEEN);
        IndexedOrder later = new IndexedOrder(SHOP, Marketplace.WILDBERRIES, "1", null, null, "WB-1", null, null,
                null, null, "complete", CREATED.plusSeconds(99), SEEN.plusSeconds(1));
        IndexedOrder same = later.seenAgain(later);

        // when
        IndexedOrder kept = known.seenAgain(later);

        // then
        assertThat(kept).isEqualTo(new IndexedOrder(SHOP, Marketplace.WILDBERRIES, "1", "rid-1", "basket-1", "WB-1",
                "sku", "215473829", "Чай", "fbs", "complete", CREATED, SEEN.plusSeconds(1)));
        assertThat(kept.seenAgain(known)).isEqualTo(kept);
        assertThat(same).isEqualTo(later);
        assertThatThrownBy(() -> known.seenAgain(order("2", null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
