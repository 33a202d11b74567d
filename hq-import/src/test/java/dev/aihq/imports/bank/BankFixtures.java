package dev.aihq.imports.bank;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Objects;

/** The bank statement files of {@code src/test/resources/bank}, and the accounts they hold. */
final class BankFixtures {

    /** The Kaspi Bank account of the main statement. */
    static final String KASPI_ACCOUNT = "KZ12722S000012345678";
    /** The Halyk Bank account of the main statement. */
    static final String HALYK_ACCOUNT = "KZ91601A871000123456";

    private BankFixtures() {}

    static InputStream stream(String name) {
        return Objects.requireNonNull(BankFixtures.class.getResourceAsStream("/bank/" + name), name);
    }

    static Path path(String name) {
        URL url = Objects.requireNonNull(BankFixtures.class.getResource("/bank/" + name), name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
