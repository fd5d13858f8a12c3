package cloudlab.web;

import cloudlab.progress.Progress;

/** The cookie identity ({@link cloudlab.access.Learners}) under the name the handlers know it by. */
final class Learners extends cloudlab.access.Learners {
    Learners(Progress progress, String secret) {
        super(progress, secret);
    }
}
