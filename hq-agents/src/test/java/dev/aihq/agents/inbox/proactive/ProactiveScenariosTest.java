package dev.aihq.agents.inbox.proactive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.Capability;
import dev.aihq.api.connector.CapabilitySet;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.connector.PublishedReply;
import dev.aihq.api.error.CapabilityNotSupportedException;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionStatus;
import dev.aihq.api.inbox.OrderLinkSource;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.shop.TaxMode;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.pipeline.memory.InMemoryInteractionStore;
import dev.aihq.pipeline.memory.InMemoryOrderIndexStore;
import dev.aihq.testkit.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's unrealistic scenarios refused with the marketplace's reasons; the Ozon FBS/rFBS service path offered. */
class ProactiveScenariosTest {

    private static final ShopId SHOP = ShopId.of("shop_1");
    private static final Instant AT = Instant.parse("2026-03-03T08:00:00Z");

    /** A connector declaring what WB or Ozon declare (reference §5), that records the chats it starts. */
    private static final class Declared implements MarketplaceConnector {
        private final Marketplace marketplace;
        private final boolean proactive;
        final List<String> started = new ArrayList<>();

        Declared(Marketplace marketplace, boolean proactive) {
            this.marketplace = marketplace;
            this.proactive = proactive;
        }

        @Override
        public Marketplace marketplace() {
            return marketplace;
        }

        @Override
        public CapabilitySet capabilities(ShopId shopId) {
            CapabilitySet.Builder set = CapabilitySet.builder(shopId)
                    .refuses(Capability.CUSTOMER_CONTACT, "no buyer contact in FBS/FBO")
                    .refuses(Capability.PURCHASE_HISTORY, "no buyer id in reviews or chats");
            return (proactive ? set.supports(Capability.PROACTIVE_MESSAGE, "FBS/rFBS: /v1/chat/start within 72 h")
                    : set.refuses(Capability.PROACTIVE_MESSAGE, "no API creates a chat")).build();
        }

        @Override
        public PublishedReply startChat(ShopId shopId, String orderRef, String scheme, String text) {
            started.add(orderRef + "|" + scheme + "|" + text);
            return new PublishedReply("chat-" + orderRef, AT);
        }
    }

    @Test
    void should_refuse_activation_vip_and_win_back_with_each_marketplaces_reason() {
        for (Declared connector : List.of(new Declared(Marketplace.WILDBERRIES, false),
                new Declared(Marketplace.OZON, true))) {
            List<ScenarioAnswer> answers = ProactiveScenarios.assessAll(connector, SHOP, "fbs");

            assertThat(answers).filteredOn(a -> a.scenario() != ProactiveScenario.SERVICE_MESSAGE)
                    .allSatisfy(a -> {
                        assertThat(a.offered()).isFalse();
                        assertThat(a.reason()).startsWith(connector.marketplace().code() + " gives no");
                    });
            assertThat(answers.get(ProactiveScenario.VIP_PROGRAMME.ordinal()).reason())
                    .contains("no buyer id in reviews or chats");
        }
        assertThat(ProactiveScenarios.assess(new Declared(Marketplace.OZON, true), SHOP,
                ProactiveScenario.WIN_BACK, "fbs").reason()).contains("SERVICE_MESSAGE");
    }

    @Test
    void should_offer_a_service_message_only_on_ozon_fbs_and_rfbs() {
        Declared ozon = new Declared(Marketplace.OZON, true);

        assertThat(ProactiveScenarios.assess(ozon, SHOP, ProactiveScenario.SERVICE_MESSAGE, "rfbs").offered()).isTrue();
        assertThat(ProactiveScenarios.assess(ozon, SHOP, ProactiveScenario.SERVICE_MESSAGE, "fbs").conditions())
                .anySatisfy(c -> assertThat(c).contains("72 h"));
        assertThat(ProactiveScenarios.assess(ozon, SHOP, ProactiveScenario.SERVICE_MESSAGE, "fbo").reason())
                .contains("only the buyer can start");
        assertThat(ProactiveScenarios.assess(new Declared(Marketplace.WILDBERRIES, false), SHOP,
                ProactiveScenario.SERVICE_MESSAGE, "fbs").reason()).contains("no API creates a chat");
    }

    @Test
    void should_send_a_service_message_and_keep_the_chat_but_refuse_an_advert_and_an_fbo_order_first() {
        Declared ozon = new Declared(Marketplace.OZON, true);
        InMemoryInteractionStore store = new InMemoryInteractionStore();
        InMemoryOrderIndexStore orders = new InMemoryOrderIndexStore();
        orders.upsert(new IndexedOrder(SHOP, Marketplace.OZON, "23713478-0018-3", null, null, "23713478-0018-3",
                null, "180550365", "Куртка", "fbs", "awaiting_packaging", AT, AT));
        orders.upsert(new IndexedOrder(SHOP, Marketplace.OZON, "23713478-0020-1", null, null, "23713478-0020-1",
                null, "180550366", "Шапка", "fbo", "delivering", AT, AT));
        Shop shop = Shop.builder(SHOP, Marketplace.OZON).name("Магазин").legalForm(LegalForm.OOO)
                .taxMode(TaxMode.RU_USN_INCOME).build();
        ServiceMessages messages = new ServiceMessages(store, orders, SettableClock.at(AT));

        Interaction chat = messages.send(ozon, shop, "23713478-0018-3", "Здравствуйте! Куртки размера M не оказалось"
                + " на складе: можем отправить L или подождать поставку до пятницы. Как вам удобнее?");
        Throwable advert = catchThrowable(() -> messages.send(ozon, shop, "23713478-0018-3",
                "Здравствуйте! Скидка 20 % на новинки только для вас."));
        Throwable fbo = catchThrowable(() -> messages.send(ozon, shop, "23713478-0020-1", "Здравствуйте!"));

        assertThat(ozon.started).singleElement().satisfies(s -> assertThat(s).startsWith("23713478-0018-3|fbs|"));
        assertThat(chat.threadId()).isEqualTo("chat-23713478-0018-3");
        assertThat(chat.status()).isEqualTo(InteractionStatus.ANSWERED);
        assertThat(chat.orderLink().source()).isEqualTo(OrderLinkSource.SHOP);
        assertThat(store.messages(SHOP, chat.id())).hasSize(1);
        assertThat(advert).isInstanceOf(CapabilityNotSupportedException.class).hasMessageContaining("advertising");
        assertThat(fbo).isInstanceOf(CapabilityNotSupportedException.class).hasMessageContaining("FBO");
    }
}
