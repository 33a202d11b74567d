package dev.aihq.connectors.wb.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;

class WbReportParserTest {

    private final WbReportParser parser = new WbReportParser();

    static WbReportPage fixture(String name) {
        try (InputStream in = WbReportParserTest.class.getResourceAsStream("/wb/report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return new WbReportParser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsAWeekOfTheReportWithEveryFieldTheAccountantNeeds() {
        WbReportPage page = fixture("week-2025-06-09.json");

        assertThat(page.problems()).isEmpty();
        assertThat(page.rows()).hasSize(11);
        assertThat(page.lastRrdId()).isEqualTo(2900000111L);
        WbReportRow sale = page.rows().get(0);
        assertThat(sale.rrdId()).isEqualTo(2900000101L);
        assertThat(sale.realizationreportId()).isEqualTo(345678901L);
        assertThat(sale.dateFrom()).isEqualTo(LocalDate.of(2025, 6, 9));
        assertThat(sale.dateTo()).isEqualTo(LocalDate.of(2025, 6, 15));
        assertThat(sale.createDt()).isEqualTo(Instant.parse("2025-06-15T21:00:00Z"));
        assertThat(sale.currencyName()).isEqualTo("руб");
        assertThat(sale.docTypeName()).isEqualTo("Продажа");
        assertThat(sale.supplierOperName()).isEqualTo("Продажа");
        // "2025-06-10T00:00:00Z" is Moscow midnight: 21:00 UTC the day before.
        assertThat(sale.saleDt()).isEqualTo(Instant.parse("2025-06-09T21:00:00Z"));
        assertThat(sale.orderDt()).isEqualTo(Instant.parse("2025-06-06T21:00:00Z"));
        assertThat(sale.rrDt()).isEqualTo(Instant.parse("2025-06-09T21:00:00Z"));
        assertThat(sale.srid()).isEqualTo("4f3c2a1b9e8d7c6b5a4f3e2d1c0b9a8f");
        assertThat(sale.nmId()).isEqualTo(187654321L);
        assertThat(sale.saName()).isEqualTo("FUT-BLK-M");
        assertThat(sale.tsName()).isEqualTo("M");
        assertThat(sale.barcode()).isEqualTo("2041234567890");
        assertThat(sale.subjectName()).isEqualTo("Футболки");
        assertThat(sale.brandName()).isEqualTo("Северный лён");
        assertThat(sale.quantity()).isEqualByComparingTo("1");
        assertThat(sale.retailPrice()).isEqualByComparingTo("1990");
        assertThat(sale.retailAmount()).isEqualByComparingTo("1250.00");
        assertThat(sale.retailPriceWithdiscRub()).isEqualByComparingTo("1393");
        assertThat(sale.salePercent()).isEqualByComparingTo("30");
        assertThat(sale.commissionPercent()).isEqualByComparingTo("19.5");
        assertThat(sale.ppvzSalesCommission()).isEqualByComparingTo("185.37");
        assertThat(sale.ppvzVw()).isEqualByComparingTo("185.37");
        assertThat(sale.ppvzVwNds()).isEqualByComparingTo("37.07");
        assertThat(sale.ppvzForPay()).isEqualByComparingTo("1008.81");
        assertThat(sale.acquiringFee()).isEqualByComparingTo("18.75");
        assertThat(sale.siteCountry()).isEqualTo("Россия");
        assertThat(sale.deliveryMethod()).isEqualTo("FBS, (МГТ)");
        assertThat(sale.bonusTypeName()).isNull(); // "" is no value

        WbReportRow fine = page.rows().get(8);
        assertThat(fine.supplierOperName()).isEqualTo("Штраф");
        assertThat(fine.penalty()).isEqualByComparingTo("300");
        assertThat(fine.bonusTypeName()).isEqualTo("Штраф за отсутствие маркировки");
        WbReportRow storage = page.rows().get(9);
        assertThat(storage.orderDt()).isNull();
        assertThat(storage.storageFee()).isEqualByComparingTo("42.37");
    }

    @Test
    void anEmptyPageHasNoRowsAndNoCursor() {
        WbReportPage page = fixture("empty.json");

        assertThat(page.rows()).isEmpty();
        assertThat(page.problems()).isEmpty();
        assertThat(page.lastRrdId()).isNull();
        assertThat(page.empty()).isTrue();
    }

    @Test
    void brokenRowsAreNamedAndTheValidOnesKept() {
        WbReportPage page = fixture("broken-rows.json");

        assertThat(page.rows()).extracting(WbReportRow::rrdId).containsExactly(2900000101L, 2900000105L);
        assertThat(page.problems()).containsExactly(
                new WbReportProblem(1, null, "rrd_id", "missing; the row cannot be identified"),
                new WbReportProblem(2, 2900000103L, "retail_price", "not a number: \"abc\""),
                new WbReportProblem(3, 2900000104L, "sale_dt", "not a date: \"14.06.2025\""));
        assertThat(page.problems().get(2)).hasToString("row 3 (rrd_id 2900000104), sale_dt: not a date: \"14.06.2025\"");
        // The cursor is the last row WB delivered, so paging goes on after the broken rows.
        assertThat(page.lastRrdId()).isEqualTo(2900000105L);
        assertThat(page.empty()).isFalse();
    }

    @Test
    void everyBadFieldOfARowIsReported() {
        WbReportPage page = parser.parse("[{\"rrd_id\": 7, \"retail_amount\": \"1 250,00\", \"ppvz_for_pay\": true,"
                + " \"rr_dt\": \"2025-13-01\", \"nm_id\": 1.5, \"sa_name\": {\"a\": 1}}]");

        assertThat(page.rows()).isEmpty();
        assertThat(page.problems()).extracting(WbReportProblem::field)
                .containsExactlyInAnyOrder("retail_amount", "ppvz_for_pay", "rr_dt", "nm_id", "sa_name");
        assertThat(page.problems()).allSatisfy(problem -> {
            assertThat(problem.rowIndex()).isZero();
            assertThat(problem.rrdId()).isEqualTo(7L);
        });
        assertThat(page.lastRrdId()).isEqualTo(7L);
    }

    @Test
    void numbersAsTextNullsAndUnknownFieldsAreAccepted() {
        WbReportPage page = parser.parse("[{\"rrd_id\": \"12\", \"retail_amount\": \"1250.50\", \"penalty\": null,"
                + " \"sa_name\": 4711, \"something_new\": [1, {\"x\": 2}]}, 5]");

        assertThat(page.rows()).singleElement().satisfies(row -> {
            assertThat(row.rrdId()).isEqualTo(12L);
            assertThat(row.retailAmount()).isEqualByComparingTo("1250.50");
            assertThat(row.penalty()).isNull();
            assertThat(row.saName()).isEqualTo("4711");
        });
        assertThat(page.problems()).containsExactly(new WbReportProblem(1, null, "row", "not a JSON object but number"));
    }

    @Test
    void moneyKeepsItsDecimalsExactly() {
        WbReportPage page = parser.parse("[{\"rrd_id\": 1, \"ppvz_for_pay\": 0.1, \"retail_amount\": 12345678901234.57}]");

        assertThat(page.rows().get(0).ppvzForPay()).isEqualTo("0.1");
        assertThat(page.rows().get(0).retailAmount()).isEqualTo("12345678901234.57");
    }

    @Test
    void aBodyThatIsNoArrayOrBreaksOffIsRefused() {
        assertThatThrownBy(() -> parser.parse("{\"rrd_id\": 1}"))
                .isInstanceOf(WbReportFormatException.class).hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> parser.parse(""))
                .isInstanceOf(WbReportFormatException.class).hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> parser.parse("[{\"rrd_id\": 1}, {\"rrd_id\": 2, \"retail_amount\": 1"))
                .isInstanceOf(WbReportFormatException.class).hasMessageContaining("after 1 rows");
        assertThatThrownBy(() -> parser.parse("[] []"))
                .isInstanceOf(WbReportFormatException.class).hasMessageContaining("content after");
    }

