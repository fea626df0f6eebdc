package dev.lambdadeploy.assemble;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a jar held in memory, read from its central directory: names, sizes, CRCs and where each entry's data
 * lies. Only what stripping and {@link JarDeflater} need, without an object graph per entry; on the 94 jars of the
 * benchmark (about 100,000 entries) opening them with a general zip reader took longer than everything else stripping
 * does. Zips this does not map (zip64, encrypted entries, inconsistent offsets) give {@code null}, and callers fall
 * back to a general zip library.
 */
record JarIndex(List<Entry> entries, int centralDirectoryOffset) {
    /** One entry; {@code dataOffset} is where its (possibly compressed) data starts in the jar. */
    record Entry(String name, int method, long crc, long compressedSize, long size, int dataOffset) {
        boolean isDirectory() {
            return name.endsWith("/");
        }
    }

    static final int LOCAL_HEADER = 0x04034b50;
    static final int CENTRAL_HEADER = 0x02014b50;
    static final int END_RECORD = 0x06054b50;
    private static final int ENCRYPTED = 1;
    private static final int MAX_COMMENT = 0xffff;

    /** The index of a jar, or {@code null} when the bytes are not a zip mapped here. */
    static JarIndex read(byte[] zip) {
        if (zip.length < 22) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != LOCAL_HEADER && b.getInt(0) != END_RECORD) {
            return null; // not a zip, or one with a prefix (a launch script): offsets would not be the file's
        }
        int end = endRecord(b, zip.length);
        if (end < 0) {
            return null;
        }
        int count = u16(b, end + 10);
        long cenSize = u32(b, end + 12);
        long cenOffset = u32(b, end + 16);
        if (count == 0xffff || cenOffset + cenSize > end || u16(b, end + 4) != 0 || u16(b, end + 8) != count) {
            return null; // zip64, multi-disk or inconsistent
        }
        List<Entry> entries = new ArrayList<>(count);
        long p = cenOffset;
        for (int k = 0; k < count; k++) {
            if (p + 46 > end || b.getInt((int) p) != CENTRAL_HEADER) {
                return null;
            }
            int at = (int) p;
            int flags = u16(b, at + 8);
            int nameLength = u16(b, at + 28);
            long compressedSize = u32(b, at + 20);
            long size = u32(b, at + 24);
            long local = u32(b, at + 42);
            long next = p + 46L + nameLength + u16(b, at + 30) + u16(b, at + 32);
            if ((flags & ENCRYPTED) != 0
                    || next > end
                    || compressedSize == 0xffffffffL
                    || size == 0xffffffffL
                    || local + 30 > cenOffset
                    || b.getInt((int) local) != LOCAL_HEADER) {
                return null;
            }
            long data = local + 30 + u16(b, (int) local + 26) + u16(b, (int) local + 28);
            if (data + compressedSize > cenOffset) {
                return null;
            }
            String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            entries.add(new Entry(name, u16(b, at + 10), u32(b, at + 16), compressedSize, size, (int) data));
            p = next;
        }
        if (p != cenOffset + cenSize || p != end) {
            // A count that disagrees with the directory (tools write it modulo 65,536 for bigger jars) or records
            // between the directory and its end: readers that scan the whole directory see entries this did not.
            return null;
        }
        return new JarIndex(entries, (int) cenOffset);
    }

    /** The end-of-central-directory record whose comment runs exactly to the end of the bytes, or -1. */
    private static int endRecord(ByteBuffer b, int length) {
        for (int i = length - 22; i >= 0 && i >= length - 22 - MAX_COMMENT; i--) {
            if (b.getInt(i) == END_RECORD && i + 22 + u16(b, i + 20) == length) {
                return i;
            }
        }
        return -1;
    }

    private static int u16(ByteBuffer b, int at) {
        return b.getShort(at) & 0xffff;
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xffffffffL;
    }
}
