package dev.spendlens.finance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spendlens.forecast.ForecastInterval;

import java.util.List;

/** Month-end and quarter-end projections as JSON, amounts to the cent with their interval. */
public final class ProjectionJson {
    private ProjectionJson() {}

    public static ObjectNode write(List<Projection> projections, String unit, int level) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("Unit", unit);
        root.put("PredictionIntervalLevel", level);
        ArrayNode array = root.putArray("Projections");
        for (Projection projection : projections) {
            ObjectNode node = array.addObject();
            ArrayNode keys = node.putArray("Keys");
            projection.keys().forEach(keys::add);
            node.put("Method", projection.method().name());
            node.put("Month", projection.month().toString().substring(0, 7));
            node.put("MonthToDate", projection.monthToDate().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
            interval(node.putObject("MonthEnd"), projection.monthEnd());
            node.put("PreviousMonth", projection.previousMonth().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
            node.put("QuarterStart", projection.quarter().toString());
            node.put("QuarterToDate", projection.quarterToDate().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
            interval(node.putObject("QuarterEnd"), projection.quarterEnd());
            ArrayNode drivers = node.putArray("Drivers");
            for (Projection.Driver driver : projection.drivers()) {
                ObjectNode item = drivers.addObject();
                item.put("Dimension", driver.dimension());
                item.put("Value", driver.value());
                item.put("PreviousMonth", CostForecastJson.amount(driver.previousMonth()));
                item.put("ProjectedMonth", CostForecastJson.amount(driver.projectedMonth()));
                item.put("Change", CostForecastJson.amount(driver.change()));
            }
        }
        return root;
    }

    private static void interval(ObjectNode node, ForecastInterval interval) {
        node.put("MeanValue", CostForecastJson.amount(interval.mean()));
        node.put("PredictionIntervalLowerBound", CostForecastJson.amount(interval.lower()));
        node.put("PredictionIntervalUpperBound", CostForecastJson.amount(interval.upper()));
    }
}
