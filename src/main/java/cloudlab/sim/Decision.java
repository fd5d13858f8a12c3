package cloudlab.sim;

import java.util.List;

/** The answer to a command: the events it yields, or a refusal that says why and changes nothing. */
public record Decision(List<Event> events, String refusal) {
    public Decision {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static Decision accept(Event... events) {
        return new Decision(List.of(events), null);
    }

    public static Decision refuse(String why) {
        return new Decision(List.of(), why);
    }

    public boolean accepted() {
        return refusal == null;
    }
}
