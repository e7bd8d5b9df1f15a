package dev.spendlens.server;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes Prometheus's text exposition format (version 0.0.4): HELP and TYPE once per family, escaped labels. */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder();
    private final Map<String, Boolean> declared = new LinkedHashMap<>();

    /** Declares a metric family; call before its samples. */
    PrometheusText family(String name, String type, String help) {
        if (declared.putIfAbsent(name, true) == null) {
            text.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
            text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        }
        return this;
    }

    /** One sample; labels alternate name and value. */
    PrometheusText sample(String name, Object value, String... labels) {
        text.append(name);
        if (labels.length > 0) {
            text.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(labels[i]).append("=\"").append(escape(labels[i + 1])).append('"');
            }
            text.append('}');
        }
        text.append(' ').append(format(value)).append('\n');
        return this;
    }

    static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String format(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double number) {
            return number.isInfinite() ? (number > 0 ? "+Inf" : "-Inf") : Double.toString(number);
        }
        return value.toString();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
