package dev.gtvpc.verify;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** The addresses around a CIDR range: its first and last address and the ones just outside. */
final class Cidrs {
    private Cidrs() {
    }

    static List<String> boundaries(String cidr) {
        List<String> out = new ArrayList<>();
        try {
            int slash = cidr.indexOf('/');
            byte[] address = InetAddress.getByName(slash < 0 ? cidr : cidr.substring(0, slash)).getAddress();
            int bits = address.length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            BigInteger value = new BigInteger(1, address);
            BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
            BigInteger first = value.shiftRight(bits - prefix).shiftLeft(bits - prefix);
            BigInteger last = first.add(size).subtract(BigInteger.ONE);
            BigInteger max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            for (BigInteger b : List.of(first.subtract(BigInteger.ONE), first, last, last.add(BigInteger.ONE))) {
                if (b.signum() >= 0 && b.compareTo(max) <= 0) {
                    out.add(InetAddress.getByAddress(bytes(b, address.length)).getHostAddress());
                }
            }
        } catch (UnknownHostException | NumberFormatException e) {
            out.add(cidr);
        }
        return out;
    }

    private static byte[] bytes(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
