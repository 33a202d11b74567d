package dev.aihq.imports.bank;

import static dev.aihq.imports.bank.BankFixtures.HALYK_ACCOUNT;
import static dev.aihq.imports.bank.BankFixtures.KASPI_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aihq.api.Money;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.LedgerEntry;
import dev.aihq.api.store.LedgerEntryKind;
import dev.aihq.pipeline.memory.InMemoryLedgerStore;
import dev.aihq.testkit.Fixtures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BankStatementImport}: statements into the ledger, once each, with the unmatched and the problems. */
class BankStatementImportTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

    private final Shop shop = Fixtures.kaspiShop().build();
    private final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    private final BankStatementImport bankImport = BankStatementImport.builder(ledger, shop).build();

    private List<LedgerEntry> entries() {
        return ledger.entries(shop.id(), FROM, TO, 1_000_000);
    }

    @Test
    void recordsTheStatementsCostsAndPayoutsAndListsTheRest() {
        // when
        BankImportResult result = bankImport.importOneC(BankFixtures.path("statement-1251.txt"));

        // then
        assertThat(result.file()).isEqualTo("statement-1251.txt");
        assertThat(result.sha256()).hasSize(64);
        assertThat(result.transactionsRead()).isEqualTo(9);
        assertThat(result.byCategory()).containsExactly(Map.entry(BankCategory.SALES_PAYOUT, 2),
                Map.entry(BankCategory.COMMISSION, 1), Map.entry(BankCategory.DELIVERY, 1),
                Map.entry(BankCategory.OTHER_EXPENSE, 2), Map.entry(BankCategory.UNMATCHED, 3));
        assertThat(result.imported()).isEqualTo(6);
        assertThat(result.duplicates()).isZero();
        assertThat(result.problems()).isEmpty();
        assertThat(result.unmatched()).extracting(BankTransaction::documentKind, BankTransaction::number,
                BankTransaction::direction).containsExactly(
                        tuple("Инкассовое поручение", "9", BankDirection.OUT),
                        tuple("Платежное поручение", "16", BankDirection.INTERNAL),
                        tuple("Платежное поручение", "17", BankDirection.OUT));
        assertThat(result.unmatchedTotal()).isEqualTo(3);

        assertThat(entries()).extracting(LedgerEntry::key, LedgerEntry::kind, LedgerEntry::amount)
                .containsExactlyInAnyOrder(
                        tuple("bank:" + KASPI_ACCOUNT + ":2026-03-02:1001:452300.00", LedgerEntryKind.PAYOUT,
                                Money.kzt(452_300)),
                        tuple("bank:" + HALYK_ACCOUNT + ":2026-03-02:884213:200000.00", LedgerEntryKind.PAYOUT,
                                Money.kzt(200_000)),
                        tuple("bank:" + KASPI_ACCOUNT + ":2026-03-03:15:350000.00", LedgerEntryKind.OTHER_EXPENSE,
                                Money.kzt(350_000)),
                        tuple("bank:" + KASPI_ACCOUNT + ":2026-03-04:77:2500.00", LedgerEntryKind.OTHER_EXPENSE,
                                Money.kzt(2_500)),
                        tuple("bank:" + KASPI_ACCOUNT + ":2026-03-04:501:20000.00", LedgerEntryKind.COMMISSION,
                                Money.kzt(20_000)),
                        tuple("bank:" + HALYK_ACCOUNT + ":2026-03-03:3318:14980.00", LedgerEntryKind.DELIVERY,
                                Money.kzt(14_980)));
        LedgerEntry rent = ledger.find(shop.id(), "bank:" + KASPI_ACCOUNT + ":2026-03-03:15:350000.00")
                .orElseThrow();
        // shop-wide, no units, at the start of the document's day in Almaty (UTC+5)
        assertThat(rent.sku()).isNull();
        assertThat(rent.orderId()).isNull();
        assertThat(rent.quantity()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(rent.occurredAt()).isEqualTo(LocalDate.of(2026, 3, 3).atStartOfDay(Fixtures.ALMATY).toInstant());
        assertThat(rent.source()).isEqualTo("bank:statement-1251.txt");
    }

    @Test
    void importingTheSameFileTwiceStoresItOnce() {
        BankImportResult first = bankImport.importOneC(BankFixtures.path("statement-1251.txt"));
        List<LedgerEntry> afterFirst = entries();

        BankImportResult second = bankImport.importOneC(BankFixtures.path("statement-1251.txt"));

        assertThat(first.imported()).isEqualTo(6);
        assertThat(second.imported()).isZero();
        assertThat(second.duplicates()).isEqualTo(6);
        assertThat(second.transactionsRead()).isEqualTo(9);
        assertThat(entries()).isEqualTo(afterFirst);
    }

    @Test
    void theSameDocumentsFromAnotherFileOrFormatAreRecordedOnce() {
        bankImport.importOneC(BankFixtures.path("statement-1251.txt"));

        // the second account's own export, re-saved as UTF-8: the same two documents
        BankImportResult other = bankImport.importOneC(BankFixtures.path("statement-utf8-bom.txt"));
        // the CSV export of the first account: rows 1001, 15 and 501 are documents of the 1C file
        BankImportResult csv = bankImport.importCsv(BankFixtures.path("kaspi-business-1251.csv"),
                BankCsvMapping.defaults().toBuilder().statementAccount(KASPI_ACCOUNT).build());

        assertThat(other.imported()).isZero();
        assertThat(other.duplicates()).isEqualTo(2);
        assertThat(csv.transactionsRead()).isEqualTo(6);
        assertThat(csv.duplicates()).isEqualTo(3);
        // the fee row has no number (a file key), and the delivery row is another document: 14 980,50 on Kaspi
        assertThat(csv.imported()).isEqualTo(2);
        assertThat(entries()).hasSize(8);
    }

    @Test
    void aCsvExportIsImportedWithItsProblemsByRowAndColumn() {
        BankImportResult result = bankImport.importCsv(BankFixtures.path("kaspi-business-1251.csv"));

        assertThat(result.transactionsRead()).isEqualTo(6);
        assertThat(result.count(BankCategory.SALES_PAYOUT)).isEqualTo(1);
        assertThat(result.count(BankCategory.OTHER_EXPENSE)).isEqualTo(2);
        assertThat(result.count(BankCategory.COMMISSION)).isEqualTo(1);
        assertThat(result.count(BankCategory.DELIVERY)).isEqualTo(1);
        assertThat(result.count(BankCategory.UNMATCHED)).isEqualTo(1);
        assertThat(result.imported()).isEqualTo(5);
        assertThat(result.problems()).extracting(BankProblem::line, BankProblem::field)
                .containsExactly(tuple(12, "Дата"), tuple(13, "Дебет"), tuple(14, "Дебет"), tuple(15, "Дебет"));
        assertThat(result.unmatched()).extracting(BankTransaction::counterparty)
                .containsExactly("Ахметов Бауыржан Серикович");
        // without an account the keys are the file's: its SHA-256 prefix and the row
        String prefix = result.sha256().substring(0, 16);
        assertThat(entries()).extracting(LedgerEntry::key).containsExactlyInAnyOrder("bank:" + prefix + ":6",
                "bank:" + prefix + ":7", "bank:" + prefix + ":8", "bank:" + prefix + ":9", "bank:" + prefix + ":10");
        assertThat(ledger.find(shop.id(), "bank:" + prefix + ":10").orElseThrow().amount())
                .isEqualTo(Money.of("14980.50", Money.KZT));

        BankImportResult again = bankImport.importCsv(BankFixtures.path("kaspi-business-1251.csv"));
        assertThat(again.imported()).isZero();
        assertThat(again.duplicates()).isEqualTo(5);
    }

    @Test
    void malformedDocumentsAreReportedWhileTheValidOnesImport() {
        BankImportResult result = bankImport.importOneC(BankFixtures.path("malformed-utf8.txt"));

        assertThat(result.transactionsRead()).isEqualTo(2);
        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.problems()).extracting(BankProblem::line, BankProblem::field).containsExactly(
                tuple(24, "Сумма"), tuple(37, "Дата"), tuple(50, "Сумма"), tuple(62, "Сумма"),
                tuple(81, "ДатаСписано"), tuple(84, "КонецДокумента"));
        assertThat(result.problemsTotal()).isEqualTo(6);
        assertThat(entries()).extracting(LedgerEntry::kind, LedgerEntry::amount).containsExactlyInAnyOrder(
                tuple(LedgerEntryKind.OTHER_EXPENSE, Money.kzt(45_000)),
                tuple(LedgerEntryKind.OTHER_EXPENSE, Money.kzt(55_000)));
    }

    @Test
    void aFileThatIsNotA1CExchangeFileIsRefusedAndNothingIsRecorded() {
        assertThatThrownBy(() -> bankImport.importOneC(BankFixtures.path("kaspi-business-1251.csv")))
                .isInstanceOf(BankStatementException.class)
                .hasMessageStartingWith("not a 1CClientBankExchange file");
        assertThat(entries()).isEmpty();
    }

    @Test
    void reportsProgressEveryNDocumentsAndAtTheEnd() {
        List<Integer> progress = new ArrayList<>();
        BankStatementImport withProgress = BankStatementImport.builder(ledger, shop).progress(progress::add, 4)
                .build();

        withProgress.importOneC(BankFixtures.path("statement-1251.txt"));

        assertThat(progress).containsExactly(4, 8, 9);
    }

    @Test
    void aHundredThousandDocumentsAreStreamedInBoundedBatches(@TempDir Path tmp) throws IOException {
        // given: a generated statement of 100,000 documents: commissions, deliveries, unmatched transfers and
        // every 10,000th one malformed
        Path file = tmp.resolve("large.txt");
        int documents = 100_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("1CClientBankExchange\nВерсияФормата=1.03\nКодировка=Windows\nРасчСчет=" + KASPI_ACCOUNT + "\n");
            for (int i = 1; i <= documents; i++) {
                String purpose = switch (i % 3) {
                    case 0 -> "Комиссия за продажу, заказ " + i;
                    case 1 -> "Оплата за доставку заказа " + i;
                    default -> "Перевод по договору " + i;
                };
                String amount = i % 10_000 == 0 ? "сто" : (100 + i % 900) + ".50";
                out.write("СекцияДокумент=Платежное поручение\nНомер=" + i + "\nДата=" + (1 + i % 28)
                        + ".03.2026\nСумма=" + amount + "\nПлательщикСчет=" + KASPI_ACCOUNT
                        + "\nДатаСписано=01.03.2026\nПолучатель1=ТОО «Партнер " + i % 50 + "»\nНазначениеПлатежа="
                        + purpose + "\nКонецДокумента\n");
            }
            out.write("КонецФайла\n");
        }
        BatchWatchingLedger watched = new BatchWatchingLedger(ledger);
        List<Integer> progress = new ArrayList<>();
        BankStatementImport large = BankStatementImport.builder(watched, shop).batchSize(1_000).listLimit(100)
                .progress(progress::add, 10_000).build();

        // when
        BankImportResult result = large.importOneC(file);

        // then
        int malformed = documents / 10_000;
        assertThat(result.transactionsRead()).isEqualTo(documents - malformed);
        assertThat(result.problemsTotal()).isEqualTo(malformed);
        assertThat(result.problems()).extracting(BankProblem::field).containsOnly("Сумма");
        int commissions = (int) IntStream.rangeClosed(1, documents)
                .filter(i -> i % 10_000 != 0 && i % 3 == 0).count();
        int deliveries = (int) IntStream.rangeClosed(1, documents)
                .filter(i -> i % 10_000 != 0 && i % 3 == 1).count();
        assertThat(result.count(BankCategory.COMMISSION)).isEqualTo(commissions);
        assertThat(result.count(BankCategory.DELIVERY)).isEqualTo(deliveries);
        assertThat(result.unmatchedTotal()).isEqualTo(documents - malformed - commissions - deliveries);
        // the lists are capped, the totals are not
        assertThat(result.unmatched()).hasSize(100);
        assertThat(result.imported()).isEqualTo(commissions + deliveries);
        assertThat(entries()).hasSize(commissions + deliveries);
        // memory holds one batch at a time, never the file
        assertThat(watched.largestBatch).isEqualTo(1_000);
        assertThat(progress).hasSize(10).endsWith(documents);
        Map<LedgerEntryKind, Long> byKind = entries().stream()
                .collect(Collectors.groupingBy(LedgerEntry::kind, Collectors.counting()));
        assertThat(byKind).containsOnlyKeys(LedgerEntryKind.COMMISSION, LedgerEntryKind.DELIVERY);
    }

    @Test
    void keysAreTheDocumentsWhereItHasANumberAndAnAccount() {
        BankTransaction withNumber = new BankTransaction(40, "kz12 722s 0000 1234 5678", "15",
                LocalDate.of(2026, 3, 3), new BigDecimal("350000"), BankDirection.OUT, "ТОО", null, null, "Аренда",
                null);
        BankTransaction withoutNumber = new BankTransaction(40, KASPI_ACCOUNT, null, LocalDate.of(2026, 3, 3),
                new BigDecimal("350000.000"), BankDirection.OUT, "ТОО", null, null, "Аренда", null);

        assertThat(BankStatementImport.ledgerKey(withNumber, "ab".repeat(32)))
                .isEqualTo("bank:" + KASPI_ACCOUNT + ":2026-03-03:15:350000.00");
        assertThat(BankStatementImport.ledgerKey(withoutNumber, "0123456789abcdef".repeat(4)))
                .isEqualTo("bank:0123456789abcdef:40");
    }
}
