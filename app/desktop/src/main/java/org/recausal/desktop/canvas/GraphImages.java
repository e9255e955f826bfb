package org.recausal.desktop.canvas;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;

/** PNG export: a snapshot of the whole graph (whatever the zoom and pan), its legend below it, on white. */
final class GraphImages {
    static final double SCALE = 2;
    static final double PADDING = 24;
    /** Longest side in pixels; a bigger graph is drawn at a smaller scale rather than exhausting memory. */
    static final double MAX_SIDE = 8192;

    private GraphImages() {
    }

    static void writePng(GraphLayer graph, CanvasLegend legend, Path file) throws IOException {
        Bounds bounds = graph.graphBounds();
        if (bounds == null) {
            throw ExportFiles.emptyGraph();
        }
        double width = bounds.getWidth() + 2 * PADDING;
        double height = bounds.getHeight() + 2 * PADDING;
        Bounds legendBounds = legend.getBoundsInParent();
        double scale = Math.min(SCALE, MAX_SIDE / Math.max(Math.max(width, legendBounds.getWidth() + 2 * PADDING),
                height + legendBounds.getHeight() + PADDING));
        Rectangle2D area = new Rectangle2D((bounds.getMinX() - PADDING) * scale, (bounds.getMinY() - PADDING) * scale,
                Math.ceil(width * scale), Math.ceil(height * scale));
        WritableImage graphImage = graph.snapshot(parameters(scale, area), null);
        WritableImage legendImage = legend.snapshot(parameters(scale, null), null);

        int margin = (int) Math.round(PADDING * scale);
        int outWidth = (int) Math.max(graphImage.getWidth(), legendImage.getWidth() + 2 * margin);
        int outHeight = (int) (graphImage.getHeight() + legendImage.getHeight() + margin);
        int[] pixels = new int[outWidth * outHeight];
        Arrays.fill(pixels, 0xFFFFFFFF);
        copy(graphImage, pixels, outWidth, 0, 0);
        copy(legendImage, pixels, outWidth, margin, (int) graphImage.getHeight());
        BufferedImage image = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, outWidth, outHeight, pixels, 0, outWidth);
        ExportFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("This Java runtime has no PNG writer.");
            }
        });
    }

    private static SnapshotParameters parameters(double scale, Rectangle2D viewport) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        parameters.setTransform(new Scale(scale, scale));
        parameters.setViewport(viewport);
        return parameters;
    }

    private static void copy(WritableImage image, int[] pixels, int stride, int left, int top) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels,
                top * stride + left, stride);
    }
}
