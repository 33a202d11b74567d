package dev.aihq.api.inbox;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a buyer's message is about, by name. The set is configurable: {@link #DEFAULTS} are the intents the SDK's
 * classifiers know out of the box (the seed's {@code problem_delivery}, {@code question_sizing},
 * {@code churn_risk}, ...), and a shop may add its own names; an intent is compared by name only.
 *
 * @param name lower-case words joined by {@code _}, 2–40 characters, e.g. {@code delivery_problem}
 */
public record InboxIntent(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+)*");

    /** Where is the order: late, lost, stuck, trouble with the courier or the pickup point. */
    public static final InboxIntent DELIVERY_PROBLEM = new InboxIntent("delivery_problem");
    /** Which size to take, how it fits. */
    public static final InboxIntent SIZING = new InboxIntent("sizing");
    /** In stock, restock, another colour or size. */
    public static final InboxIntent AVAILABILITY = new InboxIntent("availability");
    /** Will it fit the buyer's device, model, car. */
    public static final InboxIntent COMPATIBILITY = new InboxIntent("compatibility");
    /** Other questions about the product before buying: specs, material, use, care, warranty. */
    public static final InboxIntent PRODUCT_QUESTION = new InboxIntent("product_question");
    /** Wants to return or exchange, or a refund. */
    public static final InboxIntent RETURN_REFUND = new InboxIntent("return_refund");
    /** A defect, poor quality, not as described. */
    public static final InboxIntent QUALITY_COMPLAINT = new InboxIntent("quality_complaint");
    /** Another item, colour or size came, or something is missing. */
    public static final InboxIntent WRONG_ITEM = new InboxIntent("wrong_item");
    /** Says they will leave, stop buying, complain publicly: the seed's «верну», «разочарован». */
    public static final InboxIntent CHURN_RISK = new InboxIntent("churn_risk");
    /** Thanks and satisfaction. */
    public static final InboxIntent PRAISE = new InboxIntent("praise");
    /** Anything else: a greeting, off-topic. */
    public static final InboxIntent OTHER = new InboxIntent("other");

    /** The intents the SDK's classifiers know, in this order. */
    public static final List<InboxIntent> DEFAULTS = List.of(DELIVERY_PROBLEM, SIZING, AVAILABILITY, COMPATIBILITY,
            PRODUCT_QUESTION, RETURN_REFUND, QUALITY_COMPLAINT, WRONG_ITEM, CHURN_RISK, PRAISE, OTHER);

    /** Validates the name. */
    public InboxIntent {
        Objects.requireNonNull(name, "name");
        if (name.length() < 2 || name.length() > 40 || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an inbox intent is 2-40 characters of lower-case words joined by"
                    + " '_', e.g. delivery_problem; got '" + name + "'");
        }
    }

    /**
     * Returns the intent of a name.
     *
     * @param name the name
     * @return the intent
     * @throws IllegalArgumentException if the name is malformed
     */
    public static InboxIntent of(String name) {
        return new InboxIntent(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
