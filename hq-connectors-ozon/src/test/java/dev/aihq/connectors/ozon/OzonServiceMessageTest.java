package dev.aihq.connectors.ozon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.agents.inbox.proactive.ProactiveScenario;
import dev.aihq.agents.inbox.proactive.ProactiveScenarios;
import dev.aihq.agents.inbox.proactive.ScenarioAnswer;
import dev.aihq.agents.inbox.proactive.ServiceMessages;
import dev.aihq.api.Marketplace;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.pipeline.memory.InMemoryInteractionStore;
import dev.aihq.pipeline.memory.InMemoryOrderIndexStore;
import dev.aihq.testkit.SettableClock;
import dev.aihq.testkit.ozon.FakeOzonApi;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one real proactive path of the reference through the Ozon connector: a service message about an FBS posting. */
class OzonServiceMessageTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private FakeOzonApi ozon;
    private SettableClock clock;
    private final InMemoryInteractionStore store = new InMemoryInteractionStore();
    private final InMemoryOrderIndexStore orders = new InMemoryOrderIndexStore();
    private final Shop shop = Shop.builder(OzonFixtures.SHOP, Marketplace.OZON).name("Магазин").legalForm(LegalForm.OOO)
            .taxMode(TaxMode.RU_USN_INCOME).build();

    @BeforeEach
    void start() {
        ozon = FakeOzonApi.start(OzonFixtures.CLIENT_ID, OzonFixtures.API_KEY);
        clock = SettableClock.at(T0);
    }

    @AfterEach
    void stop() {
        ozon.close();
    }

    private OzonConnector connector(OzonSubscription subscription) {
        return OzonConnector.of(OzonFixtures.client(ozon.baseUrl(), subscription, clock, new RecordingSleeper(clock)));
    }

    @Test
    void should_start_the_chat_about_an_fbs_posting_and_send_the_service_message() {
        ozon.putPosting(FakeOzonApi.posting("23713478-0018-3", "awaiting_packaging", T0));
        orders.upsert(new IndexedOrder(OzonFixtures.SHOP, Marketplace.OZON, "23713478-0018-3", null, null,
                "23713478-0018-3", null, "180550365", "Куртка", "fbs", "awaiting_packaging", T0, T0));

        Interaction chat = new ServiceMessages(store, orders, clock).send(connector(OzonSubscription.PREMIUM_PLUS),
                shop, "23713478-0018-3", "Здравствуйте! Размера M нет на складе: отправить L или дождаться поставки"
                        + " в пятницу?");

        assertThat(chat.threadId()).isEqualTo("chat-23713478-0018-3");
        assertThat(ozon.chatMessages("chat-23713478-0018-3")).anySatisfy(m ->
                assertThat(m.data().get(0)).startsWith("Здравствуйте! Размера M нет"));
    }

    @Test
    void should_refuse_every_proactive_scenario_without_premium_plus_and_marketing_even_with_it() {
        List<ScenarioAnswer> standard = ProactiveScenarios.assessAll(connector(OzonSubscription.STANDARD),
                OzonFixtures.SHOP, "fbs");
        List<ScenarioAnswer> premium = ProactiveScenarios.assessAll(connector(OzonSubscription.PREMIUM_PLUS),
                OzonFixtures.SHOP, "fbs");
        Throwable refused = catchThrowable(() -> new ServiceMessages(store, orders, clock).send(
                connector(OzonSubscription.STANDARD), shop, "23713478-0018-3", "Здравствуйте!"));

        assertThat(standard).allSatisfy(a -> assertThat(a.offered()).isFalse());
        assertThat(standard.get(ProactiveScenario.SERVICE_MESSAGE.ordinal()).reason()).contains("Premium Plus");
        assertThat(premium).filteredOn(ScenarioAnswer::offered).extracting(ScenarioAnswer::scenario)
                .containsExactly(ProactiveScenario.SERVICE_MESSAGE);
        assertThat(premium.get(ProactiveScenario.WIN_BACK.ordinal()).reason()).contains("rFBS")
                .contains("SERVICE_MESSAGE");
        assertThat(refused).isInstanceOf(CapabilityNotSupportedException.class);
        assertThat(ozon.requests("/v1/chat/start")).isZero();
    }
}
