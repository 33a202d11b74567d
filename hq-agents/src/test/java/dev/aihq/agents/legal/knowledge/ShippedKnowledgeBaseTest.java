package dev.aihq.agents.legal.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.legal.KnowledgeEntry;
import dev.aihq.api.legal.KnowledgeQuery;
import dev.aihq.api.legal.LegalSourceStatus;
import dev.aihq.api.legal.Passage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShippedKnowledgeBaseTest {

    private static final ShippedKnowledgeBase KB = ShippedKnowledgeBase.shipped();

    @Test
    void should_load_the_versioned_corpus_with_every_required_field() {
        assertThat(KB.version()).isEqualTo(1);
        assertThat(KB.entries()).hasSizeGreaterThanOrEqualTo(50);
        for (KnowledgeEntry e : KB.entries()) {
            assertThat(e.ruleId()).as("rule id").isNotBlank();
            assertThat(e.title()).as(e.ruleId()).isNotBlank();
            assertThat(e.jurisdiction()).as(e.ruleId()).isIn("KZ", "RU");
            assertThat(e.sourceUrl()).as(e.ruleId()).isNotBlank();
            assertThat(e.status()).as(e.ruleId()).isNotNull();
            assertThat(e.text()).as(e.ruleId()).isNotBlank();
            if (e.marketplace() != null) {
                assertThat(e.marketplace()).as(e.ruleId())
                        .isIn(Marketplace.KASPI, Marketplace.WILDBERRIES, Marketplace.OZON);
            }
            if (Marketplace.KASPI.equals(e.marketplace())) {
                assertThat(e.jurisdiction()).as(e.ruleId()).isEqualTo("KZ");
            }
        }
        assertThat(KB.entries()).extracting(KnowledgeEntry::ruleId).doesNotHaveDuplicates()
                .contains("KASPI.DELIVERY.CLAIM", "KZ.CPL.30.1", "KZ.CPL.42-4", "KZ.CPL.14", "RU.ZPP.26.1",
                        "RU.APK.4.5", "RU.GK.333", "KZ.GK.297", "OZON.POINTS.APPEAL", "WB.FINE.DISPUTE",
                        "RU.289FZ.DISPUTE", "KASPI.MEASURE.OBJECTION");
        assertThat(KB.entries()).extracting(KnowledgeEntry::status).contains(LegalSourceStatus.OFFICIAL,
                LegalSourceStatus.SECONDARY, LegalSourceStatus.UNCONFIRMED).doesNotContain(LegalSourceStatus.INTERNAL);
    }

    @Test
    void should_carry_the_reference_status_source_and_effective_dates() {
        KnowledgeEntry claim = KB.find("KASPI.DELIVERY.CLAIM").orElseThrow();
        assertThat(claim.status()).isEqualTo(LegalSourceStatus.OFFICIAL);
        assertThat(claim.sourceUrl()).contains("q2306");
        assertThat(claim.marketplace()).isEqualTo(Marketplace.KASPI);
        assertThat(claim.text()).contains("24 час");

        KnowledgeEntry appeal = KB.find("OZON.POINTS.APPEAL").orElseThrow();
        assertThat(appeal.status()).isEqualTo(LegalSourceStatus.SECONDARY);

        KnowledgeEntry objection = KB.find("KASPI.MEASURE.OBJECTION").orElseThrow();
        assertThat(objection.status()).as("the 3-day target is not a Kaspi rule").isEqualTo(LegalSourceStatus.UNCONFIRMED);

        KnowledgeEntry dispute = KB.find("RU.289FZ.DISPUTE").orElseThrow();
        assertThat(dispute.effectiveFrom()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(dispute.isEffectiveOn(LocalDate.of(2026, 9, 30))).isFalse();
        assertThat(dispute.isEffectiveOn(LocalDate.of(2026, 10, 1))).isTrue();
        assertThat(dispute.isLaw()).isTrue();

        assertThat(KB.find("NO.SUCH.RULE")).isEmpty();
    }

    @Test
    void p1_kaspi_disconnection_for_the_cancellation_share() {
        List<String> ids = ids(KnowledgeQuery.of("отключение доля отмен Kaspi", "KZ", Marketplace.KASPI).withLimit(3));
        assertThat(ids).contains("KASPI.Q3022", "KASPI.Q2184");
        assertThat(ids.get(0)).isEqualTo("KASPI.Q3022");
        assertThat(ids(KnowledgeQuery.of("Доля отмен 6% за последние 30 дней превышает 5%. Магазин отключён на 7 дней."
                + " Как возразить?", "KZ", Marketplace.KASPI).withLimit(5)))
                .contains("KASPI.Q3022", "KASPI.MEASURE.OBJECTION");
    }

    @Test
    void p2_kaspi_delivery_damage_with_a_return_act() {
        List<String> ids = ids(KnowledgeQuery.of("повреждение при доставке Kaspi Delivery акт возврата", "KZ",
                Marketplace.KASPI).withLimit(3));
        assertThat(ids.get(0)).isEqualTo("KASPI.DELIVERY.CLAIM");
        assertThat(ids(KnowledgeQuery.of("товар получен с повреждением корпуса, вмятина и трещина на одной стороне,"
                + " углы целы", "KZ", Marketplace.KASPI).withLimit(3))).contains("KASPI.DELIVERY.CLAIM.TIERS");
    }

    @Test
    void p3_return_of_a_smartphone_of_proper_quality() {
        List<String> ids = ids(KnowledgeQuery.of("возврат смартфона надлежащего качества", "KZ", Marketplace.KASPI)
                .withLimit(3));
        assertThat(ids.get(0)).isEqualTo("KZ.CPL.30.1");
        assertThat(ids(KnowledgeQuery.of("Покупатель требует вернуть деньги за смартфон надлежащего качества,"
                + " претензия покупателя, ответ", "KZ", Marketplace.KASPI).withLimit(5)))
                .contains("KZ.CPL.30.1", "KZ.CPL.42-4");
    }

    @Test
    void p4_ozon_penalty_points_for_a_forbidden_product() {
        List<String> ids = ids(KnowledgeQuery.of("Ozon штрафные баллы запрещённый товар", "RU", Marketplace.OZON)
                .withLimit(3));
        assertThat(ids).contains("OZON.POINTS.APPEAL", "OZON.POINTS");
        assertThat(ids(KnowledgeQuery.of("досудебная претензия арбитражный суд", "RU", Marketplace.OZON).withLimit(3)))
                .contains("RU.APK.4.5");
    }

    @Test
    void should_not_give_a_russian_shop_kazakh_law_or_another_marketplace() {
        List<Passage> found = KB.search(KnowledgeQuery.of("возврат товара надлежащего качества претензия 14 дней", "RU",
                Marketplace.WILDBERRIES).withLimit(20));
        assertThat(found).isNotEmpty();
        assertThat(found).allSatisfy(p -> {
            assertThat(p.entry().jurisdiction()).isEqualTo("RU");
            assertThat(p.entry().marketplace()).isIn(null, Marketplace.WILDBERRIES);
        });
        assertThat(found).extracting(p -> p.entry().ruleId()).contains("RU.ZPP.26.1").doesNotContain("KZ.CPL.30.1");
    }

    @Test
    void should_give_law_to_every_marketplace_of_its_jurisdiction() {
        assertThat(ids(KnowledgeQuery.of("уменьшение неустойки несоразмерность", "RU", Marketplace.OZON)))
                .contains("RU.GK.333");
        assertThat(ids(KnowledgeQuery.of("уменьшение неустойки несоразмерность", "RU", Marketplace.WILDBERRIES)))
                .contains("RU.GK.333");
        assertThat(ids(KnowledgeQuery.of("уменьшение неустойки несоразмерность", "KZ", Marketplace.KASPI)))
                .contains("KZ.GK.297").doesNotContain("RU.GK.333");
    }

    @Test
    void should_find_a_shops_own_document_for_that_shop_only() {
        ShopId mine = ShopId.of("kaspi_1001");
        ShopId other = ShopId.of("kaspi_2002");
        KnowledgeEntry answer = new KnowledgeEntry("SHOP.kaspi_1001.support-2026-02", "Ответ поддержки Kaspi",
                "KZ", Marketplace.KASPI, "shop:tickets/4471", LegalSourceStatus.OFFICIAL, null, null,
                "Поддержка Kaspi подтвердила: отмены по просьбе покупателя через чат пересчитываются по обращению"
                        + " в течение 5 рабочих дней.", List.of("пересчёт"));
        ShippedKnowledgeBase kb = KB.withDocuments(mine, List.of(answer));
        KnowledgeQuery query = KnowledgeQuery.of("пересчёт отмен по просьбе покупателя", "KZ", Marketplace.KASPI);

        assertThat(ids(kb, query.forShop(mine)).get(0)).isEqualTo("SHOP.kaspi_1001.support-2026-02");
        assertThat(ids(kb, query.forShop(other))).doesNotContain("SHOP.kaspi_1001.support-2026-02");
        assertThat(ids(kb, query)).doesNotContain("SHOP.kaspi_1001.support-2026-02");
        assertThat(kb.find("SHOP.kaspi_1001.support-2026-02")).as("find covers the shipped corpus only").isEmpty();
        assertThat(KB.documents(mine)).as("the original is unchanged").isEmpty();
        assertThat(kb.documents(mine)).containsExactly(answer);
        assertThatThrownBy(() -> kb.withDocuments(mine, List.of(answer))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("added twice");
        KnowledgeEntry clash = new KnowledgeEntry("KZ.CPL.30.1", "Своя трактовка", "KZ", null, "shop:memo",
                LegalSourceStatus.UNCONFIRMED, null, null, "Текст.", List.of());
        assertThatThrownBy(() -> KB.withDocuments(mine, List.of(clash))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corpus entry");
    }

    @Test
    void should_match_inflected_forms_through_the_stemmer() {
        assertThat(RussianStemmer.stem("штрафа")).isEqualTo("штраф");
        assertThat(RussianStemmer.stem("штрафы")).isEqualTo("штраф");
        assertThat(RussianStemmer.stem("Штрафов")).isEqualTo("штраф");
        assertThat(RussianStemmer.stem("штраф")).isEqualTo("штраф");
        assertThat(RussianStemmer.stem("запрещённый")).isEqualTo(RussianStemmer.stem("запрещенных"));
        assertThat(RussianStemmer.stem("несоразмерность")).isEqualTo(RussianStemmer.stem("несоразмерная"));
        assertThat(RussianStemmer.stem("Жұма")).as("Kazakh words are only normalised").isEqualTo("жұма");
        assertThat(RussianStemmer.terms("См. KZ.CPL.30.1: 5 % за 7 дней"))
                .contains("kz.cpl.30.1", "30", "5", "7", "дн").doesNotContain("за");

        KnowledgeEntry doc = new KnowledgeEntry("SHOP.X.1", "Договор", "RU", null, "shop:contract",
                LegalSourceStatus.OFFICIAL, null, null, "Размер штрафа определяет приложение.", List.of());
        ShopId shop = ShopId.of("wb_1");
        ShippedKnowledgeBase kb = KB.withDocuments(shop, List.of(doc));
        for (String form : List.of("штраф", "штрафы", "штрафа")) {
            assertThat(ids(kb, KnowledgeQuery.of(form + " приложение договор", "RU", null).forShop(shop)))
                    .as(form).contains("SHOP.X.1");
        }
    }

    @Test
    void should_order_deterministically_and_respect_the_limit() {
        KnowledgeQuery q = KnowledgeQuery.of("штраф", null, null).withLimit(10);
        List<Passage> first = KB.search(q);
        assertThat(first).hasSize(10).isEqualTo(KB.search(q));
        for (int i = 1; i < first.size(); i++) {
            Passage a = first.get(i - 1);
            Passage b = first.get(i);
            assertThat(a.score() > b.score() || a.score() == b.score() && a.entry().ruleId().compareTo(b.entry().ruleId()) < 0)
                    .as(a.entry().ruleId() + " before " + b.entry().ruleId()).isTrue();
        }
        assertThat(KB.search(KnowledgeQuery.of("zzzz qqqq", null, null))).isEmpty();
    }

    @Test
    void should_name_the_entry_and_field_of_an_invalid_corpus() {
        assertThatThrownBy(() -> read("{\"version\":1,\"entries\":[{\"rule_id\":\"KZ.X\",\"title\":\"t\","
                + "\"jurisdiction\":\"KZ\",\"marketplace\":null,\"status\":\"official\",\"text\":\"x\"}]}"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("test.json").hasMessageContaining("'KZ.X'").hasMessageContaining("'source_url'");
        assertThatThrownBy(() -> read("{\"version\":1,\"entries\":[{\"title\":\"t\"}]}"))
                .hasMessageContaining("entry #1").hasMessageContaining("'rule_id'");
        assertThatThrownBy(() -> read("{\"entries\":[]}")).hasMessageContaining("'version'");
        assertThatThrownBy(() -> read("{\"version\":1,\"entries\":[{\"rule_id\":\"KZ.X\",\"title\":\"t\","
                + "\"jurisdiction\":\"KZ\",\"marketplace\":null,\"source_url\":\"u\",\"status\":\"OK?\",\"text\":\"x\"}]}"))
                .hasMessageContaining("'KZ.X'").hasMessageContaining("'status'");
        assertThatThrownBy(() -> read("{\"version\":1,\"entries\":[{\"rule_id\":\"KZ.X\",\"title\":\"t\","
                + "\"jurisdiction\":\"KZ\",\"marketplace\":null,\"source_url\":\"u\",\"status\":\"internal\",\"text\":\"x\"}]}"))
                .as("a shop's own target is not a corpus entry")
                .hasMessageContaining("'KZ.X'").hasMessageContaining("'status'").hasMessageContaining("'internal'");
        assertThatThrownBy(() -> read("{\"version\":1,\"entries\":[{\"rule_id\":\"KZ.X\",\"title\":\"t\","
                + "\"jurisdiction\":\"KZ\",\"source_url\":\"u\",\"status\":\"official\",\"text\":\"x\"}]}"))
                .hasMessageContaining("'marketplace'");
        String one = "{\"rule_id\":\"KZ.X\",\"title\":\"t\",\"jurisdiction\":\"KZ\",\"marketplace\":\"none\","
                + "\"source_url\":\"u\",\"status\":\"secondary\",\"text\":\"x\",\"effective_from\":\"2026-01-01\"}";
        assertThatThrownBy(() -> read("{\"version\":1,\"entries\":[" + one + "," + one + "]}"))
                .hasMessageContaining("defined twice");
        ShippedKnowledgeBase kb = read("{\"version\":2,\"entries\":[" + one + "]}");
        assertThat(kb.version()).isEqualTo(2);
        assertThat(kb.find("KZ.X").orElseThrow().marketplace()).isNull();
    }

    private static ShippedKnowledgeBase read(String json) {
        return ShippedKnowledgeBase.read("test.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> ids(KnowledgeQuery query) {
        return ids(KB, query);
    }

    private static List<String> ids(ShippedKnowledgeBase kb, KnowledgeQuery query) {
        return kb.search(query).stream().map(p -> p.entry().ruleId()).toList();
    }
}
