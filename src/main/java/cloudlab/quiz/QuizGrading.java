package cloudlab.quiz;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import cloudlab.sim.document.Check;
import cloudlab.sim.grade.GradeResult;
import cloudlab.progress.Progress;
import cloudlab.sim.InputException;
import cloudlab.sim.document.Json;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.RegionCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stateless grading of a quiz's answers for machines (the grading API): the same variants,
 * number bounds and scoring as answering in a lesson ({@link Answering}, {@link Scoring}), and the
 * core's grader for a challenge question.
 */
public final class QuizGrading {
    private QuizGrading() {
    }

    /**
     * Grades answers to the lesson's quiz: {@code {"answers": [{"question", "answer", "seed",
     * "attempt"}], "learner": ID}}. A question with variants needs the seed it was answered under;
     * when {@code learner} and {@code attempt} are given the seed must be the one derived from them,
     * so a tampered seed is refused. A challenge question's answer is a layout. Hints are never taken
     * from the caller: a right answer is scaled by the hints the lab recorded for the learner (none
     * without one). Only a practice quiz may be checked this way ({@code policy}: the one in force);
     * a graded one is answered on its lesson page. The result says what a learner's page says after
     * the same attempt (right or not, the chosen options' feedback), never the explanation or the
     * right answer. Bad input is refused naming the field path; nothing is stored.
     */
    public static Map<String, Object> grade(Lesson lesson, ObjectNode body, Course course, RegionCatalog catalog, Progress progress,
                                            AttemptPolicy policy) throws InputException {
        Quiz quiz = lesson.quiz();
        Check check = new Check(null);
        if (!policy.practice()) {
            throw check.fail("", "the quiz " + quiz.id() + " is graded (" + policy.label()
                    + "): its answers count only when given on its lesson page");
        }
        String learner = null;
        if (body.has("learner")) learner = check.text(body.get("learner"), "learner");
        if (!body.has("answers")) throw check.fail("", "missing required field answers");
        ArrayNode answers = check.list(body.get("answers"), "answers");
        List<Map<String, Object>> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        double total = 0;
        for (int i = 0; i < answers.size(); i++) {
            String p = Check.item("answers", i);
            ObjectNode a = check.object(answers.get(i), p, "an answer");
            check.required(a, p, "question", "answer");
            for (Map.Entry<String, JsonNode> f : Check.entries(a)) {
                if (f.getKey().equals("hints")) {
                    throw check.fail(Check.child(p, "hints"), "not accepted: the hints that count are the ones the lab recorded "
                            + "for the learner (none without one)");
                }
                if (!Set.of("question", "answer", "seed", "attempt").contains(f.getKey())) {
                    throw check.unknown(p, f.getKey(), "question, answer, seed, attempt");
                }
            }
            String qid = check.text(a.get("question"), Check.child(p, "question"));
            Question q = quiz.question(qid);
            if (q == null) throw check.fail(Check.child(p, "question"), "the quiz " + quiz.id() + " has no question " + qid);
            if (!seen.add(qid)) throw check.fail(Check.child(p, "question"), qid + " is answered twice");
            Map<String, Object> r = q.type() == Question.Type.CHALLENGE
                    ? challenge(q, a, p, check, course, catalog) : question(q, quiz, learner, a, p, check, progress);
            total += (double) r.get("score");
            results.add(r);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("quiz", quiz.id());
        out.put("score", total);
        out.put("max", (double) quiz.questions().size());
        out.put("results", results);
        return out;
    }

    private static Map<String, Object> question(Question q, Quiz quiz, String learner, ObjectNode a, String p, Check check,
                                                Progress progress) throws InputException {
        String seed = null;
        if (a.has("seed")) {
            seed = check.text(a.get("seed"), Check.child(p, "seed"));
            if (!Question.Seeds.valid(seed)) throw check.fail(Check.child(p, "seed"), "must be 16 hex digits, as the lab issues them");
        }
        Integer attempt = a.has("attempt") ? check.whole(a.get("attempt"), Check.child(p, "attempt"), 1, 1_000_000) : null;
        if (learner != null && attempt != null) {
            String expected = Question.Seeds.of(learner, quiz.id(), q.id(), attempt);
            if (seed == null) seed = expected;
            else if (!seed.equals(expected)) {
                throw check.fail(Check.child(p, "seed"), "does not match the learner, question and attempt it claims to come from");
            }
        }
        if (q.hasVariants() && seed == null) {
            throw check.fail(p, "question " + q.id() + " has variants: give the seed it was answered under (or learner and attempt)");
        }
        Question variant = q.variant(seed);
        Submission s;
        try {
            s = Json.mapper().treeToValue(a.get("answer"), Submission.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw check.fail(Check.child(p, "answer"), "must be an answer object like {\"choices\": [0]}, {\"truth\": true}, "
                    + "{\"number\": 3}, {\"matches\": [1, 0]} or {\"positions\": [2, 1]}");
        }
        if (s == null) throw check.fail(Check.child(p, "answer"), "must not be null");
        String odd = variant.answersNumber() ? Answering.numberProblem(s.number()) : null;
        if (odd != null) throw check.fail(Check.child(p, "answer.number"), odd.replaceFirst("^answer: ", ""));
        String problem = s.problemWith(variant);
        if (problem != null) throw check.fail(Check.child(p, "answer"), problem);
        List<Integer> hints = learner == null ? List.of() : progress.hintsShown(learner, quiz.id(), q.id());
        Scoring.Result r = Scoring.score(variant, s, hints);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", q.id());
        out.put("version", q.version());
        if (seed != null) out.put("seed", seed);
        out.put("score", r.score());
        out.put("max", r.max());
        out.put("correct", r.correct());
        out.put("feedback", r.feedback());
        return out;
    }

    private static Map<String, Object> challenge(Question q, ObjectNode a, String p, Check check, Course course, RegionCatalog catalog)
            throws InputException {
        LessonChallenge c = course.challenge(q.challenge());
        if (c == null) throw check.fail(p, "question " + q.id() + " names a challenge the course does not hold");
        ObjectNode answer = check.object(a.get("answer"), Check.child(p, "answer"), "{\"layout\": {...}}");
        if (!answer.has("layout")) throw check.fail(Check.child(p, "answer"), "missing required field layout");
        GradeResult g;
        try {
            g = c.grade(LayoutReader.fromTree(answer.get("layout"), Check.child(p, "answer.layout"), null, catalog));
        } catch (InputException e) {
            g = GradeResult.invalid(c.id(), e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", q.id());
        out.put("version", q.version());
        out.put("score", g.score());
        out.put("max", 1.0);
        out.put("correct", g.passed());
        out.put("checks", g.checks());
        return out;
    }
}
