package cloudlab.quiz;

import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import cloudlab.sim.InputException;
import cloudlab.sim.Rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moodle's GIFT format, for the question types GIFT has.
 *
 * <table>
 * <caption>What maps to what</caption>
 * <tr><th>lab</th><th>GIFT</th></tr>
 * <tr><td>single</td><td>{@code {=right#feedback ~wrong#feedback}}</td></tr>
 * <tr><td>multiple</td><td>{@code {~%50%right ~%-50%wrong}}: the lab's rule, +100/k % per right option, −100/k % per wrong one</td></tr>
 * <tr><td>truefalse</td><td>{@code {T}} or {@code {F}} (reads TRUE and FALSE too)</td></tr>
 * <tr><td>numeric</td><td>{@code {#answer:tolerance}} (reads {@code {#low..high}} too); the unit rides in a {@code // cloudlab: unit} comment</td></tr>
 * <tr><td>matching</td><td>{@code {=left -> right ...}}</td></tr>
 * <tr><td>predict</td><td>exported as true/false or numeric with the answer computed for its default variant</td></tr>
 * <tr><td>ordering, challenge</td><td>skipped with a comment: GIFT has no such type</td></tr>
 * </table>
 *
 * <p>The question id is the GIFT title ({@code ::id::}); the explanation is the general feedback
 * ({@code ####}). Lost on the way out: hints, variants other than the default, predict layouts,
 * relative tolerances (written as the absolute tolerance they allow at the answer). Lost on the way
 * in: Moodle's weights other than the lab's rule, true/false and numeric answer feedback, matching
 * distractors; {@link Imported#lossy()} lists each case.
 */
public final class Gift {
    private static final int MAX_ID = 64;

    private Gift() {
    }

    /**
     * What an import gives: the quiz block's YAML, the questions skipped (valid GIFT with no lab
     * type) and the details dropped, each message starting with the GIFT line it is about.
     */
    public record Imported(String yaml, List<String> skipped, List<String> lossy) {
        public Imported {
            skipped = List.copyOf(skipped);
            lossy = List.copyOf(lossy);
        }
    }

    /** The quiz as GIFT text. */
    public static String export(Quiz quiz) {
        return GiftWriter.write(quiz);
    }

    /** What {@link #export} leaves out of the quiz, one line per question (said on stderr by the command). */
    public static List<String> leftOut(Quiz quiz) {
        return GiftWriter.leftOut(quiz);
    }

    /** The YAML of a quiz block holding the questions of the GIFT text; see {@link #importGift}. */
    public static String importText(String gift, String quizId) throws InputException {
        return importGift(gift, quizId).yaml();
    }

    /**
     * Reads GIFT text into the YAML of a quiz block with the given id. Each question is checked
     * with the lesson reader; one it refuses (say, nine options) is skipped with the reader's
     * reason. Throws when the text is not valid GIFT, naming the line, or when no question is left.
     */
    public static Imported importGift(String gift, String quizId) throws InputException {
        String bad = Rules.id(quizId);
        if (bad != null) throw new InputException("the quiz id " + bad);
        GiftReader read = GiftReader.read(gift);
        List<GiftReader.Note> skipped = new ArrayList<>(read.skipped);
        List<String> ids = ids(read.drafts);
        List<Question> kept = new ArrayList<>();
        for (int i = 0; i < read.drafts.size(); i++) {
            GiftReader.Draft d = read.drafts.get(i);
            Question q = d.question(ids.get(i));
            String problem = GiftYaml.problem(q);
            if (problem == null) kept.add(q);
            else skipped.add(new GiftReader.Note(d.line(), "skipped \"" + q.id() + "\": the lab cannot hold it (" + problem + ")"));
        }
        List<String> skips = messages(skipped);
        List<String> lossy = messages(read.lossy);
        if (kept.isEmpty()) {
            if (skips.isEmpty()) throw new InputException("the GIFT text holds no questions");
            throw new InputException("no question could be imported; " + String.join("; ", skips));
        }
        List<String> comments = new ArrayList<>();
        for (String s : skips) comments.add("cloudlab: " + s);
        for (String s : lossy) comments.add("cloudlab: " + s);
        return new Imported(GiftYaml.quiz(quizId, kept, comments), skips, lossy);
    }

    private static List<String> messages(List<GiftReader.Note> notes) {
        return notes.stream().sorted(Comparator.comparingInt(GiftReader.Note::line))
                .map(n -> "line " + n.line() + ": " + n.text()).toList();
    }

    /**
     * A lab id for each question: its title made to fit {@code [A-Za-z0-9._-]{1,64}}, or q-N (N its
     * place in the file) when it has none; a repeat gets -2, -3... Titles are placed first, so a
     * generated id never takes a title's.
     */
    static List<String> ids(List<GiftReader.Draft> drafts) {
        Set<String> used = new HashSet<>();
        String[] ids = new String[drafts.size()];
        for (int i = 0; i < ids.length; i++) {
            String base = sanitize(drafts.get(i).title());
            if (base != null) ids[i] = unique(base, used);
        }
        for (int i = 0; i < ids.length; i++) if (ids[i] == null) ids[i] = unique("q-" + (i + 1), used);
        return List.of(ids);
    }

    /** The title as an id: accents dropped, every other character outside the pattern turned into -. */
    static String sanitize(String title) {
        if (title == null) return null;
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String id = ascii.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        if (id.length() > MAX_ID) id = id.substring(0, MAX_ID).replaceAll("-+$", "");
        return id.isEmpty() ? null : id;
    }

    private static String unique(String base, Set<String> used) {
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            String suffix = "-" + n;
            id = base.substring(0, Math.min(base.length(), MAX_ID - suffix.length())) + suffix;
        }
        return id;
    }
}
