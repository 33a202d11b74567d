package dev.aihq.pipeline.web;

import static dev.aihq.pipeline.web.FrontDoorFixture.SHOP;
import static dev.aihq.pipeline.web.FrontDoorFixture.json;
import static dev.aihq.pipeline.web.FrontDoorFixture.resource;
import static dev.aihq.pipeline.web.FrontDoorFixture.signed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.ShopId;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.result.LegalAssessment;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.JournalResult;
import dev.aihq.api.store.RunLease;
import dev.aihq.api.store.ShopStore;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.testkit.ForwardingEventJournal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A store that fails: 503 with Retry-After, and no run. */
class StoreFailureTest {

    private final FrontDoorFixture fixture = new FrontDoorFixture();

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void should_answer_503_with_retry_after_and_start_no_run_when_the_journal_fails() {
        // given
        FailingJournal journal = new FailingJournal(fixture.stores.journal());
        AgentPipeline<LegalEvent, LegalEvent, LegalAssessment> legal = fixture.started(
                fixture.legalPipeline(journal).build());
        WebhookFrontDoor frontDoor = fixture.frontDoorBuilder().legal(legal).build();

        // when
        WebhookResponse response = frontDoor.handle(signed("/legal-event", resource("seed-legal-event.json"),
                FrontDoorFixture.SECRET));

        // then
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).containsEntry("Retry-After", "5");
        assertThat(json(response).get("error").asText()).isEqualTo("unavailable");
        assertThat(json(response).get("message").asText()).contains("nothing was stored");
        assertThat(response.bodyText()).doesNotContain("connection refused");
        assertThat(journal.appends).hasValue(1);
        assertThat(fixture.stores.journal().size()).isZero();
        assertThat(fixture.stores.runLog().recent(SHOP, 10)).isEmpty();
        assertThat(legal.inFlightCount()).isZero();
        assertThat(fixture.agentRuns).hasValue(0);
    }

    @Test
    void should_answer_503_when_the_shop_store_fails() {
        // given
        ShopStore failing = new ShopStore() {
            @Override
            public Optional<Shop> find(ShopId id) {
                throw new StoreException("shops table unavailable");
            }

            @Override
            public void save(Shop shop) {
                throw new StoreException("shops table unavailable");
            }

            @Override
            public java.util.List<ShopId> listIds(ShopId after, int limit) {
                throw new StoreException("shops table unavailable");
            }
        };
        WebhookFrontDoor frontDoor = fixture.frontDoorBuilder().shops(failing).build();

        // when
        WebhookResponse response = frontDoor.handle(signed("/legal-event", resource("seed-legal-event.json"),
                FrontDoorFixture.SECRET));

        // then
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers()).containsEntry("Retry-After", "5");
        assertThat(fixture.stores.journal().size()).isZero();
    }

    /** A journal whose appends fail as a database outage would. */
    private static final class FailingJournal extends ForwardingEventJournal {
        final AtomicInteger appends = new AtomicInteger();

        FailingJournal(EventJournal delegate) {
            super(delegate);
        }

        @Override
        public JournalResult append(JournalEntry entry, RunLease lease) {
            appends.incrementAndGet();
            throw new StoreException("journal insert failed: connection refused");
        }
    }
}
