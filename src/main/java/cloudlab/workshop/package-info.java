/**
 * Workshops: an instructor's class with a join code, its lessons opened as the room goes, the live
 * room, and the instructor's steering of every learner's sandbox.
 *
 * <p>Where each rule lives:
 * <ul>
 *   <li>the lesson lock and pacing (next, previous, all): {@link cloudlab.workshop.Pacing}, over
 *       {@link cloudlab.workshop.Workshop#lessonOpen};</li>
 *   <li>idle (five minutes) and how often "last seen" is written (30 s): {@link cloudlab.workshop.Attendance};</li>
 *   <li>stuck (three tries without a full score) and the results export: {@link cloudlab.workshop.Rooms};
 *       a learner's lesson state and score are the quiz feature's one definition
 *       ({@link cloudlab.quiz.Completion}, {@link cloudlab.quiz.Scores}), which the room reads;</li>
 *   <li>"fails most" (the question and the goal failing for the most learners) and the room's counts:
 *       {@link cloudlab.workshop.Room};</li>
 *   <li>creating, pacing, push, reset, chaos and closing: {@link cloudlab.workshop.Steering}, which
 *       changes sandboxes only through {@link cloudlab.sandbox.Sandboxes}, as steps the core decides;</li>
 *   <li>the join code and name rules: {@link cloudlab.workshop.Joining}; a name unique per workshop, a rejoin
 *       keeping it, merging two rows of one person and removing one: {@link cloudlab.workshop.Workshops};</li>
 *   <li>where a learner's work on a lesson belongs (their working workshop, or self-study), its lock,
 *       the policy it counts under and a closed workshop refusing new work: {@link cloudlab.workshop.Working};</li>
 *   <li>who may open a workshop (owner, co-instructor, admin; others get {@link cloudlab.workshop.Workshops.NotYours}):
 *       {@link cloudlab.workshop.Workshops#forInstructor}; API tokens and their scopes: {@link cloudlab.workshop.ApiTokens};
 *       an instructor's regrade and its audit: {@link cloudlab.workshop.Regrading};</li>
 *   <li>a closed workshop refusing every change, reopen, rename, lesson edits, co-instructors and the
 *       board (announcement and timer): {@link cloudlab.workshop.Steering};</li>
 *   <li>live updates, heard at once on the server that made them and read by a cursor from the database on every
 *       other: {@link cloudlab.workshop.Activity} ({@code touched} for one learner's row, {@code changed} for the room),
 *       sent to the open streams by {@link cloudlab.workshop.LiveStream};
 *       the class-level counts for the projector and summary: {@link cloudlab.workshop.Room#classView}.</li>
 * </ul>
 * The room is values ({@link cloudlab.workshop.Room} and its records); one learner's row can be
 * computed alone ({@link cloudlab.workshop.Rooms#row}) and put in place ({@link cloudlab.workshop.Room#withRow}).
 * The web layer parses a request, calls one of these and renders what it answers.
 */
package cloudlab.workshop;
