package dev.aihq.pipeline;

/** The names of the pipeline's stages as the run log records them, in order. */
public final class Stages {

    /** Wire body → typed event (recorded when the front door decoded it). */
    public static final String DECODE = "decode";
    /** The shop exists, is active and may use this pipeline. */
    public static final String SHOP_GATE = "shop_gate";
    /** The event is journaled once per idempotency key. */
    public static final String JOURNAL = "journal";
    /** Named context sources run in parallel with deadlines. */
    public static final String GATHER_CONTEXT = "gather_context";
    /** The context record is built. */
    public static final String PREPARE = "prepare";
    /** The agent (a model or its fallback) produces the result. */
    public static final String AGENT = "agent";
    /** The result is checked against the context and the shop's rules. */
    public static final String GUARD = "guard";
    /** The result is sent, scheduled, held or completed. */
    public static final String DELIVER = "deliver";
    /**
     * A person decided about a held run ({@link AgentPipeline#deliverReviewed}); the context, guard and
     * deliver stages that follow it in the record ran for that decision.
     */
    public static final String REVIEW = "review";

    private Stages() {}
}
