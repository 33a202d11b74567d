package dev.aihq.agents.sales;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.result.RunOutcome;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.SalesSettings;
import dev.aihq.api.shop.ShopSettings;
import dev.aihq.api.store.ConsentEvent;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.RunRecord;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.delivery.OutboxDispatcher;
import dev.aihq.pipeline.memory.InMemoryStores;
import dev.aihq.testkit.Fixtures;
import dev.aihq.testkit.RecordingChannel;
import dev.aihq.testkit.SettableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seed's scenario 3: review requests, and how they are coordinated with the order's offer. */
class ReviewRequestTest {

    private final InMemoryStores stores = InMemoryStores.create();
    private final SettableClock clock = SettableClock.at(Fixtures.NOW);
    private final RecordingChannel channel = new RecordingChannel(clock);
    private AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline;

    @AfterEach
    void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void should_schedule_a_review_request_after_the_review_delay_when_the_source_never_reports_delivery() {
        // given
        givenShop(BigDecimal.ZERO);

        // when an accepted order comes
        RunRecord run = pipeline().run(accepted("512345678", Fixtures.NOW));

        // then the offer goes, and the review request waits five days, as a utility message (no discount)
        assertThat(run.outcome()).as(run.reason()).isEqualTo(RunOutcome.SENT);
        assertThat(run.reason()).contains("review request: scheduled");
        OutboxMessage review = review("512345678");
        assertThat(review.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(review.dueAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofDays(5)));
        assertThat(review.category()).isEqualTo(MessageCategory.UTILITY);
        assertThat(review.text()).contains("оцените товар", "512345678");
        assertThat(review.orderKey()).isEqualTo("512345678");
        assertThat(channel.sent()).hasSize(1);
    }

    @Test
    void should_send_the_review_request_when_the_order_is_delivered_and_drop_the_delayed_one() {
        // given an accepted order two days ago
        givenShop(BigDecimal.ZERO);
        pipeline().run(accepted("512345678", Fixtures.NOW));
        clock.advance(Duration.ofDays(2));

        // when it is delivered
        RunRecord delivered = pipeline.run(delivered("512345678", clock.instant()));

        // then the review request goes now, the delayed one is cancelled
        assertThat(delivered.outcome()).as(delivered.reason()).isEqualTo(RunOutcome.SENT);
        assertThat(channel.sent()).hasSize(2);
        assertThat(channel.sent().get(1).text()).contains("оцените товар");
        assertThat(channel.sent().get(1).category()).isEqualTo(MessageCategory.UTILITY);
        assertThat(review("512345678").status()).isEqualTo(OutboxStatus.CANCELLED);
        assertThat(delivered.resultJson()).contains("\"kind\":\"REVIEW_REQUEST\"");
    }

    @Test
    void should_wait_the_gap_after_the_offer_when_the_order_is_delivered_within_hours() {
        // given an accepted order, delivered two hours later (a day must pass between the two messages)
        givenShop(BigDecimal.ZERO);
        pipeline().run(accepted("512345678", Fixtures.NOW));
        clock.advance(Duration.ofHours(2));

        // when
        RunRecord delivered = pipeline.run(delivered("512345678", clock.instant()));

        // then the review request waits until a day after the offer
        assertThat(delivered.outcome()).as(delivered.reason()).isEqualTo(RunOutcome.SCHEDULED);
        assertThat(delivered.scheduledFor()).isEqualTo(Fixtures.NOW.plus(Duration.ofDays(1)));
        assertThat(channel.sent()).hasSize(1);
        OutboxDispatcher dispatcher = OutboxDispatcher.builder().outbox(stores.outbox()).channel(channel).clock(clock)
                .build();
        clock.advance(Duration.ofHours(22));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(channel.sent()).hasSize(2);
    }

