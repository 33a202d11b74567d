package dev.aihq.agents.legal.document;

import static dev.aihq.agents.legal.document.LegalCases.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.agents.legal.knowledge.ShippedKnowledgeBase;
import dev.aihq.agents.legal.rules.AppliedRule;
import dev.aihq.agents.legal.rules.RuleConclusion;
import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.Marketplace;
import dev.aihq.api.Money;
import dev.aihq.api.document.ResolvedDocuments;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.legal.Passage;
import dev.aihq.api.result.CanContest;
import dev.aihq.api.shop.LegalForm;
import dev.aihq.api.shop.Shop;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemplateDraftWriterTest {

    private static final TemplateDraftWriter WRITER = TemplateDraftWriter.create();
    private static final LegalTemplates TEMPLATES = LegalTemplates.shipped();

    // ------------------------------------------------------------------ helpers

    /** The document's lines. */
    private static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    /** Asserts every heading of the template is a line of the document, in the template's order. */
    private static void assertHeadingsInOrder(String document, LegalTemplates.Template template, SalesLanguage language) {
        List<String> lines = lines(document);
        int from = 0;
        for (String heading : template.headings(language)) {
            int at = lines.subList(from, lines.size()).indexOf(heading);
            assertThat(at).as("heading '%s' after line %d of%n%s", heading, from, document).isGreaterThanOrEqualTo(0);
            from += at + 1;
        }
    }

    /** The lines of a section: from after its heading to the next heading of the template. */
    private static String section(String document, LegalTemplates.Template template, SalesLanguage language,
            String sectionId) {
        List<String> headings = template.headings(language);
        String heading = template.section(sectionId).heading(language);
        List<String> lines = lines(document);
        int start = lines.indexOf(heading) + 1;
        int end = start;
        while (end < lines.size() && !headings.contains(lines.get(end))) {
            end++;
        }
        return String.join("\n", lines.subList(start, end));
    }

    private static final Pattern MONEY = Pattern.compile("(?<!\\d)(\\d{1,3}(?: \\d{3})+)(?= (?:KZT|RUB))");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private static Set<String> digitGroups(String text) {
        Set<String> groups = new java.util.HashSet<>();
        Matcher m = DIGITS.matcher(text);
        while (m.find()) {
            groups.add(m.group());
        }
        return groups;
    }

    /**
     * Asserts every number in the document appears in the input: the event (its fields, documents, dates, stats and
     * amount), the named amounts, the conclusion's deadline, the rule ids and titles cited and the passages' titles,
     * the seller's details. Relaxed only for the document's own date (today) and the attachments' numbers.
     */
    private static void assertEveryNumberComesFromTheInput(DraftInput input, String document) {
        StringBuilder source = new StringBuilder(input.event().toString());
        input.amounts().forEach((k, v) -> source.append(' ').append(k).append(' ').append(v.amount().toPlainString()));
        if (input.event().amount() != null) {
            source.append(' ').append(input.event().amount().amount().toPlainString());
        }
        if (input.conclusion().deadline() != null) {
            source.append(' ').append(input.conclusion().deadline());
        }
        for (AppliedRule r : input.conclusion().rules()) {
            source.append(' ').append(r.id()).append(' ').append(r.title());
            ShippedKnowledgeBase.shipped().entries().stream().filter(k -> k.ruleId().equalsIgnoreCase(r.id()))
                    .forEach(k -> source.append(' ').append(k.title()));
        }
        for (AppliedRule r : input.conclusion().context()) {
            source.append(' ').append(r.id()).append(' ').append(r.title());
        }
        for (Passage p : input.passages()) {
            source.append(' ').append(p.entry().ruleId()).append(' ').append(p.entry().title());
        }
        source.append(' ').append(input.seller());
        Set<String> allowed = digitGroups(source.toString());

        String checked = document.replace(
                java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").format(input.today()), "")
                .replaceAll("(?m)^\\d+\\. ", "");
        Matcher money = MONEY.matcher(checked);
        StringBuilder normalised = new StringBuilder();
        while (money.find()) {
            money.appendReplacement(normalised, money.group(1).replace(" ", ""));
        }
        money.appendTail(normalised);
        List<String> invented = new ArrayList<>();
        for (String group : digitGroups(normalised.toString())) {
            if (!allowed.contains(group)) {
                invented.add(group);
            }
        }
        assertThat(invented).as("numbers not in the input, in%n%s", document).isEmpty();
    }

    private static LegalTexts write(DraftInput input) {
        LegalTexts texts = WRITER.write(input);
        assertThat(texts.document()).startsWith(input.language() == SalesLanguage.KK
                ? "ҮЛГІ БОЙЫНША ЖОБА: ЖИ-модельсіз" : "ЧЕРНОВИК ПО ШАБЛОНУ: заполнен автоматически без ИИ-модели");
        LegalTemplates.Template template = TEMPLATES.template(input.conclusion().templateId());
        assertHeadingsInOrder(texts.document(), template, input.language());
        for (String heading : template.requiredHeadings(input.language())) {
            assertThat(texts.document()).contains(heading);
        }
        assertEveryNumberComesFromTheInput(input, texts.document());
        return texts;
    }

    // ------------------------------------------------------------------ worked cases

    @Test
    void p1NeverPresentsTheInternalTargetAsRequiredAndRecommendsItAsTheShopsOwn() {
        DraftInput input = LegalCases.p1Input();
        assertThat(input.conclusion().templateId()).isEqualTo("T1");
        LegalTexts texts = write(input);

        String doc = texts.document();
        assertThat(doc).doesNotContain("13.03.2026").doesNotContain("3 дн").doesNotContain("3 календар")
                .doesNotContain("KASPI.MEASURE.OBJECTION").doesNotContainIgnoringCase("в течение 3");
        assertThat(doc).contains("Kaspi.kz, служба поддержки продавцов").doesNotContain("АО «Kaspi");
        assertThat(doc).contains("отключение магазина, срок 7 дн., с 10.03.2026 по 17.03.2026")
                .contains("Дата уведомления: 10.03.2026 09:00 (UTC+05:00)")
                .contains("Заказов за последние 30 дней: 100").contains("Отмен, засчитанных по вине продавца: 6")
                .contains("KASPI.Q3022").contains("KASPI.Q2184")
                .contains("Документ «chat_orders_3.png»: «3 покупателя сами попросили отменить заказы 512, 518, 533");
        assertThat(doc).contains("Магазин: kaspi_1001 (kaspi)").contains("Дата: 10.03.2026");

        assertThat(texts.recommendation()).contains("Внутренний ориентир магазина: до 13.03.2026")
                .contains("Это не требование маркетплейса и не требование закона")
                .contains("до окончания меры (17.03.2026)")
                .contains("специализированный межрайонный экономический суд").contains("KZ.CPC.pretrial")
                .contains("Приложите: kaspi_push.txt, chat_orders_3.png, orders_export.csv");
        assertThat(texts.analysis()).contains("Можно ли оспорить: частично.").contains("Минимальный уровень риска: средний.")
                .contains("Внутренний ориентир магазина: до 13.03.2026").contains("не требование закона")
                .contains("KASPI.MEASURE.OBJECTION").contains("внутренний ориентир магазина, не правило");
    }

    @Test
    void p2ClaimsTheComputedCompensationAndStatesTheReturnAct() {
        DraftInput input = LegalCases.p2Input();
        assertThat(input.conclusion().templateId()).isEqualTo("T2");
        LegalTexts texts = write(input);
        LegalTemplates.Template t2 = TEMPLATES.template("T2");

        String amount = section(texts.document(), t2, SalesLanguage.RU, "amount");
        assertThat(amount).contains("Компенсация при повреждении одной стороны: 86 997 KZT")
                .contains("Компенсация, если повреждена только фирменная упаковка: 28 999 KZT")
                .contains("Сумма по событию: 289 990 KZT");
        assertThat(section(texts.document(), t2, SalesLanguage.RU, "receipt"))
                .contains("Товар получен продавцом: 03.03.2026 10:00 (UTC+05:00)")
                .contains("Доставка: по городу").contains("В акте возврата нет отметки о повреждении.");
        assertThat(texts.document()).contains("Заказ: KSP-778812").contains("KASPI.DELIVERY.CLAIM");
        assertThat(texts.analysis()).contains("Срок: до 04.03.2026 10:00 (UTC+05:00) — по правилу KASPI.DELIVERY.CLAIM")
                .contains("Минимальный уровень риска: высокий.");
        assertThat(texts.recommendation()).contains("04.03.2026 10:00").contains("экономический суд");
    }

    @Test
    void p3RepliesToTheBuyerCitingTheExceptionAndTheReplyDeadline() {
        DraftInput input = LegalCases.p3Input();
        assertThat(input.conclusion().templateId()).isEqualTo("T7");
        LegalTexts texts = write(input);
        LegalTemplates.Template t7 = TEMPLATES.template("T7");

        assertThat(texts.document()).contains("Кому: Покупателю по заказу KSP-901144")
                .contains("Претензия получена: 02.03.2026");
        String basis = section(texts.document(), t7, SalesLanguage.RU, "legal_basis");
        assertThat(basis).contains("KZ.CPL.30.1").contains("KZ.CPL.42-4").contains("12.03.2026");
        assertThat(section(texts.document(), t7, SalesLanguage.RU, "decision"))
                .contains("есть основания отказать");
        assertThat(texts.recommendation()).contains("районный суд общей юрисдикции").contains("KZ.CPL.court")
                .doesNotContain("экономический");
    }

    @Test
    void p4SaysTheSevenDayPeriodComesFromASecondarySourceToVerify() {
        DraftInput input = LegalCases.p4Input();
        assertThat(input.conclusion().templateId()).isEqualTo("T5");
        LegalTexts texts = write(input);
        LegalTemplates.Template t5 = TEMPLATES.template("T5");

        String window = section(texts.document(), t5, SalesLanguage.RU, "appeal_window");
        assertThat(window).contains("23.02.2026").contains("OZON.POINTS.APPEAL").contains("7")
                .contains("Срок взят из вторичного источника и требует проверки");
        assertThat(texts.document()).contains("Кому: ООО «Интернет Решения»").contains("Сумма по событию: 1 000 RUB")
                .doesNotContain("RU.289FZ");
        assertThat(texts.analysis()).contains("вторичного источника");
        assertThat(texts.recommendation()).contains("арбитражный суд").contains("30 календарных дней")
                .contains("RU.APK.4.5").doesNotContain("289-ФЗ");
    }

    // ------------------------------------------------------------------ header

    private static String header(DraftInput input) {
        String doc = WRITER.write(input).document();
        LegalTemplates.Template template = TEMPLATES.template(input.conclusion().templateId());
        return section(doc, template, input.language(), "header");
    }

    @Test
    void theHeaderShowsTheIdentifiersOfTheJurisdictionAndLegalForm() {
        Shop ip = LegalCases.shop("kaspi_2002", Marketplace.KASPI, LegalForm.IP);
        Shop too = LegalCases.shop("kaspi_2002", Marketplace.KASPI, LegalForm.TOO);
        String kzIp = WRITER.write(input(LegalCases.p2(ip), ip, null, Map.of())).document();
        String kzToo = WRITER.write(input(LegalCases.p2(too), too, null, Map.of())).document();
        assertThat(kzIp).contains("ИИН: [указать ИИН]").doesNotContain("БИН").contains("От: [заполнить: наименование продавца], ИП");
        assertThat(kzToo).contains("БИН: [указать БИН]").doesNotContain("ИИН").contains(", ТОО");

        Shop ooo = LegalCases.shop("ozon_4004", Marketplace.OZON, LegalForm.OOO);
        Shop ruIp = LegalCases.shop("ozon_4004", Marketplace.OZON, LegalForm.IP);
        String ruOoo = WRITER.write(input(LegalCases.p4(ooo), ooo, null, Map.of())).document();
        String ruIpDoc = WRITER.write(input(LegalCases.p4(ruIp), ruIp, null, Map.of())).document();
        assertThat(ruOoo).contains("ИНН: [указать ИНН]").contains("ОГРН: [указать ОГРН]").doesNotContain("ОГРНИП")
                .doesNotContain("КПП").doesNotContain("ИИН").doesNotContain("БИН");
        assertThat(ruIpDoc).contains("ИНН: [указать ИНН]").contains("ОГРНИП: [указать ОГРНИП]")
                .doesNotContain("ОГРН:").doesNotContain("БИН");
    }

    @Test
    void providedSellerDetailsReplaceThePlaceholders() {
        Shop too = LegalCases.p2Shop();
        LegalEvent e = LegalCases.p2(too);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("БИН", "123456789012");
        ids.put("ИНН", "7700000000");
        SellerDetails seller = new SellerDetails("ТОО «Ромашка»", ids, "г. Алматы, ул. Абая, 1", "Иванов И. И.",
                "директор", "+7 700 000 00 00");
        DraftInput in = input(e, too, null, LegalCases.p2Amounts(e), seller, LegalCases.resolved(e), List.of());
        String doc = WRITER.write(in).document();
        assertThat(doc).contains("От: ТОО «Ромашка», ТОО").contains("БИН: 123456789012").doesNotContain("7700000000")
                .contains("Адрес: г. Алматы, ул. Абая, 1").contains("____________ / Иванов И. И., директор")
                .doesNotContain("[указать").doesNotContain("наименование продавца").doesNotContain("ФИО подписанта")
                .doesNotContain("юридический адрес");
        assertThat(seller.identifiers().keySet()).containsExactly("БИН", "ИНН");
        assertThatThrownBy(() -> seller.identifiers().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertEveryNumberComesFromTheInput(in, doc);
    }

    @Test
    void aKpp_IsShownForARussianCompanyOnlyWhenGiven() {
        Shop ooo = LegalCases.p4Shop();
        LegalEvent e = LegalCases.p4(ooo);
        SellerDetails seller = new SellerDetails("ООО «Аромат»", Map.of("ИНН", "7701234567", "ОГРН", "1027700000000",
                "КПП", "770101001"), null, null, null, null);
        String doc = WRITER.write(input(e, ooo, null, Map.of(), seller, LegalCases.resolved(e), List.of())).document();
        assertThat(doc).contains("ИНН: 7701234567").contains("ОГРН: 1027700000000").contains("КПП: 770101001")
                .contains("Адрес: [заполнить: юридический адрес]");
    }

    // ------------------------------------------------------------------ court route

    @Test
    void theCourtRouteDependsOnJurisdictionAndWhoDisputes() {
        CourtRoute kzBusiness = CourtRoute.of("KZ", LegalForm.TOO, false);
        CourtRoute kzIp = CourtRoute.of("KZ", LegalForm.IP, false);
        CourtRoute kzConsumer = CourtRoute.of("KZ", LegalForm.IP, true);
        CourtRoute ruBusiness = CourtRoute.of("RU", LegalForm.OOO, false);
        CourtRoute ruConsumer = CourtRoute.of("RU", LegalForm.IP, true);
        assertThat(kzBusiness.text(SalesLanguage.RU)).contains("специализированный межрайонный экономический суд");
        assertThat(kzIp.text(SalesLanguage.RU)).isEqualTo(kzBusiness.text(SalesLanguage.RU));
        assertThat(kzConsumer.text(SalesLanguage.RU)).contains("районный суд общей юрисдикции")
                .doesNotContain("экономический");
        assertThat(ruBusiness.text(SalesLanguage.RU)).contains("арбитражный суд").contains("30 календарных дней");
        assertThat(ruBusiness.ruleIds()).containsExactly("RU.APK.4.5");
        assertThat(ruConsumer.text(SalesLanguage.RU)).contains("суд общей юрисдикции").doesNotContain("арбитраж");
        assertThat(kzBusiness.text(SalesLanguage.KK)).contains("экономикалық сот");
        assertThatThrownBy(() -> CourtRoute.of("UZ", LegalForm.IP, false)).isInstanceOf(IllegalArgumentException.class);

        ShippedKnowledgeBase kb = ShippedKnowledgeBase.shipped();
        for (CourtRoute r : List.of(kzBusiness, kzConsumer, ruBusiness, ruConsumer)) {
            for (String id : r.ruleIds()) {
                assertThat(kb.find(id)).as(id).isPresent();
            }
        }
    }

    @Test
    void aPlatformComplaintComesFirstWhenTheConclusionAppliedTheDisputeRule() {
        DraftInput p4 = LegalCases.p4Input();
        RuleConclusion c = p4.conclusion();
        List<AppliedRule> rules = new ArrayList<>(c.rules());
        rules.add(new AppliedRule("RU.289FZ.DISPUTE", dev.aihq.api.legal.LegalSourceStatus.SECONDARY, "", "289-ФЗ"));
        RuleConclusion after = new RuleConclusion(c.supported(), c.jurisdiction(), c.canContest(), c.riskFloor(),
                c.deadline(), c.deadlineOfficial(), c.deadlineStatus(), c.deadlineRuleId(), rules, c.context(),
                c.templateId(), c.notes(), c.mustNot());
        DraftInput in = new DraftInput(p4.event(), p4.shop(), after, p4.passages(), p4.documents(), p4.seller(),
                p4.amounts(), p4.history(), p4.language(), p4.today());
        assertThat(WRITER.write(in).recommendation()).contains("RU.289FZ.DISPUTE").contains("арбитражный суд");
    }

    // ------------------------------------------------------------------ documents, history, language

    @Test
    void attachmentsAreNumberedInOrderAndAnUnusableDocumentIsReportedInstead() {
        Shop shop = LegalCases.p1Shop();
        LegalEvent e = LegalCases.p1(shop);
        ResolvedDocuments docs = LegalCases.resolved(e, Set.of("chat_orders_3.png"));
        DraftInput in = input(e, shop, null, Map.of(), SellerDetails.none(), docs,
                List.of("2026-01-20: отключение за долю отмен, Kaspi отказал в пересмотре"));
        LegalTexts texts = WRITER.write(in);
        LegalTemplates.Template t1 = TEMPLATES.template("T1");
        String attachments = section(texts.document(), t1, SalesLanguage.RU, "attachments");
        assertThat(attachments).isEqualTo("1. kaspi_push.txt\n2. orders_export.csv\n");
        assertThat(texts.document()).doesNotContain("chat_orders_3.png");
        assertThat(texts.analysis()).contains("Документы, которые не удалось использовать:")
                .contains("chat_orders_3.png: images are not read; send the text of the screenshot")
                .contains("Прежние обращения магазина и ответы маркетплейса:")
                .contains("- 2026-01-20: отключение за долю отмен, Kaspi отказал в пересмотре");
        assertThat(texts.recommendation()).contains("Загрузите заново в читаемом виде: chat_orders_3.png")
                .contains("Приложите: kaspi_push.txt, orders_export.csv");
    }

    @Test
    void aKazakhShopGetsKazakhHeadingsAndWording() {
        Shop shop = LegalCases.shop("kaspi_1001", Marketplace.KASPI, LegalForm.IP, Locale.forLanguageTag("kk"));
        DraftInput in = input(LegalCases.p1(shop), shop, null, Map.of());
        assertThat(in.language()).isEqualTo(SalesLanguage.KK);
        LegalTexts texts = write(in);
        LegalTemplates.Template t1 = TEMPLATES.template("T1");
        assertThat(texts.document()).contains("Kaspi шектеу шарасына қарсылық").contains("Қосымшалар").contains("Қолы")
                .contains("Тараптардың деректемелері").contains("[ИИН көрсетіңіз]").doesNotContain("Приложения")
                .doesNotContain("Подпись").doesNotContain("13.03.2026");
        for (String heading : t1.headings(SalesLanguage.RU)) {
            assertThat(lines(texts.document())).doesNotContain(heading);
        }
        assertThat(texts.recommendation()).contains("Дүкеннің ішкі бағдары: 13.03.2026 дейін")
                .contains("Бұл маркетплейстің де, заңның да талабы емес").contains("экономикалық сот");
        assertThat(texts.analysis()).contains("Дау айтуға бола ма: ішінара.");
    }

    @Test
    void anUnsupportedConclusionDecidesNothingAndInventsNoDeadline() {
        Shop shop = LegalCases.p1Shop();
        LegalEvent e = LegalCases.event(shop, LegalEventType.MANUAL_REQUEST,
                b -> b.fineReason("Можно ли продавать б/у телефоны?"));
        RuleConclusion none = new RuleConclusion(false, "KZ", CanContest.NOT_DETERMINED, null, null, false, null, null,
                List.of(), List.of(), null, List.of("Ни одно правило не охватывает событие manual_request на маркетплейсе kaspi"), List.of());
        DraftInput in = new DraftInput(e, shop, none, List.of(), ResolvedDocuments.empty(), SellerDetails.none(),
                Map.of(), List.of(), SalesLanguage.RU, LegalCases.TODAY);
        LegalTexts texts = WRITER.write(in);
        assertThat(texts.analysis()).contains("Ни одно правило не охватывает это событие")
                .contains("ничего не решил").contains("Ни одно правило не охватывает событие manual_request на маркетплейсе kaspi")
                .doesNotContain("Срок").doesNotContain("цель").doesNotContain("Можно ли оспорить");
        assertThat(texts.document()).startsWith("ЧЕРНОВИК ПО ШАБЛОНУ").contains("Шаблон не выбран");
        assertThat(texts.recommendation()).contains("Правило для этого события не найдено").doesNotContain("Срок")
                .doesNotContain("суд");
        assertThat(digitGroups(texts.analysis() + texts.document() + texts.recommendation())).isEmpty();
    }

    @Test
    void aConclusionNamingAnUnknownTemplateFails() {
        DraftInput p1 = LegalCases.p1Input();
        RuleConclusion c = p1.conclusion();
        RuleConclusion odd = new RuleConclusion(c.supported(), c.jurisdiction(), c.canContest(), c.riskFloor(),
                c.deadline(), c.deadlineOfficial(), c.deadlineStatus(), c.deadlineRuleId(), c.rules(), c.context(),
                "T42", c.notes(), c.mustNot());
        DraftInput in = new DraftInput(p1.event(), p1.shop(), odd, p1.passages(), p1.documents(), p1.seller(),
                p1.amounts(), p1.history(), p1.language(), p1.today());
        assertThatThrownBy(() -> WRITER.write(in)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("T42");
    }

    @Test
    void everyTemplateCanBeWrittenWithAllItsHeadings() {
        DraftInput p4 = LegalCases.p4Input();
        for (String id : TEMPLATES.ids()) {
            RuleConclusion c = p4.conclusion();
            RuleConclusion other = new RuleConclusion(c.supported(), c.jurisdiction(), c.canContest(), c.riskFloor(),
                    c.deadline(), c.deadlineOfficial(), c.deadlineStatus(), c.deadlineRuleId(), c.rules(), c.context(),
                    id, c.notes(), c.mustNot());
            for (SalesLanguage language : SalesLanguage.values()) {
                DraftInput in = new DraftInput(p4.event(), p4.shop(), other, p4.passages(), p4.documents(),
                        p4.seller(), p4.amounts(), p4.history(), language, p4.today());
                LegalTexts texts = write(in);
                if (id.equals("T6")) {
                    assertThat(texts.document()).contains(language == SalesLanguage.RU ? "Подписано ЭЦП" : "ЭЦҚ");
                    assertThat(section(texts.document(), TEMPLATES.template("T6"), language, "attachments"))
                            .contains("4. ");
                }
                assertThat(texts.document()).doesNotContain("{{");
            }
        }
    }

    // ------------------------------------------------------------------ formats, inputs, texts

    @Test
    void amountsUseASpaceBetweenThousandsAndTheCurrencyCode() {
        assertThat(TemplateDraftWriter.money(Money.kzt(86997))).isEqualTo("86 997 KZT");
        assertThat(TemplateDraftWriter.money(Money.rub(1000))).isEqualTo("1 000 RUB");
        assertThat(TemplateDraftWriter.money(Money.rub(999))).isEqualTo("999 RUB");
        assertThat(TemplateDraftWriter.money(Money.of("1234567.5", Money.RUB))).isEqualTo("1 234 567,50 RUB");
        assertThat(TemplateDraftWriter.money(Money.of("-289990.05", Money.KZT))).isEqualTo("-289 990,05 KZT");
    }

    @Test
    void theInputCopiesItsCollectionsAndKeepsTheAmountsOrder() {
        DraftInput p2 = LegalCases.p2Input();
        assertThat(p2.amounts().keySet()).containsExactly("compensation_packaging", "compensation_one_side",
                "compensation_total");
        assertThatThrownBy(() -> p2.amounts().put("x", Money.kzt(1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new DraftInput(p2.event(), LegalCases.p1Shop(), p2.conclusion(), p2.passages(),
                p2.documents(), p2.seller(), p2.amounts(), p2.history(), p2.language(), p2.today()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LegalTexts("a", " ", "c")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SellerDetailsProvider.none().details(p2.shop())).isEqualTo(SellerDetails.none());
    }

    @Test
    void longDocumentsAreQuotedShortAtAWordBoundary() {
        Shop shop = LegalCases.p4Shop();
        String longText = "слово ".repeat(200);
        LegalEvent e = LegalCases.event(shop, LegalEventType.PRODUCT_BLOCK, b -> b.marketplace(Marketplace.OZON)
                .country("RU").fineReason("Товар заблокирован").date("notice_at", LegalCases.d("2026-02-16T11:00+03:00"))
                .document(new dev.aihq.api.event.LegalDocument("long.txt", longText))
                .stat("points", new BigDecimal("12.50")));
        DraftInput in = input(e, shop, null, Map.of());
        String doc = WRITER.write(in).document();
        String quoteLine = lines(doc).stream().filter(l -> l.contains("«long.txt»")).findFirst().orElseThrow();
        assertThat(quoteLine).endsWith("слово…»");
        assertThat(quoteLine.length()).isLessThan(TemplateDraftWriter.QUOTE_LENGTH + 40);
    }

    private static Properties bundle(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TemplateDraftWriterTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameTexts() throws IOException {
        Properties ru = bundle("/dev/aihq/agents/legal/templates/draft-texts.properties");
        Properties kk = bundle("/dev/aihq/agents/legal/templates/kk/draft-texts.properties");
        assertThat(kk.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(ru.stringPropertyNames());
        assertThat(DraftTexts.of(SalesLanguage.KK).keys()).isEqualTo(DraftTexts.of(SalesLanguage.RU).keys());
        for (String key : ru.stringPropertyNames()) {
            assertThat(kk.getProperty(key)).as(key).isNotBlank();
            if (!key.startsWith("addressee.") && !key.startsWith("header.identifier") && !key.equals("stat.line")
                    && !key.equals("amount.line") && !key.equals("attachment.line") && !key.equals("rule.official")
                    && !key.equals("signature.line") && !key.equals("analysis.problem") && !key.equals("header.dated")) {
                assertThat(kk.getProperty(key)).as(key).isNotEqualTo(ru.getProperty(key));
            }
        }
    }
}
