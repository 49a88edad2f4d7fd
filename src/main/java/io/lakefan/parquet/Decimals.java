package io.lakefan.parquet;

import java.math.BigInteger;

/** Decimal text (as MySQL sends it) and unsigned 64-bit values to Parquet's fixed-length two's complement. */
final class Decimals {
    private Decimals() {
    }

    private static final int[] BYTES = new int[39];

    static {
        for (int p = 1; p <= 38; p++) {
            int n = 1;
            while (BigInteger.TEN.pow(p).subtract(BigInteger.ONE).bitLength() + 1 > n * 8) n++;
            BYTES[p] = n;
        }
    }

    /** The fewest bytes holding every unscaled value of the precision (Parquet's and Avro's convention). */
    static int bytesFor(int precision) {
        return BYTES[precision];
    }

    /** Big-endian two's complement of {@code v} in {@code n} bytes. */
    static byte[] fixed(long v, int n) {
        byte[] out = new byte[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = (byte) v;
            v >>= 8;
        }
        return out;
    }

    /** An unsigned 64-bit value (bits as they are) as a positive 9-byte DECIMAL(20,0). */
    static byte[] unsigned64(long bits) {
        byte[] out = new byte[9];
        for (int i = 8; i >= 1; i--) {
            out[i] = (byte) bits;
            bits >>>= 8;
        }
        return out;
    }

    /** Parses unsigned decimal digits (BIGINT UNSIGNED's text) into 64 bits. */
    static long parseUnsigned(byte[] text) {
        long v = 0;
        for (byte c : text) {
            if (c < '0' || c > '9') throw new NumberFormatException("not an unsigned integer: " + new String(text));
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * The unscaled value of a decimal text such as {@code -12.50} as fixed bytes for DECIMAL(precision, scale).
     * Fewer fraction digits than the scale are padded; more are an error (they would be lost).
     */
    static byte[] fromText(byte[] text, int precision, int scale) {
        int n = text.length;
        int i = 0;
        boolean negative = false;
        if (n > 0 && (text[0] == '-' || text[0] == '+')) {
            negative = text[0] == '-';
            i = 1;
        }
        long v = 0;
        int digits = 0;
        int fraction = -1;
        BigInteger big = null;
        for (; i < n; i++) {
            byte c = text[i];
            if (c == '.') {
                if (fraction >= 0) throw new NumberFormatException("not a decimal: " + new String(text));
                fraction = 0;
                continue;
            }
            if (c < '0' || c > '9') throw new NumberFormatException("not a decimal: " + new String(text));
            if (fraction >= 0) fraction++;
            if (big == null && digits < 18) {
                v = v * 10 + (c - '0');
            } else {
                if (big == null) big = BigInteger.valueOf(v);
                big = big.multiply(BigInteger.TEN).add(BigInteger.valueOf(c - '0'));
            }
            digits++;
        }
        int have = Math.max(fraction, 0);
        if (have > scale) throw new NumberFormatException("more fraction digits than scale " + scale + ": " + new String(text));
        for (int k = have; k < scale; k++) {
            if (big == null && v < 100_000_000_000_000_000L) {
                v *= 10;
            } else {
                if (big == null) big = BigInteger.valueOf(v);
                big = big.multiply(BigInteger.TEN);
            }
        }
        int size = bytesFor(precision);
        if (big == null) return fixed(negative ? -v : v, size);
        if (negative) big = big.negate();
        if (big.bitLength() + 1 > size * 8) throw new NumberFormatException("does not fit DECIMAL(" + precision + "," + scale + "): " + new String(text));
        byte[] raw = big.toByteArray();
        byte[] out = new byte[size];
        byte fill = (byte) (big.signum() < 0 ? -1 : 0);
        int pad = size - raw.length;
        for (int k = 0; k < pad; k++) out[k] = fill;
        System.arraycopy(raw, 0, out, pad, raw.length);
        return out;
    }
}
