package cloudlab.lesson;

import java.util.List;

/** A lesson's quiz: an id unique in the course and its questions in order. */
public record Quiz(String id, List<Question> questions) {
    public Quiz {
        questions = List.copyOf(questions);
    }

    public Question question(String questionId) {
        for (Question q : questions) if (q.id().equals(questionId)) return q;
        return null;
    }
}
