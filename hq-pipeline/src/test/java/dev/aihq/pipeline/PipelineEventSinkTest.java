package dev.aihq.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.connector.EventSink;
import dev.aihq.api.connector.EventSink.Acceptance;
import dev.aihq.api.connector.EventSink.Outcome;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.testkit.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineEventSinkTest {

    private final PipelineHarness h = new PipelineHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void should_journal_before_returning_and_answer_duplicate_when_accepted_twice() throws Exception {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().build().start();
        EventSink sink = PipelineEventSink.builder(h.journal).route(PurchaseEvent.class, pipeline).build();
        PurchaseEvent event = Fixtures.purchaseEvent();

        // when
        boolean before = sink.contains(Fixtures.SHOP_ID, event.idempotencyKey());
        Acceptance first = sink.accept(event);
        boolean after = sink.contains(Fixtures.SHOP_ID, event.idempotencyKey());
        Acceptance second = sink.accept(event);

        // then
        assertThat(before).isFalse();
        assertThat(first).isEqualTo(new Acceptance(Outcome.ACCEPTED, ""));
        assertThat(after).isTrue();
        assertThat(second.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(second.journaled()).isTrue();
        assertThat(pipeline.awaitDrained(Duration.ofSeconds(10))).isTrue();
        assertThat(h.agentCalls).hasValue(1);
    }

    @Test
    void should_answer_rejected_with_reason_when_the_shop_is_inactive() {
        // given
        h.saveShop(Fixtures.kaspiShop().active(false).build());
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().build().start();
        EventSink sink = PipelineEventSink.builder(h.journal).route(PurchaseEvent.class, pipeline).build();

        // when
        Acceptance acceptance = sink.accept(Fixtures.purchaseEvent());

        // then
        assertThat(acceptance).isEqualTo(new Acceptance(Outcome.REJECTED, "shop 'kaspi_123' is inactive"));
        assertThat(acceptance.journaled()).isFalse();
        assertThat(sink.contains(Fixtures.SHOP_ID, Fixtures.purchaseEvent().idempotencyKey())).isFalse();
    }

    @Test
    void should_name_the_routed_types_when_an_event_has_no_pipeline() {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().build().start();
        EventSink sink = PipelineEventSink.builder(h.journal).route(PurchaseEvent.class, pipeline).build();
        CustomerReplyEvent reply = CustomerReplyEvent.of(Fixtures.SHOP_ID, "whatsapp", Fixtures.CUSTOMER, "Да",
                "wamid.1", Fixtures.NOW);

        // when / then
        assertThatThrownBy(() -> sink.accept(reply)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CustomerReplyEvent").hasMessageContaining("[PurchaseEvent]");
    }

    @Test
    void should_refuse_a_class_routed_twice_or_no_route_at_all() {
        // given
        AgentPipeline<PurchaseEvent, String, SalesOffer> pipeline = h.pipeline().build();
        PipelineEventSink.Builder builder = PipelineEventSink.builder(h.journal).route(PurchaseEvent.class, pipeline);

        // when / then
        assertThatThrownBy(() -> builder.route(PurchaseEvent.class, pipeline))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("PurchaseEvent is routed already");
        assertThatThrownBy(() -> PipelineEventSink.builder(h.journal).build())
                .isInstanceOf(IllegalStateException.class);
    }
}
