package cloudlab.lesson;

import cloudlab.quiz.AttemptPolicy;
import cloudlab.sim.InputException;
import cloudlab.sim.RegionCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A quiz block's optional {@code policy:}: practice by default, read strictly, every fault naming the field. */
class QuizPolicyTest {
    static final String QUESTION = "- id: q1\n  type: truefalse\n  prompt: A host runs VMs.\n  answer: true\n";

    static String lesson(String policyLines) {
        return "---\ntitle: Policies\norder: 3\nsummary: A lesson.\nteaches:\n  - count attempts\nminutes: 5\n---\n\n"
                + "## Text\n\nProse.\n\n```quiz\nid: policy-quiz\n" + policyLines + "questions:\n" + QUESTION.indent(2) + "```\n";
    }

    static Quiz read(String policyLines) throws InputException {
        return LessonReader.read(lesson(policyLines), "03-p.md", null, RegionCatalog.builtIn()).quiz();
    }

    @Test
    void aQuizIsPracticeUnlessItSaysOtherwise() throws InputException {
        assertEquals(AttemptPolicy.PRACTICE, read("").policy());
        assertEquals(AttemptPolicy.GRADED, read("policy: graded\n").policy());
        assertEquals(new AttemptPolicy(AttemptPolicy.Kind.GRADED, 3, 0.25),
                read("policy:\n  kind: graded\n  maxAttempts: 3\n  penaltyPerRetry: 0.25\n").policy());
        assertEquals(new AttemptPolicy(AttemptPolicy.Kind.FIRST, 0, 0), read("policy:\n  kind: first\n").policy());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "policy: sometimes\\n|policy: must be practice, graded, or {kind, maxAttempts, penaltyPerRetry}; not sometimes",
            "policy:\\n  kind: strict\\n|policy.kind: must be practice, graded or first; not strict",
            "policy:\\n  kind: graded\\n|policy.maxAttempts: graded needs a number of attempts, 1 to 100",
            "policy:\\n  kind: graded\\n  maxAttempts: 0\\n|policy.maxAttempts: must be a whole number from 1",
            "policy:\\n  kind: graded\\n  maxAttempts: 2\\n  penaltyPerRetry: 2\\n|policy.penaltyPerRetry: must be 0 to 1",
            "policy:\\n  kind: practice\\n  maxAttempts: 2\\n|policy: practice has unlimited attempts and no penalty",
            "policy:\\n  kind: graded\\n  tries: 2\\n|policy.tries: unknown field tries",
    })
    void aBadPolicyIsRefusedNamingTheField(String lines, String message) {
        InputException e = assertThrows(InputException.class, () -> read(lines.replace("\\n", "\n")));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
