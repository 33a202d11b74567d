package dev.aihq.connectors.ozon;

import dev.aihq.api.connector.Capability;
import dev.aihq.api.error.NonRetriableMarketplaceException;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Ozon refused a chat method because the seller's window to write in that chat has closed: integrators report the
 * text {@code access period has expired} (reference §3.2, integrator-reported). Ozon's windows (§3.7): FBO, 48 h
 * after the buyer's last message; FBS/rFBS, from payment to 72 h after delivery, then 48 h after the buyer's last
 * message; a chat may be started ({@code /v1/chat/start}) within 72 h after payment or delivery. Ozon enforces them;
 * the connector does not know the times and cannot check them first. Not retriable: only a new message from the
 * buyer opens the window again.
 */
public class OzonChatWindowClosedException extends NonRetriableMarketplaceException {

    private static final long serialVersionUID = 1L;

    /** Ozon's text, as integrators report it. */
    public static final String OZON_TEXT = "access period has expired";

    private final Capability capability;

    /**
     * Creates the exception.
     *
     * @param service the service name, {@code ozon}
     * @param status the HTTP status Ozon answered
     * @param capability the capability of the refused call ({@link Capability#CHATS} or
     *     {@link Capability#PROACTIVE_MESSAGE})
     * @param message the message, with Ozon's own text
     * @param cause the status mapping's exception, or {@code null}
     */
    public OzonChatWindowClosedException(String service, int status, Capability capability, String message,
            @Nullable Throwable cause) {
        super(service, status, message, cause);
        this.capability = Objects.requireNonNull(capability, "capability");
    }

    /**
     * Returns the capability of the refused call.
     *
     * @return e.g. {@link Capability#CHATS}
     */
    public Capability capability() {
        return capability;
    }
}
