package cloudlab.web;

import cloudlab.lesson.Lesson;
import cloudlab.quiz.QuizGrading;
import cloudlab.sim.InputException;
import cloudlab.lesson.LessonChallenge;
import cloudlab.lesson.Question;
import cloudlab.lesson.Quiz;
import cloudlab.quiz.Scoring;
import cloudlab.quiz.Submission;
import cloudlab.sim.document.Check;
import cloudlab.sim.document.Json;
import cloudlab.sim.document.LayoutReader;
import cloudlab.sim.grade.GradeResult;
import cloudlab.sim.grade.Grader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** {@code POST /api/v1/quizzes/{id}/grade}: the quiz feature's grading, its refusals as 400s. */
final class QuizApi {
    private QuizApi() {
    }

    static Map<String, Object> grade(Lesson lesson, ObjectNode body, Services services) {
        try {
            // the quiz's own policy for now: a workshop's override is passed here when it comes
            return QuizGrading.grade(lesson, body, services.course().course(), services.catalog(), services.progress(),
                    lesson.quiz().policy());
        } catch (InputException e) {
            throw new Api.Refusal(400, e.getMessage());
        }
    }
}
