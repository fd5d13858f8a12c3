package cloudlab.page;

/** The words of the lab's error page: its title for a status, and the heading over a message. */
public final class ErrorWords {
    private ErrorWords() {
    }

    /** The page's title for an HTTP status. */
    public static String title(int status) {
        return switch (status) {
            case 404 -> "Page not found";
            case 413 -> "Too large";
            case 403 -> "Not open yet";
            case 429 -> "Too many tries";
            case 503 -> "Busy";
            case 400 -> "That did not work";
            case 500 -> "Something went wrong";
            default -> "Request refused";
        };
    }

    /** The heading over a message: an expired form is asked to try again, anything else gets the title. */
    public static String heading(int status, String message) {
        return message.startsWith("This form has expired") ? "Please try again" : title(status);
    }
}
