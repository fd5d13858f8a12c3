package cloudlab.page;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page being written as UTF-8 bytes, what the server sends: kept markup is kept as UTF-8
 * ({@link KeptMarkup.Kept}) and goes in as it is, so a page is neither built as UTF-16 text (any
 * character beyond Latin-1 makes Java keep a whole text at two bytes a character) nor encoded again
 * on the way out.
 */
final class PageBuffer {
    private byte[] bytes;
    private int size;

    PageBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    /** Appends bytes as they are. */
    PageBuffer append(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    /** Appends text, encoded as UTF-8. */
    PageBuffer append(String text) {
        return append(text.getBytes(StandardCharsets.UTF_8));
    }

    private void ensure(int more) {
        if (size + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }

    /** What was written, as bytes. */
    byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    /** What was written, as text. */
    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }
}
