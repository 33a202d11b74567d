package dev.aihq.connectors.wb;

import java.time.Instant;
import javax.annotation.Nullable;

/**
 * An image attached to a chat message ({@code message.attachments.images[]}).
 *
 * @param date when it was uploaded, or {@code null}
 * @param downloadId its id for {@link WbChats#download}, or {@code null}
 * @param url WB's URL of it, or {@code null}
 */
public record WbChatImage(@Nullable Instant date, @Nullable String downloadId, @Nullable String url) {}
