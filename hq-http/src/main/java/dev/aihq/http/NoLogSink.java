package dev.aihq.http;

/** Drops every line. */
final class NoLogSink implements HttpLogSink {

    static final NoLogSink INSTANCE = new NoLogSink();

    private NoLogSink() {}

    @Override
    public void line(String line) {
        // dropped on purpose
    }

    @Override
    public boolean isEnabled() {
        return false;
    }
}
