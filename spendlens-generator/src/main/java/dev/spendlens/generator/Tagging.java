package dev.spendlens.generator;

/** How well a caller's spend can be attributed from tags. */
enum Tagging {
    /** {@code iamPrincipal/} tags with the canonical values. */
    TAGGED,
    /** {@code iamPrincipal/} tags, but the team spelled differently ({@code DataScience}). */
    MISSPELLED,
    /** No principal tags; every call goes through an application inference profile tagged {@code resourceTags/team}. */
    INFERENCE_PROFILE_ONLY,
    /** No principal tags; the account carries {@code accountTag/team}. */
    ACCOUNT_TAG_ONLY,
    /** Nothing says whose it is. */
    UNTAGGED;

    boolean principalTags() {
        return switch (this) {
            case TAGGED, MISSPELLED -> true;
            case INFERENCE_PROFILE_ONLY, ACCOUNT_TAG_ONLY, UNTAGGED -> false;
        };
    }
}
