package cloudlab.quiz;

import cloudlab.lesson.Course;
import cloudlab.lesson.Lesson;
import cloudlab.lesson.Question;
import cloudlab.progress.LearnerProgress;
import cloudlab.sim.RegionCatalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The checkout's course, read once for the quiz feature's tests, and learners' progress made by hand. */
final class TheCourse {
    private static Course course;

    private TheCourse() {
    }

    static synchronized Course course() {
        if (course == null) course = Course.load(Path.of("lessons").toAbsolutePath(), RegionCatalog.builtIn());
        return course;
    }

    static Lesson lesson(String slug) {
        Lesson l = course().lesson(slug);
        if (l == null) throw new IllegalStateException("the course has no lesson " + slug);
        return l;
    }

    /** A form that answers the variant in a way the lab accepts (right or not). */
    static Map<String, List<String>> validForm(Question variant, String seed) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (seed != null) form.put("seed", List.of(seed));
        switch (variant.type()) {
            case SINGLE, MULTIPLE -> form.put("choice", List.of("0"));
            case MATCHING -> {
                for (int i = 0; i < variant.pairs().size(); i++) form.put("match-" + i, List.of("0"));
            }
            case ORDERING -> {
                for (int i = 0; i < variant.items().size(); i++) form.put("position-" + i, List.of(Integer.toString(i + 1)));
            }
            default -> form.put("answer", List.of(variant.answersTruth() ? variant.truth().toString() : variant.number().toPlainString()));
        }
        return form;
    }

    /** A learner's progress made by hand: lessons opened, answers as lists of attempt scores, challenge checks. */
    static final class Made {
        final Map<String, LearnerProgress.LessonState> lessons = new LinkedHashMap<>();
        final Map<String, LearnerProgress.Answer> answers = new LinkedHashMap<>();
        final Map<String, LearnerProgress.ChallengeResult> challenges = new LinkedHashMap<>();

        Made opened(String slug) {
            lessons.put(slug, new LearnerProgress.LessonState("2026-12-01T10:00:00Z", null));
            return this;
        }

        Made answered(String quizId, String questionId, Double... scores) {
            List<Double> s = List.of(scores);
            answers.put(LearnerProgress.key(quizId, questionId), new LearnerProgress.Answer(quizId, questionId, "{}", s.get(s.size() - 1),
                    1.0, s.size(), "2026-12-01T10:0" + s.size() + ":00Z", null, null, null, s));
            return this;
        }

        Made checked(String challengeId, boolean passed, Double... scores) {
            challenges.put(challengeId, new LearnerProgress.ChallengeResult(challengeId, new ArrayList<>(List.of(scores)), passed,
                    "2026-12-01T11:00:00Z"));
            return this;
        }

        LearnerProgress progress() {
            return new LearnerProgress(lessons, answers, challenges, Map.of());
        }
    }
}
