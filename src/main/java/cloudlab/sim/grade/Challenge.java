package cloudlab.sim.grade;

import java.util.List;

/**
 * A challenge: goals the core checks on a layout. {@code start} is the path of the layout a
 * learner starts from, relative to the challenge file, or null.
 */
public record Challenge(String id, String title, String start, List<Goal> goals) {
    public Challenge {
        goals = List.copyOf(goals);
    }
}
