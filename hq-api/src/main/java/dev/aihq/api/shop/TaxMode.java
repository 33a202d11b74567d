package dev.aihq.api.shop;

/**
 * The tax regime a shop reports under. The seed's {@code IP_USN} is ambiguous (УСН "доходы" 6 % or
 * "доходы минус расходы" 15 %), so the Russian simplified system is split in two.
 */
public enum TaxMode {
    /** Kazakhstan: special regime on the simplified declaration (form 910.00). */
    KZ_SIMPLIFIED_DECLARATION,
    /** Kazakhstan: retail tax special regime. */
    KZ_RETAIL_TAX,
    /** Kazakhstan: general regime (IPN for ИП, CIT for ТОО). */
    KZ_GENERAL,
    /** Russia: УСН with the "доходы" object (base rate 6 %). */
    RU_USN_INCOME,
    /** Russia: УСН with the "доходы минус расходы" object (base rate 15 %). */
    RU_USN_INCOME_MINUS_EXPENSES,
    /** Russia: professional income tax (НПД, self-employed). */
    RU_NPD,
    /** Russia: general system (ОСНО). */
    RU_GENERAL
}
