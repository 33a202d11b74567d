package dev.aihq.imports.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One money movement of a bank statement, whichever format it came from: what the classifier and the ledger
 * import work on.
 *
 * @param line the 1-based line (1C: the document's {@code СекцияДокумент} line) or row (CSV) it starts at
 * @param account the statement's own account the money moved on, or {@code null} when the file does not say
 * @param number the document's number, or {@code null} when it has none
 * @param date the document's date
 * @param amount the amount, above zero: the direction says which way
 * @param direction in, out, between own accounts, or unknown
 * @param counterparty the other side: the payer of money in, the payee of money out (may be empty)
 * @param counterpartyTaxId the other side's ИНН or БИН/ИИН, or {@code null}
 * @param counterpartyAccount the other side's account, or {@code null}
 * @param purpose the payment's purpose text (may be empty)
 * @param documentKind the 1C document kind (e.g. {@code Платежное поручение}), or {@code null} for CSV rows
 */
public record BankTransaction(int line, @Nullable String account, @Nullable String number, LocalDate date,
        BigDecimal amount, BankDirection direction, String counterparty, @Nullable String counterpartyTaxId,
        @Nullable String counterpartyAccount, String purpose, @Nullable String documentKind) {

    /**
     * Validates the transaction.
     *
     * @throws IllegalArgumentException when the line is below 1 or the amount is not above zero
     */
    public BankTransaction {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(counterparty, "counterparty");
        Objects.requireNonNull(purpose, "purpose");
        if (line < 1) {
            throw new IllegalArgumentException("a bank transaction's line must be 1 or more, got " + line);
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a bank transaction's amount must be above zero, got "
                    + amount.toPlainString());
        }
    }
}
