package dev.aihq.connectors.wb;

import javax.annotation.Nullable;

/**
 * The statuses of one FBS assembly task ({@code POST /api/v3/orders/status}, reference §2.3), kept as WB sent them.
 *
 * @param id the task's id
 * @param supplierStatus the seller's status ({@link #NEW}, {@link #CONFIRM}, {@link #COMPLETE}, {@link #CANCEL}), or
 *     {@code null}
 * @param wbStatus WB's status ({@code waiting}, {@code sorted}, {@code sold}, {@code canceled},
 *     {@code canceled_by_client}, {@code declined_by_client}, {@code defect}, {@code ready_for_pickup},
 *     {@code postponed_delivery}, {@code accepted_by_carrier}, {@code sent_to_carrier}), or {@code null}
 */
public record WbOrderStatus(long id, @Nullable String supplierStatus, @Nullable String wbStatus) {

    /** A new task. */
    public static final String NEW = "new";
    /** Confirmed: in a supply. */
    public static final String CONFIRM = "confirm";
    /** Handed over for delivery. */
    public static final String COMPLETE = "complete";
    /** Cancelled by the seller. */
    public static final String CANCEL = "cancel";
}
