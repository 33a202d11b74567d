package dev.aihq.api.event;

import javax.annotation.Nullable;

/**
 * How the goods in a legal event travelled, which decides claim windows (Kaspi Delivery: 24 hours when
 * the return act has no damage mark, otherwise 10 or 45 days).
 *
 * @param type {@code city} or {@code intercity}, or {@code null} when unknown
 * @param returnActDamageMark whether the return act notes the damage, or {@code null} when unknown
 */
public record LegalDelivery(@Nullable String type, @Nullable Boolean returnActDamageMark) {}
