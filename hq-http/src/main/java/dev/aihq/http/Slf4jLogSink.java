package dev.aihq.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes at DEBUG to the client's logger. */
final class Slf4jLogSink implements HttpLogSink {

    static final Slf4jLogSink INSTANCE = new Slf4jLogSink();

    private static final Logger LOG = LoggerFactory.getLogger("dev.aihq.http.HqHttpClient");

    private Slf4jLogSink() {}

    @Override
    public void line(String line) {
        LOG.debug("{}", line);
    }

    @Override
    public boolean isEnabled() {
        return LOG.isDebugEnabled();
    }
}
