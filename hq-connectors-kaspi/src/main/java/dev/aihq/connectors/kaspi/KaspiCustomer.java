package dev.aihq.connectors.kaspi;

import dev.aihq.api.PhoneNumber;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The buyer of a Kaspi order, as the order carries it. Kaspi often leaves {@code name} empty and fills
 * {@code firstName} and {@code lastName}; the phone is real only while the order is active (completed and
 * archived orders come with a masked number, read as no phone). {@link #toString()} masks the phone.
 *
 * @param id Kaspi's customer id, or {@code null}
 * @param name the full name as Kaspi sends it, or {@code null}
 * @param firstName the first name, or {@code null}
 * @param lastName the last name, or {@code null}
 * @param phone the phone, normalised with {@link PhoneNumber#parseContact(String)}; {@code null} when
 *     absent or masked
 */
public record KaspiCustomer(@Nullable String id, @Nullable String name, @Nullable String firstName,
        @Nullable String lastName, @Nullable PhoneNumber phone) {

    /**
     * Returns the name to address the buyer by: {@code name}, else first and last name joined.
     *
     * @return the name, or empty when Kaspi gave none
     */
    public Optional<String> displayName() {
        if (name != null && !name.isBlank()) {
            return Optional.of(name.strip());
        }
        String joined = ((firstName == null ? "" : firstName.strip()) + " "
                + (lastName == null ? "" : lastName.strip())).strip();
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    /**
     * Returns the phone.
     *
     * @return the phone, or empty when absent or masked
     */
    public Optional<PhoneNumber> phoneNumber() {
        return Optional.ofNullable(phone);
    }

    /** Describes the customer with the phone masked. */
    @Override
    public String toString() {
        return "KaspiCustomer[id=" + id + ", name=" + displayName().orElse("") + ", phone="
                + (phone == null ? "none" : phone.masked()) + "]";
    }
}
