package dev.aihq.imports.bank;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The payer or payee of a payment document, as the statement names them.
 *
 * @param name the name ({@code Плательщик1}/{@code Получатель1}, else {@code Плательщик}/{@code Получатель}); may
 *     be empty when the file leaves it out
 * @param account the account (IBAN in Kazakhstan, 20 digits in Russia), or {@code null}
 * @param taxId the ИНН (Russia) or БИН/ИИН (Kazakhstan), or {@code null}
 * @param kpp the Russian КПП, or {@code null}
 * @param bank the bank's name, or {@code null}
 * @param bic the bank's БИК, or {@code null}
 */
public record BankParty(String name, @Nullable String account, @Nullable String taxId, @Nullable String kpp,
        @Nullable String bank, @Nullable String bic) {

    /** Requires a name, empty at least. */
    public BankParty {
        Objects.requireNonNull(name, "name");
    }
}
