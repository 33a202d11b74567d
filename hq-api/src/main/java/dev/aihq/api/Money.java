package dev.aihq.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money in one currency. Never {@code double}: the amount is a {@link BigDecimal}
 * whose scale is at least the currency's minor units, so {@code 100} and {@code 100.00} KZT are equal.
 *
 * <p>Arithmetic between different currencies fails with {@link IllegalArgumentException}; there is no
 * implicit conversion.
 *
 * @param amount the amount; may be negative (refunds, losses)
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Kazakhstani tenge. */
    public static final Currency KZT = Currency.getInstance("KZT");
    /** Russian rouble. */
    public static final Currency RUB = Currency.getInstance("RUB");

    /** Normalises the scale so that equal amounts are equal records. */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int minor = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal stripped = amount.stripTrailingZeros();
        amount = stripped.scale() < minor ? stripped.setScale(minor, RoundingMode.UNNECESSARY) : stripped;
    }

    /**
     * Creates an amount.
     *
     * @param amount the amount
     * @param currency the currency
     * @return the money value
     */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /**
     * Parses a decimal string such as {@code "289990"} or {@code "1499.50"}.
     *
     * @param amount the decimal text
     * @param currency the currency
     * @return the money value
     * @throws NumberFormatException if the text is not a decimal number
     */
    public static Money of(String amount, Currency currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /**
     * Creates an amount in tenge.
     *
     * @param amount the amount in KZT
     * @return the money value
     */
    public static Money kzt(long amount) {
        return new Money(BigDecimal.valueOf(amount), KZT);
    }

    /**
     * Creates an amount in roubles.
     *
     * @param amount the amount in RUB
     * @return the money value
     */
    public static Money rub(long amount) {
        return new Money(BigDecimal.valueOf(amount), RUB);
    }

    /**
     * Zero in a currency.
     *
     * @param currency the currency
     * @return zero
     */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Adds an amount in the same currency.
     *
     * @param other the amount to add
     * @return the sum
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * Subtracts an amount in the same currency.
     *
     * @param other the amount to subtract
     * @return the difference
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * Multiplies by an exact factor (a quantity or a rate); no rounding.
     *
     * @param factor the factor
     * @return the product
     */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    /**
     * Multiplies by a quantity.
     *
     * @param quantity the quantity
     * @return the product
     */
    public Money times(long quantity) {
        return times(BigDecimal.valueOf(quantity));
    }

    /**
     * Rounds to the currency's minor units.
     *
     * @param mode the rounding rule (the rules differ per country and tax)
     * @return the rounded amount
     */
    public Money rounded(RoundingMode mode) {
        return new Money(amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), mode), currency);
    }

    /**
     * Tells whether the amount is below zero.
     *
     * @return {@code true} when negative
     */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Compares amounts of the same currency.
     *
     * @throws IllegalArgumentException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot combine " + currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
        }
    }

    /** Returns e.g. {@code 1499.50 KZT}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
