package dev.aihq.pipeline.consent;

/** What a customer's reply says about consent. */
public enum ConsentAnswer {
    /** Yes to offers. */
    YES,
    /** No to offers; other messages remain allowed. */
    NO,
    /** No messages at all from the shop, permanently. */
    STOP
}
