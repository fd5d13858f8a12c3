package cloudlab.sim;

/**
 * Bad input: a document, an argument or a request that breaks a rule. The message is written
 * for a person and names the file (when there is one), the place in it and the rule broken.
 */
public final class InputException extends Exception {
    public InputException(String message) {
        super(message, null, false, false);
    }

    /** "file: place: problem", leaving out the parts that are empty. */
    public static InputException at(String source, String place, String problem) {
        StringBuilder sb = new StringBuilder();
        if (source != null && !source.isEmpty()) sb.append(source).append(": ");
        if (place != null && !place.isEmpty()) sb.append(place).append(": ");
        return new InputException(sb.append(problem).toString());
    }
}
