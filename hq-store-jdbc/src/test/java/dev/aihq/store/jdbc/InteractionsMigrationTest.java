package dev.aihq.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.ClassificationSource;
import dev.aihq.api.inbox.InboxEmotion;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionMessage;
import dev.aihq.api.inbox.InteractionStatus;
import dev.aihq.api.inbox.OrderLink;
import dev.aihq.api.inbox.OrderLinkSource;
import dev.aihq.api.store.IndexedOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upgrading a version-15 database to the inbox's interactions: only version 16 is applied, what was stored before
 * stays as it was, and the new tables take interactions and their messages at once.
 */
class InteractionsMigrationTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Instant AT = Instant.parse("2026-03-10T10:15:30.123456Z");
    private static final ShopId SHOP = ShopId.of("wb_123");

    @ParameterizedTest
    @EnumSource(StoreDatabase.class)
    void should_add_the_interactions_and_keep_the_order_index_when_upgrading_version_15(StoreDatabase database)
            throws Exception {
        // given
        DataSource dataSource = database == StoreDatabase.H2 ? TestDatabases.h2() : TestDatabases.postgres();
        String prefix = "ix" + COUNTER.incrementAndGet() + "_";
        Dialect dialect = database == StoreDatabase.H2 ? Dialect.H2 : Dialect.POSTGRESQL;
        OlderSchema.install(dataSource, dialect, prefix, 15, AT);
        JdbcStores stores = JdbcStores.builder(dataSource).tablePrefix(prefix).build();
        IndexedOrder order = new IndexedOrder(SHOP, Marketplace.WILDBERRIES, "4512345678", "f1a2b3c4d5e6.0.0",
                "33445566778899", "WB-231648-9753", "PHN-A55-256", "215473829", "Смартфон Samsung Galaxy A55",
                "fbs", "new", AT, AT.plusSeconds(60));
        stores.orderIndex().upsert(order);

        // when
        List<String> applied = stores.migrate();

        // then
        assertThat(applied).containsExactly("V16__interactions.sql");
        assertThat(new SchemaMigrator(dataSource, dialect, prefix).currentVersion()).isEqualTo(16);
        assertThat(stores.orderIndex().lookup(SHOP, Marketplace.WILDBERRIES, "f1a2b3c4d5e6.0.0", 10))
                .containsExactly(order);
        Interaction review = Interaction.builder()
                .shopId(SHOP)
                .marketplace(Marketplace.WILDBERRIES)
                .kind(InboxItemKind.REVIEW)
                .threadId("fb-8f3a2c")
                .productId("215473829")
                .productName("Смартфон Samsung Galaxy A55")
                .orderLink(new OrderLink("f1a2b3c4d5e6.0.0", "4512345678", OrderLinkSource.MARKETPLACE, AT))
                .firstRating(1)
                .rating(1)
                .classification(new Classification(InboxIntent.QUALITY_COMPLAINT, InboxEmotion.ANGRY,
                        InboxPriority.CRITICAL, ClassificationSource.RULES, 0.9, List.of("брак")))
                .status(InteractionStatus.OPEN)
                .openedAt(AT)
                .lastBuyerAt(AT)
                .slaDeadline(AT.plus(1, ChronoUnit.HOURS))
                .unansweredBuyerMessages(1)
                .updatedAt(AT)
                .build();
        InteractionMessage text = InteractionMessage.incoming("fb-8f3a2c", InboxSender.BUYER,
                "Экран с браком, верну.", 1, AT);
        assertThat(stores.interactions().addMessage(SHOP, review.id(), text)).isTrue();
        Interaction saved = stores.interactions().save(review).orElseThrow();
        assertThat(saved.version()).isEqualTo(1);
        assertThat(stores.interactions().messages(SHOP, review.id())).containsExactly(text);
        assertThat(stores.interactions().queue(SHOP, Set.of(InteractionStatus.OPEN), 10)).containsExactly(saved);
    }
}
