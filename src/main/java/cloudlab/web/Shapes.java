package cloudlab.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Markup rendered once per shape and shared. Much of a lesson page is the same for every learner
 * but for their CSRF token (in each form) and a question variant's seed: such markup is rendered
 * with stand-ins for those two values (long random words, made at start, that no learner can
 * know or type), kept under a key naming everything else it was rendered from, and filled in for
 * each learner. At most {@link #MAX} shapes are kept, the least recently used leaving first.
 * A key must name every input of its render but the two stand-ins; identity keys suit the
 * course's own objects, which are made once when the course is read. Everything kept is dropped
 * when the {@code version} a caller passes changes (a course read again, a template edited).
 */
final class Shapes {
    static final int MAX = 4096;
    /** What a question variant's seed looks like ({@code Question.Seeds}). */
    static final java.util.regex.Pattern SEED = java.util.regex.Pattern.compile("[0-9a-f]{16}");
    final String seedHole;
    final String csrfHole;
    /** Where a shape holds markup of its own made per learner (a page's body, a quiz's questions). */
    final String innerHole;
    private Object version;
    private final Map<Object, String> kept = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, String> eldest) {
            return size() > MAX;
        }
    };

    Shapes() {
        SecureRandom random = new SecureRandom();
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        byte[] c = new byte[16];
        random.nextBytes(a);
        random.nextBytes(b);
        random.nextBytes(c);
        seedHole = "seed" + HexFormat.of().formatHex(a);
        csrfHole = "csrf" + HexFormat.of().formatHex(b);
        innerHole = "part" + HexFormat.of().formatHex(c);
    }

    /**
     * The shape under the key, rendered (with the stand-ins) the first time it is asked for while
     * the version stays the same.
     */
    String shape(Object version, Object key, Supplier<String> render) {
        String shape;
        synchronized (kept) {
            if (!version.equals(this.version)) {
                kept.clear();
                this.version = version;
            }
            shape = kept.get(key);
        }
        if (shape == null) {
            shape = render.get();
            synchronized (kept) {
                if (version.equals(this.version)) kept.put(key, shape);
            }
        }
        return shape;
    }

    /**
     * The shape with this learner's values in place of the stand-ins (a null seed leaves the seed's
     * stand-in, for shapes without one). The values go in as they are, unescaped, so they must be
     * of the forms the lab makes: a token as {@link Csrf} issues it, a seed of 16 hex digits.
     */
    String fill(String shape, String seed, String csrf) {
        if (!Csrf.TOKEN.matcher(csrf).matches()) throw new IllegalArgumentException("a CSRF token of an unexpected form");
        if (seed != null && !SEED.matcher(seed).matches()) throw new IllegalArgumentException("a seed of an unexpected form");
        String out = shape.replace(csrfHole, csrf);
        return seed == null ? out : out.replace(seedHole, seed);
    }

    /**
     * The shape with its token filled in and finished markup in place of its inner part; the
     * inner part goes in last, so nothing in it is taken for a stand-in.
     */
    String fillAround(String shape, String csrf, String inner) {
        String out = fill(shape, null, csrf);
        int at = out.indexOf(innerHole);
        if (at < 0) throw new IllegalStateException("the shape has no place for its inner part");
        return out.substring(0, at) + inner + out.substring(at + innerHole.length());
    }

    /** A key part that compares by identity: one of the course's own objects. */
    record Identity(Object of) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.of == of;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(of);
        }
    }
}
