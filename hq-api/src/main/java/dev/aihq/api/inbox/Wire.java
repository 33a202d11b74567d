package dev.aihq.api.inbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Reads the inbox enums' wire values (lower-case names) with an error that names the field and the choices. */
final class Wire {

    private Wire() {}

    static <E extends Enum<E>> E read(Class<E> type, String value, String field) {
        Objects.requireNonNull(value, field);
        String upper = value.strip().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(upper)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(field + " must be one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + "; got '"
                + value + "'");
    }
}
