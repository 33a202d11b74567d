package dev.aihq.agents.sales.guard;

import dev.aihq.api.ShopId;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.ShopStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * The markers of the other shops of one deployment, which a shop's message must never name
 * ({@link GuardContext#foreignMarkers()}): each other shop's id, and its name when the name is distinctive
 * enough not to be an everyday word (at least {@value #MIN_NAME_LENGTH} characters). The shops are listed
 * again at most once per time to live. Thread-safe.
 */
public final class OtherShops {

    /** The shortest shop name used as a marker; shorter names are ordinary words too often. */
    public static final int MIN_NAME_LENGTH = 6;

    private static final int PAGE = 500;

    private record Snapshot(Map<ShopId, Set<String>> markers, Instant expires) {}

    private final ShopStore shops;
    private final Duration ttl;
    private final Clock clock;
    private volatile @Nullable Snapshot snapshot;

    /**
     * Creates the cache.
     *
     * @param shops the deployment's shops
     * @param ttl how long a listing serves
     * @param clock the clock
     */
    public OtherShops(ShopStore shops, Duration ttl, Clock clock) {
        this.shops = Objects.requireNonNull(shops, "shops");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the markers of every shop but one.
     *
     * @param shopId the shop whose message is checked
     * @return the other shops' ids and distinctive names
     */
    public Set<String> markersFor(ShopId shopId) {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.expires())) {
            synchronized (this) {
                current = snapshot;
                if (current == null || !now.isBefore(current.expires())) {
                    current = new Snapshot(list(), now.plus(ttl));
                    snapshot = current;
                }
            }
        }
        String own = shops.find(shopId).map(Shop::name).orElse("");
        return current.markers().entrySet().stream().filter(e -> !e.getKey().equals(shopId))
                .flatMap(e -> e.getValue().stream())
                .filter(marker -> !marker.equalsIgnoreCase(own))
                .collect(Collectors.toUnmodifiableSet());
    }

    private Map<ShopId, Set<String>> list() {
        Map<ShopId, Set<String>> markers = new HashMap<>();
        ShopId after = null;
        while (true) {
            List<ShopId> page = shops.listIds(after, PAGE);
            for (ShopId id : page) {
                List<String> own = new ArrayList<>();
                own.add(id.value());
                shops.find(id).map(Shop::name).map(String::strip)
                        .filter(name -> name.length() >= MIN_NAME_LENGTH).ifPresent(own::add);
                markers.put(id, Set.copyOf(own));
            }
            if (page.size() < PAGE) {
                return markers;
            }
            after = page.get(page.size() - 1);
        }
    }
}
