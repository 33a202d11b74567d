package dev.aihq.imports.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A {@code СекцияДокумент=<kind>} … {@code КонецДокумента} block: one payment document.
 *
 * @param line the 1-based line of {@code СекцияДокумент}
 * @param kind the document kind as written ({@code Платежное поручение}, {@code Банковский ордер}, ...)
 * @param number {@code Номер}, or {@code null}
 * @param date {@code Дата}
 * @param amount {@code Сумма}, above zero
 * @param payer the payer
 * @param payee the payee
 * @param purpose {@code НазначениеПлатежа} with the parts of {@code НазначениеПлатежа1}..{@code 6} it does not
 *     already contain, joined by spaces
 * @param direction in or out relative to the file's accounts
 * @param debited {@code ДатаСписано}, or {@code null}
 * @param credited {@code ДатаПоступило}, or {@code null}
 * @param fields every key and value of the document as written, in file order, the unknown ones too
 */
public record OneCDocument(int line, String kind, @Nullable String number, LocalDate date, BigDecimal amount,
        BankParty payer, BankParty payee, String purpose, BankDirection direction, @Nullable LocalDate debited,
        @Nullable LocalDate credited, Map<String, String> fields) implements OneCRecord {

    /**
     * Validates the document.
     *
     * @throws IllegalArgumentException when the line is below 1 or the amount is not above zero
     */
    public OneCDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(payee, "payee");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(direction, "direction");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(fields, "fields")));
        if (line < 1) {
            throw new IllegalArgumentException("a document's line must be 1 or more, got " + line);
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a document's amount must be above zero, got " + amount.toPlainString());
        }
    }

    /**
     * Views the document as a transaction of the statement's account: for money in the payee's account and the
     * payer as the counterparty, for money out the other way round.
     *
     * @return the transaction
     */
    public BankTransaction toTransaction() {
        BankParty own;
        BankParty other;
        switch (direction) {
            case IN -> {
                own = payee;
                other = payer;
            }
            case OUT, INTERNAL -> {
                own = payer;
                other = payee;
            }
            default -> {
                own = null;
                other = payee.name().isBlank() ? payer : payee;
            }
        }
        return new BankTransaction(line, own == null ? null : own.account(), number, date, amount, direction,
                other.name(), other.taxId(), other.account(), purpose, kind);
    }
}