    @Test
    void should_not_ask_twice_when_the_delayed_request_went_before_the_delivery_was_reported() {
        // given the delayed request went on day five
        givenShop(BigDecimal.ZERO);
        pipeline().run(accepted("512345678", Fixtures.NOW));
        clock.advance(Duration.ofDays(5));
        OutboxDispatcher.builder().outbox(stores.outbox()).channel(channel).clock(clock).build().dispatchDue();
        assertThat(channel.sent()).hasSize(2);

        // when the delivery is reported on day six
        clock.advance(Duration.ofDays(1));
        RunRecord delivered = pipeline.run(delivered("512345678", clock.instant()));

        // then nothing more goes
        assertThat(delivered.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(delivered.reason()).startsWith("not sent: the review request about this order went already");
        assertThat(channel.sent()).hasSize(2);
    }

    @Test
    void should_add_the_review_discount_for_a_returning_customer_as_marketing_under_consent() {
        // given a returning customer, a shop with a 5 % review discount, consent-first delivery
        givenShop(new BigDecimal("5"));
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> withConsent = start(pipelines(true).purchase());
        stores.consents().apply(Fixtures.SHOP_ID, Fixtures.CUSTOMER, ConsentEvent.GRANTED, clock.instant(), "import");
        withConsent.run(accepted("512340000", Fixtures.NOW.minus(Duration.ofDays(30))));
        withConsent.run(accepted("512345678", Fixtures.NOW));
        clock.advance(Duration.ofDays(2));

        // when the second order is delivered
        RunRecord delivered = withConsent.run(delivered("512345678", clock.instant()));

        // then the request carries the discount, the same whatever the review says, and goes as marketing
        assertThat(delivered.outcome()).as(delivered.reason()).isEqualTo(RunOutcome.SENT);
        assertThat(delivered.resultJson()).contains("\"discount_percent\":5");
        assertThat(delivered.reason()).contains("consent: OPTED_IN");
        String text = channel.sent().get(channel.sent().size() - 1).text();
        assertThat(text).contains("скидка 5 %", "в любом случае").doesNotContainIgnoringCase("пятёрк")
                .doesNotContain("5 звёзд");
        assertThat(channel.sent().get(channel.sent().size() - 1).category()).isEqualTo(MessageCategory.MARKETING);
        withConsent.close();
    }

    @Test
    void should_keep_the_review_discount_waiting_for_consent_like_any_offer() {
        // given a returning customer who never said yes
        givenShop(new BigDecimal("5"));
        AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> withConsent = start(pipelines(true).purchase());
        stores.purchases().save(dev.aihq.api.store.Purchase.of(accepted("512340000",
                Fixtures.NOW.minus(Duration.ofDays(30)))));
        clock.advance(Duration.ofDays(2));

        // when the order is delivered
        RunRecord delivered = withConsent.run(delivered("512345678", clock.instant()));

        // then the consent question goes and the request with the discount waits for it
        assertThat(delivered.reason()).contains("waits for the customer's consent");
        assertThat(stores.outbox().list(Fixtures.SHOP_ID, EnumSet.of(OutboxStatus.AWAITING_CONSENT), 10))
                .singleElement().satisfies(m -> assertThat(m.text()).contains("скидка 5 %"));
        withConsent.close();
    }

    @Test
    void should_never_write_to_a_contact_the_marketplace_gives_for_delivery_only() {
        // given an order whose number is a marketplace proxy (Wildberries DBS, Ozon rFBS)
        givenShop(BigDecimal.ZERO);
        PurchaseEvent proxied = accepted("512345678", Fixtures.NOW).toBuilder().contactForDeliveryOnly(true)
                .build();

        // when
        RunRecord run = pipeline().run(proxied);
        RunRecord delivered = pipeline.run(delivered("512345678", Fixtures.NOW.plus(Duration.ofDays(2)))
                .toBuilder().contactForDeliveryOnly(true).build());

        // then: no offer, no review request, no model call
        assertThat(run.outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(run.reason()).isEqualTo(PurchaseDelivery.DELIVERY_ONLY);
        assertThat(run.agent().fallbackReason()).isEqualTo("the contact is for delivery only: the model is not asked");
        assertThat(delivered.outcome()).isEqualTo(RunOutcome.REJECTED);
        assertThat(channel.sent()).isEmpty();
        assertThat(stores.outbox().list(Fixtures.SHOP_ID, EnumSet.allOf(OutboxStatus.class), 10)).isEmpty();
    }

    private OutboxMessage review(String order) {
        PurchaseEvent event = accepted(order, Fixtures.NOW);
        return stores.outbox().find(Fixtures.SHOP_ID, PurchaseDelivery.delayedReviewIdentity(event).id())
                .orElseThrow();
    }

    private static PurchaseEvent accepted(String order, Instant at) {
        return Fixtures.purchaseEvent(Fixtures.SHOP_ID, order, Fixtures.CUSTOMER, at).toBuilder()
                .trigger(PurchaseTrigger.ORDER_ACCEPTED).idempotencyKey(null).build();
    }

    private static PurchaseEvent delivered(String order, Instant at) {
        return Fixtures.purchaseEvent(Fixtures.SHOP_ID, order, Fixtures.CUSTOMER, at).toBuilder()
                .trigger(PurchaseTrigger.ORDER_DELIVERED).idempotencyKey(null).build();
    }

    private void givenShop(BigDecimal reviewDiscount) {
        stores.shops().save(Fixtures.kaspiShop().settings(ShopSettings.builder()
                .sendDelay(Duration.ZERO).quietHours(null).frequencyCap(null)
                .reviewDiscountPercent(reviewDiscount)
                .sales(SalesSettings.builder().reviewRequestDelay(Duration.ofDays(5))
                        .reviewOfferGap(Duration.ofDays(1)).build())
                .build()).build());
        Fixtures.catalog(Fixtures.SHOP_ID).forEach(stores.catalog()::save);
    }

    private AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> pipeline() {
        pipeline = start(pipelines(false).purchase());
        return pipeline;
    }

    private SalesPipelines pipelines(boolean consent) {
        SalesPipelines.Builder b = SalesPipelines.builder().shops(stores.shops()).journal(stores.journal())
                .runLog(stores.runLog()).purchases(stores.purchases()).catalog(stores.catalog())
                .outbox(stores.outbox()).tokenUsage(stores.tokenUsage()).channel(channel).chatModel(null)
                .clock(clock).executor(Runnable::run);
        if (consent) {
            b.consents(stores.consents());
        }
        return b.build();
    }

    private <P extends AgentPipeline<?, ?, ?>> P start(P p) {
        p.start();
        return p;
    }
}
