package dev.aihq.imports.mapping;

/** A field an importer reads from a file; a {@link ColumnMapping} says which column holds it. */
public enum ImportField {
    /** The seller's product code. */
    SKU,
    /** When the movement happened: a date, optionally with a time. */
    DATE,
    /** What the row records, as a word ({@code Продажа}, {@code Возврат}, {@code Комиссия}, …); see {@link KindWords}. */
    KIND,
    /** The row's amount, in the shop's currency. */
    AMOUNT,
    /** A price per unit; the amount is this × the quantity where no {@link #AMOUNT} is mapped. */
    UNIT_PRICE,
    /** Units sold, returned or bought. */
    QUANTITY,
    /** The marketplace's order number. */
    ORDER_ID,
    /** A stable id of the row in its source (WB's {@code rrd_id}, Ozon's {@code operation_id}), for de-duplication. */
    ROW_KEY,
    /** The product's catalog category. */
    CATEGORY,
    /** The product's cost price per unit. */
    COST_PRICE,
    /** The product's name (only to create products the catalog lacks). */
    NAME,
    /** The product's selling price (only to create products the catalog lacks). */
    PRICE
}
