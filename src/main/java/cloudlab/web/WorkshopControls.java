package cloudlab.web;

import cloudlab.access.Learners;
import cloudlab.page.Qr;
import cloudlab.workshop.LiveStream;
import cloudlab.workshop.Room;
import cloudlab.workshop.Steering;
import cloudlab.workshop.Workshop;
import cloudlab.workshop.Workshops;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.sse.SseClient;

import java.util.Map;
import java.util.Optional;

/**
 * The live workshop's pages beside the room: the projector view, the live streams of the room and
 * of a learner's page, and the instructor's settings (rename, lessons, co-instructors, the board,
 * reopen, delete). Each handler parses, calls one {@link Steering} method and renders.
 */
final class WorkshopControls implements AutoCloseable {
    private final Services services;
    private final Learners learners;
    private final WorkshopPages pages;
    private final Steering steering;
    private final LiveStream live;

    WorkshopControls(Services services, Learners learners, WorkshopPages pages) {
        this.services = services;
        this.learners = learners;
        this.pages = pages;
        this.steering = pages.rooms().steering();
        this.live = new LiveStream(pages.rooms(), services.workshops()::byId);
    }

    /** The class-level view for the projector: code and QR large, counts only, no names, no buttons. */
    void projector(Context ctx) {
        Workshop w = pages.owned(ctx);
        Room room = pages.rooms().room(w);
        Map<String, Object> model = LessonPages.base(ctx, w.title() + " — projector");
        model.put("section", "instructor");
        model.put("workshop", w);
        model.put("classView", room.classView());
        String joinUrl = pages.base(ctx) + "/join/" + w.code();
        model.put("joinHost", pages.base(ctx) + "/join");
        model.put("qr", Qr.svg(joinUrl, "Join link for " + w.title()));
        model.put("shown", steering.shown(w));
        ctx.render("instructor/projector", model);
    }

    /** Refuses a room stream to anyone but the workshop's instructors, before the stream opens. */
    void mayWatchRoom(Context ctx) {
        Optional<String> who = services.instructors().bySession(ctx.cookie(InstructorPages.COOKIE));
        if (who.isEmpty()) throw new UnauthorizedResponse("Sign in as an instructor.");
        services.workshops().forInstructor(who.get(), ctx.pathParam("id")).orElseThrow(() -> new NotFoundResponse("No such workshop among yours."));
    }

    void roomStream(SseClient client) {
        Context ctx = client.ctx();
        String csrf = cloudlab.server.Csrf.token(ctx);
        live.room(open(client), ctx.pathParam("id"), (w, r) -> cloudlab.page.RoomRows.row(w.id(), r, csrf));
    }

    /** A server-sent event stream as the live updates hold it. */
    private static LiveStream.Client open(SseClient c) {
        return new LiveStream.Client() {
            public void connected() {
                c.sendComment("connected");
                c.keepAlive();
            }

            public void onClose(Runnable leave) {
                c.onClose(leave);
            }

            public boolean terminated() {
                return c.terminated();
            }

            public void sendEvent(String event, String data) {
                c.sendEvent(event, data);
            }

            public void close() {
                c.close();
            }
        };
    }

    /** Refuses a learner's stream when they are in no open workshop. */
    void mayWatchHome(Context ctx) {
        if (membership(ctx).isEmpty()) throw new NotFoundResponse("You are in no open workshop.");
    }

    /** A learner's stream; {@code since} is when their page was made (changes before it are on it already). */
    void homeStream(SseClient client) {
        Context ctx = client.ctx();
        long since = Optional.ofNullable(ctx.queryParam("since")).filter(v -> v.matches("[0-9]{1,15}")).map(Long::parseLong).orElse(0L);
        membership(ctx).ifPresentOrElse(ms -> live.learner(open(client), ms.workshop().id(), ms.member().learnerId(), since), client::close);
    }

    private Optional<Workshops.Membership> membership(Context ctx) {
        return learners.current(ctx).flatMap(l -> services.workshops().current(l.id()));
    }

    void rename(Context ctx) {
        pages.act(ctx, w -> steering.rename(w, ctx.formParam("title")));
    }

    void lessons(Context ctx) {
        pages.act(ctx, w -> steering.lessons(w, ctx.formParams("lesson")));
    }

    void addInstructor(Context ctx) {
        pages.act(ctx, w -> steering.addInstructor(w, ctx.formParam("name"), services.instructors()));
    }

    void board(Context ctx) {
        pages.act(ctx, w -> steering.board(w, ctx.formParam("announcement"), ctx.formParam("minutes")));
    }

    void policy(Context ctx) {
        pages.act(ctx, w -> steering.policy(w, ctx.formParam("kind"), ctx.formParam("maxAttempts"), ctx.formParam("penalty")));
    }

    void merge(Context ctx) {
        pages.act(ctx, w -> {
            pages.confirm(ctx, w, "Merge these two rows into one learner? The second's work here becomes the first's.", "Merge");
            return steering.merge(w, ctx.formParam("keep"), ctx.formParam("drop"));
        });
    }

    void remove(Context ctx) {
        pages.act(ctx, w -> {
            pages.confirm(ctx, w, "Take this learner out of the workshop? Their own work stays theirs.", "Remove");
            return steering.remove(w, ctx.pathParam("learner")).orElseThrow(() -> new NotFoundResponse("That learner is not in this workshop."));
        });
    }

    void reopen(Context ctx) {
        pages.act(ctx, w -> steering.reopen(w));
    }

    /** Deletes after a confirm step that offers the results export first. */
    void delete(Context ctx) {
        Workshop w = pages.owned(ctx);
        pages.confirm(ctx, w, "Delete this workshop for good? Download its results first: learners keep their own "
                + "progress and sandboxes, but the room and its member list go.", "Delete it");
        steering.delete(w);
        ctx.redirect("/instructor/workshops", HttpStatus.SEE_OTHER);
    }

    @Override
    public void close() {
        live.close();
    }
}
