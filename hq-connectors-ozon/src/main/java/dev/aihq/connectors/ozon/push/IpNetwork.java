package dev.aihq.connectors.ozon.push;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * One IPv4 or IPv6 network in CIDR notation ({@code 195.34.21.0/24}, {@code 2001:db8::/32}); a bare address is a
 * network of one. Parses literals only and never asks DNS.
 */
final class IpNetwork {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

    private final byte[] base;
    private final int prefix;
    private final String text;

    private IpNetwork(byte[] base, int prefix, String text) {
        this.base = base;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses a network.
     *
     * @param cidr {@code address/prefix} or a bare address
     * @return the network
     * @throws IllegalArgumentException when it is not an IP literal with a prefix in range
     */
    static IpNetwork parse(String cidr) {
        Objects.requireNonNull(cidr, "network");
        String value = cidr.strip();
        int slash = value.indexOf('/');
        byte[] address = literal(slash < 0 ? value : value.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("not an IP network in CIDR notation: '" + cidr + "'");
        }
        int max = address.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String bits = value.substring(slash + 1);
            if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
                throw new IllegalArgumentException("the prefix of '" + cidr + "' must be 0-" + max);
            }
            prefix = Integer.parseInt(bits);
        }
        return new IpNetwork(address, prefix, value.toLowerCase(Locale.ROOT));
    }

    /**
     * Tells whether an address lies in this network; an address of the other family never does.
     *
     * @param address the address bytes (4 or 16)
     * @return {@code true} when it matches on the prefix
     */
    boolean contains(byte[] address) {
        if (address.length != base.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (address[i] != base[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[whole] & mask) == (base[whole] & mask);
    }

    /**
     * Reads an IP literal: dotted IPv4, or IPv6 with or without brackets; an IPv4-mapped IPv6 address gives
     * its IPv4 bytes, and an IPv4 address with a {@code :port} suffix its address.
     *
     * @param text the text
     * @return the 4 or 16 bytes, or {@code null} when it is not a literal
     */
    static @Nullable byte[] literal(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return null;
            }
            value = value.substring(1, close);
        } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
            value = value.substring(0, value.indexOf(':'));
        }
        if (IPV4.matcher(value).matches()) {
            byte[] bytes = new byte[4];
            String[] parts = value.split("\\.");
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return null;
                }
                bytes[i] = (byte) part;
            }
            return bytes;
        }
        if (value.indexOf(':') < 0 || !IPV6.matcher(value).matches()) {
            return null;
        }
        try {
            // Only hex digits, colons and dots reach here: a literal, never a host name to resolve.
            return InetAddress.getByName(value).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
