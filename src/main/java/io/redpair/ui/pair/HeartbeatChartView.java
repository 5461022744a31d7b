package io.redpair.ui.pair;

import io.redpair.pair.BoxId;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * Probe latency of both boxes over the last minutes (x: seconds before now). Unanswered probes are left
 * out, so a dead box shows as a line that stops, not as a fast one. At most {@value #POINTS} points per box.
 */
public final class HeartbeatChartView {

    static final int POINTS = 150;

    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final List<XYChart.Series<Number, Number>> series = new ArrayList<>();

    public HeartbeatChartView() {
        chart.setId("heartbeat-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        // no title: the axis says what it is, and the height goes to the timeline beside it
        x.setLabel("seconds ago");
        y.setLabel("probe latency, ms");
        x.setAutoRanging(false);
        x.setUpperBound(0);
        x.setTickUnit(30);
        for (BoxId box : BoxId.values()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName("Box " + box);
            series.add(s);
        }
        chart.getData().addAll(series);
        chart.setMinHeight(180);
        chart.setPrefHeight(240);
    }

    public Parent root() {
        return chart;
    }

    /** Redrawn at most once a second: a chart of minutes gains nothing from 4 Hz, and its layout is costly. */
    static final long REDRAW_MS = 1000;

    private long drawnAtMs = Long.MIN_VALUE;

    public void show(PairHistory history, long nowMs, long windowMs) {
        if (Math.abs(nowMs - drawnAtMs) < REDRAW_MS) {
            return;
        }
        drawnAtMs = nowMs;
        x.setLowerBound(-windowMs / 1000.0);
        for (BoxId box : BoxId.values()) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>();
            for (PairHistory.Sample s : history.thinned(box, POINTS)) {
                if (s.latencyMs() >= 0) {
                    points.add(new XYChart.Data<>((s.atMs() - nowMs) / 1000.0, s.latencyMs()));
                }
            }
            series.get(box.ordinal()).getData().setAll(points);
        }
    }
}
