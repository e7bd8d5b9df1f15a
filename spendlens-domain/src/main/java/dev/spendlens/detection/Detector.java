package dev.spendlens.detection;

import java.util.List;

/** Finds anomalies in series; Spendlens's own detector and the reference detectors it is measured against. */
public interface Detector {
    /** A short name for tables. */
    String name();

    /** The anomalies of each series, in series order; the series are judged together (a monitor's). */
    List<SeriesAnomaly> detect(List<TimeSeries> series);
}
