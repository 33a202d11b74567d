package dev.aihq.imports.mapping;

import dev.aihq.api.store.LedgerEntryKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The words sellers' sheets and marketplace exports use for what a row records, in Russian, Kazakh and English,
 * and the {@link LedgerEntryKind} names themselves. Compared like headers ({@link ColumnRef#normalise}). A
 * mapping adds its own words ({@link ColumnMapping.Builder#kindWord}), which win over these.
 */
public final class KindWords {

    private static final Map<String, LedgerEntryKind> BUILT_IN = new HashMap<>();

    static {
        for (LedgerEntryKind kind : LedgerEntryKind.values()) {
            put(kind, kind.name(), kind.name().replace('_', ' '));
        }
        put(LedgerEntryKind.SALE, "продажа", "продажи", "реализация", "выдан", "выдано", "sale", "sales", "sold",
                "сату", "сатылым", "сатылды");
        put(LedgerEntryKind.RETURN, "возврат", "возвраты", "возвращен", "return", "returned", "refund", "қайтару",
                "қайтарылды");
        put(LedgerEntryKind.CANCELLATION, "отмена", "отменен", "отменено", "cancellation", "cancelled", "canceled",
                "бас тарту", "күшін жою");
        put(LedgerEntryKind.COMMISSION, "комиссия", "комиссия маркетплейса", "вознаграждение", "commission", "fee",
                "комиссиясы");
        put(LedgerEntryKind.DELIVERY, "доставка", "логистика", "delivery", "logistics", "shipping", "жеткізу");
        put(LedgerEntryKind.COST_OF_GOODS, "себестоимость", "закупка", "cost of goods", "cogs", "purchase",
                "өзіндік құн", "сатып алу");
        put(LedgerEntryKind.PENALTY, "штраф", "штрафы", "penalty", "fine", "айыппұл");
        put(LedgerEntryKind.OTHER_EXPENSE, "расход", "расходы", "прочие расходы", "реклама", "аренда", "хранение",
                "зарплата", "expense", "other", "advertising", "rent", "storage", "шығыс", "шығындар", "жарнама");
    }

    private KindWords() {}

    private static void put(LedgerEntryKind kind, String... words) {
        for (String word : words) {
            BUILT_IN.put(ColumnRef.normalise(word), kind);
        }
    }

    /**
     * Looks a word up among the built-in ones.
     *
     * @param word the cell's text
     * @return the kind, or empty for a word not known
     */
    public static Optional<LedgerEntryKind> builtIn(String word) {
        return Optional.ofNullable(BUILT_IN.get(ColumnRef.normalise(word)));
    }
}
