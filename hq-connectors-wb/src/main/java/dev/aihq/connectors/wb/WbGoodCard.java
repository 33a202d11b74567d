package dev.aihq.connectors.wb;

import java.time.Instant;
import javax.annotation.Nullable;

/**
 * The order a buyer wrote about in a chat ({@code goodCard}, on a chat and in a message's attachments; reference
 * §2.7, §4). Present only when the buyer chose an order when writing, so the chat-to-order link is partial.
 * {@code rid} is WB's unique order id: the {@code srid} of statistics, claims and {@code reportDetailByPeriod} and
 * the {@code rid} of FBS tasks — not the assembly task's id.
 *
 * @param date when the order was made, or {@code null}
 * @param nmId WB's article, or {@code null}
 * @param price what the buyer paid, after every discount, in {@code priceCurrency} units as WB sends it, or
 *     {@code null}
 * @param priceCurrency e.g. {@code RUB}, or {@code null}
 * @param rid the unique order id, or {@code null}
 * @param size the size ({@code wbSize} of the card), or {@code null}
 */
public record WbGoodCard(@Nullable Instant date, @Nullable Long nmId, @Nullable Long price,
        @Nullable String priceCurrency, @Nullable String rid, @Nullable String size) {}
