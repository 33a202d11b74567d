package dev.aihq.pipeline.document;

import dev.aihq.api.ShopId;
import dev.aihq.api.document.DocumentLookup;
import dev.aihq.api.document.DocumentSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Documents as files: a base directory with one sub-directory per shop, named by the shop id
 * ({@code <base>/kaspi_123/fine_notice.txt}). A name resolves inside its shop's directory only (sub-folders
 * allowed): a name that would leave it ({@code ../kaspi_456/x.txt}, an absolute path, a symbolic link
 * pointing out) is refused as {@link DocumentLookup.NotFound} with the reason, so shops never see each
 * other's files.
 *
 * <p>Only UTF-8 text is read: {@code .txt} ({@code text/plain}) and {@code .md} ({@code text/markdown}),
 * a leading byte order mark dropped. Other extensions are {@link DocumentLookup.Unreadable} with a hint (a
 * PDF needs a text extractor, or its text sent inline as {@code {name, text}}), as are files that are not
 * valid UTF-8 or hold NUL bytes. The size is checked before reading and at most {@code maxBytes + 1}
 * bytes are ever read, so a file that grows meanwhile is still refused. Reasons and
 * {@link DocumentLookup.Found#source()} name files relative to the base directory, never by absolute path.
 *
 * <p>Thread-safe; reads the disk on every call.
 */
public final class DirectoryDocumentSource implements DocumentSource {

    private static final String REFUSED =
            "refused: a document name must be a file inside the shop's documents; '..', absolute paths and"
                    + " links leading out are not followed";
    private static final int MAX_READ = Integer.MAX_VALUE - 16;

    private final Path base;

    /**
     * Creates a source over a base directory.
     *
     * @param baseDirectory the directory holding one sub-directory per shop; must exist
     * @throws IllegalArgumentException when it is not a directory
     */
    public DirectoryDocumentSource(Path baseDirectory) {
        Objects.requireNonNull(baseDirectory, "base directory");
        if (!Files.isDirectory(baseDirectory)) {
            throw new IllegalArgumentException("not a directory: " + baseDirectory);
        }
        this.base = baseDirectory.toAbsolutePath().normalize();
    }

    @Override
    public DocumentLookup resolve(ShopId shop, String name, long maxBytes) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(name, "name");
        if (shop.value().equals(".") || shop.value().equals("..")) {
            return new DocumentLookup.NotFound(name, "shop id '" + shop + "' cannot name a documents directory");
        }
        Path shopDirectory = base.resolve(shop.value());
        Path file = inside(shopDirectory, name);
        if (file == null) {
            return new DocumentLookup.NotFound(name, REFUSED);
        }
        if (!Files.isRegularFile(file)) {
            return new DocumentLookup.NotFound(name, "no document of that name for shop " + shop);
        }
        Path real;
        try {
            real = file.toRealPath();
            if (!real.startsWith(shopDirectory.toRealPath())) {
                return new DocumentLookup.NotFound(name, REFUSED);
            }
        } catch (IOException e) {
            return new DocumentLookup.Unreadable(name, "could not be read (" + e.getClass().getSimpleName() + ")");
        }
        String contentType = contentType(name);
        if (contentType == null) {
            return new DocumentLookup.Unreadable(name, unsupported(name));
        }
        String source = "directory " + base.relativize(file).toString().replace('\\', '/');
        try {
            long size = Files.size(real);
            if (size > maxBytes) {
                return new DocumentLookup.TooLarge(name, size, maxBytes);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(real)) {
                bytes = in.readNBytes(maxBytes >= MAX_READ ? MAX_READ : (int) maxBytes + 1);
            }
            if (bytes.length > maxBytes) {
                return new DocumentLookup.TooLarge(name, bytes.length, maxBytes);
            }
            String text = decode(bytes);
            if (text == null) {
                return new DocumentLookup.Unreadable(name, "not UTF-8 text (binary, or another encoding such as"
                        + " Windows-1251); save it as UTF-8 or send its text inline as {name, text}");
            }
            if (text.indexOf('\0') >= 0) {
                return new DocumentLookup.Unreadable(name, "binary content (NUL bytes), not text");
            }
            return new DocumentLookup.Found(name, text, contentType, bytes.length, source);
        } catch (IOException e) {
            return new DocumentLookup.Unreadable(name, "could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The file a name points to inside the shop's directory, or {@code null} when it would leave it. */
    private static @Nullable Path inside(Path shopDirectory, String name) {
        if (name.isBlank() || name.indexOf('\0') >= 0 || name.startsWith("/") || name.indexOf('\\') >= 0) {
            return null;
        }
        try {
            Path relative = Path.of(name);
            if (relative.isAbsolute() || relative.getRoot() != null) {
                return null;
            }
            for (Path part : relative) {
                if (part.toString().equals("..")) {
                    return null;
                }
            }
            Path file = shopDirectory.resolve(relative).normalize();
            return file.startsWith(shopDirectory) && !file.equals(shopDirectory) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static @Nullable String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt")) {
            return "text/plain";
        }
        if (lower.endsWith(".md")) {
            return "text/markdown";
        }
        return null;
    }

    private static String unsupported(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return "a PDF's text is not extracted by this source; it needs a PDF text extractor, or send the"
                    + " text inline as {name, text}";
        }
        return "only .txt and .md files are read as text; send the text inline as {name, text}";
    }

    private static @Nullable String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
