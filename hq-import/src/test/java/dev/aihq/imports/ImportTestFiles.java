package dev.aihq.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies the test files out of the class path, so the importers read real files. */
final class ImportTestFiles {

    private ImportTestFiles() {}

    static Path copy(String resource, Path dir) throws IOException {
        Path file = dir.resolve(resource);
        try (InputStream in = ImportTestFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test file " + resource);
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
