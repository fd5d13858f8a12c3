/**
 * Who may try how often: sliding-window limits per key, sign-in places taken before a password is
 * checked ({@link cloudlab.access.Limits}), slow work a few at a time, and the client address a
 * request counts under ({@link cloudlab.access.Addresses}), pure Java with an injected clock; and
 * the learner behind a request, carried in cookies, with the daily sweep of learners who kept
 * nothing ({@link cloudlab.access.Learners}, the one class here that reads a Javalin request).
 */
package cloudlab.access;