    @Test
    void datesAreMoscowTimeUnlessAnotherOffsetIsWritten() {
        assertThat(WbReportParser.moscowInstant("2025-06-10")).isEqualTo(Instant.parse("2025-06-09T21:00:00Z"));
        assertThat(WbReportParser.moscowInstant("2025-06-10T12:30:00")).isEqualTo(Instant.parse("2025-06-10T09:30:00Z"));
        assertThat(WbReportParser.moscowInstant("2025-06-10T12:30:00Z")).isEqualTo(Instant.parse("2025-06-10T09:30:00Z"));
        assertThat(WbReportParser.moscowInstant("2025-06-10T12:30:00.123+03:00"))
                .isEqualTo(Instant.parse("2025-06-10T09:30:00.123Z"));
        assertThat(WbReportParser.moscowInstant("2025-06-10T12:30:00+05:00")).isEqualTo(Instant.parse("2025-06-10T07:30:00Z"));
        assertThat(WbReportParser.moscowInstant("2025-06-10 12:30:00")).isEqualTo(Instant.parse("2025-06-10T09:30:00Z"));
    }

    @Test
    void aPageOf100000RowsIsStreamed() {
        int count = 100_000;
        // The page is produced while it is read: it never exists whole, as a string or as a tree.
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next <= count;
            }

