/**
 * The DAG editor canvas: {@link org.recausal.desktop.canvas.DagCanvas} and its parts.
 *
 * <p>Every edit goes through the project's {@code EditHistory}; the canvas follows the {@code Dag}'s change
 * events one by one ({@link org.recausal.desktop.canvas.GraphLayer}), so undo, redo and edits made by other
 * panels show up without a rebuild. Geometry (box sizes, edge routes, hit tests) is computed here, not by
 * CSS or JavaFX picking, so it is exact at any zoom and ready before the first CSS pass. Edges run around
 * other variables' boxes: along the auto-layout's bends while their ends stay where it put them, else
 * along detours found by {@link org.recausal.desktop.canvas.EdgeRouter}.
 *
 * <p>For tests and other panels: each variable is a node with id {@code node-<name>}, its connector ring
 * {@code connector-<name>}, each edge a {@code Path} with id {@code edge-<from>-<to>}, the inline name field
 * {@code name-editor}, the legend {@code canvas-legend} and its fold button {@code legend-toggle}. A '.' in
 * a variable name would end a CSS id ({@code #node-a.b} selects id {@code node-a} with style class
 * {@code b}) and JavaFX selectors take no escapes, so ids write each '.' as '·' (U+00B7): build them with
 * {@link org.recausal.desktop.canvas.CanvasIds}, e.g. {@code lookup("#" + CanvasIds.node("user.age"))}
 * finds {@code node-user·age}. Panels colour the graph through a
 * {@link org.recausal.desktop.canvas.CanvasOverlay}; its style classes live in {@code ui-resources/canvas.css}
 * ({@code path-open}, {@code path-blocked}, {@code path-causal}, {@code node-adjusted}, {@code node-flagged},
 * {@code node-latent-by-data}).
 */
package org.recausal.desktop.canvas;
