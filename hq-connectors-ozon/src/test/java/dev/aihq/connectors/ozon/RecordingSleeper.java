package dev.aihq.connectors.ozon;

import dev.aihq.http.Sleeper;
import dev.aihq.testkit.SettableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.annotation.Nullable;

/** Records each wait instead of sleeping, and moves a settable clock on by it, as a real wait would. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final @Nullable SettableClock clock;

    RecordingSleeper(@Nullable SettableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        if (clock != null) {
            clock.advance(duration);
        }
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }
}
