package dev.aihq.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** hq-api holds contracts only: no Jackson, JDBC, HTTP client, LangChain4j or logging inside. */
class ContractsOnlyTest {

    private static final List<String> BANNED = List.of("com.fasterxml", "java.sql", "javax.sql", "java.net.http",
            "dev.langchain4j", "org.slf4j");

    @Test
    void should_import_nothing_but_the_jdk_and_jsr305_when_scanning_the_sources() throws IOException {
        // given
        Path sources = Path.of("src/main/java");

        // when
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(ContractsOnlyTest::importsOf)
                    .filter(line -> BANNED.stream().anyMatch(line::contains))
                    .collect(Collectors.toList());
        }

        // then
        assertThat(offenders).isEmpty();
    }

    @Test
    void should_give_every_package_a_package_info_when_scanning_the_sources() throws IOException {
        try (Stream<Path> dirs = Files.walk(Path.of("src/main/java/dev/aihq/api"))) {
            List<Path> missing = dirs.filter(Files::isDirectory)
                    .filter(d -> hasJava(d) && !Files.exists(d.resolve("package-info.java")))
                    .collect(Collectors.toList());
            assertThat(missing).isEmpty();
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<String> importsOf(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")).map(l -> file + ": " + l);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
