package org.recausal.desktop.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;

/** PNG export of a chart with its legend: a snapshot at twice the screen's scale (or as asked), on white. */
public final class ChartImages {
    private static final double SCALE = 2;

    private ChartImages() {
    }

    public static void writePng(Node chart, Path file) throws IOException {
        writePng(chart, file, SCALE);
    }

    public static void writePng(Node chart, Path file, double scale) throws IOException {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        parameters.setTransform(new Scale(scale, scale));
        WritableImage snapshot = chart.snapshot(parameters, null);
        int width = (int) snapshot.getWidth();
        int height = (int) snapshot.getHeight();
        int[] pixels = new int[width * height];
        snapshot.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("This Java runtime has no PNG writer.");
        }
    }
}
