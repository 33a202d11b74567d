package dev.aihq.pipeline.document;

import static dev.aihq.testkit.Fixtures.OTHER_SHOP_ID;
import static dev.aihq.testkit.Fixtures.SHOP_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aihq.api.ShopId;
import dev.aihq.api.document.DocumentLimits;
import dev.aihq.api.document.DocumentLookup;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryDocumentSourceTest {

    private static final long MIB = 1024L * 1024;

    @TempDir
    Path base;

    private DirectoryDocumentSource source;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(base.resolve(SHOP_ID.value()));
        Files.createDirectories(base.resolve(OTHER_SHOP_ID.value()));
        source = new DirectoryDocumentSource(base);
    }

    private Path write(ShopId shop, String name, String text) throws IOException {
        Path file = base.resolve(shop.value()).resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Path write(ShopId shop, String name, byte[] bytes) throws IOException {
        return Files.write(base.resolve(shop.value()).resolve(name), bytes);
    }

    @Test
    void should_return_the_text_when_a_txt_file_exists_for_the_shop() throws IOException {
        // given
        write(SHOP_ID, "kaspi_message.txt", "Штраф 5 000 ₸ за отмену заказа 512");

        // when
        DocumentLookup lookup = source.resolve(SHOP_ID, "kaspi_message.txt");

        // then
        assertThat(lookup).isEqualTo(new DocumentLookup.Found("kaspi_message.txt",
                "Штраф 5 000 ₸ за отмену заказа 512", "text/plain",
                "Штраф 5 000 ₸ за отмену заказа 512".getBytes(StandardCharsets.UTF_8).length,
                "directory kaspi_123/kaspi_message.txt"));
    }

    @Test
    void should_read_markdown_in_a_sub_folder_and_drop_a_byte_order_mark() throws IOException {
        // given
        write(SHOP_ID, "2026/claim.md", "\uFEFF# Претензия\nТекст");

        // when
        DocumentLookup lookup = source.resolve(SHOP_ID, "2026/claim.md");

        // then
        assertThat(lookup).isInstanceOfSatisfying(DocumentLookup.Found.class, found -> {
            assertThat(found.text()).isEqualTo("# Претензия\nТекст");
            assertThat(found.contentType()).isEqualTo("text/markdown");
            assertThat(found.source()).isEqualTo("directory kaspi_123/2026/claim.md");
        });
    }

    @Test
    void should_report_not_found_when_the_name_does_not_resolve() {
        // when
        DocumentLookup lookup = source.resolve(SHOP_ID, "fine_notice.txt");

        // then
        assertThat(lookup).isEqualTo(
                new DocumentLookup.NotFound("fine_notice.txt", "no document of that name for shop kaspi_123"));
    }

    @Test
    void should_report_not_found_when_the_shop_has_no_directory() {
        assertThat(source.resolve(ShopId.of("kaspi_999"), "x.txt")).isInstanceOf(DocumentLookup.NotFound.class);
    }

    @Test
    void should_not_let_one_shop_read_another_shops_document() throws IOException {
        // given
        write(OTHER_SHOP_ID, "contract.txt", "договор магазина 456");

        // when
        DocumentLookup lookup = source.resolve(SHOP_ID, "contract.txt");

        // then
        assertThat(lookup).isInstanceOf(DocumentLookup.NotFound.class);
        assertThat(source.resolve(OTHER_SHOP_ID, "contract.txt")).isInstanceOf(DocumentLookup.Found.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../kaspi_456/contract.txt", "sub/../../kaspi_456/contract.txt", "..", ".",
        "/etc/passwd", "..\\kaspi_456\\contract.txt", "C:\\docs\\contract.txt"})
    void should_refuse_a_name_that_leaves_the_shops_directory(String name) throws IOException {
        // given
        write(OTHER_SHOP_ID, "contract.txt", "договор магазина 456");
        Files.writeString(base.resolve("secret.txt"), "outside every shop");

        // when
        DocumentLookup lookup = source.resolve(SHOP_ID, name);

        // then
        assertThat(lookup).isInstanceOfSatisfying(DocumentLookup.NotFound.class,
                notFound -> assertThat(notFound.reason()).startsWith("refused:").doesNotContain(base.toString()));
    }

    @Test
    void should_refuse_a_symbolic_link_that_points_out_of_the_shops_directory() throws IOException {
        // given
        Path target = write(OTHER_SHOP_ID, "contract.txt", "договор магазина 456");
        try {
            Files.createSymbolicLink(base.resolve(SHOP_ID.value()).resolve("link.txt"), target);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not supported here");
        }

        // when
        DocumentLookup lookup = source.resolve(SHOP_ID, "link.txt");

        // then
        assertThat(lookup).isInstanceOfSatisfying(DocumentLookup.NotFound.class,
                notFound -> assertThat(notFound.reason()).startsWith("refused:"));
    }

    @Test
    void should_refuse_the_shop_ids_that_name_no_directory_of_their_own() throws IOException {
        // given
        Files.writeString(base.resolve("secret.txt"), "outside every shop");

        // when / then
        assertThat(source.resolve(ShopId.of(".."), "secret.txt")).isInstanceOf(DocumentLookup.NotFound.class);
        assertThat(source.resolve(ShopId.of("."), "secret.txt")).isInstanceOf(DocumentLookup.NotFound.class);
    }

    @Test
    void should_report_a_5_mb_file_as_too_large_from_its_size_without_reading_it() throws IOException {
        // given
        byte[] fiveMb = new byte[5 * 1024 * 1024];
        Arrays.fill(fiveMb, (byte) 'a');
        write(SHOP_ID, "big.txt", fiveMb);

        // when
        DocumentLookup lookup = source.resolve(SHOP_ID, "big.txt", MIB);

        // then
        assertThat(lookup).isEqualTo(new DocumentLookup.TooLarge("big.txt", 5 * MIB, MIB));
    }

    @Test
    void should_accept_a_file_of_exactly_the_limit() throws IOException {
        // given
        write(SHOP_ID, "edge.txt", "12345");

        // when / then
        assertThat(source.resolve(SHOP_ID, "edge.txt", 5)).isInstanceOf(DocumentLookup.Found.class);
        assertThat(source.resolve(SHOP_ID, "edge.txt", 4)).isEqualTo(new DocumentLookup.TooLarge("edge.txt", 5, 4));
    }

    @Test
    void should_report_a_pdf_as_unreadable_with_a_hint_about_an_extractor() throws IOException {
        // given
        write(SHOP_ID, "fine_notice.pdf", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1));

        // when
        DocumentLookup lookup = source.resolve(SHOP_ID, "fine_notice.pdf");

        // then
        assertThat(lookup).isInstanceOfSatisfying(DocumentLookup.Unreadable.class,
                unreadable -> assertThat(unreadable.reason()).contains("PDF text extractor").contains("inline"));
    }

    @Test
    void should_report_another_extension_as_unreadable() throws IOException {
        // given
        write(SHOP_ID, "photos.zip", new byte[] {'P', 'K', 3, 4});

        // when / then
        assertThat(source.resolve(SHOP_ID, "photos.zip")).isInstanceOfSatisfying(DocumentLookup.Unreadable.class,
                unreadable -> assertThat(unreadable.reason()).contains(".txt and .md"));
    }

    @Test
    void should_report_binary_content_in_a_txt_file_as_unreadable() throws IOException {
        // given
        write(SHOP_ID, "renamed.txt", new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3});

        // when / then
        assertThat(source.resolve(SHOP_ID, "renamed.txt")).isInstanceOfSatisfying(DocumentLookup.Unreadable.class,
                unreadable -> assertThat(unreadable.reason()).contains("binary"));
    }

    @Test
    void should_report_text_in_another_encoding_as_unreadable() throws IOException {
        // given
        write(SHOP_ID, "cp1251.txt", "Претензия".getBytes(Charset.forName("windows-1251")));

        // when / then
        assertThat(source.resolve(SHOP_ID, "cp1251.txt")).isInstanceOfSatisfying(DocumentLookup.Unreadable.class,
                unreadable -> assertThat(unreadable.reason()).contains("not UTF-8"));
    }

    @Test
    void should_report_a_directory_name_as_not_found() throws IOException {
        // given
        Files.createDirectories(base.resolve(SHOP_ID.value()).resolve("folder.txt"));

        // when / then
        assertThat(source.resolve(SHOP_ID, "folder.txt")).isInstanceOf(DocumentLookup.NotFound.class);
    }

    @Test
    void should_refuse_a_base_that_is_not_a_directory() {
        assertThatThrownBy(() -> new DirectoryDocumentSource(base.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_default_to_the_default_document_limit() throws IOException {
        // given
        write(SHOP_ID, "just_over.txt", "a".repeat((int) DocumentLimits.DEFAULT_MAX_DOCUMENT_BYTES + 1));

        // when / then
        assertThat(source.resolve(SHOP_ID, "just_over.txt")).isInstanceOf(DocumentLookup.TooLarge.class);
    }
}
