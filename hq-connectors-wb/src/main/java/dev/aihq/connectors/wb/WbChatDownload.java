package dev.aihq.connectors.wb;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What {@link WbChats#download} got for a chat file: the {@link File}, a file still under WB's moderation
 * ({@link Pending}, 202: ask again later — nothing waits inside), or a file that failed moderation
 * ({@link FailedModeration}, 451: it will never be served).
 */
public sealed interface WbChatDownload {

    /**
     * The file (200).
     *
     * @param content its bytes
     * @param contentType its media type as WB sent it, e.g. {@code image/jpeg}
     */
    record File(byte[] content, String contentType) implements WbChatDownload {

        /** Requires both parts and copies the content. */
        public File {
            content = Objects.requireNonNull(content, "content").clone();
            Objects.requireNonNull(contentType, "content type");
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

        /** Compares by content and type. */
        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof File that && contentType.equals(that.contentType)
                    && Arrays.equals(content, that.content);
        }

        /** Hashes by content and type. */
        @Override
        public int hashCode() {
            return Objects.hash(contentType, Arrays.hashCode(content));
        }

        /** Shows type and size. */
        @Override
        public String toString() {
            return "File[" + contentType + ", " + content.length + " bytes]";
        }
    }

    /**
     * The file is under moderation (202 {@code {moderationState:"pending", retrySeconds}}).
     *
     * @param moderationState WB's state, e.g. {@code pending}
     * @param retryAfter when WB says to ask again ({@code retrySeconds})
     */
    record Pending(String moderationState, Duration retryAfter) implements WbChatDownload {

        /** Requires both parts. */
        public Pending {
            Objects.requireNonNull(moderationState, "moderation state");
            Objects.requireNonNull(retryAfter, "retry after");
        }
    }

    /**
     * The file failed WB's moderation (451) and will not be served.
     *
     * @param downloadId the file's id
     */
    record FailedModeration(String downloadId) implements WbChatDownload {

        /** Requires the id. */
        public FailedModeration {
            Objects.requireNonNull(downloadId, "download id");
        }
    }
}
