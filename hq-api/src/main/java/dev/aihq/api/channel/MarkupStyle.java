package dev.aihq.api.channel;

/** Which text markup a channel renders. */
public enum MarkupStyle {
    /** Plain text: markup characters are shown as typed. */
    PLAIN,
    /** WhatsApp markup: {@code *bold*}, {@code _italic_}, {@code ~strike~}, {@code ```mono```}. */
    WHATSAPP
}
