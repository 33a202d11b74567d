package dev.aihq.connectors.ozon.finance;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Turns operations of Ozon's transaction list into one shop's {@link LedgerEntry}s, the actual figures the
 * accountant ({@code ProfitCalculator}) works from. Stateless and thread-safe.
 *
 * <p><b>Entries.</b> Amounts are in roubles (the shop's currency; an operation in another currency is a problem,
 * not an entry) and never negative, as the ledger requires: Ozon's sign (negative = charged to the seller, positive
 * = credited) decides the kind, and the entry holds the absolute value. Each entry is keyed
 * {@code ozon:op:<operation_id>:<KIND>} (e.g. {@code ozon:op:27481100001:COMMISSION}); the parts of one operation
 * of the same kind (a {@code delivery_charge} and logistics services) are summed into that one entry, so reading a
 * month (or an overlapping window) again records nothing twice. The source is {@value #SOURCE}. The entry's time is
 * {@code operation_date}; the product is the first item's {@code offer_id} when Ozon sends one, else its
 * {@code sku} (Ozon's product id), else none (a shop-wide cost); the order is {@code posting.posting_number}. Zero
 * amounts make no entry.
 *
 * <p><b>The operation's fields</b>, on every operation type that is recorded:
 *
 * <table>
 *   <caption>What each field records</caption>
 *   <tr><th>Field</th><th>Sign</th><th>Entry</th></tr>
 *   <tr><td>{@code accruals_for_sale}</td><td>+ on a sale</td><td>{@code SALE}, with the units</td></tr>
 *   <tr><td>{@code accruals_for_sale}</td><td>− on a return</td><td>{@code RETURN}, with the units</td></tr>
 *   <tr><td>{@code accruals_for_sale}</td><td>− on a sale's reversal</td><td>{@code CANCELLATION}, with the
 *       units</td></tr>
 *   <tr><td>{@code sale_commission}</td><td>−</td><td>{@code COMMISSION}</td></tr>
 *   <tr><td>{@code sale_commission}</td><td>+</td><td>{@code COMMISSION_REFUND}, commission given back</td></tr>
 *   <tr><td>{@code delivery_charge}, {@code return_delivery_charge}</td><td>−</td><td>{@code DELIVERY}</td></tr>
 *   <tr><td>{@code services[].price}</td><td>−</td><td>by the service's name (below)</td></tr>
 *   <tr><td>{@code amount}</td><td>−</td><td>only when the operation has no other non-zero part: by the operation
 *       type (below)</td></tr>
 *   <tr><td>a delivery charge, service price or {@code amount} credited (+)</td><td>+</td><td>nothing: left out
 *       and reported, counted in {@link OzonLedgerMapping#leftOutCredits()}</td></tr>
 * </table>
 *
 * <p><b>Operation types</b> ({@code operation_type}, exactly as Ozon writes it). Reference §3.8 names only
 * {@code OperationAgentDeliveredToCustomer} and {@code MarketplaceMarketingActionCostOperation}; the others are
 * the operation types of Ozon's documentation of the method (the OZ-FIN mirror), each with Ozon's own
 * description:
 *
 * <table>
 *   <caption>What each operation type records</caption>
 *   <tr><th>Operation type</th><th>Treated as</th></tr>
 *   <tr><td>{@code OperationAgentDeliveredToCustomer} (delivered to the buyer)</td><td>a sale</td></tr>
 *   <tr><td>{@code ClientReturnAgentOperation} (a return, cancellation or non-purchase received from the
 *       buyer)</td><td>a return</td></tr>
 *   <tr><td>{@code OperationAgentStornoDeliveredToCustomer} (delivery to the buyer, accrual cancelled)</td>
 *       <td>a sale's reversal</td></tr>
 *   <tr><td>{@code OperationItemReturn}, {@code OperationReturnGoodsFBSofRMS} (delivery and processing of a
 *       return), {@code OperationMarketplaceCrossDockServiceWriteOff} (cross-docking to Ozon's warehouse),
 *       {@code MarketplaceServiceItemDeliveryKGT}, {@code MarketplaceServiceItemDirectFlowLogistic},
 *       {@code MarketplaceServiceItemReturnFlowLogistic}</td><td>a charge: {@code DELIVERY}</td></tr>
 *   <tr><td>{@code MarketplaceMarketingActionCostOperation}, {@code MarketplaceSaleReviewsOperation},
 *       {@code OperationMarketplaceServicePremiumCashback}, {@code MarketplaceServicePremiumPromotion},
 *       {@code MarketplaceServicePremiumCashbackIndividualPoints} (promotion),
 *       {@code OperationMarketplaceServiceStorage},
 *       {@code MarketplaceReturnStorageServiceAtThePickupPointFbsItem},
 *       {@code MarketplaceReturnStorageServiceInTheWarehouseFbsItem} (storage),
 *       {@code MarketplaceRedistributionOfAcquiringOperation} (acquiring)</td><td>a charge:
 *       {@code OTHER_EXPENSE}</td></tr>
 *   <tr><td>{@code OperationMarketplaceWithHoldingForUndeliverableGoods} (withholding for goods short-shipped)</td>
 *       <td>a charge: {@code PENALTY}</td></tr>
 *   <tr><td>{@code MarketplaceSellerCompensationOperation}, {@code OperationClaim},
 *       {@code OperationDefectiveWriteOff}, {@code OperationLackWriteOff},
 *       {@code MarketplaceSellerReexposureDeliveryReturnOperation},
 *       {@code MarketplaceSellerShippingCompensationReturnOperation}, and any operation of {@code type}
 *       {@code compensation}</td><td>income: nothing recorded, reported</td></tr>
 *   <tr><td>{@code OperationAgentDeliveredToCustomerCanceled} (a corrected accrual),
 *       {@code OperationCorrectionSeller} (inventory of settlements), {@code OperationSetOff} (set-off with other
 *       contracts), {@code ReturnAgentOperationRFBS} (the rFBS delivery transfer taken back)</td><td>not mapped,
 *       reported: what they correct is not documented</td></tr>
 *   <tr><td>anything else</td><td>not mapped: a problem naming the operation type</td></tr>
 * </table>
 *
 * <p><b>Services</b> ({@code services[].name}): the last mile, trunk and return trunk, drop-off, pick-up,
 * fulfilment (assembly), processing of returns, cancellations and non-purchases, delivery to and returns from the
 * buyer, cross-docking, forwarding, KGT delivery and (return) logistics are {@code DELIVERY}; storage (also of FBS
 * returns), promotion (reviews, marketing, Premium, seller bonuses), instalments, labelling, flexible payouts,
 * picking goods for the seller's removal and acquiring are {@code OTHER_EXPENSE};
 * {@code OperationMarketplaceWithHoldingForUndeliverableGoods} is {@code PENALTY}. The full list is
 * {@link #serviceKind(String)}; an unknown service name with a non-zero price makes the whole operation a problem.
 *
 * <p><b>What is interpretation</b> (not stated by reference §3.8, which names the fields but neither their
 * arithmetic nor the operation types beyond two examples):
 *
 * <ul>
 *   <li><b>Signs.</b> Negative is charged to the seller, positive credited; a sale's {@code accruals_for_sale} is
 *       positive, a return's negative, and {@code sale_commission} negative when charged and positive when given
 *       back. A sign contrary to the operation (a negative sale, a positive return) is a problem, never
 *       guessed.
 *   <li><b>Revenue is {@code accruals_for_sale}</b> of the sale, what the goods were sold for before Ozon's
 *       commission and services; everything Ozon keeps is a cost.
 *   <li><b>The kinds of operation types and services</b> above: the list is Ozon's, the kind each gets is this
 *       mapper's. Acquiring, storage and promotion are {@code OTHER_EXPENSE} (the ledger has no kind for them);
 *       fulfilment and processing are logistics ({@code DELIVERY}); the withholding for short-shipped goods is a
 *       fine ({@code PENALTY}); a return's {@code ClientReturnAgentOperation} covers cancellations and
 *       non-purchases too, recorded as {@code RETURN} (the operation does not tell them apart), and a sale's
 *       storno as {@code CANCELLATION}.
 *   <li><b>Income other than sales</b> (compensations, claims, write-off compensations, the buyer's delivery
 *       transfer) and <b>credits</b> (a delivery charge or service price given back) are left out and reported:
 *       the ledger's only income is a product's {@code SALE} and it holds no negative costs.
 *   <li><b>{@code amount}</b> is the operation's net total; when the operation has parts (an accrual, a commission,
 *       a delivery charge or services), the parts are recorded and {@code amount} is only checked against their
 *       sum (a difference is reported, the parts still recorded); otherwise {@code amount} is the charge.
 *   <li><b>The product and units:</b> the first item's {@code offer_id} (not in reference §3.8, read when present)
 *       else its {@code sku}; each element of {@code items} is one unit, so the units are the items naming that
 *       product. When the items name several products, everything is recorded against the first and a problem
 *       says so.
 *   <li><b>Currency:</b> reference §3.8 gives none; an operation without {@code currency_code} is taken as roubles
 *       (Ozon Russia settles in roubles), {@code RUB} and {@code RUR} are roubles, anything else is a problem.
 *   <li><b>No payouts:</b> an operation's {@code amount} is a movement on the seller's Ozon balance, not money paid
 *       out, so no {@code PAYOUT} is recorded.
 * </ul>
 *
 * <p>An operation is mapped whole or not at all: when one of its parts cannot be recorded (other than a credit,
 * which is only reported), the operation makes no entry and one problem per reason.
 */
public final class OzonLedgerMapper {

    /** The source of the entries. */
    public static final String SOURCE = "ozon-transactions";

    private static final Set<String> RUBLES = Set.of("RUB", "RUR");

    /** How an operation type is treated. */
    private enum Treatment { SALE, RETURN, STORNO, CHARGE, INCOME, UNDOCUMENTED }

    private record Rule(Treatment treatment, @Nullable LedgerEntryKind kind) {}

    private static final Map<String, Rule> OPERATIONS = Map.ofEntries(
            Map.entry("OperationAgentDeliveredToCustomer", new Rule(Treatment.SALE, null)),
            Map.entry("ClientReturnAgentOperation", new Rule(Treatment.RETURN, null)),
            Map.entry("OperationAgentStornoDeliveredToCustomer", new Rule(Treatment.STORNO, null)),
            Map.entry("OperationItemReturn", charge(LedgerEntryKind.DELIVERY)),
            Map.entry("OperationReturnGoodsFBSofRMS", charge(LedgerEntryKind.DELIVERY)),
            Map.entry("OperationMarketplaceCrossDockServiceWriteOff", charge(LedgerEntryKind.DELIVERY)),
            Map.entry("MarketplaceServiceItemDeliveryKGT", charge(LedgerEntryKind.DELIVERY)),
            Map.entry("MarketplaceServiceItemDirectFlowLogistic", charge(LedgerEntryKind.DELIVERY)),
            Map.entry("MarketplaceServiceItemReturnFlowLogistic", charge(LedgerEntryKind.DELIVERY)),
            Map.entry("MarketplaceMarketingActionCostOperation", charge(LedgerEntryKind.OTHER_EXPENSE)),
            Map.entry("MarketplaceSaleReviewsOperation", charge(LedgerEntryKind.OTHER_EXPENSE)),
            Map.entry("OperationMarketplaceServicePremiumCashback", charge(LedgerEntryKind.OTHER_EXPENSE)),
            Map.entry("MarketplaceServicePremiumPromotion", charge(LedgerEntryKind.OTHER_EXPENSE)),
            Map.entry("MarketplaceServicePremiumCashbackIndividualPoints", charge(LedgerEntryKind.OTHER_EXPENSE)),
            Map.entry("OperationMarketplaceServiceStorage", charge(LedgerEntryKind.OTHER_EXPENSE)),
            Map.entry("MarketplaceReturnStorageServiceAtThePickupPointFbsItem",
                    charge(LedgerEntryKind.OTHER_EXPENSE)),
            Map.entry("MarketplaceReturnStorageServiceInTheWarehouseFbsItem", charge(LedgerEntryKind.OTHER_EXPENSE)),
            Map.entry("MarketplaceRedistributionOfAcquiringOperation", charge(LedgerEntryKind.OTHER_EXPENSE)),
            Map.entry("OperationMarketplaceWithHoldingForUndeliverableGoods", charge(LedgerEntryKind.PENALTY)),
            Map.entry("MarketplaceSellerCompensationOperation", new Rule(Treatment.INCOME, null)),
            Map.entry("OperationClaim", new Rule(Treatment.INCOME, null)),
            Map.entry("OperationDefectiveWriteOff", new Rule(Treatment.INCOME, null)),
            Map.entry("OperationLackWriteOff", new Rule(Treatment.INCOME, null)),
            Map.entry("MarketplaceSellerReexposureDeliveryReturnOperation", new Rule(Treatment.INCOME, null)),
            Map.entry("MarketplaceSellerShippingCompensationReturnOperation", new Rule(Treatment.INCOME, null)),
            Map.entry("OperationAgentDeliveredToCustomerCanceled", new Rule(Treatment.UNDOCUMENTED, null)),
            Map.entry("OperationCorrectionSeller", new Rule(Treatment.UNDOCUMENTED, null)),
            Map.entry("OperationSetOff", new Rule(Treatment.UNDOCUMENTED, null)),
            Map.entry("ReturnAgentOperationRFBS", new Rule(Treatment.UNDOCUMENTED, null)));

    private static final Map<String, LedgerEntryKind> SERVICES = Map.ofEntries(
            // Logistics: to the buyer, back from the buyer, to and between Ozon's warehouses, processing.
            Map.entry("MarketplaceNotDeliveredCostItem", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceReturnAfterDeliveryCostItem", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceDeliveryCostItem", LedgerEntryKind.DELIVERY),
            Map.entry("ItemAdvertisementForSupplierLogistic", LedgerEntryKind.DELIVERY),
            Map.entry("ItemAdvertisementForSupplierLogisticSeller", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemDelivToCustomer", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemDirectFlowTrans", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemDropoffFF", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemDropoffPVZ", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemDropoffSC", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemFulfillment", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemPickup", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemReturnAfterDelivToCustomer", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemReturnFlowTrans", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemReturnNotDelivToCustomer", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemReturnPartGoodsCustomer", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemDeliveryKGT", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemDirectFlowLogistic", LedgerEntryKind.DELIVERY),
            Map.entry("MarketplaceServiceItemReturnFlowLogistic", LedgerEntryKind.DELIVERY),
            // Storage, promotion, payment services.
            Map.entry("MarketplaceServiceStorageItem", LedgerEntryKind.OTHER_EXPENSE),
            Map.entry("MarketplaceReturnStorageServiceAtThePickupPointFbsItem", LedgerEntryKind.OTHER_EXPENSE),
            Map.entry("MarketplaceReturnStorageServiceInTheWarehouseFbsItem", LedgerEntryKind.OTHER_EXPENSE),
            Map.entry("MarketplaceSaleReviewsItem", LedgerEntryKind.OTHER_EXPENSE),
            Map.entry("MarketplaceMarketingActionCostItem", LedgerEntryKind.OTHER_EXPENSE),
            Map.entry("MarketplaceServicePremiumCashbackIndividualPoints", LedgerEntryKind.OTHER_EXPENSE),
            Map.entry("MarketplaceServicePremiumPromotion", LedgerEntryKind.OTHER_EXPENSE),
            Map.entry("MarketplaceServiceItemInstallment", LedgerEntryKind.OTHER_EXPENSE),
            Map.entry("MarketplaceServiceItemMarkingItems", LedgerEntryKind.OTHER_EXPENSE),
            Map.entry("MarketplaceServiceItemFlexiblePaymentSchedule", LedgerEntryKind.OTHER_EXPENSE),
            Map.entry("MarketplaceServiceItemReturnFromStock", LedgerEntryKind.OTHER_EXPENSE),
            Map.entry("MarketplaceRedistributionOfAcquiringOperation", LedgerEntryKind.OTHER_EXPENSE),
            // Fines.
            Map.entry("OperationMarketplaceWithHoldingForUndeliverableGoods", LedgerEntryKind.PENALTY));

    private final ShopId shopId;

    /**
     * Creates a mapper for a shop whose currency is the rouble.
     *
     * @param shopId the shop the entries are for
     */
    public OzonLedgerMapper(ShopId shopId) {
        this.shopId = Objects.requireNonNull(shopId, "shop id");
    }

    /**
     * Maps operations. Mapping the same operations again gives equal entries.
     *
     * @param operations the operations, e.g. {@link OzonTransactionPage#operations()}; a problem's index is the
     *     operation's position here
     * @return the entries, the problems and the credits left out
     */
    public OzonLedgerMapping map(List<OzonTransaction> operations) {
        Objects.requireNonNull(operations, "operations");
        List<LedgerEntry> entries = new ArrayList<>();
        List<OzonTransactionProblem> problems = new ArrayList<>();
        BigDecimal credits = BigDecimal.ZERO;
        for (int i = 0; i < operations.size(); i++) {
            OperationMapping operation = new OperationMapping(i, operations.get(i));
            operation.map();
            problems.addAll(operation.problems);
            if (operation.rejected) {
                continue;
            }
            entries.addAll(operation.entries());
            credits = credits.add(operation.credits);
        }
        return new OzonLedgerMapping(entries, problems, credits);
    }

    /**
     * Tells the kind a service's charge is recorded as.
     *
     * @param serviceName the service's {@code name}, exactly as Ozon writes it
     * @return {@code DELIVERY}, {@code OTHER_EXPENSE} or {@code PENALTY}, or {@code null} for a service this mapper
     *     does not know
     */
    public static @Nullable LedgerEntryKind serviceKind(String serviceName) {
        return SERVICES.get(Objects.requireNonNull(serviceName, "service name"));
    }

    /**
     * Tells the kind a charge of an operation without parts (its {@code amount}) is recorded as.
     *
     * @param operationType the {@code operation_type}, exactly as Ozon writes it
     * @return {@code DELIVERY}, {@code OTHER_EXPENSE} or {@code PENALTY} for the charge operations, or {@code null}
     *     for sales, returns, income, undocumented and unknown operation types
     */
    public static @Nullable LedgerEntryKind chargeKind(String operationType) {
        Rule rule = OPERATIONS.get(Objects.requireNonNull(operationType, "operation type"));
        return rule == null ? null : rule.kind();
    }

    private static Rule charge(LedgerEntryKind kind) {
        return new Rule(Treatment.CHARGE, kind);
    }

    private static boolean nonZero(@Nullable BigDecimal value) {
        return value != null && value.signum() != 0;
    }

    /** One operation's entries and problems. */
    private final class OperationMapping {
        private final int index;
        private final OzonTransaction operation;
        private final List<OzonTransactionProblem> problems = new ArrayList<>();
        private final Map<LedgerEntryKind, BigDecimal> amounts = new EnumMap<>(LedgerEntryKind.class);
        private BigDecimal units = BigDecimal.ZERO;
        private BigDecimal credits = BigDecimal.ZERO;
        private @Nullable Sku sku;
        private @Nullable OrderId orderId;
        private boolean rejected;

        OperationMapping(int index, OzonTransaction operation) {
            this.index = index;
            this.operation = operation;
        }

        void map() {
            String currency = operation.currencyCode();
            if (currency != null && !RUBLES.contains(currency.toUpperCase(Locale.ROOT))) {
                reject("currency_code", "the operation is in '" + currency + "', not in roubles, the shop's"
                        + " currency; not recorded");
                return;
            }
            String type = operation.operationType();
            if (type == null) {
                reject("operation_type", "missing; what the operation is cannot be told");
                return;
            }
            Rule rule = OPERATIONS.get(type);
            if (rule == null && "compensation".equals(operation.type())) {
                rule = new Rule(Treatment.INCOME, null);
            }
            if (rule == null) {
                reject("operation_type", "unknown operation type '" + type + "'" + described() + "; not recorded");
                return;
            }
            switch (rule.treatment()) {
                case INCOME -> {
                    income();
                    return;
                }
                case UNDOCUMENTED -> {
                    reject("operation_type", "'" + type + "'" + described() + ": what it corrects is not documented;"
                            + " not recorded");
                    return;
                }
                default -> { }
            }
            if (operation.operationDate() == null) {
                reject("operation_date", "missing; the operation has no date");
            }
            product(rule.treatment() != Treatment.CHARGE);
            if (operation.posting() != null && operation.posting().postingNumber() != null) {
                try {
                    orderId = OrderId.of(operation.posting().postingNumber());
                } catch (IllegalArgumentException e) {
                    reject("posting.posting_number", e.getMessage());
                }
            }
            accruals(rule.treatment());
            commission();
            charge("delivery_charge", operation.deliveryCharge(), LedgerEntryKind.DELIVERY);
            charge("return_delivery_charge", operation.returnDeliveryCharge(), LedgerEntryKind.DELIVERY);
            BigDecimal parts = sum(operation.accrualsForSale(), operation.saleCommission(), operation.deliveryCharge(),
                    operation.returnDeliveryCharge());
            boolean hasParts = nonZero(operation.accrualsForSale()) || nonZero(operation.saleCommission())
                    || nonZero(operation.deliveryCharge()) || nonZero(operation.returnDeliveryCharge());
            for (int i = 0; i < operation.services().size(); i++) {
                OzonTransaction.Service service = operation.services().get(i);
                String field = "services[" + i + "].price";
                if (service.price().signum() == 0) {
                    continue;
                }
                hasParts = true;
                parts = parts.add(service.price());
                LedgerEntryKind kind = SERVICES.get(service.name());
                if (kind == null) {
                    reject("services[" + i + "].name", "unknown service '" + service.name() + "' ("
                            + service.price().toPlainString() + "); its kind is not guessed");
                    continue;
                }
                charge(field, service.price(), kind);
            }
            BigDecimal amount = operation.amount();
            if (hasParts) {
                if (amount != null && amount.compareTo(parts) != 0) {
                    problems.add(new OzonTransactionProblem(index, operation.operationId(), "amount", "amount "
                            + amount.toPlainString() + " differs from the sum of its parts " + parts.toPlainString()
                            + "; the parts are recorded"));
                }
            } else if (nonZero(amount)) {
                if (rule.treatment() != Treatment.CHARGE) {
                    reject("amount", "a " + type + " with an amount (" + amount.toPlainString()
                            + ") but no accrual, commission, delivery charge or service; not recorded");
                } else {
                    charge("amount", amount, Objects.requireNonNull(rule.kind()));
                }
            }
        }

        private String described() {
            String name = operation.operationTypeName();
            return name == null ? "" : " (" + name + ")";
        }

        private void income() {
            BigDecimal amount = operation.amount();
            String name = "'" + operation.operationType() + "'" + described();
            if (amount != null && amount.signum() > 0) {
                credits = credits.add(amount);
                problems.add(new OzonTransactionProblem(index, operation.operationId(), "amount", "income "
                        + amount.toPlainString() + " of " + name + " left out: the ledger records no income but"
                        + " sales"));
            } else if (nonZero(amount)) {
                problems.add(new OzonTransactionProblem(index, operation.operationId(), "amount", "charge "
                        + amount.toPlainString() + " of " + name + " left out: a compensation taken back is not"
                        + " documented"));
            }
        }

        private void product(boolean required) {
            List<OzonTransaction.Item> items = operation.items();
            String first = items.isEmpty() ? null : product(items.get(0));
            if (first == null) {
                if (required) {
                    reject("items", "a " + operation.operationType() + " needs a product, but its first item has"
                            + " neither offer_id nor sku");
                }
                return;
            }
            try {
                sku = Sku.of(first);
            } catch (IllegalArgumentException e) {
                reject("items[0]", e.getMessage());
                return;
            }
            Set<String> products = new LinkedHashSet<>();
            for (OzonTransaction.Item item : items) {
                String product = product(item);
                products.add(product == null ? "?" : product);
                if (first.equals(product)) {
                    units = units.add(BigDecimal.ONE);
                }
            }
            if (products.size() > 1) {
                problems.add(new OzonTransactionProblem(index, operation.operationId(), "items", "the items name "
                        + products.size() + " products " + products + "; the whole operation is recorded against "
                        + first));
            }
        }

        private static @Nullable String product(OzonTransaction.Item item) {
            if (item.offerId() != null && !item.offerId().isBlank()) {
                return item.offerId().strip();
            }
            return item.sku() == null ? null : item.sku().toString();
        }

        private void accruals(Treatment treatment) {
            BigDecimal accruals = operation.accrualsForSale();
            if (!nonZero(accruals)) {
                return;
            }
            switch (treatment) {
                case SALE -> {
                    if (accruals.signum() < 0) {
                        reject("accruals_for_sale", "negative on a sale (" + accruals.toPlainString()
                                + "); its direction is not documented");
                    } else {
                        put(LedgerEntryKind.SALE, accruals);
                    }
                }
                case RETURN, STORNO -> {
                    if (accruals.signum() > 0) {
                        reject("accruals_for_sale", "positive on a " + operation.operationType() + " ("
                                + accruals.toPlainString() + "); its direction is not documented");
                    } else {
                        put(treatment == Treatment.RETURN ? LedgerEntryKind.RETURN : LedgerEntryKind.CANCELLATION,
                                accruals.negate());
                    }
                }
                default -> reject("accruals_for_sale", "an accrual for goods (" + accruals.toPlainString()
                        + ") on the service operation " + operation.operationType() + " is not documented");
            }
        }

        private void commission() {
            BigDecimal commission = operation.saleCommission();
            if (!nonZero(commission)) {
                return;
            }
            if (commission.signum() < 0) {
                put(LedgerEntryKind.COMMISSION, commission.negate());
            } else {
                put(LedgerEntryKind.COMMISSION_REFUND, commission);
            }
        }

        private void charge(String field, @Nullable BigDecimal value, LedgerEntryKind kind) {
            if (!nonZero(value)) {
                return;
            }
            if (value.signum() < 0) {
                put(kind, value.negate());
            } else {
                credits = credits.add(value);
                problems.add(new OzonTransactionProblem(index, operation.operationId(), field, "credit "
                        + value.toPlainString() + " left out: the ledger holds no negative " + kind));
            }
        }

        private BigDecimal sum(@Nullable BigDecimal... values) {
            BigDecimal sum = BigDecimal.ZERO;
            for (BigDecimal value : values) {
                if (value != null) {
                    sum = sum.add(value);
                }
            }
            return sum;
        }

        private void put(LedgerEntryKind kind, BigDecimal amount) {
            if (amount.signum() != 0) {
                amounts.merge(kind, amount, BigDecimal::add);
            }
        }

        private void reject(String field, String message) {
            rejected = true;
            problems.add(new OzonTransactionProblem(index, operation.operationId(), field, message));
        }

        List<LedgerEntry> entries() {
            List<LedgerEntry> entries = new ArrayList<>();
            if (amounts.isEmpty()) {
                return entries; // income left out, or nothing but zeros: no date needed
            }
            Instant at = Objects.requireNonNull(operation.operationDate());
            amounts.forEach((kind, amount) -> entries.add(new LedgerEntry(shopId,
                    "ozon:op:" + operation.operationId() + ":" + kind.name(), kind, at, sku, orderId,
                    kind == LedgerEntryKind.SALE || kind.reversesSale() ? units : BigDecimal.ZERO,
                    Money.of(amount, Money.RUB), SOURCE)));
            return entries;
        }
    }
}