            @Override
            public InputStream nextElement() {
                String text;
                if (next == -1) {
                    text = "[";
                } else if (next == count) {
                    text = "]";
                } else {
                    text = (next == 0 ? "" : ",") + row(next);
                }
                next++;
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        };

        WbReportPage page = parser.parse(new SequenceInputStream(parts));

        assertThat(page.problems()).isEmpty();
        assertThat(page.rows()).hasSize(count);
        assertThat(page.lastRrdId()).isEqualTo(3_000_000_000L + count - 1);
        assertThat(page.rows().get(count - 1).retailAmount()).isEqualByComparingTo("1099.00");
    }

    private static String row(int i) {
        boolean sale = i % 3 != 2;
        return "{\"realizationreport_id\":345678901,\"date_from\":\"2025-06-09\",\"date_to\":\"2025-06-15\","
                + "\"create_dt\":\"2025-06-16\",\"currency_name\":\"руб\",\"rrd_id\":" + (3_000_000_000L + i)
                + ",\"subject_name\":\"Футболки\",\"nm_id\":" + (187_000_000 + i % 500) + ",\"brand_name\":\"Северный лён\","
                + "\"sa_name\":\"SKU-" + (i % 500) + "\",\"ts_name\":\"M\",\"barcode\":\"20412345" + (10_000 + i % 500) + "\","
                + "\"doc_type_name\":\"" + (sale ? "Продажа" : "") + "\",\"quantity\":" + (sale ? 1 : 0)
                + ",\"retail_price\":1990,\"retail_amount\":" + (sale ? 1000 + i % 100 + ".00" : "0")
                + ",\"supplier_oper_name\":\"" + (sale ? "Продажа" : "Логистика") + "\","
                + "\"order_dt\":\"2025-06-08T00:00:00Z\",\"sale_dt\":\"2025-06-1" + (i % 6) + "T00:00:00Z\","
                + "\"rr_dt\":\"2025-06-1" + (i % 6) + "\",\"delivery_rub\":" + (sale ? "0" : "76.00")
                + ",\"ppvz_for_pay\":" + (sale ? "800.50" : "0") + ",\"ppvz_vw\":150.1,\"ppvz_vw_nds\":30.02,"
                + "\"penalty\":0,\"additional_payment\":0,\"storage_fee\":0,\"deduction\":0,\"acceptance\":0,"
                + "\"srid\":\"" + Integer.toHexString(i) + "abcdef0123456789\",\"delivery_method\":\"FBS, (МГТ)\"}";
    }
}
