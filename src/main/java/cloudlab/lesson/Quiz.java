package cloudlab.lesson;

import cloudlab.quiz.AttemptPolicy;

import java.util.List;

/**
 * A lesson's quiz: an id unique in the course, its questions in order, and the attempt policy it
 * declares (practice unless its block names another; a workshop may pass its own in its place).
 */
public record Quiz(String id, List<Question> questions, AttemptPolicy policy) {
    public Quiz {
        questions = List.copyOf(questions);
        policy = policy == null ? AttemptPolicy.PRACTICE : policy;
    }

    public Quiz(String id, List<Question> questions) {
        this(id, questions, AttemptPolicy.PRACTICE);
    }

    public Question question(String questionId) {
        for (Question q : questions) if (q.id().equals(questionId)) return q;
        return null;
    }
}
