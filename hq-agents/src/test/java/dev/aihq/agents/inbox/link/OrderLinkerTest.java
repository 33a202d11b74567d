package dev.aihq.agents.inbox.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.inbox.OrderLinkSource;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.pipeline.memory.InMemoryOrderIndexStore;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both ways of linking a chat to its order: the marketplace's reference, and the number the buyer wrote. */
class OrderLinkerTest {

    private static final ShopId SHOP = ShopId.of("wb_1");
    private static final ShopId OTHER = ShopId.of("wb_2");
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private final InMemoryOrderIndexStore index = new InMemoryOrderIndexStore();
    private final OrderLinker linker = new OrderLinker(index);

    private void indexed(ShopId shop, Marketplace marketplace, String orderId, String rid, String sticker) {
        index.upsert(new IndexedOrder(shop, marketplace, orderId, rid, null, sticker, "SNK-42", "146238742",
                "Кроссовки беговые", "fbs", "complete", AT.minusSeconds(86_400), AT));
    }

    @Test
    void should_link_the_marketplaces_reference_and_bring_the_indexed_order() {
        indexed(SHOP, Marketplace.WILDBERRIES, "3456789012", "2fb52cd9e25e5253", "9876543210");

        Optional<OrderLinker.Linked> linked = linker.link(SHOP, Marketplace.WILDBERRIES, "2fb52cd9e25e5253",
                "Здравствуйте, размер не подошёл", AT);

        assertThat(linked).get().satisfies(l -> {
            assertThat(l.link().source()).isEqualTo(OrderLinkSource.MARKETPLACE);
            assertThat(l.link().orderId()).isEqualTo("3456789012");
            assertThat(l.order().productName()).isEqualTo("Кроссовки беговые");
        });
    }

    @Test
    void should_keep_a_marketplace_reference_the_index_does_not_know_yet() {
        Optional<OrderLinker.Linked> linked = linker.link(SHOP, Marketplace.OZON, "23713478-0018", "", AT);

        assertThat(linked).get().satisfies(l -> {
            assertThat(l.link().orderRef()).isEqualTo("23713478-0018");
            assertThat(l.link().orderId()).isNull();
            assertThat(l.order()).isNull();
        });
    }

    @Test
    void should_link_the_number_the_buyer_wrote_only_when_the_shops_index_finds_it() {
        indexed(SHOP, Marketplace.WILDBERRIES, "3456789012", "rid-a1b2", "9876543210");
        indexed(OTHER, Marketplace.WILDBERRIES, "5555555555", "rid-c3d4", "1111111111");

        Optional<OrderLinker.Linked> byTask = linker.link(SHOP, Marketplace.WILDBERRIES, null,
                "Заказ 3456789012, кроссовки 42 размера", AT);
        Optional<OrderLinker.Linked> bySticker = linker.link(SHOP, Marketplace.WILDBERRIES, null,
                "номер на наклейке 9876543210", AT);
        Optional<OrderLinker.Linked> otherShops = linker.link(SHOP, Marketplace.WILDBERRIES, null,
                "заказ 5555555555", AT);
        Optional<OrderLinker.Linked> random = linker.link(SHOP, Marketplace.WILDBERRIES, null, "заказ 123456789", AT);

        assertThat(byTask).get().satisfies(l -> {
            assertThat(l.link().source()).isEqualTo(OrderLinkSource.BUYER_REPLY);
            assertThat(l.link().orderRef()).isEqualTo("3456789012");
        });
        assertThat(bySticker).get().extracting(l -> l.link().orderId()).isEqualTo("3456789012");
        assertThat(otherShops).isEmpty();
        assertThat(random).isEmpty();
    }
}
