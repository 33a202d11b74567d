package dev.aihq.connectors.wb.finance;

import dev.aihq.api.Money;
import dev.aihq.api.OrderId;
import dev.aihq.api.ShopId;
import dev.aihq.api.Sku;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Turns rows of Wildberries' sales report into one shop's {@link LedgerEntry}s, the actual figures the
 * accountant ({@code ProfitCalculator}) works from. Stateless and thread-safe.
 *
 * <p><b>Entries.</b> Amounts are in rubles (the shop's currency; a row in another {@code currency_name} is a
 * problem, not an entry) and never negative, as the ledger requires: the kind gives the direction. Each entry is
 * keyed {@code wb:rrd:<rrd_id>:<KIND>} (e.g. {@code wb:rrd:2901:COMMISSION}), so that reading a report (or an
 * overlapping period) again records nothing twice; its source is {@value #SOURCE}. The entry's time is the row's
 * {@code sale_dt}, else its {@code rr_dt} (Moscow time, see {@link WbReportParser}); the product is
 * {@code sa_name} (the seller's article), else {@code nm_id}, else none (a shop-wide cost); the order is
 * {@code srid}. Zero amounts make no entry.
 *
 * <p><b>Operations</b> ({@code supplier_oper_name}, compared ignoring case, {@code ё}/{@code е} and extra
 * spaces):
 *
 * <table>
 *   <caption>What each operation records</caption>
 *   <tr><th>Operation</th><th>Entries</th></tr>
 *   <tr><td>{@code Продажа}</td><td>{@code SALE} = {@code retail_amount} with {@code quantity} units;
 *       {@code COMMISSION} = {@code retail_amount − ppvz_for_pay}; {@code PAYOUT} = {@code ppvz_for_pay}</td></tr>
 *   <tr><td>{@code Возврат}</td><td>{@code RETURN} = {@code retail_amount} with {@code quantity} units;
 *       {@code COMMISSION_REFUND} = {@code retail_amount − ppvz_for_pay}, the commission WB gives back</td></tr>
 *   <tr><td>{@code Логистика}</td><td>{@code DELIVERY} = {@code delivery_rub}</td></tr>
 *   <tr><td>{@code Штраф}, {@code Штрафы}</td><td>{@code PENALTY} = {@code penalty}</td></tr>
 *   <tr><td>{@code Хранение}</td><td>{@code OTHER_EXPENSE} = {@code storage_fee}</td></tr>
 *   <tr><td>{@code Платная приемка}</td><td>{@code OTHER_EXPENSE} = {@code acceptance}</td></tr>
 *   <tr><td>{@code Удержание}, {@code Удержания}</td><td>{@code OTHER_EXPENSE} = {@code deduction}</td></tr>
 *   <tr><td>{@code Доплаты}</td><td>nothing: {@code additional_payment} is reported as left out</td></tr>
 *   <tr><td>anything else</td><td>nothing: a problem naming the operation</td></tr>
 * </table>
 *
 * <p>On every row of a known operation, the cost fields are recorded whatever the operation: {@code delivery_rub}
 * as {@code DELIVERY}, {@code penalty} as {@code PENALTY}, and {@code storage_fee} + {@code acceptance} +
 * {@code deduction} as one {@code OTHER_EXPENSE}; a non-zero {@code additional_payment} is reported as left out.
 * The table above is the usual case, where each operation's row carries only its own field.
 *
 * <p><b>What is interpretation</b> (not stated by reference §2.8, which names the fields and their purpose but
 * not the arithmetic):
 *
 * <ul>
 *   <li><b>Revenue is {@code retail_amount}</b>, what WB sold the goods for to the buyer: the ledger's
 *       {@code SALE} is the gross amount buyers paid, and WB sells as the seller's agent, so the whole retail
 *       amount is the seller's revenue and everything WB keeps is a cost. {@code retail_price} and
 *       {@code retail_price_withdisc_rub} are list prices before and after the seller's discount, not what was
 *       paid.
 *   <li><b>Commission is {@code retail_amount − ppvz_for_pay}</b>: everything WB kept on the sale (its
 *       remuneration {@code ppvz_vw} with its VAT {@code ppvz_vw_nds}, acquiring and whatever else it nets out),
 *       so that revenue − commission = the payout for the goods exactly, rather than adding up the explicit
 *       fields, whose sum the reference does not promise to close. A sale whose {@code ppvz_for_pay} exceeds its
 *       {@code retail_amount} (a negative commission the ledger cannot hold) is a problem, not mapped.
 *   <li><b>Returns:</b> the buyer's refund {@code retail_amount} is the {@code RETURN}. WB gives its
 *       commission back on a return, read as {@code retail_amount − ppvz_for_pay} of the return row (the mirror of
 *       a sale) and recorded as {@code COMMISSION_REFUND}, which the accountant subtracts from the commission; its
 *       total is also given as {@link WbLedgerMapping#returnedCommission()}. A return's {@code ppvz_for_pay}
 *       (money taken back from the seller) is not a {@code PAYOUT}: ledger amounts are never negative, and
 *       payouts are reconciliation only.
 *   <li><b>Paid acceptance, storage and deductions</b> are {@code OTHER_EXPENSE}: the ledger has no kind for
 *       them; they stay on the product when the row names one, else they are shop-wide.
 *   <li><b>Additional payments</b> ({@code additional_payment}, доплаты) are money WB adds; the ledger's only
 *       income is a product's {@code SALE} (what buyers paid), so they are left out and reported, never passed
 *       off as sales.
 *   <li><b>Reversals</b> WB writes as operations of their own ({@code Логистика сторно}, {@code Коррекция
 *       логистики}, {@code Сторно продаж} …) are unknown operations: their direction is not documented, so they
 *       are reported, not guessed. A negative amount in a field this mapper records is likewise a problem.
 *   <li><b>Currency:</b> {@code руб}, {@code руб.}, {@code RUB}, {@code RUR} and {@code ₽} are rubles; a row
 *       without {@code currency_name} is taken as rubles (the report of a Russian seller's shop).
 *   <li>{@code Штрафы} and {@code Удержания} are taken as the plural forms of {@code Штраф} and
 *       {@code Удержание}.
 * </ul>
 *
 * <p>A row is mapped whole or not at all: when one of its amounts cannot be recorded (other than the additional
 * payment, which is only reported), the row makes no entry and one problem per reason.
 */
public final class WbLedgerMapper {

    /** The source of the entries. */
    public static final String SOURCE = "wb-report";

    private static final Set<String> RUBLES = Set.of("руб", "руб.", "rub", "rur", "₽", "рубль", "рубли");

    private enum Operation { SALE, RETURN, COSTS, ADDITIONAL_PAYMENT }

    private static final Map<String, Operation> OPERATIONS = Map.of(
            "продажа", Operation.SALE,
            "возврат", Operation.RETURN,
            "логистика", Operation.COSTS,
            "штраф", Operation.COSTS,
            "штрафы", Operation.COSTS,
            "хранение", Operation.COSTS,
            "платная приемка", Operation.COSTS,
            "удержание", Operation.COSTS,
            "удержания", Operation.COSTS,
            "доплаты", Operation.ADDITIONAL_PAYMENT);

    private final ShopId shopId;

    /**
     * Creates a mapper for a shop whose currency is the ruble.
     *
     * @param shopId the shop the entries are for
     */
    public WbLedgerMapper(ShopId shopId) {
        this.shopId = Objects.requireNonNull(shopId, "shop id");
    }

    /**
     * Maps rows. Mapping the same rows again gives equal entries.
     *
     * @param rows the rows, e.g. {@link WbReportPage#rows()}; a problem's index is the row's position here
     * @return the entries, the problems and the commission given back on returns
     */
    public WbLedgerMapping map(List<WbReportRow> rows) {
        Objects.requireNonNull(rows, "rows");
        List<LedgerEntry> entries = new ArrayList<>();
        List<WbReportProblem> problems = new ArrayList<>();
        BigDecimal returned = BigDecimal.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            RowMapping row = new RowMapping(i, rows.get(i));
            row.map();
            problems.addAll(row.problems);
            if (row.rejected) {
                continue;
            }
            entries.addAll(row.entries());
            returned = returned.add(row.returnedCommission);
        }
        return new WbLedgerMapping(entries, problems, returned);
    }

    private static @Nullable String normalised(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
    }

    /** One row's entries and problems. */
    private final class RowMapping {
        private final int index;
        private final WbReportRow row;
        private final List<WbReportProblem> problems = new ArrayList<>();
        private final Map<LedgerEntryKind, BigDecimal> amounts = new EnumMap<>(LedgerEntryKind.class);
        private BigDecimal units = BigDecimal.ZERO;
        private BigDecimal returnedCommission = BigDecimal.ZERO;
        private @Nullable Sku sku;
        private @Nullable OrderId orderId;
        private @Nullable Instant occurredAt;
        private boolean rejected;

        RowMapping(int index, WbReportRow row) {
            this.index = index;
            this.row = row;
        }

        void map() {
            String currency = normalised(row.currencyName());
            if (currency != null && !RUBLES.contains(currency)) {
                reject("currency_name", "the row is in '" + row.currencyName() + "', not in rubles, the shop's"
                        + " currency; not recorded");
                return;
            }
            String operationName = normalised(row.supplierOperName());
            if (operationName == null) {
                reject("supplier_oper_name", "missing; the row's operation is unknown");
                return;
            }
            Operation operation = OPERATIONS.get(operationName);
            if (operation == null) {
                reject("supplier_oper_name", "unknown operation '" + row.supplierOperName().strip()
                        + "'; not recorded");
                return;
            }
            occurredAt = row.saleDt() != null ? row.saleDt() : row.rrDt();
            if (occurredAt == null) {
                reject("sale_dt", "neither sale_dt nor rr_dt is given; the row has no date");
            }
            sku = sku();
            if (row.srid() != null && !row.srid().isBlank()) {
                try {
                    orderId = OrderId.of(row.srid().strip());
                } catch (IllegalArgumentException e) {
                    reject("srid", e.getMessage());
                }
            }
            switch (operation) {
                case SALE -> sale();
                case RETURN -> refund();
                default -> { }
            }
            cost(LedgerEntryKind.DELIVERY, "delivery_rub", row.deliveryRub());
            cost(LedgerEntryKind.PENALTY, "penalty", row.penalty());
            cost(LedgerEntryKind.OTHER_EXPENSE, "storage_fee", row.storageFee());
            cost(LedgerEntryKind.OTHER_EXPENSE, "acceptance", row.acceptance());
            cost(LedgerEntryKind.OTHER_EXPENSE, "deduction", row.deduction());
            BigDecimal additional = row.additionalPayment();
            if (additional != null && additional.signum() != 0) {
                problems.add(new WbReportProblem(index, row.rrdId(), "additional_payment", "additional payment "
                        + additional.toPlainString() + " left out: the ledger records no income but sales"));
            }
        }

        private @Nullable Sku sku() {
            String article = row.saName() == null ? null : row.saName().strip();
            String value = article != null && !article.isEmpty() ? article
                    : row.nmId() != null && row.nmId() > 0 ? row.nmId().toString() : null;
            if (value == null) {
                return null;
            }
            try {
                return Sku.of(value);
            } catch (IllegalArgumentException e) {
                reject("sa_name", e.getMessage());
                return null;
            }
        }

        private void sale() {
            checkDocType("Продажа");
            BigDecimal revenue = required("retail_amount", row.retailAmount());
            BigDecimal payout = required("ppvz_for_pay", row.ppvzForPay());
            units();
            if (revenue == null || payout == null) {
                return;
            }
            BigDecimal commission = revenue.subtract(payout);
            if (commission.signum() < 0) {
                reject("ppvz_for_pay", "payout " + payout.toPlainString() + " exceeds the retail amount "
                        + revenue.toPlainString() + "; a negative commission cannot be recorded");
                return;
            }
            put(LedgerEntryKind.SALE, revenue);
            put(LedgerEntryKind.COMMISSION, commission);
            put(LedgerEntryKind.PAYOUT, payout);
        }

        private void refund() {
            checkDocType("Возврат");
            BigDecimal refund = required("retail_amount", row.retailAmount());
            units();
            if (refund == null) {
                return;
            }
            put(LedgerEntryKind.RETURN, refund);
            BigDecimal payout = row.ppvzForPay();
            if (payout != null && payout.signum() >= 0 && refund.compareTo(payout) > 0) {
                returnedCommission = refund.subtract(payout);
                put(LedgerEntryKind.COMMISSION_REFUND, returnedCommission);
            }
        }

        private void checkDocType(String expected) {
            String docType = normalised(row.docTypeName());
            if (docType != null && !docType.equals(normalised(expected))) {
                reject("doc_type_name", "'" + row.docTypeName() + "' contradicts the operation '"
                        + row.supplierOperName() + "'");
            }
            if (sku == null && !rejected) {
                reject("sa_name", "a " + expected + " needs a product, but neither sa_name nor nm_id is given");
            }
        }

        private void units() {
            BigDecimal quantity = required("quantity", row.quantity());
            if (quantity != null) {
                units = quantity;
            }
        }

        private @Nullable BigDecimal required(String field, @Nullable BigDecimal value) {
            if (value == null) {
                reject(field, "missing");
                return null;
            }
            if (value.signum() < 0) {
                reject(field, "negative (" + value.toPlainString() + "); the direction of a negative amount is"
                        + " not documented");
                return null;
            }
            return value;
        }

        private void cost(LedgerEntryKind kind, String field, @Nullable BigDecimal value) {
            if (value == null || value.signum() == 0) {
                return;
            }
            if (required(field, value) != null) {
                put(kind, value);
            }
        }

        private void put(LedgerEntryKind kind, BigDecimal amount) {
            if (amount.signum() != 0) {
                amounts.merge(kind, amount, BigDecimal::add);
            }
        }

        private void reject(String field, String message) {
            rejected = true;
            problems.add(new WbReportProblem(index, row.rrdId(), field, message));
        }

        List<LedgerEntry> entries() {
            List<LedgerEntry> entries = new ArrayList<>();
            Instant at = Objects.requireNonNull(occurredAt);
            amounts.forEach((kind, amount) -> entries.add(new LedgerEntry(shopId,
                    "wb:rrd:" + row.rrdId() + ":" + kind.name(), kind, at, sku, orderId,
                    kind == LedgerEntryKind.SALE || kind == LedgerEntryKind.RETURN ? units : BigDecimal.ZERO,
                    Money.of(amount, Money.RUB), SOURCE)));
            return entries;
        }
    }
}
