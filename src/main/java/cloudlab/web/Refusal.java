package cloudlab.web;

/**
 * The one refusal a handler throws: a 4xx status and a message for the person (or program) that
 * asked. {@link App} maps it centrally, to {@code {"error": ...}} under {@code /api/} and to the
 * lab's error page elsewhere, so no handler renders a refusal and returns for its caller to check.
 */
class Refusal extends RuntimeException {
    final int status;

    Refusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
