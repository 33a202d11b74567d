package dev.aihq.agents.inbox.insight;

import dev.aihq.agents.PromptTemplate;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.ManagerNotification;
import dev.aihq.api.inbox.NotificationKind;
import dev.aihq.api.inbox.Notifier;
import dev.aihq.api.shop.InboxSettings;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.InteractionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import javax.annotation.Nullable;

/**
 * Product quality from the inbox: the seed's scenario 4 ("рост негативных отзывов на товар >30 % за неделю → alert
 * менеджеру") and its dashboard's problem products and frequent questions.
 *
 * <ul>
 *   <li><b>Alerts</b> ({@link #alerts}): per product, the share of reviews written at 1–2★ in a week (Monday to
 *       Sunday in the shop's zone) against the week before. An alert needs at least the shop's minimum of reviews
 *       this week ({@link InboxSettings#alertMinimumReviews()}) and a negative share grown by at least the shop's
 *       percent ({@link InboxSettings#negativeShareAlertPercent()}, 30 by default) of last week's share; when last
 *       week had no negative review, this week's share must itself reach that percent.</li>
 *   <li><b>Problem products</b> ({@link #problemProducts}): by negative share, then by negative count.</li>
 *   <li><b>Question topics</b> ({@link #questionTopics}): per product, the most frequent intent of its questions
 *       with what to add to the card ({@code card-suggestions_ru.properties}).</li>
 * </ul>
 * A review counts by its first rating: a review raised later still tells what the buyer first met. Thread-safe when
 * the store and the notifier are.
 */
public final class QualityMonitor {

    private static final String SUGGESTIONS = "/dev/aihq/agents/inbox/card-suggestions_ru.properties";
    private static final int MAX_READ = InboxMetrics.MAX_INTERACTIONS;

    private final InteractionStore interactions;
    private final Notifier notifier;
    private final Clock clock;
    private final Map<String, String> suggestions;

    /**
     * Creates a monitor.
     *
     * @param interactions the interactions
     * @param notifier where alerts go
     * @param clock the clock of the alerts' times
     */
    public QualityMonitor(InteractionStore interactions, Notifier notifier, Clock clock) {
        this.interactions = Objects.requireNonNull(interactions, "interactions");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.suggestions = loadSuggestions();
    }

    /**
     * Finds the week's quality alerts of a shop.
     *
     * @param shop the shop (its zone and inbox settings)
     * @param weekStart the Monday the week starts on, in the shop's zone
     * @return the alerts, the largest negative share first
     */
    public List<QualityAlert> alerts(Shop shop, LocalDate weekStart) {
        InboxSettings settings = shop.settings().inbox();
        Instant start = weekStart.atStartOfDay(shop.zone()).toInstant();
        Instant end = weekStart.plusDays(7).atStartOfDay(shop.zone()).toInstant();
        Instant before = weekStart.minusDays(7).atStartOfDay(shop.zone()).toInstant();
        Map<String, Tally> current = tally(reviews(shop, start, end));
        Map<String, Tally> previous = tally(reviews(shop, before, start));
        double threshold = settings.negativeShareAlertPercent().doubleValue();
        List<QualityAlert> alerts = new ArrayList<>();
        current.forEach((product, now) -> {
            if (now.total < settings.alertMinimumReviews() || now.negative == 0) {
                return;
            }
            Tally then = previous.getOrDefault(product, new Tally(now.name));
            double share = (double) now.negative / now.total;
            Double growth = null;
            boolean alert;
            if (then.negative == 0) {
                alert = share * 100 >= threshold;
            } else {
                double previousShare = (double) then.negative / then.total;
                growth = (share - previousShare) / previousShare * 100;
                alert = growth >= threshold;
            }
            if (alert) {
                alerts.add(new QualityAlert(product, now.name, weekStart, now.total, now.negative, then.total,
                        then.negative, growth));
            }
        });
        alerts.sort(Comparator.comparingDouble(QualityAlert::negativeShare).reversed()
                .thenComparing(QualityAlert::productId));
        return List.copyOf(alerts);
    }

    /**
     * Finds the week's alerts and sends each to the shop's manager, with an id stable per product and week so
     * that a receiver drops a repeat.
     *
     * @param shop the shop
     * @param weekStart the Monday the week starts on
     * @return the alerts sent
     */
    public List<QualityAlert> notifyAlerts(Shop shop, LocalDate weekStart) {
        List<QualityAlert> alerts = alerts(shop, weekStart);
        for (QualityAlert alert : alerts) {
            String name = alert.productName() == null ? "товар " + alert.productId() : "«" + alert.productName() + "»";
            String body = String.format(Locale.ROOT, "Доля отзывов 1–2★ на %s за неделю с %s: %d из %d (%.0f %%);"
                    + " неделей раньше: %d из %d. Проверьте поставку и описание товара.", name, alert.weekStart(),
                    alert.negative(), alert.reviews(), alert.negativeShare() * 100, alert.previousNegative(),
                    alert.previousReviews());
            notifier.send(new ManagerNotification("quality:" + alert.productId() + ":" + alert.weekStart(),
                    shop.id(), NotificationKind.QUALITY_ALERT, "Всплеск негатива: " + abbreviate(name, 150), body,
                    null, alert.productId(), null, null, clock.instant()));
        }
        return alerts;
    }

