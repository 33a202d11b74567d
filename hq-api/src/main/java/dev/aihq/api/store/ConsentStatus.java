package dev.aihq.api.store;

/** Where a customer stands on marketing messages from a shop. */
public enum ConsentStatus {
    /** Never asked and never said. */
    UNKNOWN,
    /** Asked (the consent question went out), no answer yet. */
    ASKED,
    /** Said yes to offers. */
    OPTED_IN,
    /** Said no to offers; other messages remain allowed. */
    DECLINED,
    /** Asked for no messages at all from the shop: permanent, every later message is stopped. */
    OPTED_OUT
}
