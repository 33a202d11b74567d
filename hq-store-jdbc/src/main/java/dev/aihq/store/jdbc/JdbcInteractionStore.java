package dev.aihq.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.StoreException;
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
import dev.aihq.api.inbox.ReplyOrigin;
import dev.aihq.api.store.InteractionStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The {@link InteractionStore} in tables {@code <prefix>inbox_interactions}, keyed by (shop, id), and
 * {@code <prefix>inbox_messages}, keyed by (shop, interaction id, message id). The messages do not reference the
 * interactions: a timeline may start before its interaction's state is first saved.
 *
 * <p>{@link #addMessage} is an insert-if-absent ({@link Dialect#insertIfAbsent}): PostgreSQL reports an existing
 * key through the update count, H2 through a unique violation; either way exactly one of several sessions adding
 * one message at once is told it was new, and the first message stays.
 *
 * <p>{@link #save} of a new interaction (version 0) is an insert-if-absent at version 1, refused when the shop
 * has the id already. A save of a read interaction is one {@code UPDATE … WHERE version = ?} that writes every
 * column and the next version: the database applies concurrent updates of one row one after the other and checks
 * the version of the row as the earlier one left it, so of several sessions saving from one version exactly one
 * updates a row and the others update none and get empty. Neither ever needs a second attempt or a lock held
 * between calls.
 *
 * <p>Each classification is six columns (intent name, emotion, priority, source, confidence, reasons as a JSON
 * array of strings), all null when there is none; the order link is four. Enumerations are their wire values, the
 * sender its lower-case name. Times are kept to the microsecond. The queue is one read over the index on
 * (shop, status, sla_deadline, id), the opened list one range read over the index on (shop, opened_at, id).
 * Interactions hold no phone number, so an erasure ({@link JdbcPersonalDataStore}) leaves both tables alone.
 * Thread-safe; holds no connection between calls.
 */
final class JdbcInteractionStore implements InteractionStore {

    private static final List<String> COLUMNS = List.of("shop_id", "id", "marketplace", "kind", "thread_id",
            "product_id", "seller_sku", "product_name", "reply_handle", "order_ref", "order_id", "order_link_source",
            "order_linked_at", "first_rating", "rating", "classification_intent", "classification_emotion",
            "classification_priority", "classification_source", "classification_confidence",
            "classification_reasons", "classified_message_id", "correction_intent", "correction_emotion",
            "correction_priority", "correction_source", "correction_confidence", "correction_reasons", "status",
            "opened_at", "last_buyer_at", "sla_deadline", "first_deadline", "first_reply_at",
            "unanswered_buyer_messages", "escalated_at", "updated_at", "version");

    private static final List<String> MESSAGE_COLUMNS = List.of("shop_id", "interaction_id", "message_id",
            "sender", "text", "rating", "written_at", "origin", "resolving");

    private final Jdbc jdbc;
    private final String interactions;
    private final String messages;
    private final String columns;
    private final String insertInteraction;
    private final String updateInteraction;
    private final String selectInteraction;
    private final String selectOpened;
    private final String insertMessage;
    private final String selectMessages;

    JdbcInteractionStore(Jdbc jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.interactions = jdbc.table("inbox_interactions");
        this.messages = jdbc.table("inbox_messages");
        this.columns = String.join(", ", COLUMNS);
        this.insertInteraction = jdbc.dialect.insertIfAbsent(interactions, COLUMNS,
                Collections.nCopies(COLUMNS.size(), "?"));
        this.updateInteraction = "UPDATE " + interactions + " SET " + String.join(" = ?, ",
                COLUMNS.subList(2, COLUMNS.size())) + " = ? WHERE shop_id = ? AND id = ? AND version = ?";
        this.selectInteraction = "SELECT " + columns + " FROM " + interactions + " WHERE shop_id = ? AND id = ?";
        this.selectOpened = "SELECT " + columns + " FROM " + interactions
                + " WHERE shop_id = ? AND opened_at >= ? AND opened_at < ? ORDER BY opened_at, id LIMIT ?";
        this.insertMessage = jdbc.dialect.insertIfAbsent(messages, MESSAGE_COLUMNS,
                Collections.nCopies(MESSAGE_COLUMNS.size(), "?"));
        this.selectMessages = "SELECT " + String.join(", ", MESSAGE_COLUMNS) + " FROM " + messages
                + " WHERE shop_id = ? AND interaction_id = ? ORDER BY written_at, message_id";
    }

    @Override
    public boolean addMessage(ShopId shopId, String interactionId, InteractionMessage message) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(interactionId, "interaction id");
        Objects.requireNonNull(message, "message");
        return jdbc.withConnection("adding message " + message.messageId() + " to interaction " + interactionId
                + " of shop " + shopId + " in " + messages, connection -> {
                    return jdbc.insertOnce(connection, insertMessage, statement -> {
                        int i = 1;
                        statement.setString(i++, shopId.value());
                        statement.setString(i++, interactionId);
                        statement.setString(i++, message.messageId());
                        statement.setString(i++, message.sender().name().toLowerCase(Locale.ROOT));
                        statement.setString(i++, message.text());
                        setInteger(statement, i++, message.rating());
                        statement.setObject(i++, Jdbc.utc(message.at()));
                        statement.setString(i++, message.origin() == null ? null
                                : message.origin().wireValue());
                        statement.setBoolean(i, message.resolving());
                    });
                });
    }

    @Override
    public List<InteractionMessage> messages(ShopId shopId, String interactionId) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(interactionId, "interaction id");
        return List.copyOf(jdbc.query("listing the messages of interaction " + interactionId + " of shop " + shopId
                + " in " + messages, selectMessages, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, interactionId);
                }, this::message));
    }

    @Override
    public Optional<Interaction> save(Interaction interaction) {
        Objects.requireNonNull(interaction, "interaction");
        Interaction saved = interaction.toBuilder().version(interaction.version() + 1).build();
        String classificationReasons = reasonsJson(interaction.classification());
        String correctionReasons = reasonsJson(interaction.correction());
        boolean written = jdbc.withConnection("saving interaction " + interaction.id() + " of shop "
                + interaction.shopId() + " at version " + interaction.version() + " in " + interactions,
                connection -> interaction.version() == 0
                        ? insertIfAbsent(connection, saved, classificationReasons, correctionReasons)
                        : Jdbc.update(connection, updateInteraction, statement -> {
                            int next = bindFields(statement, 1, saved, classificationReasons, correctionReasons);
                            statement.setString(next, interaction.shopId().value());
                            statement.setString(next + 1, interaction.id());
                            statement.setLong(next + 2, interaction.version());
                        }) == 1);
        return written ? Optional.of(saved) : Optional.empty();
    }

    /** Inserts the interaction unless the shop has its id; tells whether it did. */
    private boolean insertIfAbsent(Connection connection, Interaction interaction, @Nullable String classification,
            @Nullable String correction) throws SQLException {
        return jdbc.insertOnce(connection, insertInteraction, statement -> {
            statement.setString(1, interaction.shopId().value());
            statement.setString(2, interaction.id());
            bindFields(statement, 3, interaction, classification, correction);
        });
    }

    @Override
    public Optional<Interaction> find(ShopId shopId, String interactionId) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(interactionId, "interaction id");
        return jdbc.queryOne("reading interaction " + interactionId + " of shop " + shopId + " from "
                + interactions, selectInteraction, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setString(2, interactionId);
                }, this::interaction);
    }

    @Override
    public List<Interaction> queue(ShopId shopId, Set<InteractionStatus> statuses, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(statuses, "statuses");
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("the queue needs at least one status");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        List<InteractionStatus> wanted = List.copyOf(EnumSet.copyOf(statuses));
        String sql = "SELECT " + columns + " FROM " + interactions + " WHERE shop_id = ? AND status IN ("
                + String.join(", ", Collections.nCopies(wanted.size(), "?"))
                + ") ORDER BY sla_deadline NULLS LAST, id LIMIT ?";
        return List.copyOf(jdbc.query("listing the queue of shop " + shopId + " in statuses " + wanted + " in "
                + interactions, sql, statement -> {
                    int i = 1;
                    statement.setString(i++, shopId.value());
                    for (InteractionStatus status : wanted) {
                        statement.setString(i++, status.wireValue());
                    }
                    statement.setInt(i, limit);
                }, this::interaction));
    }

    @Override
    public List<Interaction> openedBetween(ShopId shopId, Instant from, Instant to, int limit) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return List.copyOf(jdbc.query("listing the interactions of shop " + shopId + " opened from " + from
                + " to " + to + " in " + interactions, selectOpened, statement -> {
                    statement.setString(1, shopId.value());
                    statement.setObject(2, Jdbc.utc(from));
                    statement.setObject(3, Jdbc.utc(to));
                    statement.setInt(4, limit);
                }, this::interaction));
    }

    private @Nullable String reasonsJson(@Nullable Classification classification) {
        return classification == null ? null : jdbc.json.write(classification.reasons());
    }

    /**
     * Binds every column after the key, version included, from parameter {@code first} on; returns the next
     * parameter's index.
     */
    private static int bindFields(PreparedStatement statement, int first, Interaction interaction,
            @Nullable String classificationReasons, @Nullable String correctionReasons) throws SQLException {
        int i = first;
        statement.setString(i++, interaction.marketplace().code());
        statement.setString(i++, interaction.kind().wireValue());
        statement.setString(i++, interaction.threadId());
        statement.setString(i++, interaction.productId());
        statement.setString(i++, interaction.sellerSku());
        statement.setString(i++, interaction.productName());
        statement.setString(i++, interaction.replyHandle());
        OrderLink link = interaction.orderLink();
        statement.setString(i++, link == null ? null : link.orderRef());
        statement.setString(i++, link == null ? null : link.orderId());
        statement.setString(i++, link == null ? null : link.source().wireValue());
        statement.setObject(i++, link == null ? null : Jdbc.utc(link.linkedAt()));
        setInteger(statement, i++, interaction.firstRating());
        setInteger(statement, i++, interaction.rating());
        i = bindClassification(statement, i, interaction.classification(), classificationReasons);
        statement.setString(i++, interaction.classifiedMessageId());
        i = bindClassification(statement, i, interaction.correction(), correctionReasons);
        statement.setString(i++, interaction.status().wireValue());
        statement.setObject(i++, Jdbc.utc(interaction.openedAt()));
        statement.setObject(i++, Jdbc.utc(interaction.lastBuyerAt()));
        statement.setObject(i++, Jdbc.utc(interaction.slaDeadline()));
        statement.setObject(i++, Jdbc.utc(interaction.firstDeadline()));
        statement.setObject(i++, Jdbc.utc(interaction.firstReplyAt()));
        statement.setInt(i++, interaction.unansweredBuyerMessages());
        statement.setObject(i++, Jdbc.utc(interaction.escalatedAt()));
        statement.setObject(i++, Jdbc.utc(interaction.updatedAt()));
        statement.setLong(i++, interaction.version());
        return i;
    }

    /** Binds a classification's six columns from parameter {@code first} on; returns the next index. */
    private static int bindClassification(PreparedStatement statement, int first,
            @Nullable Classification classification, @Nullable String reasons) throws SQLException {
        int i = first;
        statement.setString(i++, classification == null ? null : classification.intent().name());
        statement.setString(i++, classification == null ? null : classification.emotion().wireValue());
        statement.setString(i++, classification == null ? null : classification.priority().wireValue());
        statement.setString(i++, classification == null ? null : classification.source().wireValue());
        if (classification == null) {
            statement.setNull(i++, Types.DOUBLE);
        } else {
            statement.setDouble(i++, classification.confidence());
        }
        statement.setString(i++, reasons);
        return i;
    }

    private static void setInteger(PreparedStatement statement, int index, @Nullable Integer value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.SMALLINT);
        } else {
            statement.setInt(index, value);
        }
    }

    private static @Nullable Integer getInteger(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private Interaction interaction(ResultSet row) throws SQLException {
        String shopId = row.getString("shop_id");
        String id = row.getString("id");
        try {
            String orderRef = row.getString("order_ref");
            OrderLink link = orderRef == null ? null : new OrderLink(orderRef, row.getString("order_id"),
                    OrderLinkSource.fromWire(row.getString("order_link_source")),
                    Objects.requireNonNull(Jdbc.instant(row, "order_linked_at"), "order_linked_at"));
            return Interaction.builder()
                    .shopId(ShopId.of(shopId))
                    .marketplace(Marketplace.of(row.getString("marketplace")))
                    .kind(InboxItemKind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)))
                    .threadId(row.getString("thread_id"))
                    .productId(row.getString("product_id"))
                    .sellerSku(row.getString("seller_sku"))
                    .productName(row.getString("product_name"))
                    .replyHandle(row.getString("reply_handle"))
                    .orderLink(link)
                    .firstRating(getInteger(row, "first_rating"))
                    .rating(getInteger(row, "rating"))
                    .classification(classification(row, "classification_"))
                    .classifiedMessageId(row.getString("classified_message_id"))
                    .correction(classification(row, "correction_"))
                    .status(InteractionStatus.fromWire(row.getString("status")))
                    .openedAt(Jdbc.instant(row, "opened_at"))
                    .lastBuyerAt(Jdbc.instant(row, "last_buyer_at"))
                    .slaDeadline(Jdbc.instant(row, "sla_deadline"))
                    .firstDeadline(Jdbc.instant(row, "first_deadline"))
                    .firstReplyAt(Jdbc.instant(row, "first_reply_at"))
                    .unansweredBuyerMessages(row.getInt("unanswered_buyer_messages"))
                    .escalatedAt(Jdbc.instant(row, "escalated_at"))
                    .updatedAt(Jdbc.instant(row, "updated_at"))
                    .version(row.getLong("version"))
                    .build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("cannot read " + interactions + " row (shop " + shopId + ", id '" + id + "'): "
                    + e.getMessage(), e);
        }
    }

    /** Reads the six columns of a classification starting with a prefix; null when its intent is null. */
    private @Nullable Classification classification(ResultSet row, String prefix) throws SQLException {
        String intent = row.getString(prefix + "intent");
        if (intent == null) {
            return null;
        }
        double confidence = row.getDouble(prefix + "confidence");
        if (row.wasNull()) {
            throw new IllegalArgumentException(prefix + "confidence is null while " + prefix + "intent is set");
        }
        return new Classification(InboxIntent.of(intent),
                InboxEmotion.fromWire(row.getString(prefix + "emotion")),
                InboxPriority.fromWire(row.getString(prefix + "priority")),
                ClassificationSource.fromWire(row.getString(prefix + "source")), confidence,
                reasons(prefix + "reasons", row.getString(prefix + "reasons")));
    }

    /** Reads a JSON array of reasons. */
    private List<String> reasons(String column, @Nullable String json) {
        Objects.requireNonNull(json, column);
        JsonNode array = jdbc.json.readTree(json.getBytes(StandardCharsets.UTF_8));
        if (!array.isArray()) {
            throw new IllegalArgumentException(column + " is not a JSON array");
        }
        List<String> reasons = new ArrayList<>(array.size());
        for (JsonNode reason : array) {
            if (!reason.isTextual()) {
                throw new IllegalArgumentException(column + " holds a value that is not a string");
            }
            reasons.add(reason.asText());
        }
        return reasons;
    }

    private InteractionMessage message(ResultSet row) throws SQLException {
        String messageId = row.getString("message_id");
        try {
            String origin = row.getString("origin");
            return new InteractionMessage(messageId,
                    InboxSender.valueOf(row.getString("sender").toUpperCase(Locale.ROOT)), row.getString("text"),
                    getInteger(row, "rating"),
                    Objects.requireNonNull(Jdbc.instant(row, "written_at"), "written_at"),
                    origin == null ? null : ReplyOrigin.fromWire(origin), row.getBoolean("resolving"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("cannot read " + messages + " row (shop " + row.getString("shop_id")
                    + ", interaction '" + row.getString("interaction_id") + "', message '" + messageId + "'): "
                    + e.getMessage(), e);
        }
    }
}
