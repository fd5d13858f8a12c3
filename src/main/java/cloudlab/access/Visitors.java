package cloudlab.access;

import cloudlab.common.Tokens;
import cloudlab.progress.Learner;
import cloudlab.progress.Progress;
import cloudlab.store.StoreException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers and when they become learners. A reader who has written nothing is a visitor: it holds
 * the id its learner will get, signed by the server so nobody can claim another's id (the question
 * variants it was shown are seeded by that id). Its first write makes the learner under that id.
 * Sessions last {@link #SESSION_LIFETIME}; a learner that kept nothing for {@link #IDLE_LEARNER_AGE}
 * is swept.
 */
public final class Visitors {
    /** How long a browser session lasts. */
    public static final Duration SESSION_LIFETIME = Duration.ofDays(365);
    /** How old a learner with nothing kept must be before it is swept (a day: one still at work keeps it). */
    public static final Duration IDLE_LEARNER_AGE = Duration.ofDays(1);
    private static final Pattern SIGNED_ID = Pattern.compile("(L[A-Z0-9]{6,20})\\.([A-Za-z0-9_-]{43})");
    private final Progress progress;
    private final byte[] secret;

    public Visitors(Progress progress, String secret) {
        this.progress = progress;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A new visitor's id with its signature, {@code id.signature}. */
    public String newSignedId() {
        String id = progress.newLearnerId();
        return id + "." + signature(id);
    }

    /** The id a signed value holds when its signature is the server's, else null. */
    public String idOf(String signed) {
        if (signed == null) return null;
        Matcher m = SIGNED_ID.matcher(signed);
        return m.matches() && Tokens.sameText(m.group(2), signature(m.group(1))) ? m.group(1) : null;
    }

    /** The id in a value from {@link #newSignedId}. */
    public static String id(String signed) {
        return signed.substring(0, signed.indexOf('.'));
    }

    /**
     * The learner a reader's first write makes: under the visitor's id when it has one and no
     * learner holds it yet, else under a new id.
     */
    public Progress.Started start(String visitorId) {
        try {
            return visitorId != null && progress.byId(visitorId).isEmpty() ? progress.newLearner(visitorId) : progress.newLearner();
        } catch (StoreException e) {
            return progress.newLearner(); // the same visitor's other first write took that id a moment ago
        }
    }

    /** Whether this is a reader who is no stored learner yet. */
    public static boolean visitor(Learner learner) {
        return learner.resumeCode() == null || learner.resumeCode().isEmpty();
    }

    /** Forgets expired sessions and learners that kept nothing; returns how many learners went. */
    public int sweep(Clock clock) {
        progress.expireSessions(clock.instant().minus(SESSION_LIFETIME));
        return progress.sweepIdleLearners(clock.instant().minus(IDLE_LEARNER_AGE));
    }

    private String signature(String id) {
        return Tokens.hmac(secret, "visitor\n" + id);
    }
}
