package dev.aihq.connectors.wb.internal.dto;

import java.util.List;
import javax.annotation.Nullable;

/**
 * {@code POST /api/v3/orders/status}: {@code {orders:[{id, supplierStatus, wbStatus}]}} (reference §2.3).
 *
 * @param orders the statuses
 */
public record OrderStatusesDto(@Nullable List<Status> orders) {

    /**
     * One task's status.
     *
     * @param id the task's id
     * @param supplierStatus {@code new}, {@code confirm}, {@code complete}, {@code cancel}
     * @param wbStatus {@code waiting}, {@code sorted}, {@code sold}, …
     */
    public record Status(@Nullable Long id, @Nullable String supplierStatus, @Nullable String wbStatus) {}
}
