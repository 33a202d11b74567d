package dev.aihq.agents.sales.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.ShopId;
import dev.aihq.pipeline.memory.InMemoryShopStore;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OtherShopsTest {

    private final InMemoryShopStore shops = new InMemoryShopStore();
    private final SettableClock clock = SettableClock.at(Fixtures.NOW);
    private final OtherShops others = new OtherShops(shops, Duration.ofMinutes(10), clock);

    @Test
    void should_give_the_other_shops_ids_and_distinctive_names_but_never_the_shops_own() {
        // given
        shops.save(Fixtures.kaspiShop(Fixtures.SHOP_ID).name("Электроника Алматы").build());
        shops.save(Fixtures.kaspiShop(ShopId.of("kaspi_456")).name("Мобайл Маркет").build());
        shops.save(Fixtures.kaspiShop(ShopId.of("kaspi_789")).name("Дом").build());

        // when / then: a three-letter name is an everyday word, not a marker
        assertThat(others.markersFor(Fixtures.SHOP_ID))
                .containsExactlyInAnyOrder("kaspi_456", "Мобайл Маркет", "kaspi_789");
        assertThat(others.markersFor(ShopId.of("kaspi_456"))).contains("Электроника Алматы", Fixtures.SHOP_ID.value())
                .doesNotContain("Мобайл Маркет");
    }

    @Test
    void should_list_the_shops_again_only_after_the_time_to_live() {
        // given
        shops.save(Fixtures.kaspiShop(Fixtures.SHOP_ID).build());
        assertThat(others.markersFor(Fixtures.SHOP_ID)).isEmpty();
        shops.save(Fixtures.kaspiShop(ShopId.of("kaspi_456")).name("Мобайл Маркет").build());

        // when / then
        assertThat(others.markersFor(Fixtures.SHOP_ID)).as("within the ttl").isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(others.markersFor(Fixtures.SHOP_ID)).contains("Мобайл Маркет");
    }
}
