/**
 * The markup of pages, for the web layer to send: the lab's Thymeleaf templates
 * ({@link cloudlab.page.Templates}), and the lesson page ({@link cloudlab.page.LessonMarkup}),
 * much of which is rendered once and shared between learners ({@link cloudlab.page.KeptMarkup}):
 * each shared piece is rendered from a view record that is also its key, so a value cannot reach
 * the markup without reaching the key. The course's drawings are served as images of their own
 * ({@link cloudlab.page.FigureImages}). It shows what the features computed and decides nothing;
 * it knows no request (no Javalin).
 */
package cloudlab.page;
