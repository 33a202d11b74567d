package dev.aihq.channel.whatsapp.webhook;

import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What a customer sent: text, a tap on a reply button or list row, or something the agent does not
 * read (image, voice note, location, sticker, …), carried as {@link Unsupported} rather than dropped.
 */
public sealed interface InboundContent
        permits InboundContent.Text, InboundContent.Reply, InboundContent.Unsupported {

    /**
     * A text message ({@code type: "text"}), kept exactly as received: emoji, Cyrillic and the Kazakh
     * letters are not normalised or cut. It is untrusted input.
     *
     * @param body the text
     */
    record Text(String body) implements InboundContent {

        /** Requires the text. */
        public Text {
            Objects.requireNonNull(body, "body");
        }

        /** Hides the text, which customers write and may hold personal data. */
        @Override
        public String toString() {
            return "Text[" + body.length() + " chars]";
        }
    }

    /**
     * A tap on a button or a list row the business offered.
     *
     * @param kind which kind of button or list
     * @param id what the business put behind the button: the quick-reply {@code payload} of a template
     *     button (its text when Meta sent no payload), or the {@code id} of an interactive button or list row
     * @param title the text the customer saw and tapped
     * @param description a list row's description, or {@code null}
     */
    record Reply(ReplyKind kind, String id, String title, @Nullable String description) implements InboundContent {

        /** Requires the kind, id and title. */
        public Reply {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * A message of a type the agent does not read, described as {@code unsupported type X}. An image,
     * video or document keeps the caption the customer typed under it.
     *
     * @param type Meta's type, e.g. {@code image}, or {@code interactive.nfm_reply} for an interactive
     *     reply of an unknown kind
     * @param errors the errors Meta attached (type {@code unsupported} carries code 131051), maybe none
     * @param caption the caption of an image, video or document as received (untrusted input), or
     *     {@code null} when there is none or it is blank
     */
    record Unsupported(String type, List<WhatsAppError> errors, @Nullable String caption) implements InboundContent {

        /** Requires the type, copies the errors and drops a blank caption. */
        public Unsupported {
            Objects.requireNonNull(type, "type");
            errors = List.copyOf(errors);
            caption = caption == null || caption.isBlank() ? null : caption;
        }

        /**
         * Creates the content of a message without a caption.
         *
         * @param type Meta's type
         * @param errors the errors Meta attached
         */
        public Unsupported(String type, List<WhatsAppError> errors) {
            this(type, errors, null);
        }

        /** Names the type and whether there is a caption, without showing it. */
        @Override
        public String toString() {
            return "Unsupported[type=" + type + ", errors=" + errors + (caption == null ? "" : ", caption of "
                    + caption.length() + " chars") + "]";
        }

        /**
         * Describes the content for a person.
         *
         * @return e.g. {@code unsupported type image}
         */
        public String description() {
            return "unsupported type " + type;
        }
    }

    /** Which button or list a {@link Reply} comes from. */
    enum ReplyKind {
        /** A quick-reply button of a template ({@code type: "button"}, {@code button.payload}/{@code text}). */
        TEMPLATE_BUTTON,
        /** A reply button of an interactive message ({@code interactive.button_reply}). */
        INTERACTIVE_BUTTON,
        /** A row of an interactive list ({@code interactive.list_reply}). */
        INTERACTIVE_LIST
    }
}
