package dev.aihq.api.connector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One rule a marketplace sets for what a seller may write to its buyers, as a connector declares it
 * ({@link MarketplaceConnector#messagingRules}). The sales guard refuses a message that breaks it, naming
 * the rule's id, whatever its {@link SourceStatus}: an unconfirmed rule is the conservative default.
 *
 * @param id stable id, lower case, {@code <marketplace>.<rule>}, e.g. {@code kaspi.no-impersonation}; it
 *     appears in the guard's problems and the run's reason, so it must not change once published
 * @param kind what the rule forbids
 * @param protectedNames for {@link MessagingRuleKind#NO_IMPERSONATION}, the names the seller must not pose
 *     as, e.g. {@code Kaspi} and {@code Каспи}; for {@link MessagingRuleKind#NO_DISPARAGEMENT}, the
 *     marketplace's names that must not be spoken ill of (letters, digits, spaces, dots, hyphens and
 *     apostrophes; matched case-insensitively as whole words); empty for every other kind
 * @param status how well the rule is sourced
 * @param sources where it comes from: URLs or reference texts, at least one
 * @param description what the rule says, for people (a settings screen, a run's reason)
 */
public record MessagingRule(
        String id,
        MessagingRuleKind kind,
        Set<String> protectedNames,
        SourceStatus status,
        List<String> sources,
        String description) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");
    // Names go into phrase patterns; anything beyond these characters would be read as pattern syntax.
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N} .'’-]*[\\p{L}\\p{N}])?");
    private static final int MAX_NAME_LENGTH = 60;

    /** Validates the id, the names for the kind, the sources and the description; copies the collections. */
    public MessagingRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(description, "description");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a messaging rule id is lower-case words joined by '.' or '-',"
                    + " e.g. kaspi.no-impersonation; got '" + id + "'");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : protectedNames) {
            String stripped = Objects.requireNonNull(name, "protected name").strip();
            if (stripped.length() > MAX_NAME_LENGTH || !NAME.matcher(stripped).matches()) {
                throw new IllegalArgumentException(id + ": a protected name is 1-" + MAX_NAME_LENGTH
                        + " letters, digits, spaces, dots, hyphens or apostrophes; got '" + name + "'");
            }
            names.add(stripped);
        }
        if (kind.namesProtected() && names.isEmpty()) {
            throw new IllegalArgumentException(id + ": a " + kind + " rule needs at least one protected name");
        }
        if (!kind.namesProtected() && !names.isEmpty()) {
            throw new IllegalArgumentException(id + ": a " + kind + " rule has no protected names, got " + names);
        }
        protectedNames = Collections.unmodifiableSet(names);
        List<String> cited = new ArrayList<>();
        for (String source : sources) {
            if (Objects.requireNonNull(source, "source").isBlank()) {
                throw new IllegalArgumentException(id + ": a source must not be blank");
            }
            cited.add(source.strip());
        }
        if (cited.isEmpty()) {
            throw new IllegalArgumentException(id + ": a rule needs at least one source");
        }
        sources = List.copyOf(cited);
        if (description.isBlank()) {
            throw new IllegalArgumentException(id + ": the description must not be blank");
        }
    }

    /**
     * Declares a {@link MessagingRuleKind#NO_IMPERSONATION} rule.
     *
     * @param id the rule's id
     * @param protectedNames the names the seller must not pose as
     * @param status how well it is sourced
     * @param sources where it comes from
     * @param description what it says
     * @return the rule
     */
    public static MessagingRule noImpersonation(String id, Set<String> protectedNames, SourceStatus status,
            List<String> sources, String description) {
        return new MessagingRule(id, MessagingRuleKind.NO_IMPERSONATION, protectedNames, status, sources,
                description);
    }

    /**
     * Declares a {@link MessagingRuleKind#NO_REVIEW_INCENTIVE} rule.
     *
     * @param id the rule's id
     * @param status how well it is sourced
     * @param sources where it comes from
     * @param description what it says
     * @return the rule
     */
    public static MessagingRule noReviewIncentive(String id, SourceStatus status, List<String> sources,
            String description) {
        return new MessagingRule(id, MessagingRuleKind.NO_REVIEW_INCENTIVE, Set.of(), status, sources,
                description);
    }

    /**
     * Declares a {@link MessagingRuleKind#NO_DISPARAGEMENT} rule.
     *
     * @param id the rule's id
     * @param marketplaceNames the marketplace's names, e.g. {@code Ozon} and {@code Озон}
     * @param status how well it is sourced
     * @param sources where it comes from
     * @param description what it says
     * @return the rule
     */
    public static MessagingRule noDisparagement(String id, Set<String> marketplaceNames, SourceStatus status,
            List<String> sources, String description) {
        return new MessagingRule(id, MessagingRuleKind.NO_DISPARAGEMENT, marketplaceNames, status, sources,
                description);
    }

    /**
     * Declares a rule of a kind that carries no names: {@link MessagingRuleKind#NO_REVIEW_INCENTIVE},
     * {@link MessagingRuleKind#NO_CANCELLATION_REQUEST}, {@link MessagingRuleKind#NO_PERSONAL_DATA_REQUEST} or
     * {@link MessagingRuleKind#NO_RUDENESS}.
     *
     * @param id the rule's id
     * @param kind what it forbids
     * @param status how well it is sourced
     * @param sources where it comes from
     * @param description what it says
     * @return the rule
     * @throws IllegalArgumentException if the kind needs names
     */
    public static MessagingRule forbidding(String id, MessagingRuleKind kind, SourceStatus status,
            List<String> sources, String description) {
        return new MessagingRule(id, kind, Set.of(), status, sources, description);
    }
}
