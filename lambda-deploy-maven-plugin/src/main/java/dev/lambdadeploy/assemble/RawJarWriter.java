package dev.lambdadeploy.assemble;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a jar from some of the entries of another jar held in memory: each entry's data is copied as is (no
 * inflate/deflate), under a fresh header with its name, method, CRC and sizes, one fixed time, the UTF-8 flag and no
 * extra fields. The output is a plain zip (no data descriptors, no zip64), so it is never bigger than the entries it
 * copies need.
 */
final class RawJarWriter {
    private static final int UTF8_NAMES = 1 << 11;
    private static final int DEFLATED = 8;

    private RawJarWriter() {}

    /**
     * @param source the jar the entries come from
     * @param entries the entries to keep, in the order to write them
     * @param dosTime the entries' time as DOS time and date (the low and high 16 bits)
     */
    static byte[] write(byte[] source, List<JarIndex.Entry> entries, long dosTime) {
        byte[][] names = new byte[entries.size()][];
        long size = 22;
        for (int i = 0; i < names.length; i++) {
            JarIndex.Entry e = entries.get(i);
            names[i] = e.name().getBytes(StandardCharsets.UTF_8);
            size += 30 + 46 + 2L * names[i].length + e.compressedSize();
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a jar of " + size + " bytes does not fit in memory");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        int[] offsets = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            JarIndex.Entry e = entries.get(i);
            offsets[i] = out.position();
            out.putInt(JarIndex.LOCAL_HEADER);
            header(out, e, names[i], dosTime);
            out.putShort((short) 0); // extra field length
            out.put(names[i]);
            out.put(source, e.dataOffset(), (int) e.compressedSize());
        }
        int centralDirectory = out.position();
        for (int i = 0; i < names.length; i++) {
            JarIndex.Entry e = entries.get(i);
            out.putInt(JarIndex.CENTRAL_HEADER);
            out.putShort((short) 20); // made by: MS-DOS attributes, zip 2.0
            header(out, e, names[i], dosTime);
            out.putShort((short) 0); // extra field length
            out.putShort((short) 0); // comment length
            out.putShort((short) 0); // disk
            out.putShort((short) 0); // internal attributes
            out.putInt(0); // external attributes
            out.putInt(offsets[i]);
            out.put(names[i]);
        }
        int end = out.position();
        out.putInt(JarIndex.END_RECORD);
        out.putShort((short) 0);
        out.putShort((short) 0);
        out.putShort((short) names.length);
        out.putShort((short) names.length);
        out.putInt(end - centralDirectory);
        out.putInt(centralDirectory);
        out.putShort((short) 0); // comment length
        return out.array();
    }

    /** The fields local and central headers share, from "version needed" to the name length. */
    private static void header(ByteBuffer out, JarIndex.Entry e, byte[] name, long dosTime) {
        out.putShort((short) (e.method() == DEFLATED ? 20 : 10));
        out.putShort((short) UTF8_NAMES);
        out.putShort((short) e.method());
        out.putInt((int) dosTime);
        out.putInt((int) e.crc());
        out.putInt((int) e.compressedSize());
        out.putInt((int) e.size());
        out.putShort((short) name.length);
    }
}
