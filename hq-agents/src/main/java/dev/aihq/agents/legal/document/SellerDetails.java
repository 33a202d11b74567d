package dev.aihq.agents.legal.document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The seller's requisites for the header and the signature block of a legal document. Whatever is {@code null} or
 * absent is written as a bracketed placeholder for the seller to fill in.
 *
 * <p>Which identifiers a document shows depends on the jurisdiction and the legal form, not on what is given here:
 * a Kazakh ИП shows its ИИН, a ТОО its БИН, a Russian ООО its ИНН and ОГРН (and КПП when given), a Russian ИП its
 * ИНН and ОГРНИП. Identifiers the form does not use are ignored.
 *
 * @param legalName the seller's full name as registered (e.g. {@code ИП Иванов Иван Иванович}, {@code ТОО «Ромашка»}),
 *     or {@code null}
 * @param identifiers registration numbers keyed by their label: {@code ИИН}, {@code БИН}, {@code ИНН}, {@code ОГРН},
 *     {@code ОГРНИП}, {@code КПП}; the insertion order is kept
 * @param address the legal address, or {@code null}
 * @param signatory who signs (name), or {@code null}
 * @param position the signatory's position (e.g. {@code директор}), or {@code null}
 * @param contact a phone number or e-mail for the answer, or {@code null}
 */
public record SellerDetails(
        @Nullable String legalName,
        Map<String, String> identifiers,
        @Nullable String address,
        @Nullable String signatory,
        @Nullable String position,
        @Nullable String contact) {

    /** Requires the identifiers (keys and values not null) and copies them, keeping their order. */
    public SellerDetails {
        Objects.requireNonNull(identifiers, "identifiers");
        Map<String, String> copy = new LinkedHashMap<>();
        identifiers.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "identifier label"),
                Objects.requireNonNull(v, "identifier " + k)));
        identifiers = Collections.unmodifiableMap(copy);
    }

    /**
     * Nothing known: every requisite becomes a placeholder.
     *
     * @return empty details
     */
    public static SellerDetails none() {
        return new SellerDetails(null, Map.of(), null, null, null, null);
    }

    /**
     * Returns an identifier if it is given and not blank.
     *
     * @param label e.g. {@code БИН}
     * @return its value, or {@code null}
     */
    public @Nullable String identifier(String label) {
        String value = identifiers.get(label);
        return value == null || value.isBlank() ? null : value;
    }
}
