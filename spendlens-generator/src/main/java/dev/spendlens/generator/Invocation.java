package dev.spendlens.generator;

import static java.util.Objects.requireNonNull;

/**
 * How a caller invokes one model: the model, the mode, the API operation, and whether prompts are cached.
 */
record Invocation(BedrockModel model, InferenceMode mode, String operation, boolean promptCache) {
    static final String INVOKE = "InvokeModelInference";
    static final String INVOKE_STREAMING = "InvokeModelStreamingInference";

    Invocation {
        requireNonNull(model, "model is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(operation, "operation is null");
    }

    static Invocation of(BedrockModel model, InferenceMode mode, String operation) {
        return new Invocation(model, mode, operation, model.promptCache() && mode != InferenceMode.BATCH);
    }

    static Invocation withoutCache(BedrockModel model, InferenceMode mode, String operation) {
        return new Invocation(model, mode, operation, false);
    }
}
