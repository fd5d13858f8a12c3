package cloudlab.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cloudlab.common.Tokens;
import cloudlab.lesson.Question;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Markup rendered once and shared. Much of a lesson page is the same for every learner but for
 * their CSRF token (in each form) and a question variant's seed. Such markup is rendered from a
 * view record holding placeholders for those two values (long random words, made at start, that
 * no learner can know or type) and kept under that record itself: the record is the key, and its
 * render function sees nothing else, so whatever reaches the markup is part of the key. Each
 * learner's values replace the placeholders on the way out, and lists a learner sees in an order of
 * their own are kept in one order and put in theirs then. Kept markup is cut at its placeholders
 * once, when it is made, and kept as UTF-8 ({@link Kept}), so filling it in appends its pieces and
 * the learner's values to the page being written ({@link PageBuffer}), with no search, no copies of
 * the whole and no encoding on the way out.
 *
 * <p>A view's fields must be values (records, strings, unmodifiable lists) or one of the course's
 * own objects wrapped in {@link Same} (compared by identity: the course is read once and never
 * changed). Kept markup is bounded by its total length ({@link #MAX_BYTES}), the least used going
 * first, and dropped whole when the {@code version} a caller passes changes (a course read again,
 * a template edited).
 */
final class KeptMarkup {
    /** The most bytes of markup kept (UTF-8). */
    static final long MAX_BYTES = 15_000_000;
    /** Stands in for a question variant's seed. */
    final String seedPlaceholder;
    /** Stands in for the learner's CSRF token. */
    final String tokenPlaceholder;
    /** Stands in for markup made per learner inside kept markup (a page's course map and body, a quiz's questions), in their order. */
    final String innerPlaceholder;
    /** Marks the start and the end of each item of a list kept in its own order ({@link Kept#write}). */
    final String orderPlaceholder;
    private final Cache<Versioned, Kept> kept = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((Versioned k, Kept v) -> v.length)
            .build();
    /** The form every CSRF token the lab issues has. */
    private final Pattern tokenForm;
    private volatile Generation current = new Generation(new Object());

    /** Kept markup for pages whose CSRF tokens all have the given form. */
    KeptMarkup(Pattern tokenForm) {
        this.tokenForm = tokenForm;
        seedPlaceholder = "seed" + word();
        tokenPlaceholder = "csrf" + word();
        innerPlaceholder = "part" + word();
        orderPlaceholder = "item" + word();
    }

    /** A word no learner can know or type: 32 random hex digits. */
    private static String word() {
        return Tokens.randomText("0123456789abcdef", 32);
    }

    /** What kept markup is made from besides each view, as one object compared by identity (so a key is cheap to compare). */
    private static final class Generation {
        final Object version;

        Generation(Object version) {
            this.version = version;
        }
    }

    private record Versioned(Generation generation, Record view) {
    }

    /**
     * The markup of a view, rendered by {@code render} the first time it is asked for while the
     * version stays the same. The view holds placeholders where learners differ; {@code render}
     * must make its markup from the view alone.
     */
    <V extends Record> Kept markup(Object version, V view, Function<V, String> render) {
        Generation g = current;
        if (g.version != version && !g.version.equals(version)) {
            synchronized (this) {
                g = current;
                if (!g.version.equals(version)) {
                    kept.invalidateAll();
                    g = new Generation(version);
                    current = g;
                }
            }
        }
        return kept.get(new Versioned(g, view), k -> cut(render.apply(view)));
    }

    /** A learner's CSRF token, checked to have the form the lab issues (it goes into markup unescaped). */
    static final class Token {
        final String value;
        private final byte[] bytes;

        private Token(String value) {
            this.value = value;
            this.bytes = value.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The learner's token, once checked: it goes into kept markup as it is, so it must be of the form the lab makes. */
    Token token(String csrf) {
        if (csrf == null || !tokenForm.matcher(csrf).matches()) throw new IllegalArgumentException("a CSRF token of an unexpected form");
        return new Token(csrf);
    }

    /** What stands in a kept markup's pieces between its texts. */
    private static final byte TOKEN = 0;
    private static final byte SEED = 1;
    private static final byte INNER = 2;

    /**
     * Kept markup, cut at its placeholders: for each stretch between two order marks (the text
     * before the first item, each item, the text after it; one stretch without marks), its texts
     * as UTF-8 and, between each two, which value goes there.
     */
    static final class Kept {
        private final byte[][][] texts;
        private final byte[][] slots;
        private final byte[] seedPlaceholder;
        final int length;

        private Kept(byte[][][] texts, byte[][] slots, byte[] seedPlaceholder, int length) {
            this.texts = texts;
            this.slots = slots;
            this.seedPlaceholder = seedPlaceholder;
            this.length = length;
        }

        /** How many listed items the markup holds (each between two order marks). */
        int items() {
            return (texts.length - 1) / 2;
        }

        /**
         * Appends the markup with this learner's values: the token, the seed (null leaves the
         * seed's placeholder, for markup without one), its listed items in {@code order} (item
         * {@code order.get(k)} of the list in its own order at place {@code k}; null or empty for
         * markup without a list), and each inner placeholder, in turn, replaced by what the next of
         * {@code inners} writes. The values go in as they are, unescaped: a token checked by
         * {@link #token}, a seed of 16 hex digits.
         */
        @SafeVarargs
        final void write(PageBuffer out, Token token, String seed, List<Integer> order, Consumer<PageBuffer>... inners) {
            if (seed != null && !Question.Seeds.valid(seed)) throw new IllegalArgumentException("a seed of an unexpected form");
            byte[] seedBytes = seed == null ? seedPlaceholder : seed.getBytes(StandardCharsets.UTF_8);
            int n = order == null ? 0 : order.size();
            if (items() != n) throw new IllegalStateException("kept markup with " + items() + " listed items for an order of " + n);
            int[] inner = {0};
            append(out, 0, token, seedBytes, inners, inner);
            for (int k = 0; k < n; k++) {
                append(out, 2 * order.get(k) + 1, token, seedBytes, inners, inner);
                append(out, 2 * k + 2, token, seedBytes, inners, inner);
            }
            if (inner[0] != inners.length) throw new IllegalStateException("the kept markup has no place for its inner part");
        }

        private void append(PageBuffer out, int stretch, Token token, byte[] seed, Consumer<PageBuffer>[] inners, int[] inner) {
            byte[][] t = texts[stretch];
            byte[] s = slots[stretch];
            out.append(t[0]);
            for (int i = 0; i < s.length; i++) {
                switch (s[i]) {
                    case TOKEN -> out.append(token.bytes);
                    case SEED -> out.append(seed);
                    default -> {
                        if (inner[0] == inners.length) throw new IllegalStateException("kept markup with more inner parts than given");
                        inners[inner[0]++].accept(out);
                    }
                }
                out.append(t[i + 1]);
            }
        }
    }

    /** The markup cut at its order marks, then each stretch at its placeholders. */
    Kept cut(String markup) {
        List<String> stretches = split(markup, orderPlaceholder);
        if (stretches.size() % 2 != 1) throw new IllegalStateException("kept markup with an unclosed listed item");
        byte[][][] texts = new byte[stretches.size()][][];
        byte[][] slots = new byte[stretches.size()][];
        for (int i = 0; i < stretches.size(); i++) {
            List<String> t = new ArrayList<>();
            List<Byte> s = new ArrayList<>();
            String rest = stretches.get(i);
            int from = 0;
            while (true) {
                int tokenAt = rest.indexOf(tokenPlaceholder, from);
                int seedAt = rest.indexOf(seedPlaceholder, from);
                int innerAt = rest.indexOf(innerPlaceholder, from);
                int at = first(first(tokenAt, seedAt), innerAt);
                if (at < 0) break;
                t.add(rest.substring(from, at));
                byte slot = at == tokenAt ? TOKEN : at == seedAt ? SEED : INNER;
                s.add(slot);
                from = at + (slot == TOKEN ? tokenPlaceholder : slot == SEED ? seedPlaceholder : innerPlaceholder).length();
            }
            t.add(rest.substring(from));
            texts[i] = t.stream().map(x -> x.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
            slots[i] = new byte[s.size()];
            for (int k = 0; k < s.size(); k++) slots[i][k] = s.get(k);
        }
        int length = 0;
        for (byte[][] stretch : texts) for (byte[] b : stretch) length += b.length;
        return new Kept(texts, slots, seedPlaceholder.getBytes(StandardCharsets.UTF_8), length);
    }

    private static int first(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private static List<String> split(String text, String mark) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, from)) {
            out.add(text.substring(from, at));
            from = at + mark.length();
        }
        out.add(text.substring(from));
        return out;
    }

    /**
     * Markup with this learner's values in place of its placeholders: {@link Kept#write} into a
     * text of its own (a question's section answering htmx, the tests).
     */
    @SafeVarargs
    final String fill(Kept markup, String seed, String csrf, List<Integer> order, Consumer<PageBuffer>... inners) {
        PageBuffer out = new PageBuffer(markup.length + 64);
        markup.write(out, token(csrf), seed, order, inners);
        return out.toString();
    }

    /** How many markups are kept now. */
    long size() {
        kept.cleanUp();
        return kept.estimatedSize();
    }

    /** One of the course's own objects in a view, compared by identity (it is made once when the course is read). */
    record Same<T>(T value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same<?> s && s.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }
}
