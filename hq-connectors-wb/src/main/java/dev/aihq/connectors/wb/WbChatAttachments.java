package dev.aihq.connectors.wb;

import java.util.List;
import javax.annotation.Nullable;

/**
 * A chat message's attachments: the order it is about, files and images.
 *
 * @param goodCard the order, or {@code null}
 * @param files the files, possibly empty
 * @param images the images, possibly empty
 */
public record WbChatAttachments(@Nullable WbGoodCard goodCard, List<WbChatAttachedFile> files,
        List<WbChatImage> images) {

    /** No attachments. */
    public static final WbChatAttachments NONE = new WbChatAttachments(null, List.of(), List.of());

    /** Copies the lists. */
    public WbChatAttachments {
        files = List.copyOf(files);
        images = List.copyOf(images);
    }
}
