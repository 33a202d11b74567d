package dev.aihq.connectors.kaspi.internal.dto;

import javax.annotation.Nullable;

/**
 * A customer as Kaspi writes it: {@code attributes.customer} of an order, or the attributes of an
 * included {@code customers} resource.
 *
 * @param id the customer id
 * @param name the full name, often {@code null}
 * @param firstName the first name
 * @param lastName the last name
 * @param cellPhone 10 or 11 digits, or a masked number on finished orders
 */
public record CustomerAttributes(@Nullable String id, @Nullable String name, @Nullable String firstName,
        @Nullable String lastName, @Nullable String cellPhone) {}
