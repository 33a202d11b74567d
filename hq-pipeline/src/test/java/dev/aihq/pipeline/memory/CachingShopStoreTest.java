package dev.aihq.pipeline.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.ShopId;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.ShopStore;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.contract.ShopStoreContract;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CachingShopStoreTest {

    private final SettableClock clock = SettableClock.at(Fixtures.NOW);
    private final AtomicInteger reads = new AtomicInteger();
    private final InMemoryShopStore backing = new InMemoryShopStore();
    private final ShopStore counting = new ShopStore() {
        @Override
        public Optional<Shop> find(ShopId id) {
            reads.incrementAndGet();
            return backing.find(id);
        }

        @Override
        public void save(Shop shop) {
            backing.save(shop);
        }

        @Override
        public java.util.List<ShopId> listIds(ShopId after, int limit) {
            return backing.listIds(after, limit);
        }
    };
    private final CachingShopStore cache = new CachingShopStore(counting, Duration.ofSeconds(5), clock);

    @Test
    void should_read_the_backing_store_once_per_ttl_when_a_shop_is_asked_for_often() {
        backing.save(Fixtures.kaspiShop().build());

        for (int i = 0; i < 100; i++) {
            assertThat(cache.find(Fixtures.SHOP_ID)).isPresent();
        }
        assertThat(reads).hasValue(1);

        clock.advance(Duration.ofSeconds(5));
        assertThat(cache.find(Fixtures.SHOP_ID)).isPresent();
        assertThat(reads).hasValue(2);
    }

    @Test
    void should_see_a_change_made_elsewhere_only_after_the_ttl() {
        backing.save(Fixtures.kaspiShop().build());
        cache.find(Fixtures.SHOP_ID);

        backing.save(Fixtures.kaspiShop().active(false).build());

        assertThat(cache.find(Fixtures.SHOP_ID)).map(Shop::active).contains(true);
        clock.advance(Duration.ofSeconds(6));
        assertThat(cache.find(Fixtures.SHOP_ID)).map(Shop::active).contains(false);
    }

    @Test
    void should_see_its_own_saves_at_once() {
        backing.save(Fixtures.kaspiShop().build());
        cache.find(Fixtures.SHOP_ID);

        cache.save(Fixtures.kaspiShop().active(false).build());

        assertThat(cache.find(Fixtures.SHOP_ID)).map(Shop::active).contains(false);
        assertThat(backing.find(Fixtures.SHOP_ID)).map(Shop::active).contains(false);
    }

    @Test
    void should_remember_unknown_shops_too() {
        for (int i = 0; i < 10; i++) {
            assertThat(cache.find(Fixtures.OTHER_SHOP_ID)).isEmpty();
        }
        assertThat(reads).hasValue(1);
        cache.invalidateAll();
        cache.find(Fixtures.OTHER_SHOP_ID);
        assertThat(reads).hasValue(2);
    }

    @Test
    void should_refuse_a_ttl_that_is_not_positive() {
        assertThatThrownBy(() -> new CachingShopStore(backing, Duration.ZERO, clock))
                .hasMessageContaining("positive");
    }

    /** The cache behaves like any shop store. */
    @Nested
    class Contract extends ShopStoreContract {
        @Override
        protected ShopStore createStore() {
            return new CachingShopStore(new InMemoryShopStore(), Duration.ofSeconds(5), SettableClock.at(Fixtures.NOW));
        }
    }
}
