package dev.aihq.pipeline.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.CustomerMentions;
import dev.aihq.api.store.ErasureReport;
import dev.aihq.api.store.JournalEntry;
import dev.aihq.api.store.OutboxMessage;
import dev.aihq.api.store.OutboxStatus;
import dev.aihq.api.store.PersonalDataStore;
import dev.aihq.api.store.PurgeReport;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.http.JsonCodec;
import dev.aihq.http.JsonFormatException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The {@link PersonalDataStore} over one set of {@link InMemoryStores}: it erases and purges in each of
 * them in turn. Not atomic: a reader may see a customer half erased for a moment, and a run writing for
 * the customer at the same time may write after the erasure (erase again when it has ended). Journaled
 * events are inspected as JSON (the SDK's mapper, numbers in full) to find those that mention the customer.
 * The inbox's interactions ({@link InMemoryInteractionStore}) hold what buyers wrote on the marketplace and no
 * phone number, so neither an erasure by phone nor a retention purge has anything to do there. Thread-safe.
 */
public final class InMemoryPersonalDataStore implements PersonalDataStore {

    private static final JsonCodec JSON = JsonCodec.defaults();
    private static final Set<OutboxStatus> FINISHED =
            Set.of(OutboxStatus.SENT, OutboxStatus.FAILED, OutboxStatus.CANCELLED);

    private final InMemoryStores stores;

    /**
     * Works on a set of stores.
     *
     * @param stores the stores to erase and purge in
     */
    public InMemoryPersonalDataStore(InMemoryStores stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    @Override
    public ErasureReport erase(ShopId shopId, PhoneNumber customer, @Nullable String customerName, Instant at) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(at, "at");
        CustomerMentions mentions = new CustomerMentions(customer, customerName);
        // Suppressed first: from now on no delivery or dispatch writes to the customer.
        stores.suppressions().suppress(shopId, customer, ERASED_REASON, at);

        Set<String> ownRuns = new HashSet<>();
        List<JournalEntry> erased = stores.journal().erase(shopId, entry -> isOwn(entry.event(), customer)
                || mentions.mentions(JSON.write(entry.event())));
        erased.forEach(entry -> ownRuns.add(entry.runId().value()));

        int purchases = stores.purchases().anonymise(shopId, customer);

        int outbox = 0;
        for (OutboxMessage message : stores.outbox().all(shopId)) {
            if (message.to().equals(customer)) {
                ownRuns.add(message.runId().value());
                if (stores.outbox().delete(message)) {
                    outbox++;
                }
            } else {
                String text = mentions.clean(message.text());
                String error = message.lastError() == null ? null : mentions.clean(message.lastError());
                if ((!text.equals(message.text()) || !Objects.equals(error, message.lastError()))
                        && stores.outbox().rewrite(message, text, error)) {
                    outbox++;
                }
            }
        }
        stores.outbox().forgetContact(shopId, customer);

        int runs = 0;
        for (RunRecord run : stores.runLog().all(shopId)) {
            boolean own = ownRuns.contains(run.runId().value());
            RunRecord cleaned = clean(run, mentions, own);
            if (!cleaned.equals(run)) {
                stores.runLog().save(cleaned);
                runs++;
            }
        }

        int conversation = stores.conversations().erase(shopId, customer, mentions::clean);
        int consent = stores.consents().erase(shopId, customer) ? 1 : 0;
        return new ErasureReport(shopId, at, erased.size(), purchases, runs, outbox, conversation, consent);
    }

    @Override
    public PurgeReport purgeBefore(ShopId shopId, Instant before) {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(before, "before");
        int journal = stores.journal().purgeBefore(shopId, before);
        int runs = 0;
        for (RunRecord run : stores.runLog().all(shopId)) {
            if (!run.inProgress() && run.startedAt().isBefore(before)
                    && (!run.stages().isEmpty() || run.agent() != null || run.resultJson() != null)) {
                stores.runLog().save(new RunRecord(run.runId(), run.shopId(), run.pipeline(), run.eventType(),
                        run.idempotencyKey(), run.startedAt(), run.finishedAt(), run.outcome(), run.reason(),
                        List.of(), null, null, run.scheduledFor(), run.providerMessageId()));
                runs++;
            }
        }
        int outbox = 0;
        for (OutboxMessage message : stores.outbox().all(shopId)) {
            if (FINISHED.contains(message.status()) && message.dueAt().isBefore(before)
                    && stores.outbox().delete(message)) {
                outbox++;
            }
        }
        int conversation = stores.conversations().purgeBefore(shopId, before);
        return new PurgeReport(shopId, before, journal, runs, outbox, conversation);
    }

    /** Whether the customer is the event's own (the buyer of a purchase, the writer of a reply). */
    private static boolean isOwn(HqEvent event, PhoneNumber customer) {
        if (event instanceof dev.aihq.api.event.PurchaseEvent purchase) {
            return customer.equals(purchase.customer());
        }
        if (event instanceof dev.aihq.api.event.CustomerReplyEvent reply) {
            return customer.equals(reply.from());
        }
        return false;
    }

    /** A run record without the customer: their own runs lose the result; texts lose every mention. */
    private static RunRecord clean(RunRecord run, CustomerMentions mentions, boolean own) {
        List<StageRecord> stages = run.stages().stream()
                .map(s -> new StageRecord(s.name(), s.duration(), s.status(), mentions.clean(s.detail())))
                .toList();
        AgentTrace agent = run.agent();
        if (agent != null) {
            agent = new AgentTrace(agent.path(), cleanNullable(agent.model(), mentions), agent.inputTokens(),
                    agent.outputTokens(), agent.promptHash(), cleanNullable(agent.fallbackReason(), mentions));
        }
        String result = own ? null : cleanJson(run.resultJson(), mentions);
        return new RunRecord(run.runId(), run.shopId(), run.pipeline(), run.eventType(), run.idempotencyKey(),
                run.startedAt(), run.finishedAt(), run.outcome(), mentions.clean(run.reason()), stages, agent, result,
                run.scheduledFor(), run.providerMessageId());
    }

    private static @Nullable String cleanNullable(@Nullable String text, CustomerMentions mentions) {
        return text == null ? null : mentions.clean(text);
    }

    /**
     * Cleans every string of a JSON document; the document is dropped when a mention survives (in a field
     * name or a number).
     */
    static @Nullable String cleanJson(@Nullable String json, CustomerMentions mentions) {
        if (json == null || mentions.clean(json).equals(json)) {
            return json;
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (JsonFormatException e) {
            return null;
        }
        JsonNode cleaned = cleanNode(tree, mentions);
        String written = JSON.write(cleaned);
        return mentions.clean(written).equals(written) ? written : null;
    }

    private static JsonNode cleanNode(JsonNode node, CustomerMentions mentions) {
        if (node.isTextual()) {
            return TextNode.valueOf(mentions.clean(node.textValue()));
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                field.setValue(cleanNode(field.getValue(), mentions));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, cleanNode(array.get(i), mentions));
            }
        }
        return node;
    }
}
