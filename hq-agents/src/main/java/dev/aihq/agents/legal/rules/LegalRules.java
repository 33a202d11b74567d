package dev.aihq.agents.legal.rules;

import dev.aihq.api.legal.LegalSourceStatus;
import dev.aihq.api.result.CanContest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.agents.calendar.BusinessCalendars;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.ShopId;
import dev.aihq.api.calendar.BusinessCalendar;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.event.EventDate;
import dev.aihq.api.event.LegalDelivery;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.event.LegalMeasure;
import dev.aihq.api.result.RiskLevel;
import dev.aihq.api.shop.Shop;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import javax.annotation.Nullable;

/**
 * The legal agent's rule layer: decides by code, from {@link LegalRuleBook} data, what a legal event allows and
 * demands. Entry point {@link #conclude(RuleRequest)}.
 *
 * <p>The jurisdiction is the event's country, else the marketplace's (Kaspi: KZ; Wildberries, Ozon: RU), else the
 * shop's currency (KZT: KZ; RUB: RU). The scenario is the first in the data for the event's type, marketplace and
 * jurisdiction whose conditions hold (the delivery's type and damage mark, or words of the stated reason: a Kaspi
 * fine for a late handover rests on the delivery rules, any other on the cancellation share); without one the
 * conclusion is {@linkplain RuleConclusion#supported() not supported} and decides nothing.
 *
 * <p>Deadlines are in the shop's zone. A period in days counts from the local day of the event date (a moment is
 * taken at the shop's zone) and ends at the end of the last day; business days follow the jurisdiction's business
 * calendar; a period in hours counts from the moment (from the start of the day when only a day was given). A
 * deadline is never moved past a day off: the earlier reading is the safe one for the seller. Where no source sets a
 * period the shop's {@link InternalTarget} applies (a per-shop setting, else a per-marketplace one, else the
 * data's default: 3 calendar days for Kaspi), with {@code deadlineOfficial=false} and a note that it is an internal
 * target, not a rule.
 *
 * <p>Every text a conclusion carries for the seller (notes, must-not texts, rule titles) is Russian; rule ids, dates,
 * event types, marketplaces, jurisdictions and risk levels stay as their codes inside it. Errors in the rule data or
 * the configuration are exceptions in English, like the rest of the SDK.
 *
 * <p>The risk floor starts at the scenario's and is raised by: an account-level measure (disconnection, termination,
 * block), earlier measures of the same type within the scenario's window, penalty points at or above the critical
 * level, counterfeit grounds, an amount of ten times the order value or more, a sourced deadline under 48 hours, and
 * a defect claim. Immutable and thread-safe.
 */
public final class LegalRules {

    private final LegalRuleBook book;
    private final Map<String, BusinessCalendar> calendars;
    private final Map<ShopId, InternalTarget> shopTargets;
    private final Map<Marketplace, InternalTarget> marketplaceTargets;
    private final @Nullable InternalTarget defaultTarget;

    private LegalRules(Builder b) {
        this.book = b.book == null ? LegalRuleBook.shipped() : b.book;
        this.calendars = Map.copyOf(b.calendars);
        this.shopTargets = Map.copyOf(b.shopTargets);
        this.marketplaceTargets = Map.copyOf(b.marketplaceTargets);
        this.defaultTarget = b.defaultTarget;
    }

