package dev.aihq.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A log sink that keeps every line. */
final class CapturingLogSink implements HttpLogSink {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void line(String line) {
        lines.add(line);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
