package dev.gtvpc.lint.rules;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Address ranges as IP operators read them (an address, or an address and a prefix length), for rules that judge where a range lies. */
final class IpRanges {
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+(?:/[0-9]+)?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(?:/[0-9]+)?");

    /** A range: its first address's bits, its width in bits (32 or 128) and its prefix length. */
    record Range(BigInteger network, int bits, int prefix) {
        boolean ipv6() {
            return bits == 128;
        }

        /** True when every address of this range is in {@code outer}. */
        boolean within(Range outer) {
            if (outer.bits != bits || outer.prefix > prefix) {
                return false;
            }
            int shift = bits - outer.prefix;
            return network.shiftRight(shift).equals(outer.network.shiftRight(shift));
        }
    }

    // RFC 1918 §3, link-local (RFC 3927; RFC 4291 §2.5.6), loopback, and IPv6 unique local addresses (RFC 4193)
    private static final List<Range> PRIVATE = List.of(parse("10.0.0.0/8").orElseThrow(), parse("172.16.0.0/12").orElseThrow(),
            parse("192.168.0.0/16").orElseThrow(), parse("169.254.0.0/16").orElseThrow(), parse("127.0.0.0/8").orElseThrow(),
            parse("fe80::/10").orElseThrow(), parse("fc00::/7").orElseThrow(), parse("::1/128").orElseThrow());

    private IpRanges() {
    }

    /** The range {@code text} names, if it is an address or CIDR range. */
    static Optional<Range> parse(String text) {
        if (!LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            int slash = text.indexOf('/');
            byte[] address = InetAddress.getByName(slash < 0 ? text : text.substring(0, slash)).getAddress();
            int bits = address.length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                return Optional.empty();
            }
            BigInteger value = new BigInteger(1, address);
            int shift = bits - prefix;
            return Optional.of(new Range(value.shiftRight(shift).shiftLeft(shift), bits, prefix));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when the whole range is private, link-local or loopback: no caller on the internet has such an address. */
    static boolean privateOnly(Range r) {
        return PRIVATE.stream().anyMatch(r::within);
    }

    /** True for 0.0.0.0/0 and ::/0: every address of the family. */
    static boolean everything(Range r) {
        return r.prefix() == 0;
    }
}
