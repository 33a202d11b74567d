package dev.aihq.agents.inbox.draft;

import dev.aihq.agents.sales.guard.GuardContext;
import dev.aihq.agents.sales.guard.OfferCheck;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.connector.MessagingRule;
import dev.aihq.api.connector.MessagingRuleKind;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.connector.SourceStatus;
import dev.aihq.api.shop.Shop;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The guard of every inbox reply, whoever wrote it: the sales guard's checks of any text for a buyer ({@link OfferCheck}:
 * no links, phone numbers, e-mails or other channels, no payment off the marketplace, no promo code the shop does
 * not have, no promise the shop does not make — a refund, compensation or replacement included
 * ({@link dev.aihq.api.shop.ShopPromise#REFUND}) —, the expected language, no formatting, no leaked instructions,
 * none of the shop's forbidden phrases, the marketplace's messaging rules), the reply channel's length
 * ({@link ReplyChannel}), and, for every marketplace whether its connector declares them or not, the inbox's own
 * rules: never ask the buyer to cancel, never ask for personal data (the order number is fine), nothing negative
 * about the marketplace, competitors or other sellers, no rudeness. Immutable and thread-safe.
 */
public final class ReplyCheck {

    private static final String INBOX_SOURCE = "the unified inbox's reply rules (marketplaces' communication"
            + " policies, reference §3.10; the seed's guardrails)";
    private static final Map<String, Set<String>> MARKETPLACE_NAMES = Map.of(
            Marketplace.OZON.code(), Set.of("Ozon", "Озон"),
            Marketplace.WILDBERRIES.code(), Set.of("Wildberries", "Вайлдберриз", "Валдберис", "WB", "ВБ"),
            Marketplace.KASPI.code(), Set.of("Kaspi", "Каспи"));

    private final OfferCheck offerCheck;

    private ReplyCheck(OfferCheck offerCheck) {
        this.offerCheck = offerCheck;
    }

    /**
     * Returns the check with the shipped phrase lists.
     *
     * @return the check
     */
    public static ReplyCheck standard() {
        return new ReplyCheck(OfferCheck.standard());
    }

    /**
     * Checks a reply.
     *
     * @param text the reply
     * @param request what it answers and for whom
     * @return every problem; empty when the reply may go out
     */
    public List<String> problems(String text, Request request) {
        Objects.requireNonNull(text, "text");
        ReplyChannel channel = request.channel();
        List<String> problems = new ArrayList<>();
        String stripped = text.strip();
        if (!stripped.isEmpty() && stripped.length() < channel.minLength()) {
            problems.add("the reply is " + stripped.length() + " characters, " + channel.source());
        }
        GuardContext.Builder context = GuardContext.builder(request.shop())
                .maxTextLength(channel.maxLength())
                .customerMessage(request.buyerText())
                .systemPrompt(request.systemPrompt())
                .messagingRules(withInboxRules(request.rules(), channel.marketplace()));
        request.knownAmounts().forEach(context::knownAmount);
        problems.addAll(offerCheck.problems(text, List.of(), null, null, context.build()));
        return List.copyOf(problems);
    }

    /** The marketplace's rules, plus the inbox's own for every kind of the policy the connector leaves out. */
    static MessagingRules withInboxRules(MessagingRules rules, Marketplace marketplace) {
        Set<MessagingRuleKind> present = EnumSet.noneOf(MessagingRuleKind.class);
        rules.rules().forEach(r -> present.add(r.kind()));
        List<MessagingRule> all = new ArrayList<>(rules.rules());
        String prefix = "inbox.";
        if (!present.contains(MessagingRuleKind.NO_CANCELLATION_REQUEST)) {
            all.add(MessagingRule.forbidding(prefix + "no-cancellation-request",
                    MessagingRuleKind.NO_CANCELLATION_REQUEST, SourceStatus.CONFIRMED, List.of(INBOX_SOURCE),
                    "Never ask the buyer to cancel or refuse the order."));
        }
        if (!present.contains(MessagingRuleKind.NO_PERSONAL_DATA_REQUEST)) {
            all.add(MessagingRule.forbidding(prefix + "no-personal-data", MessagingRuleKind.NO_PERSONAL_DATA_REQUEST,
                    SourceStatus.CONFIRMED, List.of(INBOX_SOURCE), "Never ask for the buyer's personal data; the"
                            + " order number is fine."));
        }
        if (!present.contains(MessagingRuleKind.NO_RUDENESS)) {
            all.add(MessagingRule.forbidding(prefix + "no-rudeness", MessagingRuleKind.NO_RUDENESS,
                    SourceStatus.CONFIRMED, List.of(INBOX_SOURCE), "No rudeness, insults or profanity."));
        }
        if (!present.contains(MessagingRuleKind.NO_DISPARAGEMENT)) {
            all.add(MessagingRule.noDisparagement(prefix + "no-disparagement",
                    MARKETPLACE_NAMES.getOrDefault(marketplace.code(), Set.of(marketplace.code())),
                    SourceStatus.CONFIRMED, List.of(INBOX_SOURCE), "Nothing negative about the marketplace,"
                            + " competitors or other sellers."));
        }
        return MessagingRules.of(all.toArray(MessagingRule[]::new));
    }

    /**
     * What a reply is checked against.
     *
     * @param shop the shop
     * @param channel the reply channel's limits
     * @param rules the marketplace's messaging rules (its connector's)
     * @param buyerText the buyer's message answered, for the expected language, or {@code null}
     * @param systemPrompt the model's system prompt, to find it copied into the reply, or {@code null}
     * @param knownAmounts amounts the reply may quote (the order's total and lines)
     */
    public record Request(Shop shop, ReplyChannel channel, MessagingRules rules, @Nullable String buyerText,
            @Nullable String systemPrompt, List<Money> knownAmounts) {

        /** Requires the parts; copies the amounts. */
        public Request {
            Objects.requireNonNull(shop, "shop");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(rules, "rules");
            knownAmounts = List.copyOf(knownAmounts);
        }
    }
}
