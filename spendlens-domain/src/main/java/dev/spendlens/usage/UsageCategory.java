package dev.spendlens.usage;

/** What a Bedrock charge is for, following the classification of AWS's Cloud Intelligence Dashboards. */
public enum UsageCategory {
    PROVISIONED_THROUGHPUT(false),
    RESERVED(false),
    CUSTOMIZATION(false),
    CUSTOM_MODEL_IMPORT(false),
    GUARDRAILS(true),
    EVALUATIONS(false),
    FLOWS(true),
    PROMPT_OPTIMIZATION(true),
    PROMPT_ROUTING(true),
    RERANK(true),
    DATA_AUTOMATION(true),
    VIDEO_GENERATION(true),
    IMAGE_GENERATION(true),
    SPEECH(true),
    EMBEDDINGS(true),
    AGENTCORE(true),
    TEXT_INFERENCE(true),
    OTHER(false);

    private final boolean callCharge;

    UsageCategory(boolean callCharge) {
        this.callCharge = callCharge;
    }

    /**
     * True when the charge comes from an API call that CUR can attribute to a caller. Charges that
     * are not calls (provisioned throughput, training, storage) never carry a principal.
     */
    public boolean callCharge() {
        return callCharge;
    }
}
