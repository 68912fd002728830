package dev.gtvpc.space;

import dev.gtvpc.eval.PolicyValues;
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
        int slash0 = cidr.indexOf('/');
        if (!PolicyValues.address(slash0 < 0 ? cidr : cidr.substring(0, slash0))) {
            out.add(cidr); // unreadable: lint reports it; as a value it is its own class
            return out;
        }
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

    /** Whether {@code address} lies in {@code cidr} (a bare address is a range of one); false for anything unreadable. */
    static boolean contains(String cidr, String address) {
        int slash = cidr.indexOf('/');
        String base = slash < 0 ? cidr : cidr.substring(0, slash);
        // only literals reach InetAddress, which would otherwise look a name up in DNS
        if (!PolicyValues.address(address) || !PolicyValues.address(base)) {
            return false;
        }
        try {
            byte[] network = InetAddress.getByName(base).getAddress();
            byte[] a = InetAddress.getByName(address).getAddress();
            if (a.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            if (prefix > bits) {
                return false;
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
            return new BigInteger(1, a).and(mask).equals(new BigInteger(1, network).and(mask));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    private static byte[] bytes(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
