package dev.aihq.pipeline.memory;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.store.PhoneHash;
import dev.aihq.api.store.SuppressionStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SuppressionStore} in one map keyed by shop and {@link PhoneHash}; it holds no phone number.
 * Thread-safe; nothing survives a restart.
 */
public final class InMemorySuppressionStore implements SuppressionStore {

    private record Key(ShopId shopId, PhoneHash hash) {}

    private record Entry(String reason, Instant at) {}

    private final byte[] key;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    /**
     * Creates an empty store hashing with a key.
     *
     * @param key the secret key, at least {@value PhoneHash#MIN_KEY_BYTES} bytes; see {@link PhoneHash}
     * @throws IllegalArgumentException when the key is too short
     */
    public InMemorySuppressionStore(byte[] key) {
        this.key = PhoneHash.requireValidKey(key);
    }

    /**
     * Creates an empty store hashing with a random key of 32 bytes, which lives as long as the store.
     *
     * @return the store
     */
    public static InMemorySuppressionStore withRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new InMemorySuppressionStore(key);
    }

    @Override
    public void suppress(ShopId shopId, PhoneNumber customer, String reason, Instant at) {
        SuppressionStore.validateReason(reason);
        Objects.requireNonNull(at, "at");
        entries.put(key(shopId, customer), new Entry(reason, at));
    }

    @Override
    public boolean isSuppressed(ShopId shopId, PhoneNumber customer) {
        return entries.containsKey(key(shopId, customer));
    }

    @Override
    public boolean lift(ShopId shopId, PhoneNumber customer) {
        return entries.remove(key(shopId, customer)) != null;
    }

    private Key key(ShopId shopId, PhoneNumber customer) {
        return new Key(Objects.requireNonNull(shopId, "shop id"), PhoneHash.of(key, shopId,
                Objects.requireNonNull(customer, "customer")));
    }
}
