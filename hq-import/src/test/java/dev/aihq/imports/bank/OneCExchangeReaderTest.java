package dev.aihq.imports.bank;

import static dev.aihq.imports.bank.BankFixtures.HALYK_ACCOUNT;
import static dev.aihq.imports.bank.BankFixtures.KASPI_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OneCExchangeReader}: every section type, both countries' keys, the encodings, every malformed case. */
class OneCExchangeReaderTest {

    private static List<OneCRecord> readAll(InputStream in) {
        try (OneCExchangeReader reader = OneCExchangeReader.open(in)) {
            List<OneCRecord> records = new ArrayList<>();
            for (OneCRecord record = reader.next(); record != null; record = reader.next()) {
                records.add(record);
            }
            return records;
        }
    }

    private static <T> List<T> only(List<OneCRecord> records, Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static InputStream text(String text, Charset charset) {
        return new ByteArrayInputStream(text.getBytes(charset));
    }

    @Test
    void readsTheHeaderOfAWindows1251File() {
        try (OneCExchangeReader reader = OneCExchangeReader.open(BankFixtures.stream("statement-1251.txt"))) {
            OneCHeader header = reader.header();

            assertThat(header.charset()).isEqualTo(Charset.forName("windows-1251"));
            assertThat(header.formatVersion()).isEqualTo("1.03");
            assertThat(header.declaredEncoding()).isEqualTo("Windows");
            assertThat(header.sender()).isEqualTo("Kaspi Business");
            assertThat(header.receiver()).isEqualTo("1С:Бухгалтерия для Казахстана");
            assertThat(header.created()).isEqualTo(LocalDate.of(2026, 3, 5));
            assertThat(header.createdTime()).isEqualTo("10:15:42");
            assertThat(header.start()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(header.end()).isEqualTo(LocalDate.of(2026, 3, 4));
            assertThat(header.accounts()).containsExactly(KASPI_ACCOUNT, HALYK_ACCOUNT);
            assertThat(header.documentKinds()).containsExactly("Платежное поручение", "Банковский ордер",
                    "Мемориальный ордер", "Платежное требование", "Инкассовое поручение");
            assertThat(header.problems()).isEmpty();
        }
    }

    @Test
    void readsBothAccountSectionsWithTheirBalances() {
        List<OneCAccountSection> sections = only(readAll(BankFixtures.stream("statement-1251.txt")),
                OneCAccountSection.class);

        assertThat(sections).extracting(OneCAccountSection::line, OneCAccountSection::account,
                OneCAccountSection::start, OneCAccountSection::end).containsExactly(
                        tuple(17, KASPI_ACCOUNT, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 4)),
                        tuple(26, HALYK_ACCOUNT, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 4)));
        OneCAccountSection kaspi = sections.get(0);
        assertThat(kaspi.openingBalance()).isEqualByComparingTo("1250000.00");
        assertThat(kaspi.totalIn()).isEqualByComparingTo("1237300.00");
        assertThat(kaspi.totalOut()).isEqualByComparingTo("372500.00");
        assertThat(kaspi.closingBalance()).isEqualByComparingTo("2114800.00");
        assertThat(kaspi.openingBalance().add(kaspi.totalIn()).subtract(kaspi.totalOut()))
                .isEqualByComparingTo(kaspi.closingBalance());
    }

    @Test
    void readsEveryDocumentKindWithItsDirection() {
        List<OneCRecord> records = readAll(BankFixtures.stream("statement-1251.txt"));

        assertThat(only(records, OneCRejected.class)).isEmpty();
        assertThat(only(records, OneCDocument.class))
                .extracting(OneCDocument::line, OneCDocument::kind, OneCDocument::number, OneCDocument::amount,
                        OneCDocument::direction)
                .containsExactly(
                        tuple(35, "Платежное поручение", "1001", new BigDecimal("452300.00"), BankDirection.IN),
                        tuple(61, "Платежное поручение", "15", new BigDecimal("350000.00"), BankDirection.OUT),
                        tuple(86, "Банковский ордер", "77", new BigDecimal("2500.00"), BankDirection.OUT),
                        tuple(105, "Мемориальный ордер", "501", new BigDecimal("20000.00"), BankDirection.OUT),
                        tuple(124, "Платежное требование", "3318", new BigDecimal("14980.00"), BankDirection.OUT),
                        tuple(148, "Инкассовое поручение", "9", new BigDecimal("64500.00"), BankDirection.OUT),
                        tuple(163, "Платежное поручение", "884213", new BigDecimal("200000.00"), BankDirection.IN),
                        tuple(188, "Платежное поручение", "16", new BigDecimal("80000.00"), BankDirection.INTERNAL),
                        tuple(212, "Платежное поручение", "17", new BigDecimal("15000.00"), BankDirection.OUT));
    }

