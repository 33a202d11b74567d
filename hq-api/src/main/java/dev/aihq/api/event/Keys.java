package dev.aihq.api.event;

/** Shared checks and derivations for idempotency keys. */
final class Keys {

    static final int MAX_LENGTH = 200;

    private Keys() {}

    /** A short, stable digest of the given parts, for keys of events without a natural id. */
    static String digest(String... parts) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static void requireValid(String key) {
        if (key.isBlank() || key.length() > MAX_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("idempotency key must be 1-" + MAX_LENGTH
                    + " printable characters");
        }
    }
}