    /**
     * Ranks a shop's products by their reviews' negative share over a period.
     *
     * @param shop the shop
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @param minimumReviews the fewest reviews a product needs to be ranked, at least 1
     * @param limit the most products returned
     * @return the products with negative reviews, the worst first
     */
    public List<ProductProblem> problemProducts(Shop shop, Instant from, Instant to, int minimumReviews, int limit) {
        if (minimumReviews < 1 || limit < 1) {
            throw new IllegalArgumentException("minimum reviews and limit must be at least 1");
        }
        List<Interaction> reviews = reviews(shop, from, to);
        Map<String, Tally> tallies = tally(reviews);
        Map<String, Map<String, Integer>> complaints = new HashMap<>();
        for (Interaction review : reviews) {
            Classification c = review.effectiveClassification();
            if (isNegative(review) && c != null) {
                complaints.computeIfAbsent(review.productId(), k -> new HashMap<>()).merge(c.intent().name(), 1,
                        Integer::sum);
            }
        }
        return tallies.entrySet().stream()
                .filter(e -> e.getValue().total >= minimumReviews && e.getValue().negative > 0)
                .map(e -> new ProductProblem(e.getKey(), e.getValue().name, e.getValue().total, e.getValue().negative,
                        top(complaints.getOrDefault(e.getKey(), Map.of()))))
                .sorted(Comparator.comparingDouble(ProductProblem::negativeShare).reversed()
                        .thenComparing(Comparator.comparingInt(ProductProblem::negative).reversed())
                        .thenComparing(ProductProblem::productId))
                .limit(limit)
                .toList();
    }

    /**
     * Finds the most frequent topic of each product's questions over a period.
     *
     * @param shop the shop
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @param limit the most products returned
     * @return the topics, the product with the most questions first
     */
    public List<QuestionTopic> questionTopics(Shop shop, Instant from, Instant to, int limit) {
        Map<String, Map<String, Integer>> byProduct = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Interaction question : read(shop, from, to, i -> i.kind() == InboxItemKind.QUESTION)) {
            Classification c = question.effectiveClassification();
            if (c == null) {
                continue;
            }
            byProduct.computeIfAbsent(question.productId(), k -> new HashMap<>()).merge(c.intent().name(), 1,
                    Integer::sum);
            if (question.productName() != null) {
                names.putIfAbsent(question.productId(), question.productName());
            }
        }
        List<QuestionTopic> topics = new ArrayList<>();
        byProduct.forEach((product, counts) -> {
            String topic = Objects.requireNonNull(top(counts));
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            topics.add(new QuestionTopic(product, names.get(product), total, topic, counts.get(topic),
                    suggestions.get(topic)));
        });
        topics.sort(Comparator.comparingInt(QuestionTopic::questions).reversed()
                .thenComparing(QuestionTopic::productId));
        return topics.stream().limit(limit).toList();
    }

    private List<Interaction> reviews(Shop shop, Instant from, Instant to) {
        return read(shop, from, to, i -> i.kind() == InboxItemKind.REVIEW && i.firstRating() != null);
    }

    private List<Interaction> read(Shop shop, Instant from, Instant to, Predicate<Interaction> filter) {
        return interactions.openedBetween(shop.id(), from, to, MAX_READ).stream()
                .filter(i -> i.productId() != null)
                .filter(filter)
                .toList();
    }

    private static Map<String, Tally> tally(List<Interaction> reviews) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Interaction review : reviews) {
            Tally t = tallies.computeIfAbsent(review.productId(), k -> new Tally(review.productName()));
            t.total++;
            if (isNegative(review)) {
                t.negative++;
            }
        }
        return tallies;
    }

    private static boolean isNegative(Interaction review) {
        return review.firstRating() != null && review.firstRating() <= 2;
    }

    private static @Nullable String top(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Map<String, String> loadSuggestions() {
        Map<String, String> map = new HashMap<>();
        PromptTemplate.bundle(SUGGESTIONS).forEach((topic, text) -> map.put(topic, text.text().strip()));
        return Map.copyOf(map);
    }

    private static final class Tally {
        private final @Nullable String name;
        private int total;
        private int negative;

        private Tally(@Nullable String name) {
            this.name = name;
        }
    }
}