    @Test
    void readsKazakhAndRussianPartyKeys() {
        List<OneCDocument> documents = only(readAll(BankFixtures.stream("statement-1251.txt")), OneCDocument.class);

        // Kazakh: БИН/ИИН, name from Плательщик1 (with its « » quotes), debit and credit dates
        OneCDocument payout = documents.get(0);
        assertThat(payout.payer()).isEqualTo(new BankParty("АО «Kaspi Bank»", "KZ10722S000000000001",
                "971240000001", null, "АО \"Kaspi Bank\"", "CASPKZKA"));
        assertThat(payout.payee().account()).isEqualTo(KASPI_ACCOUNT);
        assertThat(payout.payee().taxId()).isEqualTo("880512400123");
        assertThat(payout.date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(payout.credited()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(payout.debited()).isNull();
        // Russian: ИНН and КПП, the bank and БИК
        OneCDocument delivery = documents.get(4);
        assertThat(delivery.payee()).isEqualTo(new BankParty("ООО \"Быстрая Логистика\"", "40702810900000012345",
                "7701234567", "770101001", "ПАО СБЕРБАНК", "044525225"));
        OneCDocument wildberries = documents.get(6);
        assertThat(wildberries.payer().taxId()).isEqualTo("7700000001");
        assertThat(wildberries.payer().kpp()).isEqualTo("500301001");
        // keys the reader has no field for are kept as written
        assertThat(delivery.fields()).containsEntry("ПолучательКорсчет", "30101810400000000225")
                .containsEntry("УсловиеОплаты1", "с акцептом").containsEntry("Очередность", "5");
        assertThat(documents.get(5).fields()).containsEntry("КБК", "101202").containsEntry("КодНазПлатежа", "911");
    }

    @Test
    void joinsThePurposeFromItsNumberedLines() {
        List<OneCDocument> documents = only(readAll(BankFixtures.stream("statement-1251.txt")), OneCDocument.class);

        assertThat(documents.get(3).purpose()).isEqualTo("Комиссия за продажу товаров в Kaspi Магазин по договору "
                + "присоединения за период 01.03.2026-03.03.2026");
        assertThat(documents.get(1).purpose()).isEqualTo("Оплата за аренду склада за март 2026 г. по договору №12 от "
                + "01.01.2026, без НДС");
    }

    @Test
    void seesTheTransactionFromTheStatementsSide() {
        List<OneCDocument> documents = only(readAll(BankFixtures.stream("statement-1251.txt")), OneCDocument.class);

        BankTransaction in = documents.get(0).toTransaction();
        assertThat(in.account()).isEqualTo(KASPI_ACCOUNT);
        assertThat(in.counterparty()).isEqualTo("АО «Kaspi Bank»");
        assertThat(in.counterpartyTaxId()).isEqualTo("971240000001");
        assertThat(in.documentKind()).isEqualTo("Платежное поручение");
        BankTransaction out = documents.get(4).toTransaction();
        assertThat(out.account()).isEqualTo(HALYK_ACCOUNT);
        assertThat(out.counterparty()).isEqualTo("ООО \"Быстрая Логистика\"");
        assertThat(out.counterpartyAccount()).isEqualTo("40702810900000012345");
    }

    @Test
    void readsADosFileInCp866() {
        try (OneCExchangeReader reader = OneCExchangeReader.open(BankFixtures.stream("statement-cp866.txt"))) {
            assertThat(reader.header().charset()).isEqualTo(Charset.forName("IBM866"));
            assertThat(reader.header().declaredEncoding()).isEqualTo("DOS");
            assertThat(reader.header().sender()).isEqualTo("Бухгалтерия предприятия, редакция 3.0");
            assertThat(reader.header().receiver()).isNull();
        }
        List<OneCDocument> documents = only(readAll(BankFixtures.stream("statement-cp866.txt")), OneCDocument.class);
        assertThat(documents).extracting(d -> d.payer().name(), OneCDocument::amount, OneCDocument::direction)
                .containsExactly(tuple("ООО \"ИНТЕРНЕТ РЕШЕНИЯ\"", new BigDecimal("98760.50"), BankDirection.IN),
                        tuple("Индивидуальный предприниматель Смирнов Олег Петрович", new BigDecimal("4120.00"),
                                BankDirection.OUT));
    }

    @Test
    void aUtf8FileWithAByteOrderMarkIsReadAsUtf8WhateverItsEncodingLineSays() {
        try (OneCExchangeReader reader = OneCExchangeReader.open(BankFixtures.stream("statement-utf8-bom.txt"))) {
            assertThat(reader.header().charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(reader.header().declaredEncoding()).isEqualTo("Windows");
            assertThat(reader.header().accounts()).containsExactly(HALYK_ACCOUNT);
        }
        List<OneCDocument> documents = only(readAll(BankFixtures.stream("statement-utf8-bom.txt")),
                OneCDocument.class);
        assertThat(documents).extracting(OneCDocument::kind, OneCDocument::number, OneCDocument::direction)
                .containsExactly(tuple("Платежное требование", "3318", BankDirection.OUT),
                        tuple("Платежное поручение", "884213", BankDirection.IN));
    }

    @Test
    void utf8WithoutAByteOrderMarkIsRecognisedToo() {
        try (OneCExchangeReader reader = OneCExchangeReader.open(BankFixtures.stream("malformed-utf8.txt"))) {
            assertThat(reader.header().charset()).isEqualTo(StandardCharsets.UTF_8);
        }
    }

    @Test
    void reportsEachMalformedDocumentByLineAndKeyAndReadsTheValidOnes() {
        List<OneCRecord> records = readAll(BankFixtures.stream("malformed-utf8.txt"));

        assertThat(only(records, OneCDocument.class)).extracting(OneCDocument::number)
                .containsExactly("20", "27");
        assertThat(only(records, OneCRejected.class)).flatExtracting(OneCRejected::problems)
                .extracting(BankProblem::line, BankProblem::field)
                .containsExactly(
                        tuple(24, "Сумма"), // missing: the document's first line
                        tuple(37, "Дата"), // 31.02.2026
                        tuple(50, "Сумма"), // 12O0.00
                        tuple(62, "Сумма"), // -500.00
                        tuple(81, "ДатаСписано"), // 2026/13/45
                        tuple(84, "КонецДокумента")); // the next СекцияДокумент comes first
        List<BankProblem> problems = only(records, OneCRejected.class).stream()
                .flatMap(r -> r.problems().stream()).toList();
        assertThat(problems.get(0).message()).contains("missing");
        assertThat(problems.get(1).message()).contains("31.02.2026");
        assertThat(problems.get(2).message()).contains("12O0.00");
        assertThat(problems.get(3).message()).contains("above zero");
        assertThat(problems.get(5).message()).contains("line 84").contains("line 95");
    }

    @Test
    void aFileWithoutTheFirstLineIsNotA1CExchangeFile() {
        assertThatThrownBy(() -> OneCExchangeReader.open(text("Дата;Сумма\n03.03.2026;100\n", StandardCharsets.UTF_8)))
                .isInstanceOf(BankStatementException.class)
                .hasMessage("not a 1CClientBankExchange file: its first line is «Дата;Сумма», where the 1C "
                        + "client-bank exchange format starts with 1CClientBankExchange");
        assertThatThrownBy(() -> OneCExchangeReader.open(text("", StandardCharsets.UTF_8)))
                .isInstanceOf(BankStatementException.class)
                .hasMessage("not a 1CClientBankExchange file: it is empty");
    }

    @Test
    void aFileCutShortIsReportedOnceAfterItsDocuments() {
        String file = """
                1CClientBankExchange
                РасчСчет=KZ12722S000012345678
                СекцияДокумент=Банковский ордер
                Номер=1
                Дата=01.03.2026
                Сумма=100.00
                ПлательщикСчет=KZ12722S000012345678
                НазначениеПлатежа=Комиссия банка
                КонецДокумента
                """;

        List<OneCRecord> records = readAll(text(file, StandardCharsets.UTF_8));

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isInstanceOf(OneCDocument.class);
        assertThat(((OneCRejected) records.get(1)).problems())
                .containsExactly(new BankProblem(9, "КонецФайла", "the file ends without КонецФайла: it may be cut "
                        + "short"));
    }

    @Test
    void aWrappedValueContinuesOnTheNextLineAndUnknownKeysAreNoErrors() {
        String file = """
                1CClientBankExchange
                ВерсияФормата=1.03
                НовыйКлючЗаголовка=что-то
                РасчСчет=40802810500000001234
                СекцияДокумент=Платежное поручение
                Номер=7
                Дата=05.03.2026
                Сумма=1 250,50
                ПлательщикРасчСчет=40802810500000001234
                Получатель1=ООО "Склад"
                НазначениеПлатежа=Оплата хранения товаров
                на складе за февраль
                КлючКоторогоНетВСтандарте=значение
                КонецДокумента
                КонецФайла
                """;

        try (OneCExchangeReader reader = OneCExchangeReader.open(text(file, StandardCharsets.UTF_8))) {
            assertThat(reader.header().other()).containsEntry("НовыйКлючЗаголовка", "что-то");
            OneCDocument document = (OneCDocument) reader.next();
            assertThat(document.purpose()).isEqualTo("Оплата хранения товаров на складе за февраль");
            assertThat(document.amount()).isEqualByComparingTo("1250.50");
            assertThat(document.direction()).isEqualTo(BankDirection.OUT);
            assertThat(document.fields()).containsEntry("КлючКоторогоНетВСтандарте", "значение");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void theBanksDatesGiveTheDirectionWhenTheFileListsNoAccount() {
        String file = """
                1CClientBankExchange
                СекцияДокумент=Платежное поручение
                Номер=1
                Дата=05.03.2026
                Сумма=10.00
                ДатаПоступило=05.03.2026
                КонецДокумента
                СекцияДокумент=Платежное поручение
                Номер=2
                Дата=05.03.2026
                Сумма=10.00
                ДатаСписано=05.03.2026
                КонецДокумента
                СекцияДокумент=Платежное поручение
                Номер=3
                Дата=05.03.2026
                Сумма=10.00
                КонецДокумента
                КонецФайла
                """;

        assertThat(only(readAll(text(file, StandardCharsets.UTF_8)), OneCDocument.class))
                .extracting(OneCDocument::direction)
                .containsExactly(BankDirection.IN, BankDirection.OUT, BankDirection.UNKNOWN);
    }
}
