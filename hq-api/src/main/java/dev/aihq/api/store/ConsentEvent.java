package dev.aihq.api.store;

/** Something that changes a customer's consent; {@link ConsentRecord#apply} says how. */
public enum ConsentEvent {
    /** The consent question went out: {@link ConsentStatus#UNKNOWN} becomes {@link ConsentStatus#ASKED}. */
    ASKED,
    /** The customer said yes to offers (a button, a typed yes, an import of consent collected elsewhere). */
    GRANTED,
    /** The customer said no to offers. */
    DECLINED,
    /** The customer asked for no messages at all (an opt-out word or button). Permanent. */
    OPTED_OUT,
    /** The customer stopped marketing messages in the messenger: marketing pauses until a resume. */
    MARKETING_STOPPED,
    /** The customer resumed marketing messages in the messenger. */
    MARKETING_RESUMED
}
