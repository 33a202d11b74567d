package dev.aihq.agents.inbox.draft;

import dev.aihq.agents.PromptTemplate;
import dev.aihq.api.Marketplace;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.inbox.InboxIntent;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The inbox's template replies ({@code reply-templates_ru.properties}): what is drafted when no model is configured
 * or no model answer passes the guard. A template is chosen by the kind and the case: a 1–2★ review gets the
 * {@code negative} one, a chat whose order is needed and unknown {@code ask_order}, else the intent's, else the
 * kind's {@code default}. Immutable and thread-safe.
 */
public final class ReplyTemplates {

    /** The resource of the Russian templates. */
    public static final String RESOURCE = "/dev/aihq/agents/inbox/reply-templates_ru.properties";

    /** The case of a 1–2★ review. */
    public static final String NEGATIVE = "negative";

    /** The case of a chat whose order is needed and not known: ask for the order number. */
    public static final String ASK_ORDER = "ask_order";

    private static final String DEFAULT = "default";

    private final Map<String, PromptTemplate> templates;

    private ReplyTemplates(Map<String, PromptTemplate> templates) {
        this.templates = Map.copyOf(templates);
        for (InboxItemKind kind : InboxItemKind.values()) {
            if (!templates.containsKey(kind.wireValue() + "." + DEFAULT)) {
                throw new IllegalStateException(RESOURCE + " has no " + kind.wireValue() + "." + DEFAULT);
            }
        }
    }

    /**
     * Loads the shipped templates.
     *
     * @return the templates
     * @throws dev.aihq.api.error.ConfigurationException naming the resource when it is missing or unreadable
     * @throws IllegalStateException when a kind has no default template
     */
    public static ReplyTemplates standard() {
        return new ReplyTemplates(PromptTemplate.bundle(RESOURCE));
    }

    /**
     * Writes the template reply of a case.
     *
     * @param kind what is answered
     * @param caseName {@link #NEGATIVE}, {@link #ASK_ORDER} or an intent's name
     * @param marketplace the marketplace, named in the text
     * @param productName the product's name, or {@code null}
     * @param orderRef the order's number, or {@code null}
     * @return the reply
     */
    public String write(InboxItemKind kind, String caseName, Marketplace marketplace, @Nullable String productName,
            @Nullable String orderRef) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caseName, "case");
        PromptTemplate template = templates.getOrDefault(kind.wireValue() + "." + caseName,
                templates.get(kind.wireValue() + "." + DEFAULT));
        // Without an order number "по заказу {{order}}" reads well as "по заказу".
        PromptTemplate chosen = orderRef != null ? template
                : PromptTemplate.of(template.text().replace(" {{order}}", ""));
        return chosen.render(Map.of("marketplace", displayName(marketplace),
                "product", productName == null ? "товар" : productName,
                "order", orderRef == null ? "" : orderRef)).strip();
    }

    /**
     * Chooses the case of a reply.
     *
     * @param kind what is answered
     * @param intent the message's intent
     * @param rating a review's rating, or {@code null}
     * @param needsOrder whether the order is needed and not known
     * @return the case's name
     */
    public static String caseOf(InboxItemKind kind, InboxIntent intent, @Nullable Integer rating,
            boolean needsOrder) {
        if (kind == InboxItemKind.REVIEW && rating != null && rating <= 2) {
            return NEGATIVE;
        }
        if (kind == InboxItemKind.CHAT_MESSAGE && needsOrder) {
            return ASK_ORDER;
        }
        return intent.name();
    }

    /**
     * Returns how a marketplace is named in replies.
     *
     * @param marketplace the marketplace
     * @return e.g. {@code Ozon}, {@code Wildberries}
     */
    public static String displayName(Marketplace marketplace) {
        if (marketplace.equals(Marketplace.OZON)) {
            return "Ozon";
        }
        if (marketplace.equals(Marketplace.WILDBERRIES)) {
            return "Wildberries";
        }
        if (marketplace.equals(Marketplace.KASPI)) {
            return "Kaspi";
        }
        return marketplace.code();
    }
}
