package dev.aihq.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.RunRecord;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FixturesTest {

    @Test
    void should_build_kaspi_shop_in_almaty_when_defaults_are_kept() {
        // when
        Shop shop = Fixtures.kaspiShop().build();

        // then
        assertThat(shop.id()).isEqualTo(Fixtures.SHOP_ID);
        assertThat(shop.marketplace()).isEqualTo(Marketplace.KASPI);
        assertThat(shop.legalForm()).isEqualTo(LegalForm.IP);
        assertThat(shop.taxMode()).isEqualTo(TaxMode.KZ_SIMPLIFIED_DECLARATION);
        assertThat(shop.zone()).isEqualTo(Fixtures.ALMATY);
        assertThat(shop.currency()).isEqualTo(Money.KZT);
    }

    @Test
    void should_name_local_day_of_now_when_today_is_used() {
        // when
        LocalDate localDay = Fixtures.NOW.atZone(Fixtures.ALMATY).toLocalDate();

        // then
        assertThat(Fixtures.TODAY).isEqualTo(localDay);
    }

    @Test
    void should_price_catalog_in_tenge_with_unique_skus_when_catalog_is_built() {
        // when / then
        assertThat(Fixtures.catalog(Fixtures.SHOP_ID))
                .hasSize(5)
                .allSatisfy(p -> assertThat(p.price().currency()).isEqualTo(Money.KZT))
                .extracting(Product::sku).doesNotHaveDuplicates();
    }

    @Test
    void should_derive_key_from_order_when_purchase_event_is_built() {
        // when
        PurchaseEvent event = Fixtures.purchaseEvent();

        // then
        assertThat(event.idempotencyKey()).isEqualTo("purchase:512345678:order_accepted");
        assertThat(event.total()).isEqualTo(Money.kzt(189_990 + 4_990));
        assertThat(event.customer()).isEqualTo(Fixtures.CUSTOMER);
    }

    @Test
    void should_finish_run_with_outcome_when_started_run_is_finished() {
        // given
        RunRecord started = Fixtures.startedRun(Fixtures.SHOP_ID, Fixtures.RUN_ID, Fixtures.NOW);

        // when
        RunRecord finished = Fixtures.finishedRun(started);

        // then
        assertThat(started.inProgress()).isTrue();
        assertThat(finished.inProgress()).isFalse();
        assertThat(finished.runId()).isEqualTo(started.runId());
        assertThat(finished.stages()).isNotEmpty();
    }
}
