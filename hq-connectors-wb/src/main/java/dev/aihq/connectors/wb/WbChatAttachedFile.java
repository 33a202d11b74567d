package dev.aihq.connectors.wb;

import java.time.Instant;
import javax.annotation.Nullable;

/**
 * A file attached to a chat message ({@code message.attachments.files[]}); fetch it with
 * {@link WbChats#download} and its {@link #downloadId()}.
 *
 * @param contentType its media type, e.g. {@code application/pdf}, or {@code null}
 * @param date when it was uploaded, or {@code null}
 * @param downloadId its id for the download method, or {@code null}
 * @param name its name, or {@code null}
 * @param url WB's URL of it, or {@code null}
 * @param size its size in bytes, or {@code null}
 */
public record WbChatAttachedFile(@Nullable String contentType, @Nullable Instant date, @Nullable String downloadId,
        @Nullable String name, @Nullable String url, @Nullable Long size) {}
