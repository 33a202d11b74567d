package dev.aihq.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * A {@code multipart/form-data} body (RFC 7578) for {@link HttpCall.Builder#multipartBody(MultipartBody)}: text
 * fields and file parts in the order added, one boundary. Text is sent as UTF-8 without a part content type, as
 * browsers do; a file part carries its file name and content type. A name or file name with {@code "}, CR or LF
 * has them percent-encoded ({@code %22}, {@code %0D}, {@code %0A}), as the HTML standard does.
 *
 * <pre>{@code
 * MultipartBody body = MultipartBody.builder()
 *         .field("replySign", sign)
 *         .field("message", "Здравствуйте!")
 *         .file("file", "photo.jpg", "image/jpeg", bytes)
 *         .build();
 * HttpCall call = HttpCall.post("/api/v1/seller/message").multipartBody(body).build();
 * }</pre>
 *
 * <p>The boundary is random (24 bytes of {@link SecureRandom}, base-64url) unless given; a given boundary that
 * occurs in a part is refused. Logs show a multipart body as its length only ({@link HqHttpClient} does not print
 * bodies that are not text), so a field holding a secret stays out of log lines. Immutable.
 */
public final class MultipartBody {

    /** The media type, without the boundary parameter. */
    public static final String MEDIA_TYPE = "multipart/form-data";

    /** The longest boundary RFC 2046 allows. */
    public static final int MAX_BOUNDARY_LENGTH = 70;

    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,\\-./:=?]{1," + MAX_BOUNDARY_LENGTH + "}");
    private static final Pattern TOKEN_TYPE = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+"
            + "(\\s*;\\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+=(\"[^\"\\r\\n]*\"|[!#$%&'*+.^_`|~0-9A-Za-z-]+))*");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CRLF = {'\r', '\n'};

    private final String boundary;
    private final List<Part> parts;
    private final byte[] bytes;

    private MultipartBody(String boundary, List<Part> parts, byte[] bytes) {
        this.boundary = boundary;
        this.parts = List.copyOf(parts);
        this.bytes = bytes;
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the boundary.
     *
     * @return the boundary, without the leading {@code --}
     */
    public String boundary() {
        return boundary;
    }

    /**
     * Returns the content type to send the body with.
     *
     * @return {@code multipart/form-data; boundary=<boundary>}
     */
    public String contentType() {
        return MEDIA_TYPE + "; boundary=" + boundary;
    }

    /**
     * Returns the parts in order.
     *
     * @return the parts
     */
    public List<Part> parts() {
        return parts;
    }

    /**
     * Returns a copy of the encoded body.
     *
     * @return the bytes to send
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Returns the length of the encoded body.
     *
     * @return the number of bytes
     */
    public int length() {
        return bytes.length;
    }

    /** Describes the body by its parts' names and sizes, never their content. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("MultipartBody[");
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            out.append(i == 0 ? "" : ", ").append(part.name()).append(part.isFile() ? " (file, " : " (")
                    .append(part.content().length).append(" bytes)");
        }
        return out.append(']').toString();
    }

    /**
     * One part: a text field or a file.
     *
     * @param name the form field's name
     * @param fileName the file's name, or {@code null} for a text field
     * @param contentType the file's media type, or {@code null} for a text field
     * @param content the part's bytes (a text field's UTF-8)
     */
    public record Part(String name, @Nullable String fileName, @Nullable String contentType, byte[] content) {

        /** Requires a name and content, a content type with a file name; copies the content. */
        public Part {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a multipart part needs a name");
            }
            if ((fileName == null) != (contentType == null)) {
                throw new IllegalArgumentException("part " + name + ": a file part needs both a file name and a"
                        + " content type, a text field neither");
            }
            if (contentType != null && !TOKEN_TYPE.matcher(contentType).matches()) {
                throw new IllegalArgumentException("part " + name + ": content type must be type/subtype"
                        + " [; parameter=value], got '" + contentType + "'");
            }
            content = content.clone();
        }

        /**
         * Returns a copy of the content.
         *
         * @return the bytes
         */
        @Override
        public byte[] content() {
            return content.clone();
        }

        /**
         * Tells whether this is a file part.
         *
         * @return {@code true} when it has a file name
         */
        public boolean isFile() {
            return fileName != null;
        }

        /** Describes the part without its content. */
        @Override
        public String toString() {
            return "Part[" + name + (isFile() ? ", file " + fileName + ", " + contentType : "") + ", "
                    + content.length + " bytes]";
        }

        /** Compares by name, file name, content type and content. */
        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Part that && name.equals(that.name) && Objects.equals(fileName, that.fileName)
                    && Objects.equals(contentType, that.contentType)
                    && java.util.Arrays.equals(content, that.content);
        }

        /** Hashes by name, file name, content type and content. */
        @Override
        public int hashCode() {
            return Objects.hash(name, fileName, contentType, java.util.Arrays.hashCode(content));
        }
    }

    /** Builds a {@link MultipartBody}. Not thread-safe. */
    public static final class Builder {
        private final List<Part> parts = new ArrayList<>();
        private @Nullable String boundary;

        private Builder() {}

        /**
         * Sets the boundary instead of a random one, e.g. for a test that compares bytes.
         *
         * @param value 1–70 characters of RFC 2046's boundary alphabet, without spaces
         * @return this builder
         * @throws IllegalArgumentException when it is not a valid boundary
         */
        public Builder boundary(String value) {
            Objects.requireNonNull(value, "boundary");
            if (!BOUNDARY.matcher(value).matches()) {
                throw new IllegalArgumentException("a multipart boundary must be 1-" + MAX_BOUNDARY_LENGTH
                        + " letters, digits or '()+_,-./:=?, got " + value.length() + " characters");
            }
            this.boundary = value;
            return this;
        }

        /**
         * Adds a text field, sent as UTF-8.
         *
         * @param name the field's name
         * @param value the value
         * @return this builder
         */
        public Builder field(String name, String value) {
            Objects.requireNonNull(value, "value of " + name);
            parts.add(new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        /**
         * Adds a file part; the same name may be added more than once (a repeated field).
         *
         * @param name the field's name, e.g. {@code file}
         * @param fileName the file's name as the server should see it
         * @param contentType its media type, e.g. {@code image/jpeg}
         * @param content its bytes
         * @return this builder
         */
        public Builder file(String name, String fileName, String contentType, byte[] content) {
            Objects.requireNonNull(fileName, "file name");
            Objects.requireNonNull(contentType, "content type");
            parts.add(new Part(name, fileName, contentType, content));
            return this;
        }

        /**
         * Encodes the body.
         *
         * @return the body
         * @throws IllegalArgumentException when there are no parts, or a given boundary occurs in a part
         */
        public MultipartBody build() {
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a multipart body needs at least one part");
            }
            if (boundary != null) {
                if (collides(boundary)) {
                    throw new IllegalArgumentException("the multipart boundary occurs in a part; choose another");
                }
                return new MultipartBody(boundary, parts, encode(boundary));
            }
            String random;
            do {
                byte[] seed = new byte[24];
                RANDOM.nextBytes(seed);
                random = "hq-" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(seed);
            } while (collides(random));
            return new MultipartBody(random, parts, encode(random));
        }

        private boolean collides(String candidate) {
            byte[] needle = ("--" + candidate).getBytes(StandardCharsets.US_ASCII);
            for (Part part : parts) {
                if (indexOf(part.content, needle) >= 0) {
                    return true;
                }
            }
            return false;
        }

        private byte[] encode(String delimiter) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (Part part : parts) {
                write(out, "--" + delimiter);
                out.writeBytes(CRLF);
                StringBuilder disposition = new StringBuilder("Content-Disposition: form-data; name=\"")
                        .append(escape(part.name())).append('"');
                if (part.isFile()) {
                    disposition.append("; filename=\"").append(escape(part.fileName())).append('"');
                }
                write(out, disposition.toString());
                out.writeBytes(CRLF);
                if (part.isFile()) {
                    write(out, "Content-Type: " + part.contentType());
                    out.writeBytes(CRLF);
                }
                out.writeBytes(CRLF);
                out.writeBytes(part.content);
                out.writeBytes(CRLF);
            }
            write(out, "--" + delimiter + "--");
            out.writeBytes(CRLF);
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        private static String escape(String value) {
            return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