    /**
     * Returns the rule layer on the shipped rule data and business calendars with default internal targets.
     *
     * @return the rule layer
     */
    public static LegalRules shipped() {
        return builder().build();
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the internal target that applies to a shop.
     *
     * @param shop the shop
     * @param marketplace the event's marketplace
     * @return the per-shop target, else the per-marketplace one, else the global one, else the data's default in
     *     calendar days
     */
    public InternalTarget internalTarget(Shop shop, Marketplace marketplace) {
        InternalTarget t = shopTargets.get(shop.id());
        if (t == null) {
            t = marketplaceTargets.get(marketplace);
        }
        if (t == null) {
            t = defaultTarget;
        }
        return t != null ? t : InternalTarget.calendarDays(book.defaultInternalDays(marketplace.code()));
    }

    /**
     * Decides what the rules say about an event.
     *
     * @param request the event, its shop, the shop's history and the defect flag
     * @return the conclusion; not supported (no guess) when no rule covers the combination
     */
    public RuleConclusion conclude(RuleRequest request) {
        LegalEvent event = request.event();
        Shop shop = request.shop();
        Marketplace marketplace = event.marketplace() != null ? event.marketplace() : shop.marketplace();
        String jurisdiction = jurisdiction(event, marketplace, shop);
        if (jurisdiction == null) {
            return unsupported(null, "Юрисдикцию маркетплейса '" + marketplace + "' определить нельзя (в событии нет"
                    + " страны, валюта магазина " + shop.currency() + "): слой правил не угадывает");
        }
        LegalRuleBook.Scenario scenario = scenario(event, marketplace, jurisdiction);
        if (scenario == null) {
            return unsupported(jurisdiction, "Ни одно правило не охватывает событие " + event.eventType().wireValue()
                    + " на маркетплейсе " + marketplace + " в юрисдикции " + jurisdiction
                    + ": слой правил не угадывает срок и риск");
        }
        return new Evaluation(request, marketplace, jurisdiction, scenario).run();
    }

    /**
     * Computes the Kaspi Delivery damage compensation ({@code KASPI.DELIVERY.CLAIM}): the tier's percentage of the
     * price, rounded half up to the currency's minor units.
     *
     * @param price the item's price
     * @param tier how badly the item is damaged
     * @return the compensation to claim
     */
    public Money kaspiDeliveryCompensation(Money price, DamageTier tier) {
        BigDecimal percent = book.ruleData("KASPI.DELIVERY.CLAIM").compensationPercent().get(tier.wireValue());
        if (percent == null) {
            throw new ConfigurationException("legal rule data has no compensation percent for " + tier.wireValue());
        }
        return price.times(percent.movePointLeft(2)).rounded(RoundingMode.HALF_UP);
    }

    private RuleConclusion unsupported(@Nullable String jurisdiction, String why) {
        return new RuleConclusion(false, jurisdiction, CanContest.NOT_DETERMINED, null, null, false, null, null,
                List.of(), List.of(), null, List.of(why), List.of());
    }

    private static @Nullable String jurisdiction(LegalEvent event, Marketplace marketplace, Shop shop) {
        if (event.country() != null) {
            return event.country();
        }
        if (marketplace.equals(Marketplace.KASPI)) {
            return "KZ";
        }
        if (marketplace.equals(Marketplace.WILDBERRIES) || marketplace.equals(Marketplace.OZON)) {
            return "RU";
        }
        if (shop.currency().equals(Money.KZT)) {
            return "KZ";
        }
        return shop.currency().equals(Money.RUB) ? "RU" : null;
    }

    private @Nullable LegalRuleBook.Scenario scenario(LegalEvent event, Marketplace marketplace, String jurisdiction) {
        for (LegalRuleBook.Scenario s : book.scenarios()) {
            if (s.eventType() == event.eventType() && s.jurisdiction().equals(jurisdiction)
                    && (s.marketplace().equals("*") || s.marketplace().equals(marketplace.code()))
                    && conditionsHold(s.when(), event)) {
                return s;
            }
        }
        return null;
    }

    private static boolean conditionsHold(Map<String, JsonNode> when, LegalEvent event) {
        LegalDelivery delivery = event.delivery();
        for (Map.Entry<String, JsonNode> c : when.entrySet()) {
            boolean holds = switch (c.getKey()) {
                // The stated reason names the ground, e.g. a late handover rather than the cancellation share.
                case "reason_keywords" -> reasonMentions(event.fineReason(), c.getValue());
                case "delivery" -> (delivery != null) == c.getValue().asBoolean();
                // An unknown mark takes the stricter branch the data lists first.
                case "damage_mark" -> delivery != null && (delivery.returnActDamageMark() == null
                        || delivery.returnActDamageMark() == c.getValue().asBoolean());
                case "delivery_type" -> delivery != null && c.getValue().asText().equals(delivery.type());
                default -> throw new IllegalStateException("unknown scenario condition " + c.getKey());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean reasonMentions(@Nullable String reason, JsonNode keywords) {
        if (reason == null) {
            return false;
        }
        String text = reason.toLowerCase(Locale.ROOT);
        for (JsonNode keyword : keywords) {
            if (text.contains(keyword.asText().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private BusinessCalendar calendar(String country) {
        BusinessCalendar c = calendars.get(country);
        return c != null ? c : BusinessCalendars.shipped(country);
    }

    private static ZonedDateTime endOfDay(LocalDate day, ZoneId zone) {
        return day.atTime(LocalTime.MAX).atZone(zone);
    }

    /** One run of the rules over one request. */
    private final class Evaluation {
        private final LegalEvent event;
        private final Shop shop;
        private final RuleRequest request;
        private final Marketplace marketplace;
        private final String jurisdiction;
        private final LegalRuleBook.Scenario scenario;
        private final ZoneId zone;
        private final List<String> notes = new ArrayList<>();
        private final List<MustNot> mustNot = new ArrayList<>();
        private final List<AppliedRule> rules = new ArrayList<>();
        private RiskLevel risk;
        private String template;

        Evaluation(RuleRequest request, Marketplace marketplace, String jurisdiction, LegalRuleBook.Scenario scenario) {
            this.request = request;
            this.event = request.event();
            this.shop = request.shop();
            this.marketplace = marketplace;
            this.jurisdiction = jurisdiction;
            this.scenario = scenario;
            this.zone = shop.zone();
            this.risk = scenario.riskFloor();
            this.template = scenario.template();
        }

        RuleConclusion run() {
            scenario.rules().forEach(id -> rules.add(book.ruleData(id).applied()));
            LegalDelivery delivery = event.delivery();
            if (scenario.when().containsKey("damage_mark") && delivery != null
                    && delivery.returnActDamageMark() == null) {
                notes.add("Неизвестно, есть ли в акте возврата отметка о повреждении: применяется более строгий срок");
            }
            EventDate start = firstDate(scenario.deadline().from());
            ZonedDateTime deadline = null;
            LegalSourceStatus deadlineStatus = null;
            String deadlineRule = null;
            if (start == null) {
                notes.add("Срока нет: в событии нет ни одной из дат " + scenario.deadline().from());
            } else {
                deadline = deadline(start);
                if (deadline != null) {
                    deadlineRule = scenario.deadline().ruleId();
                    deadlineStatus = book.ruleData(deadlineRule).applied().status();
                }
            }
            Instant reference = start != null ? startMoment(start).toInstant() : event.occurredAt();
            if (deadline != null && deadlineStatus != LegalSourceStatus.INTERNAL
                    && Duration.between(startMoment(start), deadline).toHours() < book.shortDeadlineHours()) {
                int hours = book.shortDeadlineHours();
                raise(RiskLevel.HIGH, "срок меньше " + hours + " " + RussianPlural.of(hours, "часа", "часов", "часов"));
            }
            if (deadlineStatus == LegalSourceStatus.SECONDARY) {
                mustNot("secondary_deadline", Map.of("rule", deadlineRule));
                notes.add("Срок взят из вторичного источника (" + deadlineRule + "): его нужно проверить");
            }
            CanContest contest = canContest();
            measureRisk();
            repeatRisk(reference);
            pointsRisk();
            counterfeitRisk();
            orderValueRisk();
            platformLaw(reference);
            if (jurisdiction.equals("KZ")) {
                mustNot("kz_ecommerce_law", Map.of());
            }
            if (event.eventType() == LegalEventType.FINE || event.eventType() == LegalEventType.PRODUCT_BLOCK) {
                mustNot("deny_own_documents", Map.of());
            }
            notes.addAll(scenario.notes());
            List<AppliedRule> context = new ArrayList<>();
            for (String id : scenario.contextRules()) {
                AppliedRule r = book.ruleData(id).applied();
                context.add(r);
                notes.add("[UNCONF] " + r.id() + ": " + r.title() + " (только контекст, не правило)");
            }
            scenario.context().forEach(c -> notes.add("[UNCONF] " + c + " (только контекст, не правило)"));
            return new RuleConclusion(true, jurisdiction, contest, risk, deadline,
                    deadlineStatus == LegalSourceStatus.OFFICIAL, deadlineStatus, deadlineRule, rules, context, template,
                    notes, dedupe(mustNot));
        }

        private @Nullable ZonedDateTime deadline(EventDate start) {
            LegalRuleBook.Deadline d = scenario.deadline();
            LocalDate day = localDay(start);
            ZonedDateTime deadline;
            try {
                deadline = switch (d.unit()) {
                    case "hours" -> startMoment(start).plusHours(d.amount());
                    case "calendar_days" -> endOfDay(day.plusDays(d.amount()), zone);
                    case "business_days" -> endOfDay(calendar(jurisdiction).plusWorkingDays(day, d.amount()), zone);
                    case "years" -> endOfDay(day.plusYears(d.amount()), zone);
                    default -> internalDeadline(day);
                };
            } catch (IllegalArgumentException e) {
                notes.add("Срока нет: его нельзя вычислить (" + e.getMessage() + ")");
                return null;
            }
            if (d.cap() != null) {
                EventDate cap = date(d.cap());
                if (cap != null) {
                    ZonedDateTime capAt = endOfDay(localDay(cap), zone);
                    notes.add("В любом случае до конца дня " + localDay(cap) + " (" + d.cap() + ")");
                    if (capAt.isBefore(deadline)) {
                        deadline = capAt;
                    }
                }
            }
            return deadline;
        }

        private ZonedDateTime internalDeadline(LocalDate day) {
            InternalTarget target = internalTarget(shop, marketplace);
            LocalDate last = target.unit() == InternalTarget.DayUnit.CALENDAR_DAYS
                    ? day.plusDays(target.amount())
                    : calendar(jurisdiction).plusWorkingDays(day, target.amount());
            notes.add("Внутренний ориентир магазина — " + target.describe() + "; это не правило: официальный срок для "
                    + scenario.deadline().ruleId() + " не опубликован");
            mustNot("internal_deadline", Map.of("days", target.describe()));
            return endOfDay(last, zone);
        }

        private CanContest canContest() {
            return switch (scenario.canContest()) {
                case "yes" -> CanContest.YES;
                case "no" -> CanContest.NO;
                case "partial" -> CanContest.PARTIAL;
                case "not_determined" -> CanContest.NOT_DETERMINED;
                default -> properQualityReturn();
            };
        }

        private CanContest properQualityReturn() {
            mustNot("defect_without_check", Map.of());
            Boolean defect = request.defectClaimed();
            if (defect == null) {
                notes.add("Неизвестно, заявляет ли покупатель о недостатке: слой правил не решает, может ли продавец"
                        + " отказать");
                return CanContest.NOT_DETERMINED;
            }
            if (defect) {
                if (scenario.defectTemplate() != null) {
                    template = scenario.defectTemplate();
                }
                raise(RiskLevel.MEDIUM, "заявлен недостаток — до любого отказа продавец должен провести проверку"
                        + " качества");
                return CanContest.PARTIAL;
            }
            LegalRuleBook.Rule window = book.ruleData(Objects.requireNonNull(scenario.windowRule()));
            String product = Objects.toString(event.productName(), "").toLowerCase(Locale.ROOT);
            for (LegalRuleBook.WindowException ex : window.exceptions()) {
                for (String keyword : ex.keywords()) {
                    if (!product.isEmpty() && product.contains(keyword.toLowerCase(Locale.ROOT))) {
                        notes.add("Товар не подлежит возврату как товар надлежащего качества: исключение "
                                + ex.item() + " из " + window.applied().id());
                        return CanContest.YES;
                    }
                }
            }
            EventDate from = firstDate(scenario.windowFrom());
            EventDate to = firstDate(scenario.windowTo());
            if (from == null || to == null) {
                notes.add("Срок возврата по " + window.applied().id() + " проверить нельзя: нужна одна из дат "
                        + scenario.windowFrom() + " и одна из дат " + scenario.windowTo());
                return CanContest.NOT_DETERMINED;
            }
            LocalDate last = localDay(from).plusDays(Objects.requireNonNull(window.windowDays()));
            if (localDay(to).isAfter(last)) {
                notes.add("Обращение от " + localDay(to) + " — после окончания " + window.windowDays()
                        + "-дневного срока " + window.applied().id() + ", который истёк " + last);
                return CanContest.YES;
            }
            notes.add("Обращение от " + localDay(to) + " — в пределах " + window.windowDays() + "-дневного срока "
                    + window.applied().id() + " (до " + last + "): продавец должен принять товар надлежащего"
                    + " качества, если он не был в употреблении и сохранил товарный вид");
            return CanContest.NO;
        }

        private void measureRisk() {
            LegalMeasure measure = event.measure();
            if (measure == null) {
                return;
            }
            RiskLevel level = book.measureRisk(measure.type());
            if (level == null) {
                notes.add("Мера '" + measure.type() + "' неизвестна данным правил: риск она не меняет");
            } else {
                raise(level, "мера " + measure.type());
            }
        }

        private void repeatRisk(Instant reference) {
            LegalRuleBook.Repeat repeat = scenario.repeat();
            if (repeat == null) {
                return;
            }
            Instant windowStart = reference.minus(Duration.ofDays(repeat.windowDays()));
            long count = request.history().stream()
                    .filter(p -> p.type() == event.eventType())
                    .filter(p -> p.ruleId() == null || scenario.rules().contains(p.ruleId()))
                    .filter(p -> !p.at().isBefore(windowStart) && !p.at().isAfter(reference))
                    .count();
            if (count >= repeat.minPrior()) {
                raise(repeat.to(), repeat.note() + " (ранее за " + repeat.windowDays() + " "
                        + RussianPlural.of(repeat.windowDays(), "день", "дня", "дней") + ": " + count + ")");
            }
        }

        private void pointsRisk() {
            Integer threshold = scenario.pointsThreshold();
            if (threshold == null) {
                return;
            }
            BigDecimal points = event.stats().get(book.pointsStat());
            if (points == null && event.fineReason() != null) {
                Matcher m = book.pointsPattern().matcher(event.fineReason());
                if (m.find()) {
                    points = new BigDecimal(m.group(1).replace(" ", ""));
                }
            }
            if (points != null && points.compareTo(BigDecimal.valueOf(threshold)) >= 0) {
                raise(RiskLevel.HIGH, points.toPlainString() + " " + pointsWord(points)
                        + " — не ниже критического уровня " + threshold
                        + " (блокировка или прекращение сотрудничества)");
            }
        }

        private void counterfeitRisk() {
            String reason = Objects.toString(event.fineReason(), "").toLowerCase(Locale.ROOT);
            for (String k : book.counterfeitKeywords()) {
                if (reason.contains(k.toLowerCase(Locale.ROOT))) {
                    raise(RiskLevel.HIGH, "основание — контрафакт или реплика: возможны последствия для всего"
                            + " аккаунта");
                    return;
                }
            }
        }

        private void orderValueRisk() {
            Integer factor = scenario.orderValueFactor();
            BigDecimal orderValue = event.stats().get(book.orderValueStat());
            if (factor == null || orderValue == null || event.amount() == null || orderValue.signum() <= 0) {
                return;
            }
            if (event.amount().amount().compareTo(orderValue.multiply(BigDecimal.valueOf(factor))) >= 0) {
                raise(RiskLevel.HIGH, "сумма не меньше " + factor + "-кратной стоимости заказа");
            }
        }

        private void platformLaw(Instant reference) {
            if (!jurisdiction.equals("RU")) {
                return;
            }
            LegalRuleBook.Rule law = book.ruleData("RU.289FZ.DISPUTE");
            if (law == null || law.effectiveFrom() == null) {
                return;
            }
            if (reference.atZone(zone).toLocalDate().isBefore(law.effectiveFrom())) {
                mustNot("fz289_before", Map.of());
            } else if (event.eventType() == LegalEventType.FINE
                    || event.eventType() == LegalEventType.PRODUCT_BLOCK) {
                rules.add(law.applied());
                notes.add("Применяется 289-ФЗ: до обращения в суд жалоба подаётся через систему урегулирования"
                        + " споров оператора");
            }
        }

        private void raise(RiskLevel to, String why) {
            if (to.compareTo(risk) > 0) {
                risk = to;
                notes.add("Риск повышен до " + to.wireValue() + ": " + why);
            }
        }

        private void mustNot(String id, Map<String, String> values) {
            String text = book.mustNotText(id);
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace("{" + v.getKey() + "}", v.getValue());
            }
            mustNot.add(new MustNot(id, text));
        }

        private @Nullable EventDate firstDate(List<String> names) {
            for (String name : names) {
                EventDate d = date(name);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }

        private @Nullable EventDate date(String name) {
            if (name.equals("occurred_at")) {
                return EventDate.of(event.occurredAt().atZone(zone).toOffsetDateTime());
            }
            if (name.equals("measure_to")) {
                LegalMeasure m = event.measure();
                return m == null || m.to() == null ? null : EventDate.of(m.to());
            }
            return event.dates().get(name);
        }

        private LocalDate localDay(EventDate d) {
            return d.dateTime() != null ? d.dateTime().atZoneSameInstant(zone).toLocalDate() : d.date();
        }

        private ZonedDateTime startMoment(EventDate d) {
            return d.dateTime() != null ? d.dateTime().atZoneSameInstant(zone) : d.date().atStartOfDay(zone);
        }
    }

    /** The word for penalty points after a number: 1 штрафной балл, 3 штрафных балла, 1200 штрафных баллов. */
    private static String pointsWord(BigDecimal points) {
        BigDecimal whole = points.stripTrailingZeros();
        if (whole.scale() > 0) {
            return "штрафного балла";
        }
        long n = whole.remainder(BigDecimal.valueOf(100)).longValue();
        return RussianPlural.of(n, "штрафной балл", "штрафных балла", "штрафных баллов");
    }

    private static List<MustNot> dedupe(List<MustNot> all) {
        Map<String, MustNot> byId = new LinkedHashMap<>();
        all.forEach(m -> byId.putIfAbsent(m.id(), m));
        return List.copyOf(byId.values());
    }

    /** Builds {@link LegalRules}. Not thread-safe. */
    public static final class Builder {
        private @Nullable LegalRuleBook book;
        private final Map<String, BusinessCalendar> calendars = new HashMap<>();
        private final Map<ShopId, InternalTarget> shopTargets = new HashMap<>();
        private final Map<Marketplace, InternalTarget> marketplaceTargets = new HashMap<>();
        private @Nullable InternalTarget defaultTarget;

        private Builder() {}

        /**
         * Sets the rule data; default {@link LegalRuleBook#shipped()}.
         *
         * @param ruleBook the data
         * @return this builder
         */
        public Builder ruleBook(LegalRuleBook ruleBook) {
            this.book = Objects.requireNonNull(ruleBook, "rule book");
            return this;
        }

        /**
         * Sets a business calendar for its country; default the shipped ones.
         *
         * @param calendar the calendar
         * @return this builder
         */
        public Builder calendar(BusinessCalendar calendar) {
            calendars.put(calendar.country(), calendar);
            return this;
        }

        /**
         * Sets the internal target of every shop without a more specific one.
         *
         * @param target the target
         * @return this builder
         */
        public Builder internalTarget(InternalTarget target) {
            this.defaultTarget = Objects.requireNonNull(target, "target");
            return this;
        }

        /**
         * Sets the internal target for events on a marketplace.
         *
         * @param marketplace the marketplace
         * @param target the target
         * @return this builder
         */
        public Builder internalTarget(Marketplace marketplace, InternalTarget target) {
            marketplaceTargets.put(Objects.requireNonNull(marketplace, "marketplace"),
                    Objects.requireNonNull(target, "target"));
            return this;
        }

        /**
         * Sets the internal target of one shop; it wins over every other setting.
         *
         * @param shop the shop
         * @param target the target
         * @return this builder
         */
        public Builder internalTarget(ShopId shop, InternalTarget target) {
            shopTargets.put(Objects.requireNonNull(shop, "shop"), Objects.requireNonNull(target, "target"));
            return this;
        }

        /**
         * Builds the rule layer.
         *
         * @return the rule layer
         */
        public LegalRules build() {
            return new LegalRules(this);
        }
    }
}
