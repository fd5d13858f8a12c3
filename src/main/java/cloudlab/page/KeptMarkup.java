package cloudlab.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cloudlab.common.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Markup rendered once and shared. Much of a lesson page is the same for every learner but for
 * their CSRF token (in each form) and a question variant's seed. Such markup is rendered from a
 * view record holding placeholders for those two values (long random words, made at start, that
 * no learner can know or type) and kept under that record itself: the record is the key, and its
 * render function sees nothing else, so whatever reaches the markup is part of the key. Each
 * learner's values replace the placeholders on the way out, and lists a learner sees in an order of
 * their own are kept in one order and put in theirs then ({@link #reorder}).
 *
 * <p>A view's fields must be values (records, strings, unmodifiable lists) or one of the course's
 * own objects wrapped in {@link Same} (compared by identity: the course is read once and never
 * changed). Kept markup is bounded by its total length ({@link #MAX_CHARS}), the least used going
 * first, and dropped whole when the {@code version} a caller passes changes (a course read again,
 * a template edited).
 */
final class KeptMarkup {
    /** The most characters of markup kept: some 30 MB of text. */
    static final long MAX_CHARS = 15_000_000;
    /** What a question variant's seed looks like ({@code Question.Seeds}). */
    static final Pattern SEED = Pattern.compile("[0-9a-f]{16}");
    /** Stands in for a question variant's seed. */
    final String seedPlaceholder;
    /** Stands in for the learner's CSRF token. */
    final String tokenPlaceholder;
    /** Stands in for markup made per learner inside kept markup (a page's body, a quiz's questions). */
    final String innerPlaceholder;
    /** Marks the start and the end of each item of a list kept in its own order ({@link #reorder}). */
    final String orderPlaceholder;
    private final Cache<Versioned, String> kept = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS)
            .weigher((Versioned k, String v) -> v.length())
            .build();
    /** The form every CSRF token the lab issues has. */
    private final Pattern tokenForm;
    private volatile Object version;

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

    private record Versioned(Object version, Record view) {
    }

    /**
     * The markup of a view, rendered by {@code render} the first time it is asked for while the
     * version stays the same. The view holds placeholders where learners differ; {@code render}
     * must make its markup from the view alone.
     */
    <V extends Record> String markup(Object version, V view, Function<V, String> render) {
        if (!version.equals(this.version)) {
            synchronized (this) {
                if (!version.equals(this.version)) {
                    kept.invalidateAll();
                    this.version = version;
                }
            }
        }
        return kept.get(new Versioned(version, view), k -> render.apply(view));
    }

    /**
     * Kept markup with this learner's values in place of the placeholders (a null seed leaves the
     * seed's, for markup without one). The values go in as they are, unescaped, so they must be of
     * the forms the lab makes: a token of the form given at the start, a seed of 16 hex digits.
     */
    String fill(String markup, String seed, String csrf) {
        if (!tokenForm.matcher(csrf).matches()) throw new IllegalArgumentException("a CSRF token of an unexpected form");
        if (seed != null && !SEED.matcher(seed).matches()) throw new IllegalArgumentException("a seed of an unexpected form");
        String out = markup.replace(tokenPlaceholder, csrf);
        return seed == null ? out : out.replace(seedPlaceholder, seed);
    }

    /**
     * Kept markup with its token filled in and finished markup in place of its inner part; the
     * inner part goes in last, so nothing in it is taken for a placeholder.
     */
    String fillAround(String markup, String csrf, String inner) {
        String out = fill(markup, null, csrf);
        int at = out.indexOf(innerPlaceholder);
        if (at < 0) throw new IllegalStateException("the kept markup has no place for its inner part");
        return out.substring(0, at) + inner + out.substring(at + innerPlaceholder.length());
    }

    /**
     * Kept markup whose list items (item {@code i} of the list in its own order, each between two
     * order marks) are put in the given order, marks removed: what rendering the list in that order
     * gives, as long as an item's markup depends on its index alone and the text between items is
     * the same. Markup without marks (a list of none) comes back as it is.
     */
    String reorder(String markup, List<Integer> order) {
        if (order.isEmpty()) return markup;
        List<String> parts = new ArrayList<>(2 * order.size() + 1); // the text before, then each item and the text after it
        int from = 0;
        for (int at = markup.indexOf(orderPlaceholder); at >= 0; at = markup.indexOf(orderPlaceholder, from)) {
            parts.add(markup.substring(from, at));
            from = at + orderPlaceholder.length();
        }
        parts.add(markup.substring(from));
        if (parts.size() != 2 * order.size() + 1) {
            throw new IllegalStateException("kept markup with " + (parts.size() - 1) / 2 + " listed items for an order of " + order.size());
        }
        StringBuilder out = new StringBuilder(markup.length()).append(parts.get(0));
        for (int k = 0; k < order.size(); k++) out.append(parts.get(2 * order.get(k) + 1)).append(parts.get(2 * k + 2));
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
