package dev.aihq.imports.bank;

import static dev.aihq.imports.bank.BankFixtures.KASPI_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BankCsvReader}: a Windows-1251 export with debit and credit, other layouts, every malformed row. */
class BankCsvReaderTest {

    private static List<BankCsvRow> readAll(InputStream in, BankCsvMapping mapping) {
        try (BankCsvReader reader = BankCsvReader.open(in, mapping)) {
            List<BankCsvRow> rows = new ArrayList<>();
            for (BankCsvRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
            return rows;
        }
    }

    private static List<BankTransaction> transactions(List<BankCsvRow> rows) {
        return rows.stream().filter(r -> r.transaction() != null).map(BankCsvRow::transaction).toList();
    }

    private static InputStream bomUtf8(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return new ByteArrayInputStream(out.toByteArray());
    }

    @Test
    void findsTheHeaderBelowTheTitleAndTellsEncodingAndDelimiter() {
        try (BankCsvReader reader = BankCsvReader.open(BankFixtures.stream("kaspi-business-1251.csv"),
                BankCsvMapping.defaults())) {
            assertThat(reader.charset()).isEqualTo(Charset.forName("windows-1251"));
            assertThat(reader.delimiter()).isEqualTo(';');
            assertThat(reader.headerRow()).isEqualTo(5);
        }
    }

    @Test
    void readsDebitAndCreditColumnsWithDecimalCommasAndSpaces() {
        BankCsvMapping mapping = BankCsvMapping.defaults();

        List<BankTransaction> transactions = transactions(readAll(BankFixtures.stream("kaspi-business-1251.csv"),
                mapping));

        assertThat(transactions).extracting(BankTransaction::line, BankTransaction::number, BankTransaction::date,
                BankTransaction::amount, BankTransaction::direction).containsExactly(
                        tuple(6, "1001", LocalDate.of(2026, 3, 2), new BigDecimal("452300.00"), BankDirection.IN),
                        tuple(7, "15", LocalDate.of(2026, 3, 3), new BigDecimal("350000.00"), BankDirection.OUT),
                        tuple(8, null, LocalDate.of(2026, 3, 4), new BigDecimal("2500.00"), BankDirection.OUT),
                        tuple(9, "501", LocalDate.of(2026, 3, 4), new BigDecimal("20000.00"), BankDirection.OUT),
                        tuple(10, "3318", LocalDate.of(2026, 3, 3), new BigDecimal("14980.5"), BankDirection.OUT),
                        tuple(11, "17", LocalDate.of(2026, 3, 4), new BigDecimal("15000.00"), BankDirection.OUT));
        BankTransaction rent = transactions.get(1);
        assertThat(rent.counterparty()).isEqualTo("ТОО \"Бизнес-центр Нурлы Тау\"");
        assertThat(rent.counterpartyTaxId()).isEqualTo("050140000777");
        assertThat(rent.purpose()).isEqualTo("Оплата за аренду склада за март 2026 г.; договор №12");
        assertThat(rent.account()).isNull();
        assertThat(rent.documentKind()).isNull();
    }

    @Test
    void reportsEachMalformedRowByRowAndColumnAndSkipsTotals() {
        List<BankCsvRow> rows = readAll(BankFixtures.stream("kaspi-business-1251.csv"), BankCsvMapping.defaults());

        List<BankProblem> problems = rows.stream().flatMap(r -> r.problems().stream()).toList();
        assertThat(problems).extracting(BankProblem::line, BankProblem::field).containsExactly(
                tuple(12, "Дата"), // 31.02.2026
                tuple(13, "Дебет"), // 1 0OO,00
                tuple(14, "Дебет"), // debit and credit both
                tuple(15, "Дебет")); // neither
        assertThat(problems.get(0).message()).contains("31.02.2026");
        assertThat(problems.get(1).message()).contains("1 0OO,00");
        assertThat(problems.get(2).message()).contains("both Дебет and Кредит");
        assertThat(problems.get(3).message()).contains("neither Дебет nor Кредит");
        // the «Итого обороты» row under the transactions is the bank's sum, not a row of the statement
        assertThat(rows).extracting(BankCsvRow::row).doesNotContain(16);
    }

    @Test
    void readsASignedAmountColumnCommaDelimitedInUtf8WithAByteOrderMark() {
        String file = """
                Date,Amount,Counterparty,Purpose,Document number,Account
                2026-03-05,"-1,250.50",ТОО «Склад Сервис»,Аренда склада,88,KZ12722S000012345678
                2026-03-06,98760.5,ООО «Интернет Решения»,Выплата,,KZ12722S000012345678
                2026-03-07,0,Никто,Ничего,,KZ12722S000012345678
                """;

        List<BankCsvRow> rows = readAll(bomUtf8(file), BankCsvMapping.defaults());

        assertThat(transactions(rows)).extracting(BankTransaction::amount, BankTransaction::direction,
                BankTransaction::account, BankTransaction::counterparty).containsExactly(
                        tuple(new BigDecimal("1250.50"), BankDirection.OUT, KASPI_ACCOUNT, "ТОО «Склад Сервис»"),
                        tuple(new BigDecimal("98760.5"), BankDirection.IN, KASPI_ACCOUNT, "ООО «Интернет Решения»"));
        assertThat(rows.get(2).problems()).containsExactly(new BankProblem(4, "Amount", "a zero amount moves no "
                + "money"));
    }

    @Test
    void aMappingOfItsOwnReadsAnyLayout() {
        BankCsvMapping mapping = BankCsvMapping.builder().date("Күні").amount("Сомасы").counterparty("Контрагент")
                .purpose("Төлем мақсаты").delimiter('\t').charset(StandardCharsets.UTF_8)
                .statementAccount(KASPI_ACCOUNT).build();
        String file = "Күні\tСомасы\tКонтрагент\tТөлем мақсаты\n04.03.2026\t-3 000\tТОО «Жарнама»\tЖарнама\n";

        List<BankTransaction> transactions = transactions(readAll(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), mapping));

        assertThat(transactions).singleElement().satisfies(t -> {
            assertThat(t.amount()).isEqualByComparingTo("3000");
            assertThat(t.direction()).isEqualTo(BankDirection.OUT);
            assertThat(t.account()).isEqualTo(KASPI_ACCOUNT);
            assertThat(t.purpose()).isEqualTo("Жарнама");
        });
    }

    @Test
    void aFileWithoutTheMappedHeaderIsRefusedNamingTheColumns() {
        String file = "Когда;Сколько\n03.03.2026;100\n";

        assertThatThrownBy(() -> BankCsvReader.open(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                BankCsvMapping.defaults()))
                .isInstanceOf(BankStatementException.class)
                .hasMessageContaining("no header row among the first 30 rows")
                .hasMessageContaining("Дата");
    }

    @Test
    void aMappingNeedsADateAndAnAmountOrBothDebitAndCredit() {
        assertThatThrownBy(() -> BankCsvMapping.builder().amount("Сумма").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date");
        assertThatThrownBy(() -> BankCsvMapping.builder().date("Дата").debit("Дебет").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("debit and the credit");
        assertThatThrownBy(() -> BankCsvMapping.builder().date("Дата").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");
    }
}
