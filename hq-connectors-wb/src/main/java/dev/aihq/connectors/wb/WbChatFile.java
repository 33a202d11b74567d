package dev.aihq.connectors.wb;

import java.util.Arrays;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A file to send into a chat ({@link WbChats#send}): WB takes JPEG, PNG and PDF only, at most 5 MiB each and 30 MiB
 * together, which {@code send} checks before sending.
 *
 * @param name the file name the buyer sees, e.g. {@code чек.pdf}
 * @param contentType its media type: {@code image/jpeg}, {@code image/png} or {@code application/pdf}
 * @param content its bytes
 */
public record WbChatFile(String name, String contentType, byte[] content) {

    /** Requires every part and copies the content. */
    public WbChatFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "content type");
        content = Objects.requireNonNull(content, "content").clone();
    }

    /**
     * A JPEG image.
     *
     * @param name the file name
     * @param content the bytes
     * @return the file
     */
    public static WbChatFile jpeg(String name, byte[] content) {
        return new WbChatFile(name, "image/jpeg", content);
    }

    /**
     * A PNG image.
     *
     * @param name the file name
     * @param content the bytes
     * @return the file
     */
    public static WbChatFile png(String name, byte[] content) {
        return new WbChatFile(name, "image/png", content);
    }

    /**
     * A PDF document.
     *
     * @param name the file name
     * @param content the bytes
     * @return the file
     */
    public static WbChatFile pdf(String name, byte[] content) {
        return new WbChatFile(name, "application/pdf", content);
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
     * Returns the size without copying.
     *
     * @return the number of bytes
     */
    public int size() {
        return content.length;
    }

    /** Compares by name, type and content. */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof WbChatFile that && name.equals(that.name) && contentType.equals(that.contentType)
                && Arrays.equals(content, that.content);
    }

    /** Hashes by name, type and content. */
    @Override
    public int hashCode() {
        return Objects.hash(name, contentType, Arrays.hashCode(content));
    }

    /** Shows name, type and size, not the content. */
    @Override
    public String toString() {
        return "WbChatFile[" + name + ", " + contentType + ", " + content.length + " bytes]";
    }
}
