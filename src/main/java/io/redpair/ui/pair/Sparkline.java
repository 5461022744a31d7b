package io.redpair.ui.pair;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * A tiny latency line drawn on a canvas: cheaper than a chart at 4 Hz, and a gap (no answer) is drawn as a
 * red tick at the bottom instead of a drop to zero that would look like "very fast".
 */
public final class Sparkline extends Canvas {

    public Sparkline(double width, double height) {
        super(width, height);
        getStyleClass().add("sparkline");
    }

    public void draw(List<PairHistory.Sample> samples, Color line) {
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        if (samples.size() < 2) {
            return;
        }
        long max = Math.max(10, samples.stream().mapToLong(PairHistory.Sample::latencyMs).max().orElse(10));
        double dx = w / (samples.size() - 1);
        g.setLineWidth(1.5);
        boolean pen = false;
        g.beginPath();
        for (int i = 0; i < samples.size(); i++) {
            long v = samples.get(i).latencyMs();
            double x = i * dx;
            if (v < 0) {
                g.setFill(Color.web("#d1242f"));
                g.fillRect(x - 1, h - 4, 2, 4);
                pen = false;
                continue;
            }
            double y = h - 2 - (h - 4) * v / (double) max;
            if (pen) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                pen = true;
            }
        }
        g.setStroke(line);
        g.stroke();
    }
}
